"""Mock interviews: a timed, mixed set like a real loop, and its scorecard."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlprep._core import Mlprep
    from mlprep.content import Question
    from mlprep.store import Attempt

__all__ = [
    "TRACKS",
    "MockPlan",
    "Slot",
    "mock_slots",
    "plan_mock",
    "question_score",
    "scorecard",
]


@dataclass(frozen=True)
class Slot:
    """One part of a loop: how many questions from which categories/difficulties."""

    label: str
    categories: tuple[str, ...]
    count: int
    difficulties: tuple[str, ...] = ("easy", "medium", "hard")


TRACKS: dict[str, tuple[Slot, ...]] = {
    "ml-engineer": (
        Slot("coding", ("coding",), 1, ("medium", "hard")),
        Slot("theory burst", ("theory",), 3),
        Slot("design", ("system-design", "recsys"), 1),
    ),
    "data-scientist": (
        Slot("coding", ("coding",), 1, ("easy", "medium")),
        Slot("theory burst", ("theory", "applied"), 3),
        Slot("case study", ("case-study",), 1),
    ),
    "research": (
        Slot("coding", ("coding",), 1, ("medium", "hard")),
        Slot("theory burst", ("theory",), 4),
        Slot("applied", ("applied",), 1),
    ),
}


@dataclass(frozen=True)
class MockPlan:
    track: str
    minutes: int
    question_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"track": self.track, "minutes": self.minutes, "questions": list(self.question_ids)}


def _weakness(core: Mlprep) -> dict[str, float]:
    """Mean recent score per question (unseen questions are absent)."""
    scores: dict[str, list[float]] = defaultdict(list)
    for attempt in core.store.attempts(learner=core.learner):
        scores[attempt.question_id].append(attempt.score or 0.0)
    return {qid: sum(v[-3:]) / len(v[-3:]) for qid, v in scores.items()}


SCREEN_MINUTES = 45  # below this a mock is a screen: coding and a short burst


def mock_slots(track: str, minutes: int) -> tuple[Slot, ...]:
    """The slots of a mock of ``track`` lasting ``minutes`` (docs/practice.md's table).

    From 45 minutes the whole loop (coding, the full burst, the last question); a
    shorter mock is a screen: the coding question and two burst questions.
    """
    slots = TRACKS[track]
    if minutes >= SCREEN_MINUTES:
        return slots
    coding, burst = slots[0], slots[1]
    return (coding, Slot(burst.label, burst.categories, 2, burst.difficulties))


def plan_mock(
    core: Mlprep, track: str = "ml-engineer", minutes: int = 45, seed: int | None = None
) -> MockPlan:
    """Pick the questions of a mock interview for ``track`` within ``minutes``.

    Each slot prefers questions the learner has not mastered (unseen or low recent
    score), with some randomness so two mocks differ, among those that still leave
    time for the slots after it: the mix never changes to fit the budget, the
    questions do.
    """
    from mlprep.errors import UsageError

    if track not in TRACKS:
        raise UsageError(f"unknown track '{track}' (choose from {', '.join(TRACKS)})")
    rng = random.Random(seed)
    recent = _weakness(core)
    slots = mock_slots(track, minutes)
    # One entry per question to pick, in order.
    picks = [slot for slot in slots for _ in range(slot.count)]

    def pool_for(slot: Slot, chosen: list[Question]) -> list[Question]:
        return [
            q
            for q in core.bank
            if q.category.value in slot.categories
            and q.difficulty.value in slot.difficulties
            and q not in chosen
        ]

    shortest = [min((q.meta.minutes for q in pool_for(slot, [])), default=0) for slot in picks]
    chosen: list[Question] = []
    used = 0
    for index, slot in enumerate(picks):
        pool = pool_for(slot, chosen)
        if not pool:
            continue
        rng.shuffle(pool)
        pool.sort(key=lambda q: recent.get(q.id, 0.5))
        room = minutes - used - sum(shortest[index + 1 :])
        fitting = [q for q in pool if q.meta.minutes <= room]
        pick = fitting[0] if fitting else min(pool, key=lambda q: q.meta.minutes)
        chosen.append(pick)
        used += pick.meta.minutes
    return MockPlan(track, minutes, tuple(q.id for q in chosen))


def question_score(attempt: Attempt) -> float:
    """0-1 credit for one attempt: written score, or the share of tests passed."""
    if attempt.kind == "written":
        return float(attempt.score or 0.0)
    if attempt.verdict == "accepted":
        return 1.0
    try:
        tests = json.loads(attempt.result_json or "{}").get("tests", [])
    except ValueError:
        tests = []
    if not tests:
        return 0.0
    passed = sum(1 for t in tests if t.get("verdict") == "accepted")
    # Partial credit is capped: a rejected solution is not half a solution.
    return round(0.5 * passed / len(tests), 3)


def scorecard(core: Mlprep, mock_id: int, now: datetime | None = None) -> dict[str, Any]:
    """The scorecard of a mock interview from its recorded attempts."""
    from mlprep.errors import UsageError

    store = core.store
    mock = next((m for m in store.mocks(learner=core.learner) if m.id == mock_id), None)
    if mock is None:
        raise UsageError(f"no mock interview with id {mock_id}")
    plan = json.loads(mock.plan_json)
    attempts = [a for a in store.attempts(learner=core.learner) if a.mock_id == mock_id]
    per_question: list[dict[str, Any]] = []
    by_category: dict[str, list[float]] = defaultdict(list)
    by_key: dict[str, list[float]] = defaultdict(list)
    for qid in plan["questions"]:
        mine = [a for a in attempts if a.question_id == qid]
        question = core.bank.questions.get(qid)
        best = max((question_score(a) for a in mine), default=0.0)
        hints = max((a.hints_used for a in mine), default=0)
        category = question.category.value if question else "unknown"
        per_question.append(
            {
                "id": qid,
                "title": question.title if question else qid,
                "category": category,
                "score": round(best, 3),
                "answered": bool(mine),
                "hints_used": hints,
                "submissions": len(mine),
            }
        )
        by_category[category].append(best)
        for key in question.covers if question else []:
            by_key[key].append(best)
    end = now or (attempts[-1].created_at if attempts else datetime.now(UTC))
    used_min = max(0.0, (end - mock.started_at).total_seconds() / 60)
    total = sum(q["score"] for q in per_question) / max(1, len(per_question))
    key_scores = {k: sum(v) / len(v) for k, v in by_key.items()}
    ranked = sorted(key_scores.items(), key=lambda kv: (kv[1], kv[0]))
    weakest = [k for k, s in ranked if s < 0.7][:3]
    strongest = [k for k, s in reversed(ranked) if s >= 0.7][:3]
    study_next = []
    for key in weakest:
        for question in core.bank.by_key(key):
            if question.id not in plan["questions"] and question.id not in study_next:
                study_next.append(question.id)
                break
    previous = [
        json.loads(m.scorecard_json)["total"]
        for m in store.mocks(learner=core.learner)
        if m.id != mock_id
        and m.scorecard_json
        and not m.abandoned
        and m.started_at < mock.started_at
    ]
    return {
        "mock_id": mock_id,
        "track": mock.track,
        "abandoned": False,
        "total": round(total, 3),
        "questions": per_question,
        "categories": {c: round(sum(v) / len(v), 3) for c, v in sorted(by_category.items())},
        "minutes_budget": mock.minutes,
        "minutes_used": round(used_min, 1),
        "over_time": used_min > mock.minutes,
        "strongest_topics": strongest,
        "weakest_topics": weakest,
        "study_next": study_next,
        "previous_total": previous[-1] if previous else None,
        "change": round(total - previous[-1], 3) if previous else None,
    }
