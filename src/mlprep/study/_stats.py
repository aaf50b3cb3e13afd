"""Progress over time: streaks, due counts, mastery per category and its trend.

Mastery of a question at time t = FSRS retrievability at t x its recent score
(mean credit of the last three attempts before t); a category's mastery is the
mean over all its questions, unseen ones counting 0. So mastery rises by
answering well and decays, as memory does, when a topic is left alone.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from ._mock import question_score

if TYPE_CHECKING:
    from mlprep._core import Mlprep
    from mlprep.store import Attempt

__all__ = ["Progress", "mastery_history", "progress"]


@dataclass(frozen=True)
class Progress:
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data


def _end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=UTC)


def mastery_history(
    core: Mlprep, days: list[date], attempts: list[Attempt] | None = None
) -> dict[str, list[float]]:
    """Mastery per category at the end of each of ``days`` (sorted ascending).

    ``attempts``: the learner's attempts, when the caller has read them already."""
    from fsrs import Card, Rating

    from ._sitting import scheduler_for

    schedulers = {kind: scheduler_for(kind) for kind in ("coding", "written")}
    store = core.store
    logs = defaultdict(list)
    for log in store.review_logs(learner=core.learner):
        logs[log.question_id].append(log)
    scores = defaultdict(list)
    if attempts is None:
        attempts = store.attempts(learner=core.learner)
    for attempt in attempts:
        scores[attempt.question_id].append((attempt.created_at, question_score(attempt)))
    categories: dict[str, list[str]] = defaultdict(list)
    for question in core.bank:
        categories[question.category.value].append(question.id)
    per_question: dict[str, list[float]] = {}
    for qid in set(logs) | set(scores):
        found = core.bank.questions.get(qid)
        scheduler = schedulers["coding" if found and found.is_coding else "written"]
        card = Card(card_id=1)
        qlogs = logs.get(qid, [])
        i = 0
        values = []
        for day in days:
            t = _end_of_day(day)
            while i < len(qlogs) and qlogs[i].reviewed_at <= t:
                card, _ = scheduler.review_card(card, Rating(qlogs[i].rating), qlogs[i].reviewed_at)
                i += 1
            recent = [s for when, s in scores.get(qid, []) if when <= t][-3:]
            if card.last_review is None or not recent:
                values.append(0.0)
            else:
                r = scheduler.get_card_retrievability(card, t)
                values.append(float(r) * sum(recent) / len(recent))
        per_question[qid] = values
    history: dict[str, list[float]] = {}
    for category, ids in sorted(categories.items()):
        # Only questions with a review or an attempt add anything: an unseen one is
        # 0.0, and x + 0.0 == x, so the sums (in the same id order) are those over
        # every id, without walking the whole bank for each day.
        touched = [per_question[q] for q in ids if q in per_question]
        history[category] = [
            round(sum(values[d] for values in touched) / len(ids), 4) for d in range(len(days))
        ]
    return history


def _streak(active: set[date], today: date) -> tuple[int, int]:
    """(current streak ending today or yesterday, longest streak)."""
    longest = run = 0
    previous: date | None = None
    for day in sorted(active):
        run = run + 1 if previous and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    day = today if today in active else today - timedelta(days=1)
    while day in active:
        current += 1
        day -= timedelta(days=1)
    return current, longest


def progress(core: Mlprep, now: datetime | None = None, history_days: int = 30) -> Progress:
    """Everything `mlprep stats`, the dashboard and `mp.progress()` show."""
    now = now or datetime.now(UTC)
    store = core.store
    attempts = store.attempts(learner=core.learner)
    reviews = store.reviews(learner=core.learner)
    today = now.date()
    active = {a.created_at.date() for a in attempts}
    current, longest = _streak(active, today)
    days = [today - timedelta(days=n) for n in range(history_days - 1, -1, -1)]
    history = mastery_history(core, days, attempts)
    mastery = {c: values[-1] for c, values in history.items()}
    week_ago = {c: values[max(0, len(values) - 8)] for c, values in history.items()}
    per_category: dict[str, dict[str, Any]] = {}
    counts: Counter[str] = Counter()
    for attempt in attempts:
        question = core.bank.questions.get(attempt.question_id)
        counts[question.category.value if question else "unknown"] += 1
    in_category = Counter(q.category.value for q in core.bank)
    for category in sorted(history):
        per_category[category] = {
            "mastery": mastery[category],
            "trend_7d": round(mastery[category] - week_ago[category], 4),
            "attempts": counts.get(category, 0),
            "questions": in_category[category],
        }
    mocks = [
        {
            "id": m.id,
            "track": m.track,
            "started_at": m.started_at.isoformat(),
            "total": json.loads(m.scorecard_json)["total"],
        }
        for m in store.mocks(learner=core.learner)
        if m.scorecard_json
    ]
    activity = Counter(a.created_at.date().isoformat() for a in attempts)
    data = {
        "now": now.isoformat(),
        "attempts": len(attempts),
        "questions_tried": len({a.question_id for a in attempts}),
        "streak": {"current": current, "longest": longest},
        "due": {
            "now": sum(1 for r in reviews if r.due <= now),
            "today": sum(1 for r in reviews if r.due <= _end_of_day(today)),
            "next_7_days": sum(1 for r in reviews if r.due <= now + timedelta(days=7)),
        },
        "leeches": sorted(r.question_id for r in reviews if r.leech),
        "categories": per_category,
        "history": {"days": [d.isoformat() for d in days], "mastery": history},
        "activity": dict(sorted(activity.items())),
        "mocks": mocks,
    }
    return Progress(data)
