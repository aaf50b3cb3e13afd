"""Export and import of all progress as one JSON document.

The document has no database ids: rows refer to each other by natural keys (a
mock interview by its start time), so it can be imported into any database.
Import validates the whole document first and writes it in one transaction:
a malformed or foreign file changes nothing. Importing the same file twice adds
nothing the second time.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from mlprep.errors import UsageError

if TYPE_CHECKING:
    from mlprep._core import Mlprep

__all__ = ["EXPORT_SCHEMA", "export_progress", "import_progress"]

EXPORT_SCHEMA = "mlprep.export"
EXPORT_VERSION = 1
PRACTICE_SCOPE = "practice"  # Draft.scope outside a mock


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AttemptRow(_Row):
    question_id: str
    kind: Literal["coding", "written"]
    created_at: AwareDatetime
    answer: str
    verdict: str | None
    score: float | None = Field(ge=0.0, le=1.0)  # every score in mlprep is in [0, 1]
    time_spent_s: float | None = Field(ge=0.0)
    hints_used: int = Field(ge=0)
    solution_seen: bool
    source: str
    mock_started_at: AwareDatetime | None
    result: dict[str, Any] | None


class HintRow(_Row):
    question_id: str
    revealed: int
    solution_seen: bool
    updated_at: AwareDatetime


class ReviewRow(_Row):
    question_id: str
    card: dict[str, Any]
    due: AwareDatetime
    lapses: int
    leech: bool
    updated_at: AwareDatetime


class ReviewLogRow(_Row):
    question_id: str
    rating: int = Field(ge=1, le=4)
    reviewed_at: AwareDatetime


class MockRow(_Row):
    track: str
    minutes: int
    started_at: AwareDatetime
    finished_at: AwareDatetime | None
    plan: dict[str, Any]
    scorecard: dict[str, Any] | None
    abandoned: bool = False  # added within version 1 (older files have none)


class NoteRow(_Row):
    question_id: str
    text: str
    updated_at: AwareDatetime


class DraftRow(_Row):
    question_id: str
    text: str
    updated_at: AwareDatetime


class ExportDocument(_Row):
    schema_: Literal["mlprep.export"]
    version: Literal[1]
    exported_at: AwareDatetime
    learner: str
    attempts: list[AttemptRow]
    hints: list[HintRow]
    reviews: list[ReviewRow]
    review_log: list[ReviewLogRow]
    mocks: list[MockRow]
    notes: list[NoteRow]
    # added within version 1 (older files have none): the practice answer boxes' unsent
    # text; a mock's drafts belong to that mock and are not carried over
    drafts: list[DraftRow] = Field(default_factory=list)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_progress(core: Mlprep, now: datetime) -> dict[str, Any]:
    from sqlalchemy import select

    from mlprep.store import Draft, HintState, Note

    store, learner = core.store, core.learner
    lid = store.learner_id(learner)
    mocks = store.mocks(learner=learner)
    mock_start = {m.id: m.started_at for m in mocks}
    with store.transaction() as s:
        hints = list(s.scalars(select(HintState).where(HintState.learner_id == lid)))
        notes = list(s.scalars(select(Note).where(Note.learner_id == lid)))
        drafts = list(
            s.scalars(
                select(Draft).where(
                    Draft.learner_id == lid, Draft.scope == PRACTICE_SCOPE, Draft.text != ""
                )
            )
        )
    return {
        "schema": EXPORT_SCHEMA,
        "version": EXPORT_VERSION,
        "exported_at": now.isoformat(),
        "learner": learner,
        "attempts": [
            {
                "question_id": a.question_id,
                "kind": a.kind,
                "created_at": _iso(a.created_at),
                "answer": a.answer,
                "verdict": a.verdict,
                "score": a.score,
                "time_spent_s": a.time_spent_s,
                "hints_used": a.hints_used,
                "solution_seen": a.solution_seen,
                "source": a.source,
                "mock_started_at": _iso(mock_start.get(a.mock_id)) if a.mock_id else None,
                "result": json.loads(a.result_json) if a.result_json else None,
            }
            for a in store.attempts(learner=learner)
        ],
        "hints": [
            {
                "question_id": h.question_id,
                "revealed": h.revealed,
                "solution_seen": h.solution_seen,
                "updated_at": _iso(h.updated_at),
            }
            for h in sorted(hints, key=lambda h: h.question_id)
        ],
        "reviews": [
            {
                "question_id": r.question_id,
                "card": json.loads(r.card_json),
                "due": _iso(r.due),
                "lapses": r.lapses,
                "leech": r.leech,
                "updated_at": _iso(r.updated_at),
            }
            for r in sorted(store.reviews(learner=learner), key=lambda r: r.question_id)
        ],
        "review_log": [
            {"question_id": g.question_id, "rating": g.rating, "reviewed_at": _iso(g.reviewed_at)}
            for g in store.review_logs(learner=learner)
        ],
        "mocks": [
            {
                "track": m.track,
                "minutes": m.minutes,
                "started_at": _iso(m.started_at),
                "finished_at": _iso(m.finished_at),
                "plan": json.loads(m.plan_json),
                "scorecard": json.loads(m.scorecard_json) if m.scorecard_json else None,
                "abandoned": m.abandoned,
            }
            for m in mocks
        ],
        "notes": [
            {"question_id": n.question_id, "text": n.text, "updated_at": _iso(n.updated_at)}
            for n in sorted(notes, key=lambda n: n.question_id)
        ],
        "drafts": [
            {"question_id": d.question_id, "text": d.text, "updated_at": _iso(d.updated_at)}
            for d in sorted(drafts, key=lambda d: d.question_id)
        ],
    }


def _parse(path: Path) -> ExportDocument:
    try:
        raw = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder; give the file written by export") from None
    except OSError as exc:  # no permission, a broken device...
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path} is not a JSON file: {exc}") from None
    if not isinstance(raw, dict) or raw.get("schema") != EXPORT_SCHEMA:
        raise UsageError(f'{path} is not an mlprep export (no "schema": "{EXPORT_SCHEMA}")')
    if raw.get("version") != EXPORT_VERSION:
        raise UsageError(f"{path} has export version {raw.get('version')!r}; this mlprep reads 1")
    raw["schema_"] = raw.pop("schema")
    try:
        return ExportDocument.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(
            f"{path}: {where}: {first['msg']} ({exc.error_count()} problem(s); nothing imported)"
        ) from None


def _check_questions(core: Mlprep, doc: ExportDocument, path: Path) -> None:
    """Every row must be about a question in the loaded content (else nothing is imported)."""
    known = set(core.bank.questions)
    sections: dict[str, list[Any]] = {
        "attempts": doc.attempts,
        "hints": doc.hints,
        "reviews": doc.reviews,
        "review_log": doc.review_log,
        "notes": doc.notes,
        "drafts": doc.drafts,
    }
    for name, rows in sections.items():
        for index, row in enumerate(rows):
            if row.question_id not in known:
                raise UsageError(
                    f"{path}: {name}.{index}.question_id: no loaded content has a question "
                    f"'{row.question_id}' (add its folder with --content; nothing imported)"
                )


def import_progress(core: Mlprep, path: Path) -> dict[str, int]:
    """Merge an export into the store, all or nothing. Returns rows added per kind."""
    from sqlalchemy import select

    from mlprep.store import Attempt, Draft, HintState, MockSession, Note, ReviewLog, ReviewState

    doc = _parse(path)
    _check_questions(core, doc, path)
    store = core.store
    lid = store.learner_id(core.learner)
    added = dict.fromkeys(
        ("attempts", "hints", "reviews", "review_log", "mocks", "notes", "drafts"), 0
    )
    with store.transaction() as s:
        mocks = {
            m.started_at: m
            for m in s.scalars(select(MockSession).where(MockSession.learner_id == lid))
        }
        for m in doc.mocks:
            if m.started_at in mocks:
                continue
            row = MockSession(
                learner_id=lid,
                track=m.track,
                minutes=m.minutes,
                started_at=m.started_at,
                finished_at=m.finished_at,
                plan_json=json.dumps(m.plan),
                scorecard_json=json.dumps(m.scorecard) if m.scorecard is not None else None,
                abandoned=m.abandoned,
            )
            s.add(row)
            mocks[m.started_at] = row
            added["mocks"] += 1
        s.flush()
        existing = {
            (a.question_id, a.created_at)
            for a in s.scalars(select(Attempt).where(Attempt.learner_id == lid))
        }
        for a in doc.attempts:
            if (a.question_id, a.created_at) in existing:
                continue
            s.add(
                Attempt(
                    learner_id=lid,
                    question_id=a.question_id,
                    kind=a.kind,
                    created_at=a.created_at,
                    answer=a.answer,
                    verdict=a.verdict,
                    score=a.score,
                    time_spent_s=a.time_spent_s,
                    hints_used=a.hints_used,
                    solution_seen=a.solution_seen,
                    source=a.source,
                    mock_id=mocks[a.mock_started_at].id if a.mock_started_at in mocks else None,
                    result_json=json.dumps(a.result) if a.result is not None else None,
                )
            )
            added["attempts"] += 1
        logged = {
            (g.question_id, g.reviewed_at, g.rating)
            for g in s.scalars(select(ReviewLog).where(ReviewLog.learner_id == lid))
        }
        for g in doc.review_log:
            if (g.question_id, g.reviewed_at, g.rating) not in logged:
                s.add(
                    ReviewLog(
                        learner_id=lid,
                        question_id=g.question_id,
                        rating=g.rating,
                        reviewed_at=g.reviewed_at,
                    )
                )
                added["review_log"] += 1
        for h in doc.hints:
            hint = s.get(HintState, (lid, h.question_id))
            if hint is None or hint.updated_at < h.updated_at:
                if hint is None:
                    hint = HintState(learner_id=lid, question_id=h.question_id)
                    s.add(hint)
                hint.revealed, hint.solution_seen, hint.updated_at = (
                    h.revealed,
                    h.solution_seen,
                    h.updated_at,
                )
                added["hints"] += 1
        for r in doc.reviews:
            review = s.get(ReviewState, (lid, r.question_id))
            if review is None or review.updated_at < r.updated_at:
                if review is None:
                    review = ReviewState(learner_id=lid, question_id=r.question_id)
                    s.add(review)
                review.card_json, review.due, review.lapses = json.dumps(r.card), r.due, r.lapses
                review.leech, review.updated_at = r.leech, r.updated_at
                added["reviews"] += 1
        for n in doc.notes:
            note = s.scalar(
                select(Note).where(Note.learner_id == lid, Note.question_id == n.question_id)
            )
            if note is None or note.updated_at < n.updated_at:
                if note is None:
                    note = Note(learner_id=lid, question_id=n.question_id)
                    s.add(note)
                note.text, note.updated_at = n.text, n.updated_at
                added["notes"] += 1
        for d in doc.drafts:
            draft = s.scalar(
                select(Draft).where(
                    Draft.learner_id == lid,
                    Draft.question_id == d.question_id,
                    Draft.scope == PRACTICE_SCOPE,
                )
            )
            if draft is None or draft.updated_at < d.updated_at:
                if draft is None:
                    draft = Draft(learner_id=lid, question_id=d.question_id, scope=PRACTICE_SCOPE)
                    s.add(draft)
                draft.text, draft.updated_at = d.text, d.updated_at
                added["drafts"] += 1
    return added
