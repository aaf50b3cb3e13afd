"""Every route of the team app, asked by people who must not see a learner's data.

The routes are read from Starlette's router, and each must have a line in
``ROUTES`` saying who may use it: a new route without one fails this test, so it
cannot ship without an authorisation decision. Ann is the learner whose data is
probed: her answer, note, draft, code (a judge job) and mock interview carry a
secret marker. Bob is in her cohort, Dee in another, Carl coaches another cohort.
None of them may see a marker, Ann's ids are 404s to them, coach pages are 403 to
learners and Ann's cohort is a 404 to Carl. Positive controls (Ann and her coach
Cora see everything) show that each probe could have failed. What carries no
marker (counts, statuses, listings of mocks, cohorts and assignments) is checked
by name. The whole world runs on the in-process judge and, on PostgreSQL, on the
queue (``--judge-on workers``: a job is a submission row).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from starlette.routing import Mount, Route

from mlprep._core import Mlprep
from mlprep.content import Bank
from mlprep.store import utcnow
from mlprep.team import (
    Accounts,
    Assignments,
    AssignmentSpec,
    Cohorts,
    learner_name,
    override_grade,
)
from mlprep.web import create_app

PASSWORD = "a long enough password"
SECRET = "ZQXSECRET"  # in everything of Ann's
WRITTEN, CODING = "bias-variance", "mse-mae"

# Who may use each route: public (no sign-in), own (anyone signed in, on their own
# data only), coach (coaches, on their own cohorts only).
ROUTES: dict[tuple[str, str], str] = {
    ("GET", "/"): "own",
    ("GET", "/q/{qid}"): "own",
    ("POST", "/q/{qid}/hint"): "own",
    ("POST", "/q/{qid}/solution"): "own",
    ("POST", "/q/{qid}/note"): "own",
    ("POST", "/q/{qid}/rate"): "own",
    ("POST", "/q/{qid}/draft"): "own",
    ("GET", "/q/{qid}/attempts/{aid:int}"): "own",
    ("POST", "/q/{qid}/{mode:str}"): "own",
    ("GET", "/jobs/{job_id}.json"): "own",
    ("GET", "/jobs/{job_id}/growth"): "own",
    ("GET", "/jobs/{job_id}"): "own",
    ("GET", "/practice"): "own",
    ("GET", "/practice/session"): "own",
    ("GET", "/mock"): "own",
    ("POST", "/mock"): "own",
    ("GET", "/mock/{mock_id}"): "own",
    ("POST", "/mock/{mock_id}/finish"): "own",
    ("GET", "/progress"): "own",
    ("GET", "/settings"): "coach",
    ("POST", "/settings"): "coach",
    ("POST", "/settings/grader"): "coach",
    ("GET", "/csrf"): "own",
    ("GET", "/sign-in"): "public",
    ("POST", "/sign-in"): "public",
    ("POST", "/sign-out"): "own",
    ("GET", "/welcome/{token}"): "public",
    ("POST", "/welcome/{token}"): "public",
    ("GET", "/team"): "coach",
    ("POST", "/team/cohorts"): "coach",
    ("GET", "/team/cohorts/{cid:int}"): "coach",
    ("POST", "/team/cohorts/{cid:int}/invite"): "coach",
    ("POST", "/team/cohorts/{cid:int}/assignments"): "coach",
    ("GET", "/team/cohorts/{cid:int}/gradebook"): "coach",
    ("GET", "/team/cohorts/{cid:int}/gradebook.csv"): "coach",
    ("GET", "/team/cohorts/{cid:int}/learners/{aid:int}"): "coach",
    ("POST", "/team/cohorts/{cid:int}/learners/{aid:int}/reset"): "coach",
    ("POST", "/team/attempts/{attempt_id:int}/override"): "coach",
    ("GET", "/team/overrides.jsonl"): "coach",
    ("GET", "/assignments"): "own",
    ("POST", "/assignments/{aid:int}/start"): "own",
}


@dataclass
class World:
    app: Any
    core: Mlprep
    clients: dict[str, TestClient]
    tokens: dict[str, str]
    ids: dict[str, Any]


def _sign_in(app: Any, login: str) -> tuple[TestClient, str]:
    client = TestClient(app, base_url="http://127.0.0.1")
    client.__enter__()
    page = client.get("/sign-in").text
    token = re.search(r'name="csrf-token" content="([^"]+)"', page)
    assert token
    done = client.post(
        "/sign-in",
        data={"csrf": token.group(1), "login": login, "password": PASSWORD, "next": "/"},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text[:300]
    home = client.get("/").text
    session_token = re.search(r'name="csrf-token" content="([^"]+)"', home)
    assert session_token
    return client, session_token.group(1)


def _judge_on(where: str, db_url: str) -> str:
    """Where code is judged: in the server process, or queued for workers (PostgreSQL)."""
    if where == "workers":
        if "://" not in db_url:
            pytest.skip("the queue needs PostgreSQL")
        from mlprep.store import Store
        from mlprep.workers import ensure_queue_schema

        Store(db_url).close()
        ensure_queue_schema(db_url)
    return where


@pytest.fixture(params=["here", "workers"])
def judge_on(request: pytest.FixtureRequest, db_url: str) -> str:
    return _judge_on(str(request.param), db_url)


@pytest.fixture
def world(db_url: str, bank: Bank, judge_on: str) -> Iterator[World]:
    """A world of its own, for the test whose probes post as everyone."""
    with _world(db_url, bank, judge_on) as made:
        yield made


@pytest.fixture(
    scope="module",
    params=[
        ("sqlite", "here"),
        ("sqlite", "workers"),
        ("postgresql", "here"),
        ("postgresql", "workers"),
    ],
    ids=lambda p: "-".join(p),
)
def seen_world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, bank: Bank
) -> Iterator[World]:
    """One world per backend and judge for the tests that only read (GET, or posts
    refused before anything is done): built once instead of once per test."""
    backend, where = request.param
    if backend == "sqlite":
        db_url = str(tmp_path_factory.mktemp("team-routes") / "team.db")
        with _world(db_url, bank, _judge_on(where, db_url)) as made:
            yield made
        return
    server = request.getfixturevalue("pg_server")
    name = server.create_database()
    try:
        db_url = server.url_for(name)
        with _world(db_url, bank, _judge_on(where, db_url)) as made:
            yield made
    finally:
        server.drop_database(name)


@contextmanager
def _world(db_url: str, bank: Bank, judge_on: str) -> Iterator[World]:
    core = Mlprep(db=db_url, bank=bank)
    accounts = Accounts(core.store)
    cora = accounts.init("cora@example.org", "Cora").account
    accounts.set_password(cora.id, PASSWORD)
    carl = accounts.create("carl@example.org", "Carl", "coach")
    accounts.set_password(carl.id, PASSWORD)
    cohorts = Cohorts(core.store)
    mine = cohorts.create("Ann's cohort", cora)
    theirs = cohorts.create("Carl's cohort", carl)
    people = {}
    for cohort, coach, email, name in (
        (mine, cora, "ann@example.org", "Ann"),
        (mine, cora, "bob@example.org", "Bob"),
        (theirs, carl, "dee@example.org", "Dee"),
    ):
        people[name] = cohorts.invite(cohort.id, email, name, coach).account
        accounts.set_password(people[name].id, PASSWORD)
    now = utcnow()
    spec = AssignmentSpec(
        "Screen",
        now - timedelta(hours=1),
        now + timedelta(days=1),
        ids=(WRITTEN,),
        time_limit_min=30,
    )
    screen = Assignments(core.store).create(mine.id, spec, [WRITTEN], cora)
    app = create_app(core, team=True, warm_judge=False, workers=1, judge_on=judge_on)
    clients, tokens = {}, {}
    for login in ("Ann", "Bob", "Dee", "Carl", "Cora"):
        clients[login], tokens[login] = _sign_in(app, login)
    ann = clients["Ann"]
    t = tokens["Ann"]
    ann.post(f"/q/{WRITTEN}/note", data={"csrf": t, "note": f"{SECRET} note"})
    ann.post(f"/q/{WRITTEN}/draft", data={"csrf": t, "answer": f"{SECRET} draft"})
    graded = ann.post(
        f"/q/{WRITTEN}/submit",
        data={
            "csrf": t,
            "answer": f"{SECRET} answer: high variance means overfitting, "
            "high bias means underfitting; more data lowers variance.",
        },
    )
    assert graded.status_code == 200, graded.text[:300]
    if judge_on == "workers":  # graded by the worker's code, here in the test's process
        from mlprep.workers import run_submission
        from mlprep.workers._tasks import Runtime

        queued = re.search(r'data-job="([0-9a-f]{32})"', graded.text)
        if queued:
            assert run_submission(Runtime(core, None), queued.group(1)) == "done"
    source = bank.questions[CODING].read("solution.py") + f"\n# {SECRET} code\n"
    ran = ann.post(f"/q/{CODING}/run", data={"csrf": t, "source": source})
    assert ran.status_code == 200, ran.text[:300]
    if judge_on == "workers":  # no worker runs: the job waits in the queue, as a row
        found = re.search(r'data-job="([0-9a-f]{32})"', ran.text)
        assert found, ran.text[:300]
        job_id = found.group(1)
    else:
        web = app.state.web
        job_id = next(
            j.id for j in web.jobs._jobs.values() if j.owner == learner_name(people["Ann"].id)
        )
    started = ann.post(
        "/mock", data={"csrf": t, "track": "ml-engineer", "minutes": "45"}, follow_redirects=False
    )
    mock_id = int(started.headers["location"].rsplit("/", 1)[1])
    attempt = core.store.attempts(learner=learner_name(people["Ann"].id))[0]
    # Her coach's override: the export carries her answer (and so the marker).
    override_grade(core.store, cora, attempt.id, 0.9, "a fair answer")
    ids = {
        "qid": WRITTEN,
        "attempt": attempt.id,
        "job": job_id,
        "mock": mock_id,
        "cohort": mine.id,
        "ann": people["Ann"].id,
        "assignment": screen.id,
    }
    yield World(app, core, clients, tokens, ids)
    for client in clients.values():
        client.__exit__(None, None, None)
    core.store.close()


def _params(path: str, ids: dict[str, Any]) -> str:
    """The route's path with Ann's ids (or her cohort's) in it."""
    filled = {
        "{qid}": ids["qid"],
        "{aid:int}": ids["attempt"],
        "{mode:str}": "submit",
        "{job_id}": ids["job"],
        "{mock_id}": ids["mock"],
        "{cid:int}": ids["cohort"],
        "{attempt_id:int}": ids["attempt"],
        "{token}": "not-a-real-token",
    }
    if path.startswith("/team/cohorts/") and "/learners/" in path:
        filled["{aid:int}"] = ids["ann"]
    if path.startswith("/assignments/"):
        filled["{aid:int}"] = ids["assignment"]
    for key, value in filled.items():
        path = path.replace(key, str(value))
    assert "{" not in path, path
    return path


def _form(token: str) -> dict[str, str]:
    """A plausible form for any route, with the asker's own valid CSRF token."""
    return {
        "csrf": token,
        "answer": "my own answer about bias and variance",
        "note": "my own note",
        "score": "1",
        "reason": "taking over",
        "name": "A new cohort",
        "email": "someone@example.org",
        "title": "t",
        "ids": WRITTEN,
        "opens": "2026-01-01T00:00",
        "due": "2026-12-01T00:00",
        "track": "ml-engineer",
        "minutes": "45",
        "grader": "lexical",
        "login": "Ann",
        "password": "wrong",
    }


def _routes(app: Any) -> list[tuple[str, str]]:
    found = []
    for route in app.routes:
        if isinstance(route, Mount):
            continue
        assert isinstance(route, Route)
        for method in sorted((route.methods or set()) - {"HEAD"}):
            found.append((method, route.path))
    return found


def test_every_route_has_an_authorisation_decision(seen_world: World) -> None:
    found = _routes(seen_world.app)
    undecided = [r for r in found if r not in ROUTES]
    assert not undecided, f"routes without a line in ROUTES: {undecided}"
    gone = [r for r in ROUTES if r not in found]
    assert not gone, f"ROUTES lists routes the app no longer has: {gone}"


def _ask(world: World, who: str, method: str, path: str) -> Any:
    client = world.clients[who]
    url = _params(path, world.ids)
    if method == "GET":
        return client.get(url, follow_redirects=False)
    return client.post(url, data=_form(world.tokens[who]), follow_redirects=False)


def _expected_status(policy: str, who: str, path: str) -> int | None:
    """403 for a learner on a coach page, 404 for Ann's rows; None: any 2xx-4xx."""
    if policy == "coach":
        if who != "Carl":
            return 403
        return 404 if "{cid:int}" in path or "/team/attempts/" in path else None
    if path.startswith("/assignments/"):
        # Bob is in Ann's cohort: the assignment is his too (his own sitting).
        return None if who == "Bob" else 404
    owned = ("{aid:int}", "{job_id}", "{mock_id}")  # ids of Ann's own rows
    return 404 if any(o in path for o in owned) else None


def test_nobody_else_sees_a_learners_data(world: World) -> None:
    for method, path in _routes(world.app):
        policy = ROUTES[(method, path)]
        if policy == "public" or path == "/sign-out":
            continue
        for who in ("Bob", "Dee", "Carl"):
            response = _ask(world, who, method, path)
            where = f"{who}: {method} {path} -> {response.status_code}"
            assert SECRET not in response.text, where
            assert response.status_code < 500, where
            expected = _expected_status(policy, who, path)
            if expected is not None:
                assert response.status_code == expected, where
    # Nothing of Ann's was changed by them either.
    store, ann = world.core.store, learner_name(world.ids["ann"])
    assert store.note(WRITTEN, learner=ann) == f"{SECRET} note"
    draft = store.draft(WRITTEN, scope="practice", learner=ann)
    assert draft is not None and draft.text == f"{SECRET} draft"
    assert (
        next(m for m in store.mocks(learner=ann) if m.id == world.ids["mock"]).finished_at is None
    )
    assert world.app.state.web.core.store is store


def test_the_owner_and_her_coach_do_see_it(seen_world: World) -> None:
    """Positive controls: the probes above would have found the data."""
    world = seen_world
    ann = world.clients["Ann"]
    ids = world.ids
    assert SECRET in ann.get(f"/q/{WRITTEN}").text  # note and draft
    assert SECRET in ann.get(f"/q/{WRITTEN}/attempts/{ids['attempt']}").text
    assert ann.get(f"/jobs/{ids['job']}.json").status_code == 200
    assert ann.get(f"/mock/{ids['mock']}").status_code == 200
    cora = world.clients["Cora"]
    page = cora.get(f"/team/cohorts/{ids['cohort']}/learners/{ids['ann']}")
    assert page.status_code == 200 and SECRET in page.text
    assert "Ann" in cora.get(f"/team/cohorts/{ids['cohort']}/gradebook.csv").text
    assert SECRET in cora.get("/team/overrides.jsonl").text


def test_counts_statuses_and_listings_are_the_askers_own(seen_world: World) -> None:
    """What carries no marker: attempt counts, question statuses, listed mocks,
    cohorts and assignments. Asked before anyone else has done anything."""
    world = seen_world
    ids = world.ids

    def ask(who: str, path: str) -> str:
        response = world.clients[who].get(path)
        assert response.status_code == 200, (who, path, response.status_code)
        return response.text

    def attempts(who: str) -> int:
        found = re.search(r'id="attempts">(\d+)<', ask(who, "/progress"))
        assert found, who
        return int(found.group(1))

    def status(who: str) -> str:
        row = re.search(
            rf'href="/q/{WRITTEN}".*?class="status (\w+)"', ask(who, f"/?q={WRITTEN}"), re.S
        )
        assert row, who
        return row.group(1)

    assert attempts("Ann") >= 1 and status("Ann") != "new"  # the controls
    mock_link = f'href="/mock/{ids["mock"]}"'
    assert mock_link in ask("Ann", "/mock")
    cohort_link = f'href="/team/cohorts/{ids["cohort"]}"'
    assert cohort_link in ask("Cora", "/team")
    assert "Screen" in ask("Bob", "/assignments")  # his cohort's assignment
    for who in ("Bob", "Dee", "Carl"):
        assert attempts(who) == 0, who
        assert status(who) == "new", who
        assert mock_link not in ask(who, "/mock"), who
    assert cohort_link not in ask("Carl", "/team")  # a cohort he does not run
    for who in ("Dee", "Carl"):
        assert "Screen" not in ask(who, "/assignments"), who


def test_nobody_signed_in_gets_nothing(seen_world: World) -> None:
    world = seen_world
    with TestClient(world.app, base_url="http://127.0.0.1") as anonymous:
        for method, path in _routes(world.app):
            if ROUTES[(method, path)] == "public":
                continue
            url = _params(path, world.ids)
            if method == "GET":
                response = anonymous.get(
                    url, follow_redirects=False, headers={"accept": "text/html"}
                )
                assert response.status_code == 303, (path, response.status_code)
                assert response.headers["location"].startswith("/sign-in?next=")
            else:
                response = anonymous.post(url, data={"csrf": "x"}, follow_redirects=False)
                assert response.status_code == 401, (path, response.status_code)
            assert SECRET not in response.text
