"""The team web app on the queue: a submission is queued, then judged by a worker
process, and every page shows its state from the database, to its owner only."""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from mlprep._core import Mlprep
from mlprep.grading import grade
from mlprep.team import Accounts, Cohorts, learner_name
from mlprep.web import create_app

from .conftest import Workers

pytestmark = pytest.mark.pg

PASSWORD = "a long enough password"
CODING, WRITTEN = "mse-mae", "bias-variance"


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
    session = re.search(r'name="csrf-token" content="([^"]+)"', home)
    assert session
    return client, session.group(1)


@pytest.fixture
def team_app(queue_db: str) -> Iterator[tuple[Any, Mlprep]]:
    core = Mlprep(db=queue_db)
    accounts = Accounts(core.store)
    cora = accounts.init("cora@example.org", "Cora").account
    cohorts = Cohorts(core.store)
    cohort = cohorts.create("Cohort", cora)
    for email, name in (("ann@example.org", "Ann"), ("bob@example.org", "Bob")):
        account = cohorts.invite(cohort.id, email, name, cora).account
        accounts.set_password(account.id, PASSWORD)
    yield create_app(core, team=True, judge_on="workers"), core
    core.store.close()


def test_a_submission_shows_queued_then_its_verdict_from_the_database(
    team_app: tuple[Any, Mlprep], workers: Workers
) -> None:
    app, core = team_app
    ann, token = _sign_in(app, "Ann")
    bob, _ = _sign_in(app, "Bob")
    source = core.bank.questions[CODING].read("solution.py")
    answered = ann.post(f"/q/{CODING}/submit", data={"csrf": token, "source": source})
    assert answered.status_code == 200
    assert "Queued" in answered.text  # no worker runs yet: it waits in the queue
    job_id = re.search(r'data-job="([0-9a-f]{32})"', answered.text)
    assert job_id, answered.text[:500]
    job = job_id.group(1)
    assert ann.get(f"/jobs/{job}.json").json()["state"] == "queued"
    assert bob.get(f"/jobs/{job}.json").status_code == 404  # not his

    workers.start(0)
    deadline = time.monotonic() + 180
    seen = set()
    while time.monotonic() < deadline:
        doc = ann.get(f"/jobs/{job}.json").json()
        seen.add(doc["state"])
        if doc["state"] == "done":
            break
        time.sleep(0.05)
    assert doc["state"] == "done", workers.logs()
    assert doc["result"]["verdict"] == "accepted"
    assert "queued" in seen
    page = ann.get(f"/jobs/{job}").text
    assert "Accepted" in page or "accepted" in page
    # A second server process (a fresh app over the same database) shows the same.
    other, _ = _sign_in(create_app(core, team=True, judge_on="workers"), "Ann")
    assert other.get(f"/jobs/{job}.json").json()["state"] == "done"

    # A written answer goes to the grade queue; its page shows the worker's report.
    question = core.question(WRITTEN)
    answer = (question.path / "answer.md").read_text()
    graded = ann.post(f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": answer})
    assert graded.status_code == 200
    found = re.search(r'data-job="([0-9a-f]{32})"', graded.text)
    page = graded.text
    if found:  # not graded within the request's short wait: poll as the page does
        deadline = time.monotonic() + 120
        while "Score" not in page and time.monotonic() < deadline:
            page = ann.get(f"/jobs/{found.group(1)}").text
    assert "Score" in page, page[:500]
    expected = grade(question, answer)
    assert f"{expected.score:.0%}" in page or f"{round(expected.score * 100)}%" in page
    assert 'id="self-rate"' in page  # graded by a worker, outside a mock: rate it yourself
    attempts = core.store.attempts(learner=learner_name(_account(core, "Ann")))
    assert sorted(a.kind for a in attempts) == ["coding", "written"]
    for client in (ann, bob, other):
        client.__exit__(None, None, None)


def _account(core: Mlprep, name: str) -> int:
    account = next(a for a in Accounts(core.store).all() if a.name == name)
    return int(account.id)
