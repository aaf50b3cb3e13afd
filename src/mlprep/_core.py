"""One core object behind every interface (CLI, web app, notebook).

``Mlprep`` holds the question bank and the progress store, and is where an answer
becomes a recorded attempt. Interfaces parse input, call these methods and render
what comes back; they hold no logic of their own.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlprep.errors import ContentInvalid, NotAttempted, UnknownQuestion, UsageError

if TYPE_CHECKING:
    from concurrent.futures import Future
    from datetime import datetime

    from mlprep.content import Bank, Question
    from mlprep.grading import GradeReport
    from mlprep.judging import JudgeResult
    from mlprep.store import Attempt, MockSession, Store
    from mlprep.study import MockPlan, Progress, QueueItem, SelfRating

__all__ = ["SOURCE_MAX_BYTES", "HintReveal", "Mlprep"]

# The largest source the judge takes (docs/cli.md, docs/judge.md): checked before
# judging, so a verdict is never computed and then lost when the store refuses it.
SOURCE_MAX_BYTES = 256 * 1024


@dataclass(frozen=True)
class HintReveal:
    """The hints a learner has revealed so far for one question."""

    question_id: str
    revealed: tuple[str, ...]
    total: int

    @property
    def exhausted(self) -> bool:
        return len(self.revealed) >= self.total

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.question_id,
            "revealed": len(self.revealed),
            "total": self.total,
            "hints": list(self.revealed),
        }


class Mlprep:
    """The bank, the store and the operations on them, for one learner."""

    def __init__(
        self,
        content: Iterable[Path] = (),
        db: str | Path | None = None,
        learner: str = "local",
        bank: Bank | None = None,
        store: Store | None = None,
        create_store: bool = True,
        bank_loader: Callable[[list[Path]], Bank] | None = None,
    ) -> None:
        """``create_store=False``: a missing database is read as empty, never created.

        ``bank_loader`` replaces ``load_bank`` for the whole bank (the resident
        service hands over the bank it keeps loaded while its files are unchanged).
        """
        self._content = [Path(p) for p in content]
        self._create_store = create_store
        self._db = db
        self.learner = learner
        self._bank = bank
        self._bank_loader = bank_loader
        self._store = store
        self._store_lock = threading.Lock()

    # -- what this core was opened on -------------------------------------------------

    @property
    def content_folders(self) -> list[Path]:
        """The extra content folders given to this core (beyond the built-in bank)."""
        return list(self._content)

    @property
    def db_target(self) -> str | Path | None:
        """The database given to this core (None: the default in the data folder)."""
        return self._db

    # -- lazily opened resources ---------------------------------------------------

    @property
    def bank(self) -> Bank:
        if self._bank is None:
            from mlprep.content import content_roots, load_bank

            roots = content_roots(self._content)
            for folder in roots[1:]:  # --content and MLPREP_CONTENT folders alike
                if not folder.is_dir():
                    where = "MLPREP_CONTENT" if folder not in self._content else "--content"
                    raise UsageError(f"content folder does not exist: {folder} ({where})")
            self._bank = (self._bank_loader or load_bank)(roots)
        return self._bank

    @property
    def store(self) -> Store:
        with self._store_lock:
            if self._store is None:
                from mlprep._paths import default_db_path
                from mlprep.store import Store

                target = self._db if self._db is not None else default_db_path()
                self._store = Store(target, create=self._create_store)
            return self._store

    def open_store_in_background(self) -> None:
        """Open the store (and import the scheduler) while something slow runs.

        A cold ``mlprep judge`` spends most of its time waiting on the sandbox; the
        database and its libraries can load meanwhile. Errors surface on first use.
        """

        def warm() -> None:
            try:
                self.store  # noqa: B018 - opening is the point
                import mlprep.study  # noqa: F401
            except Exception:  # reported when the store is really used
                pass

        threading.Thread(target=warm, name="mlprep-store", daemon=True).start()

    # -- questions ------------------------------------------------------------------

    def question(self, question_id: str) -> Question:
        if self._bank is None:
            # One command about one question need not load the whole bank.
            found = self._load_one(question_id)
            if found is not None:
                return found
        try:
            return self.bank.get(question_id)
        except KeyError as exc:
            broken = [e for e in self.bank.errors if question_id in e.path.parts]
            if broken:
                raise ContentInvalid(
                    f"question '{question_id}' does not load: {broken[0]}"
                ) from None
            raise UnknownQuestion(str(exc.args[0])) from None

    def _load_one(self, question_id: str) -> Question | None:
        from mlprep.content import ContentErrors, content_roots, load_question

        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", question_id):
            return None  # not a slug: no folder can hold it, and no glob pattern sneaks in
        for root in content_roots(self._content):
            for folder in (root / question_id, *root.glob(f"*/{question_id}")):
                if not (folder / "question.toml").is_file():
                    continue
                try:
                    question = load_question(folder)
                except ContentErrors:
                    return None
                if question.id == question_id:
                    return question
        return None

    def question_by_key(self, key: str) -> Question:
        matches = self.bank.by_key(key.upper())
        if not matches:
            raise UnknownQuestion(f"no question covers inventory key '{key}'")
        coding = [q for q in matches if q.is_coding]
        return (coding or matches)[0]

    def questions(self, **filters: str | None) -> list[Question]:
        return self.bank.filter(**filters)

    # -- hints and answers -----------------------------------------------------------

    def hints(self, question_id: str, *, mock_id: int | None = None) -> HintReveal:
        """Hints revealed in the question's open sitting (hints count per sitting)."""
        from mlprep.study import current_help

        question = self.question(question_id)
        shown = current_help(self.store, self.learner, question.id, mock_id).hints
        return HintReveal(question.id, question.hints[:shown], len(question.hints))

    def next_hint(self, question_id: str, *, mock_id: int | None = None) -> HintReveal:
        from mlprep.study import reveal_hint

        question = self.question(question_id)
        shown = reveal_hint(self.store, self.learner, question.id, len(question.hints), mock_id)
        return HintReveal(question.id, question.hints[:shown], len(question.hints))

    def reveal_solution(self, question_id: str, *, mock_id: int | None = None) -> Question:
        from mlprep.study import mark_solution_seen

        question = self.question(question_id)
        if not self.store.read_only:  # a read-only data folder still shows answers
            mark_solution_seen(self.store, self.learner, question.id, mock_id)
        return question

    def rate(
        self, question_id: str, rating: str | int, *, now: datetime | None = None
    ) -> SelfRating:
        """The learner's own rating of the written answer just graded: it replaces the
        grade's band in the review schedule (docs/practice.md, "Rating yourself")."""
        from mlprep.study import check_rateable, parse_rating, rate_sitting

        question = self.question(question_id)
        given = parse_rating(rating)  # mistakes are said before the store is opened
        check_rateable(question)
        return rate_sitting(self.store, self.learner, question, given, now)

    # -- answering ---------------------------------------------------------------------

    def judge(
        self,
        question_id: str,
        source: str,
        *,
        seed: int | None = None,
        mode: str = "submit",
        custom_args: tuple[Any, ...] | None = None,
        origin: str = "cli",
        time_spent_s: float | None = None,
        mock_id: int | None = None,
        judge_fn: Any = None,
        now: datetime | None = None,
        on_verdict: Callable[[JudgeResult], JudgeResult] | None = None,
        then: Callable[[JudgeResult], JudgeResult] | None = None,
    ) -> JudgeResult:
        """Judge code; a submission (not a run) is recorded as an attempt.

        A progress-counted submission always gets a fresh seed: with ``seed`` (a replay
        of known random tests) it is judged like a submission but not recorded.

        ``on_verdict`` runs between the judgement and the record: the CLI prints the
        verdict there (the result it returns is the one recorded and returned). The
        attempt is recorded even when ``on_verdict`` fails or is interrupted, with the
        verdict as judged.

        ``then`` runs after it while the attempt is being recorded, in a thread: the CLI
        waits there for the growth measurement and prints it. The result it returns
        (with growth) is then written over the recorded one; if it fails or is
        interrupted, the attempt stays as recorded, without growth.

        Raises ``NotAttempted`` (nothing judged, nothing recorded) for an empty file
        or the untouched starter code.
        """
        question = self.question(question_id)
        if not question.is_coding:
            raise UsageError(f"'{question.id}' is a written question: use grade, not judge")
        source = _checked_source(source)
        if mode == "submit":
            from mlprep.study import not_attempted

            reason = not_attempted(question, source)
            if reason is not None:
                raise NotAttempted(reason)
        if judge_fn is None:
            from mlprep.judging import judge as judge_fn
        started = time.monotonic()
        result: JudgeResult = judge_fn(
            question, source, seed=seed, mode=mode, custom_args=custom_args
        )
        judged_in = time.monotonic() - started
        recorded = mode == "submit" and seed is None

        def record(judged: JudgeResult) -> Attempt:
            return self._record(
                question,
                answer=source,
                verdict=str(judged.verdict),
                score=1.0 if judged.accepted else 0.0,
                result=judged.to_dict(),
                origin=origin,
                time_spent_s=time_spent_s if time_spent_s is not None else judged_in,
                mock_id=mock_id,
                now=now,
            )

        final = verdict = result
        recording: Future[Attempt] | None = None
        try:
            if on_verdict is not None:
                final = on_verdict(result)
            if then is not None:
                if recorded:
                    recording = _in_thread(record, final, name="mlprep-record")
                verdict = final
                final = then(verdict)
        finally:
            if recorded and recording is None:
                record(final)
            elif recording is not None:
                attempt = recording.result()  # its error, if any, is this call's
                if final is not verdict:
                    self.store.set_attempt_result(attempt.id, final.to_dict())
        return final

    def grade(
        self,
        question_id: str,
        text: str,
        *,
        grader: str = "default",
        origin: str = "cli",
        time_spent_s: float | None = None,
        mock_id: int | None = None,
        now: datetime | None = None,
    ) -> GradeReport:
        """Grade a written answer against its rubric and record the attempt.

        Raises ``NotAttempted`` (nothing graded, nothing recorded) for an empty
        answer or a notebook's placeholder.
        """
        question = self.question(question_id)
        if question.is_coding:
            raise UsageError(f"'{question.id}' is a coding question: use judge, not grade")
        from mlprep.grading import grade
        from mlprep.study import not_attempted

        reason = not_attempted(question, text)
        if reason is not None:
            raise NotAttempted(reason)

        report = grade(question, text, grader=grader)
        self._record(
            question,
            answer=text,
            verdict=None,
            score=report.score,
            result=report.to_dict(),
            origin=origin,
            time_spent_s=time_spent_s,
            mock_id=mock_id,
            now=now,
        )
        return report

    def _record(
        self,
        question: Question,
        *,
        answer: str,
        verdict: str | None,
        score: float | None,
        result: dict[str, Any],
        origin: str,
        time_spent_s: float | None,
        mock_id: int | None,
        now: datetime | None = None,
    ) -> Attempt:
        """Store the attempt and its sitting's review in one transaction.

        The help counted (hints, model answer) is what the learner revealed in this
        sitting; the review is the sitting's, rewritten (docs/practice.md).
        """
        from mlprep.store import AttemptInput
        from mlprep.study import record_attempt

        attempt, _rating = record_attempt(
            self.store,
            self.learner,
            question,
            AttemptInput(
                question_id=question.id,
                kind="coding" if question.is_coding else "written",
                answer=answer,
                verdict=verdict,
                score=score,
                time_spent_s=time_spent_s,
                source=origin,
                mock_id=mock_id,
                result=result,
                created_at=now,
            ),
        )
        return attempt

    # -- practice ---------------------------------------------------------------------

    def practice_queue(
        self,
        *,
        category: str | None = None,
        difficulty: str | None = None,
        minutes: int | None = None,
        now: datetime | None = None,
    ) -> list[QueueItem]:
        """Due reviews first (most at risk first), then new questions, within ``minutes``."""
        from mlprep.study import due_queue, new_questions

        pool = self.questions(category=category, difficulty=difficulty)
        items = due_queue(self, now, pool) + new_questions(self, pool)
        if minutes is None:
            return items
        chosen, used = [], 0
        for item in items:
            cost = item.question.meta.minutes
            if chosen and used + cost > minutes:
                continue
            chosen.append(item)
            used += cost
        return chosen

    def prerequisite_for(self, question_id: str) -> Question | None:
        """A simpler question to offer when this one keeps failing (a leech)."""
        question = self.question(question_id)
        for prereq in question.meta.prerequisites:
            if prereq in self.bank:
                return self.bank.get(prereq)
        order = {"easy": 0, "medium": 1, "hard": 2}
        easier = [
            q
            for q in self.bank
            if q.id != question.id
            and order[q.difficulty.value] < order[question.difficulty.value]
            and (set(q.covers) & set(question.covers) or set(q.meta.tags) & set(question.meta.tags))
        ]
        easier.sort(
            key=lambda q: (q.category != question.category, order[q.difficulty.value], q.id)
        )
        return easier[0] if easier else None

    # -- mock interviews -----------------------------------------------------------------

    def start_mock(
        self, track: str = "ml-engineer", minutes: int = 45, seed: int | None = None
    ) -> tuple[MockSession, MockPlan]:
        from mlprep.study import plan_mock

        plan = plan_mock(self, track, minutes, seed)
        row = self.store.create_mock(track, minutes, plan.to_dict(), learner=self.learner)
        return row, plan

    def finish_mock(self, mock_id: int, now: datetime | None = None) -> dict[str, Any]:
        """Score a mock from the attempts made inside it and store the scorecard.

        A mock with nothing answered is stored as abandoned, with no scorecard: it is
        no 0% result, and trends and "change since the last mock" leave it out.
        """
        from mlprep.study import scorecard

        card = scorecard(self, mock_id, now)
        if not any(q["answered"] for q in card["questions"]):
            self.store.finish_mock(mock_id, None, abandoned=True)
            return {
                "mock_id": mock_id,
                "track": card["track"],
                "abandoned": True,
                "total": None,
                "questions": card["questions"],
                "minutes_budget": card["minutes_budget"],
            }
        self.store.finish_mock(mock_id, card)
        return card

    # -- progress ---------------------------------------------------------------------------

    def progress(self, now: datetime | None = None) -> Progress:
        from mlprep.study import progress

        return progress(self, now)


def _in_thread(work: Callable[[Any], Any], arg: Any, *, name: str) -> Future[Any]:
    """``work(arg)`` started in a thread; its result (or error) in the future."""
    from concurrent.futures import Future

    done: Future[Any] = Future()
    done.set_running_or_notify_cancel()

    def run() -> None:
        try:
            done.set_result(work(arg))
        except BaseException as exc:  # handed to whoever waits
            done.set_exception(exc)

    threading.Thread(target=run, name=name, daemon=True).start()
    return done


def _checked_source(source: str) -> str:
    """The source as the judge takes it, or a one-line UsageError (docs/cli.md)."""
    source = source.removeprefix("\ufeff")  # a byte-order mark is not code
    size = len(source.encode("utf-8", "surrogatepass"))
    if size > SOURCE_MAX_BYTES:
        raise UsageError(
            f"the source is {size:,} bytes; the judge takes at most {SOURCE_MAX_BYTES // 1024} KB"
        )
    if "\x00" in source:  # no Python file holds one, and PostgreSQL text cannot store it
        raise UsageError(f"the source contains a NUL character (offset {source.index(chr(0))})")
    return source
