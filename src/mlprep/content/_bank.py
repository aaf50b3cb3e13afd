"""The question bank: discovery of question folders, lookup, validation and coverage."""

from __future__ import annotations

import ast
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from ._coding import function_signature, load_tests, wrong_solutions
from ._errors import ContentError, ContentErrors
from ._loader import CODING_FILES, check_unloadable, load_corpus, load_question, read_text
from ._locate import TomlPositions
from ._models import Category, Question
from ._mutants_file import check_mutants_file

__all__ = [
    "Bank",
    "CheckReport",
    "Inventory",
    "builtin_bank_root",
    "check_content",
    "content_roots",
    "coverage",
    "discover",
    "inventory",
    "load_bank",
]


def builtin_bank_root() -> Path:
    """The bank that ships inside the package."""
    return Path(str(resources.files("mlprep") / "bank"))


def content_roots(extra: Iterable[Path] = ()) -> list[Path]:
    """The built-in bank, then ``MLPREP_CONTENT`` folders, then ``extra`` ones."""
    roots = [builtin_bank_root()]
    env = os.environ.get("MLPREP_CONTENT", "")
    roots += [Path(p).expanduser() for p in env.split(os.pathsep) if p.strip()]
    roots += [Path(p).expanduser() for p in extra]
    unique: list[Path] = []
    for root in roots:
        if root.resolve() not in {u.resolve() for u in unique}:
            unique.append(root)
    return unique


def discover(root: Path) -> Iterator[Path]:
    """Every folder below ``root`` that holds a question.toml, in sorted order."""
    if (root / "question.toml").is_file():
        yield root
        return
    for path in sorted(root.rglob("question.toml")):
        if "wrong" not in path.parent.parts[len(root.parts) :]:
            yield path.parent


@dataclass(frozen=True)
class Inventory:
    """The stable topic keys (T01..., C01...) and the six categories, in our words."""

    keys: dict[str, str]
    categories: dict[str, str]


@cache
def inventory() -> Inventory:
    data = tomllib.loads((resources.files("mlprep.content") / "inventory.toml").read_text("utf-8"))
    return Inventory(keys=dict(data["keys"]), categories=dict(data["categories"]))


