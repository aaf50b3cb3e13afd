"""A mock interview: start once, hidden difficulty, timer, answers count, scorecard."""

from __future__ import annotations

import json
import re

from .conftest import Browserless


def _start(web: Browserless, submission: str = "start-1") -> str:
    home = web.page("/mock")
    token = web.token(home)
    response = web.client.post(
        "/mock",
        data={"csrf": token, "track": "data-scientist", "minutes": "30", "submission": submission},
        follow_redirects=False,
    )
    assert response.status_code == 303
    return response.headers["location"]


def test_mock_interview_end_to_end(web: Browserless) -> None:
    url = _start(web)
    assert _start(web) == url  # a double click does not open a second interview
    assert len(web.core.store.mocks()) == 1
    [row] = web.core.store.mocks()
    plan = json.loads(row.plan_json)["questions"]
    html = web.page(url)
    assert 'id="timer"' in html and 'data-ends="' in html
    for difficulty in ("easy", "medium", "hard"):
        assert f'class="diff {difficulty}"' not in html  # difficulty stays hidden
    assert 'id="show-solution"' not in html  # no model answer during the interview
    # Answer the first written question of the plan through its mock page.
    index, qid = next((i, q) for i, q in enumerate(plan) if not web.core.question(q).is_coding)
    page = web.page(f"{url}?n={index}")
    token = web.token(page)
    strong = next(s for s in web.core.question(qid).samples if s.quality == "strong")
    response = web.client.post(
        f"/q/{qid}/submit",
        data={
            "csrf": token,
            "answer": strong.text,
            "mock": str(row.id),
            "submission": web.field(page, "submission"),
        },
    )
    assert response.status_code == 200 and "Score" in response.text
    [attempt] = web.core.store.attempts(question_id=qid)
    assert attempt.mock_id == row.id
    finish = web.client.post(f"{url}/finish", data={"csrf": token}, follow_redirects=True)
    assert finish.status_code == 200 and 'id="mock-total"' in finish.text
    card = json.loads(web.core.store.mocks()[0].scorecard_json)
    shown = re.search(r'id="mock-total">([^<]+)<', finish.text).group(1)
    assert shown == f"{card['total']:.0%}"
    # Finishing again keeps the first scorecard.
    again = web.client.post(f"{url}/finish", data={"csrf": token}, follow_redirects=True)
    assert again.status_code == 200
    assert json.loads(web.core.store.mocks()[0].scorecard_json) == card
    # An answer posted from a tab left open on the finished mock still counts, as practice.
    late = web.client.post(
        f"/q/{qid}/submit", data={"csrf": token, "answer": "late answer", "mock": str(row.id)}
    )
    assert late.status_code == 200 and "already finished" in late.text
    assert web.core.store.attempts(question_id=qid)[-1].mock_id is None
    # The mock list and the dashboard show it.
    assert f'href="/mock/{row.id}"' in web.page("/mock")
    assert '<rect class="bar"' in web.page("/progress")


def test_bad_mock_forms(web: Browserless) -> None:
    token = web.token()
    for data in (
        {"track": "astronaut", "minutes": "30"},
        {"track": "research", "minutes": "0"},
        {"track": "research", "minutes": "soon"},
    ):
        response = web.client.post("/mock", data={"csrf": token, **data})
        assert response.status_code == 400
    assert web.core.store.mocks() == []
