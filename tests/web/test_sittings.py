"""Issue 15 in the web app: quick resubmits are one sitting, mocks are isolated,
answers that are not attempts are refused, abandoned mocks say so."""

from __future__ import annotations

import json
from typing import Any

from mlprep.study import Rating

from .conftest import CODING, WRITTEN, Browserless


class FakeResult:
    def __init__(self, verdict: str) -> None:
        self.verdict = verdict
        self.accepted = verdict == "accepted"

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "tests": []}


def _post_answer(web: Browserless, qid: str, text: str, **extra: str) -> Any:
    page = web.page(f"/q/{qid}")
    return web.client.post(
        f"/q/{qid}/submit",
        data={
            "csrf": web.token(page),
            "answer": text,
            "submission": f"nonce-{len(text)}-{hash(text)}",
            **extra,
        },
    )


def test_quick_resubmits_on_a_page_are_one_review_and_no_leech(web: Browserless) -> None:
    weak = "It is about errors."
    for i in range(5):
        response = _post_answer(web, WRITTEN, weak + " " * i + f" take {i}")
        assert response.status_code == 200, response.text[:300]
    assert len(web.core.store.attempts(question_id=WRITTEN)) == 5
    [log] = web.core.store.review_logs()
    assert log.rating == Rating.AGAIN  # rated from the sitting's first answer
    row = web.core.store.review(WRITTEN)
    assert row is not None and not row.leech and row.lapses == 0


def test_an_empty_or_placeholder_answer_is_refused_and_records_nothing(
    web: Browserless,
) -> None:
    for text in ("Your answer here.", "   "):
        response = _post_answer(web, WRITTEN, text)
        assert response.status_code == 400
    page = web.page(f"/q/{CODING}")
    response = web.client.post(
        f"/q/{CODING}/submit",
        data={
            "csrf": web.token(page),
            "source": web.core.question(CODING).read("starter.py"),
            "submission": "starter",
        },
    )
    assert response.status_code == 400 and "Not attempted" in response.text
    assert web.core.store.attempts() == [] and web.core.store.review_logs() == []


def test_a_mock_after_practice_shows_starter_code_and_zero_hints(web: Browserless) -> None:
    core = web.core
    # Practice: two hints, a wrong submission with the learner's own code.
    core.next_hint(CODING)
    core.next_hint(CODING)
    mine = "def my_own_attempt():\n    return 42  # PRACTICE CODE\n"
    core.judge(CODING, mine, judge_fn=lambda *a, **k: FakeResult("wrong_answer"))
    core.store.set_note(CODING, "PRIVATE NOTE")
    home = web.page("/mock")
    response = web.client.post(
        "/mock",
        data={
            "csrf": web.token(home),
            "track": "data-scientist",
            "minutes": "45",
            "submission": "m1",
        },
        follow_redirects=False,
    )
    url = response.headers["location"]
    [row] = core.store.mocks()
    plan = json.loads(row.plan_json)["questions"]
    assert plan[0] == CODING  # the weakest coding question comes first
    html = web.page(url)
    assert "PRACTICE CODE" not in html and "PRIVATE NOTE" not in html
    starter_line = core.question(CODING).read("starter.py").splitlines()[-1].strip()
    assert starter_line in html
    assert "Reveal hint 1 of" in html  # no hint shown
    # A hint inside the mock is the mock's first, and only it counts.
    hint = web.client.post(f"/q/{CODING}/hint", data={"csrf": web.token(html), "mock": str(row.id)})
    assert hint.status_code == 200 and "Reveal hint 2 of" in hint.text
    core.judge(CODING, "x = 1\n", judge_fn=lambda *a, **k: FakeResult("accepted"), mock_id=row.id)
    finish = web.client.post(f"{url}/finish", data={"csrf": web.token(html)})
    assert finish.status_code in (200, 303)
    card = json.loads(core.store.mocks()[0].scorecard_json or "{}")
    first = card["questions"][0]
    assert first["hints_used"] == 1 and first["submissions"] == 1 and first["score"] == 1.0


def _start_mock(web: Browserless, track: str, minutes: str, submission: str) -> tuple[str, str]:
    """Start a mock from its form; returns the mock's page URL and the form page."""
    home = web.page("/mock")
    response = web.client.post(
        "/mock",
        data={
            "csrf": web.token(home),
            "track": track,
            "minutes": minutes,
            "submission": submission,
        },
        follow_redirects=False,
    )
    assert response.status_code in (200, 303), response.text[:300]
    return response.headers["location"], home


def test_a_mock_finished_with_nothing_answered_is_abandoned(web: Browserless) -> None:
    url, home = _start_mock(web, "research", "30", "a")
    finish = web.client.post(f"{url}/finish", data={"csrf": web.token(home)}, follow_redirects=True)
    assert finish.status_code == 200 and 'id="mock-abandoned"' in finish.text
    [row] = web.core.store.mocks()
    assert row.abandoned and row.scorecard_json is None
    assert "abandoned" in web.page("/mock")
    assert web.core.progress().to_dict()["mocks"] == []


def test_a_graded_answer_can_be_rated_by_the_learner(web: Browserless) -> None:
    response = _post_answer(web, WRITTEN, "Bias is error from wrong assumptions, variance noise.")
    assert response.status_code == 200, response.text[:300]
    assert 'id="self-rate"' in response.text and 'hx-post="/q/bias-variance/rate"' in response.text
    [graded] = [log.rating for log in web.core.store.review_logs()]
    token = web.token(web.page(f"/q/{WRITTEN}"))
    rated = web.client.post(f"/q/{WRITTEN}/rate", data={"csrf": token, "rating": "easy"})
    assert rated.status_code == 200, rated.text[:300]
    assert "Rated <strong>easy</strong>" in rated.text
    assert f"the grade alone gave {Rating(graded).name.lower()}" in rated.text
    assert [log.rating for log in web.core.store.review_logs()] == [Rating.EASY]
    # Nothing to rate on another question: a message in place, nothing changed.
    other = web.client.post(f"/q/{CODING}/rate", data={"csrf": token, "rating": "good"})
    assert other.status_code == 409 and "coding question" in other.text
    bad = web.client.post(f"/q/{WRITTEN}/rate", data={"csrf": token, "rating": "great"})
    assert bad.status_code == 409 and "again, hard, good or easy" in bad.text
    assert [log.rating for log in web.core.store.review_logs()] == [Rating.EASY]


def test_answers_in_a_mock_show_no_rating_buttons(web: Browserless) -> None:
    _start_mock(web, "ml-engineer", "45", "r")
    [row] = web.core.store.mocks()
    written = next(
        q for q in json.loads(row.plan_json)["questions"] if not web.core.question(q).is_coding
    )
    answer = _post_answer(web, written, "An answer inside the mock.", mock=str(row.id))
    assert answer.status_code == 200
    assert 'id="verdict"' in answer.text and 'id="self-rate"' not in answer.text
