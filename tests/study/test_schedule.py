"""Sittings and scheduling over simulated months with an injected clock (nothing sleeps)."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mlprep import Mlprep
from mlprep.errors import NotAttempted
from mlprep.study import (
    DAILY_REVIEW_CAP,
    LEECH_LAPSES,
    SITTING_GAP,
    Rating,
    due_queue,
    review,
    spread_backlog,
)

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def core(tmp_path: Path) -> Mlprep:
    return Mlprep(db=tmp_path / "p.db")


class FakeResult:
    """What core.judge needs from a judge result, without running the sandbox."""

    def __init__(self, verdict: str) -> None:
        self.verdict = verdict
        self.accepted = verdict == "accepted"

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "tests": []}


def submit(core: Mlprep, qid: str, verdict: str, when: datetime, code: str = "x = 1") -> None:
    core.judge(qid, f"{code}  # {when}", judge_fn=lambda *a, **k: FakeResult(verdict), now=when)


def ratings(core: Mlprep, qid: str) -> list[int]:
    return [log.rating for log in core.store.review_logs() if log.question_id == qid]


def test_a_sitting_of_failures_then_success_is_one_review_and_no_leech(core: Mlprep) -> None:
    for i in range(4):
        submit(core, "k-means", "wrong_answer", T0 + timedelta(minutes=3 * i))
    submit(core, "k-means", "accepted", T0 + timedelta(minutes=15))
    assert len(core.store.attempts(question_id="k-means")) == 5
    assert ratings(core, "k-means") == [Rating.HARD]  # accepted after 4 failures
    row = core.store.review("k-means")
    assert row is not None and not row.leech and row.lapses == 0
    # The card is due no sooner than tomorrow: the retries were today's practice.
    assert row.due >= T0 + timedelta(hours=20)


def test_the_sittings_review_is_right_after_every_attempt(core: Mlprep) -> None:
    """Each command is its own process: the card must be right whenever it stops."""
    submit(core, "k-means", "wrong_answer", T0)
    assert ratings(core, "k-means") == [Rating.AGAIN]
    submit(core, "k-means", "accepted", T0 + timedelta(minutes=5))
    assert ratings(core, "k-means") == [Rating.GOOD]  # the same review, rewritten
    submit(core, "k-means", "accepted", T0 + timedelta(minutes=6))
    assert ratings(core, "k-means") == [Rating.GOOD]


def test_moving_to_another_question_or_waiting_starts_a_new_sitting(core: Mlprep) -> None:
    submit(core, "k-means", "wrong_answer", T0)
    core.grade(
        "bias-variance", "bias is error from wrong assumptions", now=T0 + timedelta(minutes=2)
    )
    submit(core, "k-means", "accepted", T0 + timedelta(minutes=4))
    assert len(ratings(core, "k-means")) == 2
    later = T0 + timedelta(minutes=4) + SITTING_GAP + timedelta(minutes=1)
    core.grade("bias-variance", "variance is sensitivity to the sample", now=later)
    assert len(ratings(core, "bias-variance")) == 2


def test_hints_count_per_sitting(core: Mlprep) -> None:
    core.next_hint("k-means")
    core.next_hint("k-means")
    assert len(core.hints("k-means").revealed) == 2
    submit(core, "k-means", "accepted", datetime.now(UTC))
    [attempt] = core.store.attempts(question_id="k-means")
    assert attempt.hints_used == 2
    assert len(core.question("k-means").hints) > 2
    assert ratings(core, "k-means") == [Rating.GOOD]  # Easy, one level lower for hints
    # Another question: the next sitting of k-means starts with no hints.
    core.next_hint("bias-variance")
    assert core.hints("k-means").revealed == ()
    assert len(core.hints("bias-variance").revealed) == 1


def fail_day(core: Mlprep, qid: str, day: datetime) -> None:
    submit(core, qid, "wrong_answer", day)


def pass_day(core: Mlprep, qid: str, day: datetime, failures: int = 0) -> None:
    for i in range(failures):
        submit(core, qid, "wrong_answer", day + timedelta(minutes=i))
    submit(core, qid, "accepted", day + timedelta(minutes=failures + 1))


def test_leeches_count_lapses_across_days_and_clear_on_recovery(core: Mlprep) -> None:
    day = T0
    # Many failed sittings on a card never learned are no lapses.
    for i in range(6):
        fail_day(core, "k-means", day + timedelta(hours=i))
    row = core.store.review("k-means")
    assert row is not None and row.lapses == 0 and not row.leech
    # Learn it, forget it, relearn it... each forgetting of a learned card is a lapse.
    for lapse in range(1, LEECH_LAPSES + 1):
        day += timedelta(days=1)
        pass_day(core, "k-means", day, failures=1)  # learned (again): Good
        row = core.store.review("k-means")
        assert row is not None and row.due > day
        assert json.loads(row.card_json)["state"] == 2  # fsrs.State.Review
        day = row.due + timedelta(hours=1)
        fail_day(core, "k-means", day)
        row = core.store.review("k-means")
        assert row is not None and row.lapses == lapse
    assert row.leech
    assert core.progress(day).to_dict()["leeches"] == ["k-means"]
    # A clean sitting (no failures, no hints) is a recovery: the flag clears.
    day += timedelta(days=1)
    pass_day(core, "k-means", day)
    row = core.store.review("k-means")
    assert row is not None and not row.leech and row.lapses == 0
    assert core.progress(day).to_dict()["leeches"] == []


def test_written_answers_are_not_due_again_the_same_day(core: Mlprep) -> None:
    answer = (
        "Bias is the error from wrong assumptions, variance the sensitivity to the sample; "
        "more complex models lower bias and raise variance, so total error is U-shaped."
    )
    core.grade("bias-variance", answer, now=T0)
    row = core.store.review("bias-variance")
    assert row is not None
    assert row.due - T0 >= timedelta(days=1)
    # Nothing is due an hour later, so nothing shows "recall 100%".
    assert due_queue(core, T0 + timedelta(hours=1)) == []


def test_not_attempted_answers_record_nothing(core: Mlprep) -> None:
    question = core.question("k-means")
    for text in ("", "   \n", "Your answer here."):
        with pytest.raises(NotAttempted):
            core.grade("bias-variance", text)
    starter = question.read("starter.py")
    with pytest.raises(NotAttempted, match="starter"):
        core.judge("k-means", starter, judge_fn=lambda *a, **k: FakeResult("wrong_answer"))
    edited = starter.replace('"""Return the cluster index of every point, in input order."""', "")
    with pytest.raises(NotAttempted, match="NotImplementedError"):
        core.judge("k-means", "import math\n" + edited, judge_fn=lambda *a, **k: FakeResult("x"))
    assert core.store.attempts() == [] and core.store.review_logs() == []


def test_intervals_grow_with_good_reviews_over_months(core: Mlprep) -> None:
    now = T0
    intervals = []
    for _ in range(8):
        row = review(core.store, "bias-variance", Rating.GOOD, now)
        intervals.append(row.due - now)
        now = row.due
    assert now - T0 > timedelta(days=90)
    later = intervals[2:]
    assert all(b > a for a, b in itertools.pairwise(later)), intervals


def test_again_shortens_the_next_interval(core: Mlprep) -> None:
    now = T0
    for _ in range(5):
        now = review(core.store, "k-means", Rating.GOOD, now, kind="coding").due
    after_fail = review(core.store, "k-means", Rating.AGAIN, now, kind="coding")
    assert after_fail.due - now <= timedelta(days=1)
    assert after_fail.lapses == 1


def test_leech_is_offered_with_a_simpler_question(core: Mlprep) -> None:
    hard = next(q for q in core.bank if q.difficulty.value != "easy" and q.covers)
    simpler = core.prerequisite_for(hard.id)
    assert simpler is not None
    order = {"easy": 0, "medium": 1, "hard": 2}
    if not hard.meta.prerequisites:
        assert order[simpler.difficulty.value] < order[hard.difficulty.value]


def test_backlog_after_days_away_is_spread_over_following_days(core: Mlprep) -> None:
    ids = [q.id for q in core.bank][: DAILY_REVIEW_CAP * 2 + 5]
    assert len(ids) == DAILY_REVIEW_CAP * 2 + 5
    for qid in ids:
        review(core.store, qid, Rating.GOOD, T0)
        review(core.store, qid, Rating.GOOD, T0 + timedelta(days=3))
    away = T0 + timedelta(days=90)
    queue_today = due_queue(core, away)
    assert len(queue_today) == DAILY_REVIEW_CAP
    dues = sorted(r.due for r in core.store.reviews())
    tomorrow = [d for d in dues if away < d <= away + timedelta(days=1)]
    day_after = [d for d in dues if away + timedelta(days=1) < d <= away + timedelta(days=2)]
    assert len(tomorrow) == DAILY_REVIEW_CAP and len(day_after) == 5
    assert spread_backlog(core.store, away) == 0  # already balanced


def test_syntax_error_costs_no_review(core: Mlprep) -> None:
    submit(core, "k-means", "syntax_error", T0, code="def (")
    assert core.store.review("k-means") is None
    assert len(core.store.attempts()) == 1


def test_practice_queue_puts_due_reviews_first_and_fits_the_budget(core: Mlprep) -> None:
    review(core.store, "k-means", Rating.GOOD, T0, kind="coding")
    queue = core.practice_queue(minutes=40, now=T0 + timedelta(days=30))
    assert queue[0].question.id == "k-means" and queue[0].reason == "due"
    assert sum(i.question.meta.minutes for i in queue) <= 40
    assert all(i.reason == "new" for i in queue[1:])
