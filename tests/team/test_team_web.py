"""Team mode through the app in-process: sign-in, cookies, links, assignments, assessments."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from mlprep._core import Mlprep
from mlprep.content import Bank
from mlprep.store import utcnow
from mlprep.team import Accounts, Assignments, AssignmentSpec, Cohorts, learner_name
from mlprep.web import create_app

PASSWORD = "a long enough password"
WRITTEN = "bias-variance"


def _token(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found
    return found.group(1)


@pytest.fixture
def team(db_url: str, bank: Bank) -> Iterator[tuple[Any, Mlprep]]:
    core = Mlprep(db=db_url, bank=bank)
    accounts = Accounts(core.store)
    cora = accounts.init("cora@example.org", "Cora").account
    accounts.set_password(cora.id, PASSWORD)
    app = create_app(core, team=True, warm_judge=False, workers=1)
    yield app, core
    core.store.close()


def _client(app: Any) -> TestClient:
    return TestClient(app, base_url="http://127.0.0.1")


def _sign_in(client: TestClient, login: str, password: str = PASSWORD) -> Any:
    token = _token(client.get("/sign-in").text)
    return client.post(
        "/sign-in",
        data={"csrf": token, "login": login, "password": password, "next": "/progress"},
        follow_redirects=False,
    )


def test_sign_in_sets_a_safe_cookie_and_sign_out_ends_the_session(team: Any) -> None:
    app, _core = team
    with _client(app) as client:
        assert client.get("/", follow_redirects=False).status_code in (303, 401)
        done = _sign_in(client, "cora@example.org")
        assert done.status_code == 303 and done.headers["location"] == "/progress"
        cookie = done.headers["set-cookie"]
        assert "mlprep_session=" in cookie and "HttpOnly" in cookie
        assert "samesite=lax" in cookie.lower() and "Max-Age=43200" in cookie
        assert "Secure" not in cookie  # plain http on loopback
        stolen = client.cookies.get("mlprep_session")
        page = client.get("/")
        assert page.status_code == 200 and 'id="signed-in-as">Cora<' in page.text
        out = client.post("/sign-out", data={"csrf": _token(page.text)}, follow_redirects=False)
        assert out.status_code == 303
    with _client(app) as replay:  # the old cookie is dead on the server, not only deleted
        replay.cookies.set("mlprep_session", stolen or "")
        assert replay.get("/progress", follow_redirects=False).status_code == 401


def test_the_session_cookie_is_secure_over_https(team: Any) -> None:
    app, _core = team
    with TestClient(app, base_url="https://127.0.0.1") as client:
        done = _sign_in(client, "Cora")
        assert done.status_code == 303
        assert "Secure" in done.headers["set-cookie"]


def test_a_forged_or_tampered_cookie_is_nobody(team: Any) -> None:
    app, _core = team
    with _client(app) as client:
        assert _sign_in(client, "Cora").status_code == 303
        value = client.cookies.get("mlprep_session") or ""
        client.cookies.clear()
        client.cookies.set("mlprep_session", value[:-2] + ("AA" if value[-2:] != "AA" else "BB"))
        assert client.get("/progress", follow_redirects=False).status_code == 401


def test_wrong_passwords_are_throttled(team: Any) -> None:
    app, _core = team
    with _client(app) as client:
        for _ in range(5):
            assert _sign_in(client, "Cora", "not the password").status_code == 401
        refused = _sign_in(client, "Cora")
        assert refused.status_code == 429 and "too many failed sign-ins" in refused.text


def test_a_session_csrf_token_is_not_anothers(team: Any) -> None:
    app, core = team
    accounts = Accounts(core.store)
    other = accounts.create("carl@example.org", "Carl", "coach")
    accounts.set_password(other.id, PASSWORD)
    with _client(app) as cora, _client(app) as carl:
        _sign_in(cora, "Cora")
        _sign_in(carl, "Carl")
        carl_token = _token(carl.get("/").text)
        assert carl_token != _token(cora.get("/").text)
        refused = cora.post("/team/cohorts", data={"csrf": carl_token, "name": "Forged"})
        assert refused.status_code == 403
        assert Cohorts(core.store).of(accounts.find("Cora")) == []  # type: ignore[arg-type]


def test_an_invitation_link_signs_in_once(team: Any) -> None:
    app, core = team
    with _client(app) as coach:
        _sign_in(coach, "Cora")
        token = _token(coach.get("/team").text)
        made = coach.post("/team/cohorts", data={"csrf": token, "name": "Spring"})
        cohort_url = str(made.url)
        shown = coach.post(
            cohort_url + "/invite",
            data={"csrf": token, "email": "ann@example.org", "name": "Ann"},
        )
        link = re.search(r'id="one-time-link">http://127\.0\.0\.1(/welcome/[^<]+)<', shown.text)
        assert link, shown.text[:500]
    with _client(app) as ann:
        page = ann.get(link.group(1))
        assert page.status_code == 200 and "ann@example.org" in page.text
        form = {"csrf": _token(page.text), "password": PASSWORD, "again": PASSWORD}
        mismatch = ann.post(link.group(1), data={**form, "again": "something else!"})
        assert mismatch.status_code == 400 and "differ" in mismatch.text
        done = ann.post(link.group(1), data=form, follow_redirects=False)
        assert done.status_code == 303 and "mlprep_session=" in done.headers["set-cookie"]
        assert ann.get("/assignments").status_code == 200
    with _client(app) as again:
        assert again.get(link.group(1)).status_code == 410
    assert core.store.learner_id(learner_name(2)) > 0


def test_a_learner_completes_an_assignment_and_a_sealed_assessment(team: Any) -> None:
    app, core = team
    accounts = Accounts(core.store)
    cora = accounts.find("Cora")
    assert cora is not None
    cohorts = Cohorts(core.store)
    cohort = cohorts.create("Spring", cora)
    ann = cohorts.invite(cohort.id, "ann@example.org", "Ann", cora).account
    accounts.set_password(ann.id, PASSWORD)
    now = utcnow()
    window = (now - timedelta(minutes=5), now + timedelta(days=1))
    assignments = Assignments(core.store)
    week = AssignmentSpec("Week 1", *window, ids=(WRITTEN,))
    assignments.create(cohort.id, week, [WRITTEN], cora)
    screen = AssignmentSpec(
        "Screen",
        *window,
        ids=(WRITTEN,),
        time_limit_min=20,
        hints_allowed=False,
        feedback_before_end=False,
    )
    timed = assignments.create(cohort.id, screen, [WRITTEN], cora)
    answer = (
        "Bias is error from wrong assumptions, variance is sensitivity to the training set; "
        "a more complex model lowers bias and raises variance, so we trade them off and "
        "pick the complexity with the lowest validation error."
    )
    with _client(app) as client:
        _sign_in(client, "Ann")
        page = client.get("/assignments")
        assert "0 of 1 done" in page.text
        token = _token(page.text)
        client.post(f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": answer})
        mine = assignments.for_learner(ann)
        week_state = next(m for m in mine if m.assignment.title == "Week 1")
        expected = "1 of 1 done" if week_state.done else "0 of 1 done"
        assert expected in client.get("/assignments").text
        started = client.post(
            f"/assignments/{timed.id}/start", data={"csrf": token}, follow_redirects=False
        )
        assert started.status_code == 303
        mock_id = int(started.headers["location"].rsplit("/", 1)[1])
        # No hints for its question, here or as practice in another tab.
        for url in (f"/q/{WRITTEN}/hint", f"/q/{WRITTEN}/solution"):
            refused = client.post(url, data={"csrf": token, "mock": str(mock_id)})
            assert refused.status_code == 403 and "not allowed" in refused.text
        graded = client.post(
            f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": answer, "mock": str(mock_id)}
        )
        assert graded.status_code == 200 and "shown when the assessment ends" in graded.text
        assert "score" not in graded.text.lower()
        in_mock = [
            a for a in core.store.attempts(learner=learner_name(ann.id)) if a.mock_id == mock_id
        ]
        assert len(in_mock) == 1 and in_mock[0].score is not None  # graded and recorded
        # Its result stays sealed on the attempt's page, and the question gives no
        # feedback as practice meanwhile.
        sealed_page = client.get(f"/q/{WRITTEN}/attempts/{in_mock[0].id}")
        assert sealed_page.status_code == 403
        practice = client.post(f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": answer})
        assert practice.status_code == 403 and "assessment you are sitting" in practice.text
        again = client.post(
            f"/assignments/{timed.id}/start", data={"csrf": token}, follow_redirects=False
        )
        assert again.headers["location"] == f"/mock/{mock_id}"  # one sitting


def test_an_answer_after_the_assessments_time_limit_is_not_part_of_it(team: Any) -> None:
    """A timed assessment ends at its time limit, whether or not the learner presses
    Finish: an answer sent later (when its hints and feedback are no longer held back)
    is saved as ordinary practice, not counted in the sitting."""
    from sqlalchemy import update

    from mlprep.store import MockSession

    app, core = team
    accounts = Accounts(core.store)
    cora = accounts.find("Cora")
    assert cora is not None
    cohorts = Cohorts(core.store)
    cohort = cohorts.create("Screen", cora)
    ann = cohorts.invite(cohort.id, "ann@example.org", "Ann", cora).account
    accounts.set_password(ann.id, PASSWORD)
    now = utcnow()
    screen = AssignmentSpec(
        "Screen",
        now - timedelta(hours=2),
        now + timedelta(days=1),
        ids=(WRITTEN,),
        time_limit_min=20,
        hints_allowed=False,
        feedback_before_end=False,
    )
    timed = Assignments(core.store).create(cohort.id, screen, [WRITTEN], cora)
    answer = "Bias is error from wrong assumptions; variance is sensitivity to the sample."
    with _client(app) as client:
        _sign_in(client, "Ann")
        token = _token(client.get("/assignments").text)
        started = client.post(
            f"/assignments/{timed.id}/start", data={"csrf": token}, follow_redirects=False
        )
        mock_id = int(started.headers["location"].rsplit("/", 1)[1])
        # 21 minutes later: the 20 are up, and nobody pressed Finish.
        with core.store.transaction() as s:
            s.execute(
                update(MockSession)
                .where(MockSession.id == mock_id)
                .values(started_at=now - timedelta(minutes=21))
            )
        hint = client.post(f"/q/{WRITTEN}/hint", data={"csrf": token, "mock": str(mock_id)})
        assert hint.status_code == 200  # the assessment is over: its rules no longer hold
        late = client.post(
            f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": answer, "mock": str(mock_id)}
        )
        assert late.status_code == 200 and "time was up" in late.text
    attempts = core.store.attempts(learner=learner_name(ann.id))
    assert len(attempts) == 1 and attempts[0].mock_id is None


def test_a_team_page_reads_in_one_transaction(team: Any) -> None:
    """A page's store reads share one transaction: the session check takes a pooled
    connection, the page one more, however many store calls it makes (a question page
    made five, each with its own connection, health ping, BEGIN and COMMIT)."""
    from sqlalchemy import event

    app, core = team
    accounts = Accounts(core.store)
    cora = accounts.find("Cora")
    assert cora is not None
    checkouts: list[int] = []

    def counted(*args: Any) -> None:
        checkouts.append(1)

    with _client(app) as client:
        _sign_in(client, "Cora")
        for path in ("/", f"/q/{WRITTEN}", "/progress", "/assignments"):
            client.get(path)  # anything loaded once per process is loaded
            event.listen(core.store.engine, "checkout", counted)
            try:
                page = client.get(path)
            finally:
                event.remove(core.store.engine, "checkout", counted)
            assert page.status_code == 200, path
            assert len(checkouts) <= 2, (path, len(checkouts))
            checkouts.clear()
