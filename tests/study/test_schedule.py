"""Scheduling over simulated months with an injected clock (nothing sleeps)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mlprep import Mlprep
from mlprep.store import AttemptInput
from mlprep.study import (
    DAILY_REVIEW_CAP,
    LEECH_LAPSES,
    Rating,
    due_queue,
    review,
    review_attempt,
    spread_backlog,
)

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def core(tmp_path: Path) -> Mlprep:
    return Mlprep(db=tmp_path / "p.db")


def test_intervals_grow_with_good_reviews_over_months(core: Mlprep) -> None:
    now = T0
    intervals = []
    for _ in range(8):
        row = review(core.store, "bias-variance", Rating.GOOD, now)
        intervals.append(row.due - now)
        now = row.due
    assert now - T0 > timedelta(days=90)
    # After the learning steps every interval is longer than the one before.
    later = intervals[2:]
    assert all(b > a for a, b in itertools.pairwise(later)), intervals


def test_again_shortens_the_next_interval(core: Mlprep) -> None:
    now = T0
    for _ in range(5):
        now = review(core.store, "k-means", Rating.GOOD, now).due
    long_gap = review(core.store, "pca", Rating.GOOD, now).due  # unrelated card
    assert long_gap
    after_fail = review(core.store, "k-means", Rating.AGAIN, now)
    assert after_fail.due - now < timedelta(days=1)
    assert after_fail.lapses == 1


def test_repeated_failures_make_a_leech_and_success_clears_it(core: Mlprep) -> None:
    now = T0
    row = None
    for i in range(LEECH_LAPSES):
        row = review(core.store, "k-means", Rating.AGAIN, now + timedelta(hours=i))
    assert row is not None and row.leech
    assert core.progress(now + timedelta(days=1)).to_dict()["leeches"] == ["k-means"]
    row = review(core.store, "k-means", Rating.GOOD, now + timedelta(days=1))
    assert not row.leech


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
        review(core.store, qid, Rating.GOOD, T0 + timedelta(minutes=10))
    away = T0 + timedelta(days=60)
    queue_today = due_queue(core, away)
    assert len(queue_today) == DAILY_REVIEW_CAP
    dues = sorted(r.due for r in core.store.reviews())
    tomorrow = [d for d in dues if away < d <= away + timedelta(days=1)]
    day_after = [d for d in dues if away + timedelta(days=1) < d <= away + timedelta(days=2)]
    assert len(tomorrow) == DAILY_REVIEW_CAP and len(day_after) == 5
    assert spread_backlog(core.store, away) == 0  # already balanced


def test_attempt_hook_rates_and_resets_hints(core: Mlprep) -> None:
    question = core.question("bias-variance")
    core.next_hint("bias-variance")
    attempt = core.store.record_attempt(
        AttemptInput("bias-variance", "written", "answer", score=0.9, hints_used=1, created_at=T0)
    )
    assert review_attempt(core, question, attempt) == Rating.GOOD
    assert core.store.hints_revealed("bias-variance") == 0
    [log] = core.store.review_logs()
    assert log.rating == Rating.GOOD and log.attempt_id == attempt.id


def test_syntax_error_costs_no_review(core: Mlprep) -> None:
    question = core.question("k-means")
    attempt = core.store.record_attempt(
        AttemptInput("k-means", "coding", "def (", verdict="syntax_error", created_at=T0)
    )
    assert review_attempt(core, question, attempt) is None
    assert core.store.review("k-means") is None


def test_accepted_after_a_failed_submission_is_good_not_easy(core: Mlprep) -> None:
    question = core.question("k-means")
    first = core.store.record_attempt(
        AttemptInput("k-means", "coding", "x", verdict="wrong_answer", created_at=T0)
    )
    assert review_attempt(core, question, first) == Rating.AGAIN
    later = T0 + timedelta(minutes=5)
    second = core.store.record_attempt(
        AttemptInput("k-means", "coding", "y", verdict="accepted", created_at=later)
    )
    # The failed try was its own review (Again); passing on the second go earns Good.
    assert review_attempt(core, question, second) == Rating.GOOD


def test_practice_queue_puts_due_reviews_first_and_fits_the_budget(core: Mlprep) -> None:
    review(core.store, "k-means", Rating.GOOD, T0)
    queue = core.practice_queue(minutes=40, now=T0 + timedelta(days=30))
    assert queue[0].question.id == "k-means" and queue[0].reason == "due"
    assert sum(i.question.meta.minutes for i in queue) <= 40
    assert all(i.reason == "new" for i in queue[1:])
