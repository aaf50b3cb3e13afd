"""The gradebook of a cohort: learners x assigned questions, statistics, exports.

A cell holds a learner's attempts at a question since the first assignment with
that question opened and since the learner joined the cohort. Its score is the
best one, where a coach's override (the newest for an attempt) stands in for the
machine's grade; the machine's grade is kept and shown beside it.

The paste flag (docs/team.md): an answer is flagged when it added at least
``PASTE_MIN_CHARS`` characters (beyond the starter code of a coding question) at
more than ``PASTE_MIN_CHARS_PER_S`` characters per second of the time the page was
open. Fast sustained typing is 80-100 words a minute, 7-9 characters a second;
15 leaves room for auto-completed brackets and indentation. A flag is a prompt to
read the answer, not a verdict: a learner may have written it elsewhere first.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from mlprep.errors import UsageError
from mlprep.store import Attempt, utcnow
from mlprep.store._team_schema import Account, GradeOverride, Membership

from ._assignments import Assignments, _latest_overrides, passed
from ._cohorts import Cohorts, NotYours

if TYPE_CHECKING:
    from datetime import datetime

    from mlprep.content import Bank
    from mlprep.store import Store

__all__ = [
    "OVERRIDE_SCHEMA",
    "PASTE_MIN_CHARS",
    "PASTE_MIN_CHARS_PER_S",
    "Cell",
    "Gradebook",
    "gradebook",
    "gradebook_csv",
    "looks_pasted",
    "override_grade",
    "overrides_export",
    "question_stats",
]

PASTE_MIN_CHARS = 200
PASTE_MIN_CHARS_PER_S = 15.0
OVERRIDE_SCHEMA = "mlprep.grade-override"
CSV_COLUMNS = [
    "cohort",
    "learner",
    "email",
    "question_id",
    "best_score",
    "passed",
    "attempts",
    "time_spent_s",
    "hints_used",
    "pasted",
]


def looks_pasted(answer: str, time_spent_s: float | None, given: str = "") -> bool:
    """The documented paste rule (module docstring); no time measured, no flag."""
    added = len(answer) - len(given)
    if time_spent_s is None or added < PASTE_MIN_CHARS:
        return False
    return added / max(time_spent_s, 0.1) > PASTE_MIN_CHARS_PER_S


@dataclass
class Cell:
    attempts: list[Attempt] = field(default_factory=list)
    overrides: dict[int, float] = field(default_factory=dict)
    pasted: bool = False

    def score(self, attempt: Attempt) -> float | None:
        return self.overrides.get(attempt.id, attempt.score)

    @property
    def best(self) -> Attempt | None:
        scored = [a for a in self.attempts if self.score(a) is not None]
        return max(scored, key=lambda a: (self.score(a) or 0.0, -a.id), default=None)

    @property
    def best_score(self) -> float | None:
        best = self.best
        return None if best is None else self.score(best)

    @property
    def passed(self) -> bool:
        return any(passed(a, self.overrides.get(a.id)) for a in self.attempts)

    @property
    def time_spent_s(self) -> float:
        return round(sum(a.time_spent_s or 0.0 for a in self.attempts), 1)

    @property
    def hints_used(self) -> int:
        return max((a.hints_used for a in self.attempts), default=0)


@dataclass
class Gradebook:
    cohort: str
    learners: list[Account]
    questions: list[str]
    cells: dict[tuple[int, str], Cell]

    def cell(self, learner: Account, question_id: str) -> Cell:
        return self.cells.get((learner.id, question_id)) or Cell()


def gradebook(store: Store, coach: Account, cohort_id: int, bank: Bank | None = None) -> Gradebook:
    cohort = Cohorts(store).require_coach(coach, cohort_id)
    learners = Cohorts(store).members(cohort_id)
    opens: dict[str, datetime] = {}
    for assignment in Assignments(store).of_cohort(cohort_id):
        for qid in json.loads(assignment.questions_json):
            if qid not in opens or assignment.opens_at < opens[qid]:
                opens[qid] = assignment.opens_at
    by_learner_row = {a.learner_id: a for a in learners}
    cells: dict[tuple[int, str], Cell] = {}
    with store.transaction() as s:
        joined = {
            m.account_id: m.joined_at
            for m in s.scalars(select(Membership).where(Membership.cohort_id == cohort_id))
        }
        attempts = list(
            s.scalars(
                select(Attempt)
                .where(
                    Attempt.learner_id.in_(list(by_learner_row)),
                    Attempt.question_id.in_(list(opens)),
                )
                .order_by(Attempt.created_at, Attempt.id)
            )
        )
        overrides = _latest_overrides(s, [a.id for a in attempts])
    for attempt in attempts:
        account = by_learner_row[attempt.learner_id]
        # Only what was done for this cohort: since the question was assigned and since
        # the learner joined (a coach sees nothing of their time before, or elsewhere).
        if attempt.created_at < max(opens[attempt.question_id], joined[account.id]):
            continue
        cell = cells.setdefault((account.id, attempt.question_id), Cell())
        cell.attempts.append(attempt)
        if attempt.id in overrides:
            cell.overrides[attempt.id] = overrides[attempt.id]
        given = _starter(bank, attempt.question_id) if attempt.kind == "coding" else ""
        cell.pasted = cell.pasted or looks_pasted(attempt.answer, attempt.time_spent_s, given)
    return Gradebook(cohort.name, learners, list(opens), cells)


def _starter(bank: Bank | None, question_id: str) -> str:
    if bank is None or question_id not in bank.questions:
        return ""
    question = bank.questions[question_id]
    try:
        return question.read("starter.py")
    except OSError:
        return ""


def question_stats(book: Gradebook) -> list[dict[str, Any]]:
    """Per question: how many tried and passed, the mean best score, the most-missed criteria."""
    out = []
    for qid in book.questions:
        cells = [book.cells[(a.id, qid)] for a in book.learners if (a.id, qid) in book.cells]
        bests = [c.best_score for c in cells if c.best_score is not None]
        missed: Counter[str] = Counter()
        for c in cells:
            best = c.best
            if best is None or best.result_json is None or best.kind != "written":
                continue
            if best.id in c.overrides:  # a coach regraded it: the machine's misses are moot
                continue
            for criterion in json.loads(best.result_json).get("criteria", []):
                if criterion.get("status") in ("missed", "contradicted"):
                    missed[str(criterion.get("text", criterion.get("id")))] += 1
        tried = len(cells)
        passed_n = sum(1 for c in cells if c.passed)
        out.append(
            {
                "question_id": qid,
                "learners": len(book.learners),
                "tried": tried,
                "passed": passed_n,
                "pass_rate": None if tried == 0 else round(passed_n / tried, 3),
                "mean_best_score": None if not bests else round(sum(bests) / len(bests), 3),
                "mean_attempts": None
                if tried == 0
                else round(sum(len(c.attempts) for c in cells) / tried, 2),
                "most_missed": missed.most_common(3),
            }
        )
    return out


def gradebook_csv(book: Gradebook) -> str:
    """One row per learner and question (CSV_COLUMNS; docs/team.md)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for learner in book.learners:
        for qid in book.questions:
            cell = book.cell(learner, qid)
            best = cell.best_score
            writer.writerow(
                [
                    _cell_text(book.cohort),
                    _cell_text(learner.name),
                    learner.email,
                    qid,
                    "" if best is None else f"{best:.3f}",
                    "yes" if cell.passed else "no",
                    len(cell.attempts),
                    f"{cell.time_spent_s:.1f}",
                    cell.hints_used,
                    "yes" if cell.pasted else "no",
                ]
            )
    return buffer.getvalue()


