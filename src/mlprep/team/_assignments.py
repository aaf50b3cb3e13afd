"""Assignments: question sets and timed assessments given to a cohort between two dates.

A question set is chosen by ids, keys, categories or difficulty and resolved to ids
when it is made. A timed assessment is a fixed mock interview: its questions, a time
limit, whether hints may be used, whether feedback shows before the end. A learner
sits it once, as a mock interview row linked by ``assessment``.

What counts as done: a question is done when an attempt made since the assignment
opened passed (a coding answer accepted, a written one at the pass mark, or above
it by a coach's override).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from mlprep.errors import UsageError
from mlprep.store import Attempt, MockSession, utcnow
from mlprep.store._team_schema import Account, Assessment, Assignment, GradeOverride, Membership

from ._cohorts import Cohorts, NotYours

if TYPE_CHECKING:
    from mlprep.content import Bank
    from mlprep.store import Store

__all__ = [
    "AssignmentSpec",
    "Assignments",
    "LearnerAssignment",
    "passed",
    "resolve_questions",
    "results_sealed",
]

ASSESSMENT_TRACK = "assessment"


@dataclass(frozen=True)
class AssignmentSpec:
    """What a coach fills in; ``resolve_questions`` turns the selector into ids."""

    title: str
    opens_at: datetime
    due_at: datetime
    ids: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    difficulties: tuple[str, ...] = ()
    limit: int | None = None  # at most this many of the questions the filters match
    time_limit_min: int | None = None  # set: a timed assessment
    hints_allowed: bool = True
    feedback_before_end: bool = True

    @property
    def kind(self) -> str:
        return "assessment" if self.time_limit_min is not None else "set"

    def selector(self) -> dict[str, Any]:
        return {
            "ids": list(self.ids),
            "keys": list(self.keys),
            "categories": list(self.categories),
            "difficulties": list(self.difficulties),
            "limit": self.limit,
        }


def resolve_questions(bank: Bank, spec: AssignmentSpec) -> list[str]:
    """The ids ``spec`` selects: the listed ids, then what the filters match (bank order)."""
    chosen: list[str] = []
    for qid in spec.ids:
        if qid not in bank.questions:
            raise UsageError(f"there is no question with the id '{qid}'")
        if qid not in chosen:
            chosen.append(qid)
    if spec.keys or spec.categories or spec.difficulties:
        keys = {k.upper() for k in spec.keys}
        matched = [
            q.id
            for q in sorted(bank, key=lambda q: q.id)
            if (not spec.categories or q.category.value in spec.categories)
            and (not spec.difficulties or q.difficulty.value in spec.difficulties)
            and (not keys or keys & set(q.covers))
            and q.id not in chosen
        ]
        chosen.extend(matched[: spec.limit] if spec.limit is not None else matched)
    if not chosen:
        raise UsageError(
            "no question matches that choice: give ids, keys, categories or a difficulty"
        )
    return chosen


def passed(attempt: Attempt, override: float | None = None) -> bool:
    from mlprep.grading import PASS_MARK

    if override is not None:
        return override >= PASS_MARK
    if attempt.kind == "coding":
        return attempt.verdict == "accepted"
    return attempt.score is not None and attempt.score >= PASS_MARK


@dataclass
class LearnerAssignment:
    """One assignment as a learner sees it: what is done and when it is due."""

    assignment: Assignment
    questions: list[str]
    done: set[str] = field(default_factory=set)
    tried: set[str] = field(default_factory=set)
    mock_id: int | None = None  # the learner's sitting of a timed assessment

    def state(self, now: datetime) -> str:
        a = self.assignment
        if now < a.opens_at:
            return "not open yet"
        if len(self.done) == len(self.questions):
            return "done"
        return "overdue" if now >= a.due_at else "open"

    def to_dict(self, now: datetime) -> dict[str, Any]:
        a = self.assignment
        return {
            "id": a.id,
            "title": a.title,
            "kind": a.kind,
            "opens_at": a.opens_at.isoformat(),
            "due_at": a.due_at.isoformat(),
            "state": self.state(now),
            "questions": self.questions,
            "done": sorted(self.done),
            "time_limit_min": a.time_limit_min,
        }


class Assignments:
    def __init__(self, store: Store) -> None:
        self.store = store

    def create(
        self, cohort_id: int, spec: AssignmentSpec, question_ids: list[str], by: Account
    ) -> Assignment:
        Cohorts(self.store).require_coach(by, cohort_id)
        title = " ".join(spec.title.split())
        if not title or len(title) > 200:
            raise UsageError("an assignment's title must be 1 to 200 characters long")
        if spec.opens_at.tzinfo is None or spec.due_at.tzinfo is None:
            raise UsageError("give dates with a time zone (or in UTC)")
        if spec.due_at <= spec.opens_at:
            raise UsageError("the due date must come after the opening date")
        if spec.time_limit_min is not None and not 0 < spec.time_limit_min <= 600:
            raise UsageError("a time limit is 1 to 600 minutes")
        row = Assignment(
            cohort_id=cohort_id,
            title=title,
            kind=spec.kind,
            selector_json=json.dumps(spec.selector()),
            questions_json=json.dumps(question_ids),
            opens_at=spec.opens_at,
            due_at=spec.due_at,
            time_limit_min=spec.time_limit_min,
            hints_allowed=spec.hints_allowed,
            feedback_before_end=spec.feedback_before_end,
            created_by=by.id,
            created_at=utcnow(),
        )
        with self.store.transaction() as s:
            s.add(row)
            s.flush()
        return row

    def of_cohort(self, cohort_id: int) -> list[Assignment]:
        with self.store.transaction() as s:
            query = select(Assignment).where(Assignment.cohort_id == cohort_id)
            return list(s.scalars(query.order_by(Assignment.due_at, Assignment.id)))

    def get_for_learner(self, account: Account, assignment_id: int) -> Assignment:
        """An assignment of a cohort ``account`` is a learner in (NotYours otherwise)."""
        with self.store.transaction() as s:
            row = s.scalar(
                select(Assignment)
                .join(Membership, Membership.cohort_id == Assignment.cohort_id)
                .where(
                    Assignment.id == assignment_id,
                    Membership.account_id == account.id,
                    Membership.role == "learner",
                )
            )
        if row is None:
            raise NotYours(f"there is no assignment number {assignment_id} for you")
        return row

    def for_learner(self, account: Account) -> list[LearnerAssignment]:
        """The learner's assignments, soonest due first, with what is done."""
        with self.store.transaction() as s:
            rows = list(
                s.scalars(
                    select(Assignment)
                    .join(Membership, Membership.cohort_id == Assignment.cohort_id)
                    .where(Membership.account_id == account.id, Membership.role == "learner")
                    .order_by(Assignment.due_at, Assignment.id)
                )
            )
            attempts = list(
                s.scalars(select(Attempt).where(Attempt.learner_id == account.learner_id))
            )
            overrides = _latest_overrides(s, [a.id for a in attempts])
            sittings = {
                r.assignment_id: r.mock_id
                for r in s.scalars(select(Assessment).where(Assessment.account_id == account.id))
            }
        out = []
        for row in rows:
            questions = json.loads(row.questions_json)
            item = LearnerAssignment(row, questions, mock_id=sittings.get(row.id))
            for attempt in attempts:
                if attempt.question_id in questions and attempt.created_at >= row.opens_at:
                    item.tried.add(attempt.question_id)
                    if passed(attempt, overrides.get(attempt.id)):
                        item.done.add(attempt.question_id)
            out.append(item)
        return out

    def start_assessment(
        self, account: Account, assignment_id: int, now: datetime | None = None
    ) -> int:
        """The mock interview of the learner's one sitting (made on the first start)."""
        when = now or utcnow()
        row = self.get_for_learner(account, assignment_id)
        if row.kind != "assessment" or row.time_limit_min is None:
            raise UsageError("that assignment is a question set, not a timed assessment")

        def work() -> int:
            with self.store.transaction() as s:
                sitting = s.get(Assessment, (assignment_id, account.id))
                if sitting is not None:
                    return sitting.mock_id
                if when < row.opens_at:
                    raise UsageError("this assessment is not open yet")
                if when >= row.due_at:
                    raise UsageError("this assessment closed at its due date")
                # A sitting never runs past the due date.
                minutes = min(row.time_limit_min or 0, _minutes_left(when, row.due_at))
                plan = {
                    "track": ASSESSMENT_TRACK,
                    "minutes": minutes,
                    "questions": json.loads(row.questions_json),
                    "assignment": row.id,
                    "hints_allowed": row.hints_allowed,
                    "feedback_before_end": row.feedback_before_end,
                }
                mock = MockSession(
                    learner_id=account.learner_id,
                    track=ASSESSMENT_TRACK,
                    minutes=minutes,
                    started_at=when,
                    plan_json=json.dumps(plan),
                    abandoned=False,
                )
                s.add(mock)
                s.flush()
                s.add(Assessment(assignment_id=row.id, account_id=account.id, mock_id=mock.id))
                return mock.id

        return self.store.atomically(work)


def _minutes_left(now: datetime, until: datetime) -> int:
    return max(1, int((until - now) / timedelta(minutes=1)))


def _latest_overrides(s: Any, attempt_ids: list[int]) -> dict[int, float]:
    """The newest override score of each attempt that has one."""
    if not attempt_ids:
        return {}
    out: dict[int, float] = {}
    query = (
        select(GradeOverride)
        .where(GradeOverride.attempt_id.in_(attempt_ids))
        .order_by(GradeOverride.created_at, GradeOverride.id)
    )
    for row in s.scalars(query):
        out[row.attempt_id] = row.score
    return out


def results_sealed(store: Store, mock_id: int, now: datetime | None = None) -> bool:
    """Whether answers in mock ``mock_id`` get their results only when it ends.

    True while it is a running timed assessment whose feedback waits for the end.
    Read from the database, so every server process gives the same answer.
    """
    with store.transaction() as s:
        row = s.get(MockSession, mock_id)
    if row is None or row.track != ASSESSMENT_TRACK or row.finished_at is not None:
        return False
    if (now or utcnow()) >= row.started_at + timedelta(minutes=row.minutes):
        return False
    return not json.loads(row.plan_json).get("feedback_before_end", True)