@dataclass
class Bank:
    """Questions loaded from one or more content roots, by id."""

    questions: dict[str, Question] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions.values())

    def __len__(self) -> int:
        return len(self.questions)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self.questions

    def get(self, question_id: str) -> Question:
        """The question with this id; KeyError names close matches."""
        try:
            return self.questions[question_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(question_id, list(self.questions), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise KeyError(f"no question with id '{question_id}'{hint}") from None

    def by_key(self, key: str) -> list[Question]:
        return [q for q in self if key in q.covers]

    def filter(
        self,
        category: str | None = None,
        difficulty: str | None = None,
        tag: str | None = None,
        key: str | None = None,
        kind: str | None = None,
    ) -> list[Question]:
        out = []
        for q in self:
            if category and q.category.value != category:
                continue
            if difficulty and q.difficulty.value != difficulty:
                continue
            if tag and tag not in q.meta.tags:
                continue
            if key and key.upper() not in q.covers:
                continue
            if kind and (kind == "coding") != q.is_coding:
                continue
            out.append(q)
        return out


def load_bank(roots: Iterable[Path] | None = None, *, thorough: bool = False) -> Bank:
    """Load every question under ``roots`` (default: ``content_roots()``).

    A broken folder does not stop the others from loading; its errors are kept
    on ``Bank.errors`` so a caller can show them. ``thorough`` (for ``content
    check``) also reports what else is wrong in a folder that failed to load, and
    content folders that hold no question.
    """
    bank = Bank()
    for root in content_roots() if roots is None else roots:
        if not root.is_dir():
            bank.errors.append(ContentError(root, 1, 1, "content folder does not exist"))
            continue
        folders = list(discover(root))
        if thorough and not folders:
            bank.errors.append(
                ContentError(root, 1, 1, "no question folder (one with a question.toml) in here")
            )
        for folder in folders:
            try:
                question = load_question(folder)
            except ContentErrors as exc:
                bank.errors.extend(exc.errors)
                if thorough:
                    bank.errors.extend(check_unloadable(folder))
                continue
            if question.id in bank.questions:
                other = bank.questions[question.id].path
                bank.errors.append(
                    ContentError(
                        folder / "question.toml", 1, 1, f"duplicate id '{question.id}' ({other})"
                    )
                )
                continue
            bank.questions[question.id] = question
    return bank


@dataclass
class CheckReport:
    """The result of ``check_content``: questions checked and every error found."""

    checked: int
    errors: list[ContentError]

    @property
    def ok(self) -> bool:
        return not self.errors


def _meta_error(question: Question, loc: tuple[str | int, ...], message: str) -> ContentError:
    path = question.file("question.toml")
    text = path.read_text("utf-8")
    line, column = TomlPositions(text).find(loc)
    return ContentError(path, line, column, message)


def _check_python(path: Path, errors: list[ContentError]) -> str | None:
    text = read_text(path, errors)
    if text is None:
        return None
    try:
        ast.parse(text, filename=str(path))
    except SyntaxError as exc:
        errors.append(
            ContentError(path, exc.lineno or 1, exc.offset or 1, f"syntax error: {exc.msg}")
        )
        return None
    return text


_DISPLAY_MATH = re.compile(r"\$\$.*?\$\$", re.S)
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def _check_math_delimiters(path: Path) -> list[ContentError]:
    """Every paragraph pairs its ``$`` signs; a currency sign must be written ``\\$``."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # reported by the loader already
    blank = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)
    blank = _DISPLAY_MATH.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), blank)
    blank = blank.replace("\\$", "  ")
    errors = []
    offset = 0
    for paragraph in re.split(r"(\n\s*\n)", blank):
        if paragraph.count("$") % 2 == 1:
            first = offset + paragraph.index("$")
            line = blank.count("\n", 0, first) + 1
            column = first - (blank.rfind("\n", 0, first) + 1) + 1
            errors.append(
                ContentError(
                    path,
                    line,
                    column,
                    "unpaired '$' starts inline math; write a currency sign as '\\$'",
                )
            )
        offset += len(paragraph)
    return errors


def _check_coding(question: Question) -> list[ContentError]:
    spec = question.meta.coding
    assert spec is not None
    errors: list[ContentError] = []
    for name in CODING_FILES:
        path = question.file(name)
        text = _check_python(path, errors)
        if text is None or name == "tests.py":
            continue
        params = function_signature(text, spec.entry_point)
        if params is None:
            errors.append(ContentError(path, 1, 1, f"defines no function '{spec.entry_point}'"))
        elif params != spec.parameters:
            errors.append(
                ContentError(
                    path,
                    1,
                    1,
                    f"'{spec.entry_point}' takes ({', '.join(params)}), "
                    f"question.toml says ({', '.join(spec.parameters)})",
                )
            )
    support = question.file("support.py")
    if support.exists():
        _check_python(support, errors)
    wrong = wrong_solutions(question)
    if len(wrong) < 3:
        errors.append(
            ContentError(question.file("wrong"), 1, 1, "expected at least 3 known-wrong solutions")
        )
    for path in wrong:
        _check_python(path, errors)
    if not errors:
        try:
            load_tests(question)
        except ContentErrors as exc:
            errors.extend(exc.errors)
        errors.extend(check_mutants_file(question))
    return errors


def _unknown_key(key: str, keys: dict[str, str]) -> str:
    """The error for a key not in the inventory, with the key probably meant."""
    match = re.fullmatch(r"([A-Za-z]+)0*(\d+)", key)
    guess = f"{match[1].upper()}{int(match[2]):02d}" if match else None
    if guess in keys and guess != key:
        return f"unknown inventory key {key} (did you mean {guess}?)"
    return f"unknown inventory key {key} (see `mlprep coverage`)"


def _question_ids(root: Path) -> set[str]:
    """The ids of the questions under ``root``, read from their question.toml only.

    Loading every question (prompts, rubrics, corpora) only to know the ids a folder
    checked alone may name as prerequisites took seconds per check.
    """
    ids: set[str] = set()
    for folder in discover(root):
        try:
            meta = tomllib.loads((folder / "question.toml").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if isinstance(meta.get("id"), str):
            ids.add(meta["id"])
    return ids


QuestionCheck = Callable[[Question], list[ContentError]]


def check_content(
    roots: Iterable[Path] | None = None,
    *,
    extra: Iterable[QuestionCheck] = (),
    progress: Callable[[int, int, str], None] | None = None,
    workers: int = 1,
) -> CheckReport:
    """Validate every question folder under ``roots`` and the bank as a whole.

    ``extra`` checks run on every question that loads: the interfaces pass checks that
    live above this package (the rubric's concepts against the model answer, which
    needs the grader's text analysis). ``progress(done, total, question_id)`` reports
    the question being checked (for the CLI's progress line). With ``workers`` > 1
    the questions are checked in that many processes, this one included (the others
    load their questions again; ``extra`` must then be importable functions), and
    ``progress`` reports each question as it is done; the report is the same.
    """
    extra = list(extra)
    roots = list(content_roots() if roots is None else roots)
    bank = load_bank(roots, thorough=True)
    errors = list(bank.errors)
    # A folder checked alone may name prerequisites from the built-in bank (read only
    # when one names a question outside the folders: it is 365 files).
    known_ids = set(bank.questions)
    outside = {p for q in bank for p in q.meta.prerequisites} - known_ids
    if outside and builtin_bank_root().resolve() not in {r.resolve() for r in roots}:
        known_ids |= _question_ids(builtin_bank_root())
    questions = list(bank)
    if workers > 1 and len(questions) > 1:  # this process and workers - 1 others
        errors += _check_in_processes(questions, known_ids, extra, workers, progress)
    else:
        for done, question in enumerate(questions):
            if progress is not None:
                progress(done, len(questions), question.id)
            errors += _check_question(question, known_ids, extra)
    return CheckReport(checked=len(bank), errors=sorted(set(errors)))


def _check_question(
    question: Question, known_ids: set[str], extra: list[QuestionCheck]
) -> list[ContentError]:
    """Every check of one loaded question (the bank-wide ones are ``load_bank``'s)."""
    keys = inventory().keys
    errors: list[ContentError] = []
    folder_category = question.path.parent.name
    if folder_category in {c.value for c in Category} and folder_category != question.category:
        errors.append(
            _meta_error(
                question,
                ("category",),
                f"category '{question.category}' but the folder is under '{folder_category}/'",
            )
        )
    for i, key in enumerate(question.covers):
        if key not in keys:
            errors.append(_meta_error(question, ("covers", i), _unknown_key(key, keys)))
    for i, prereq in enumerate(question.meta.prerequisites):
        if prereq not in known_ids:
            errors.append(
                _meta_error(question, ("prerequisites", i), f"no question with id '{prereq}'")
            )
    if not 2 <= len(question.hints) <= 4:
        errors.append(
            ContentError(
                question.file("hints.md"),
                1,
                1,
                f"expected 2-4 hints, found {len(question.hints)}",
            )
        )
    n_criteria = len(question.rubric.criterion)
    low = 2 if question.is_coding else 3
    if not low <= n_criteria <= 8:
        errors.append(
            ContentError(
                question.file("rubric.toml"),
                1,
                1,
                f"expected {low}-8 criteria, found {n_criteria}",
            )
        )
    ids = [c.id for c in question.rubric.criterion] + [m.id for m in question.rubric.misconception]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        errors.append(
            ContentError(question.file("rubric.toml"), 1, 1, f"duplicate rubric id '{dup}'")
        )
    for name in ("prompt.md", "answer.md", "hints.md"):
        errors.extend(_check_math_delimiters(question.file(name)))
    try:
        samples = question.samples
    except ContentErrors as exc:
        errors.extend(exc.errors)
        samples = None
    try:
        load_corpus(question)
    except ContentErrors as exc:
        errors.extend(exc.errors)
    if question.is_coding:
        errors.extend(_check_coding(question))
    elif samples is not None and len(samples) < 3:
        errors.append(
            ContentError(
                question.file("samples.toml"), 1, 1, "expected at least 3 scored sample answers"
            )
        )
    for check in extra:
        errors.extend(check(question))
    return errors


# what a worker process of _check_in_processes checks questions against
_WORKER: tuple[set[str], list[QuestionCheck]] = (set(), [])


def _start_worker(known_ids: set[str], extra: list[QuestionCheck]) -> None:
    global _WORKER
    _WORKER = (known_ids, extra)


def _check_folder(folder: Path) -> list[ContentError]:
    """In a worker process: load the question in ``folder`` and check it."""
    known_ids, extra = _WORKER
    try:
        question = load_question(folder)
    except ContentErrors as exc:  # it changed since the parent loaded it
        return exc.errors
    return _check_question(question, known_ids, extra)


def _check_in_processes(
    questions: list[Question],
    known_ids: set[str],
    extra: list[QuestionCheck],
    workers: int,
    progress: Callable[[int, int, str], None] | None,
) -> list[ContentError]:
    """``_check_question`` of every question, here and in ``workers - 1`` fresh processes.

    A coding question costs most (its tests.py runs, its solution is mutated): the
    questions are queued for the other processes most costly first, and this process
    takes them from the cheap end, each one no other process has started, until the
    two meet. Fresh ("spawn") processes, not forks: the caller may run threads (the
    CLI's spinner).
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    ordered = sorted(questions, key=lambda q: not q.is_coding)
    errors: list[ContentError] = []
    reported: set[str] = set()

    def report(question_id: str) -> None:
        reported.add(question_id)
        if progress is not None:
            progress(len(reported), len(questions), question_id)

    def collect(queued: list[tuple[Question, Future[list[ContentError]]]]) -> None:
        for question, future in queued:
            if question.id not in reported and future.done() and not future.cancelled():
                errors.extend(future.result())
                report(question.id)

    with ProcessPoolExecutor(
        max_workers=min(workers - 1, len(questions)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(known_ids, extra),
    ) as pool:
        queued = [(q, pool.submit(_check_folder, q.path)) for q in ordered]
        for question, future in reversed(queued):
            if not future.cancel():  # another process has it: the rest are theirs
                break
            errors.extend(_check_question(question, known_ids, extra))
            report(question.id)
            collect(queued)
        for question, future in queued:
            if question.id not in reported:
                errors.extend(future.result())
                report(question.id)
    return errors


def coverage(bank: Bank) -> dict[str, list[str]]:
    """For every inventory key, the ids of the questions that cover it."""
    return {key: [q.id for q in bank.by_key(key)] for key in inventory().keys}