def _cell_text(value: str) -> str:
    """A value a spreadsheet will not run as a formula (names are typed by people)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def override_grade(
    store: Store, coach: Account, attempt_id: int, score: float, reason: str
) -> GradeOverride:
    """Record a coach's grade for a written answer of a learner in one of their cohorts."""
    if not 0.0 <= score <= 1.0:
        raise UsageError("a grade is a score from 0 to 1")
    reason = reason.strip()
    if not reason:
        raise UsageError("give the reason for the new grade")
    with store.transaction() as s:
        attempt = s.get(Attempt, attempt_id)
        owner = None
        if attempt is not None:
            owner = s.scalar(select(Account).where(Account.learner_id == attempt.learner_id))
    if attempt is None or owner is None:
        raise NotYours(f"there is no answer number {attempt_id} in your cohorts")
    Cohorts(store).learner_in(coach, owner.id)
    if attempt.kind != "written":
        raise UsageError(
            "only a written answer's grade can be changed; code is judged by its tests"
        )
    row = GradeOverride(
        attempt_id=attempt_id, coach_id=coach.id, score=score, reason=reason, created_at=utcnow()
    )
    with store.transaction() as s:
        s.add(row)
        s.flush()
    return row


def overrides_export(store: Store, coach: Account) -> list[dict[str, Any]]:
    """Every override in the coach's cohorts, as labelled data for the grader (docs/team.md)."""
    cohorts = [c.id for c in Cohorts(store).of(coach, role="coach")]
    with store.transaction() as s:
        learners = (
            select(Account.learner_id)
            .join(Membership, Membership.account_id == Account.id)
            .where(Membership.cohort_id.in_(cohorts), Membership.role == "learner")
        )
        rows = s.execute(
            select(GradeOverride, Attempt, Account)
            .join(Attempt, Attempt.id == GradeOverride.attempt_id)
            .join(Account, Account.id == GradeOverride.coach_id)
            .where(Attempt.learner_id.in_(learners))
            .order_by(GradeOverride.created_at, GradeOverride.id)
        ).all()
    out = []
    for override, attempt, by in rows:
        machine = json.loads(attempt.result_json) if attempt.result_json else {}
        out.append(
            {
                "schema": OVERRIDE_SCHEMA,
                "version": 1,
                "question_id": attempt.question_id,
                "answer": attempt.answer,
                "machine_score": attempt.score,
                "machine_grader": machine.get("grader"),
                "coach_score": override.score,
                "reason": override.reason,
                "coach": by.name,
                "attempt_id": attempt.id,
                "overridden_at": override.created_at.isoformat(),
            }
        )
    return out
