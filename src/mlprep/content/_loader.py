"""Load question folders into typed models, collecting errors with file:line:col."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ._errors import ContentError, ContentErrors
from ._locate import TomlPositions
from ._models import (
    CorpusEntry,
    CorpusFile,
    Question,
    QuestionMeta,
    RubricFile,
    Sample,
    SamplesFile,
)

__all__ = [
    "CODING_FILES",
    "WRITTEN_FILES",
    "check_unloadable",
    "load_corpus",
    "load_question",
    "load_samples",
    "parse_hints",
    "read_text",
]

WRITTEN_FILES = ("question.toml", "prompt.md", "hints.md", "answer.md", "rubric.toml")
CODING_FILES = ("starter.py", "solution.py", "tests.py")

_HINT_HEADING = re.compile(r"^##\s+Hint\s+(\d+)\s*$", re.MULTILINE)
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")

M = TypeVar("M", bound=BaseModel)


def read_text(path: Path, errors: list[ContentError]) -> str | None:
    """Read a UTF-8 file; a missing, unreadable or empty file becomes an error."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        errors.append(ContentError(path, 1, 1, "file is missing"))
        return None
    except OSError as exc:
        errors.append(ContentError(path, 1, 1, f"cannot read file: {exc.strerror}"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        errors.append(
            ContentError(path, line, column, f"not valid UTF-8 (byte 0x{data[exc.start]:02x})")
        )
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        errors.append(ContentError(path, line, 1, "contains a NUL character"))
        return None
    if not text.strip():
        errors.append(ContentError(path, 1, 1, "file is empty"))
        return None
    return text.removeprefix("\ufeff")


def _describe(error: Any) -> str:
    kind = error["type"]
    loc = error["loc"]
    name = str(loc[-1]) if loc else "document"
    if kind == "extra_forbidden":
        return f"unknown key '{name}'"
    if kind == "missing":
        return f"missing required key '{name}'"
    where = ".".join(str(p) for p in loc)
    msg = str(error["msg"])
    if kind == "string_pattern_mismatch":
        if loc and loc[0] == "covers":
            msg = "expected an inventory key like T02 (see `mlprep coverage`)"
        else:
            msg = "expected lowercase words joined by '-'"
    return f"{where}: {msg[0].lower() + msg[1:]}" if where else msg


def parse_toml(
    path: Path, model: type[M], errors: list[ContentError], text: str | None = None
) -> M | None:
    """Parse a TOML file (or its already-read ``text``) into ``model``, with located errors."""
    if text is None:
        text = read_text(path, errors)
    if text is None:
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_POS.search(str(exc))
        line, column = (int(match[1]), int(match[2])) if match else (1, 1)
        message = _TOML_POS.sub("", str(exc)).strip()
        errors.append(ContentError(path, line, column, f"invalid TOML: {message}"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        positions = TomlPositions(text)
        for err in exc.errors():
            line, column = positions.find(tuple(err["loc"]))
            errors.append(ContentError(path, line, column, _describe(err)))
        return None


def parse_hints(path: Path, errors: list[ContentError]) -> tuple[str, ...]:
    """hints.md: each hint starts with a ``## Hint N`` heading, numbered from 1."""
    text = read_text(path, errors)
    if text is None:
        return ()
    headings = list(_HINT_HEADING.finditer(text))
    if not headings:
        errors.append(ContentError(path, 1, 1, "expected hints under headings '## Hint 1', ..."))
        return ()
    preamble = text[: headings[0].start()].strip()
    if preamble:
        errors.append(ContentError(path, 1, 1, "text before '## Hint 1' belongs to no hint"))
    hints: list[str] = []
    for i, match in enumerate(headings):
        line = text[: match.start()].count("\n") + 1
        if int(match[1]) != i + 1:
            errors.append(
                ContentError(path, line, 1, f"expected '## Hint {i + 1}', found '{match[0]}'")
            )
        end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        body = text[match.end() : end].strip()
        if not body:
            errors.append(ContentError(path, line, 1, f"hint {i + 1} is empty"))
        hints.append(body)
    return tuple(hints)


def _check_samples(
    path: Path, text: str | None, rubric: RubricFile, samples: list[Sample]
) -> list[ContentError]:
    """Sample scores must name real criteria, stay within their points and add up."""
    errors: list[ContentError] = []
    positions: TomlPositions | None = None
    points = {c.id: c.points for c in rubric.criterion}
    penalties = {m.id: m.penalty for m in rubric.misconception}
    seen: set[str] = set()
    for i, sample in enumerate(samples):

        def err(loc: tuple[str | int, ...], message: str, i: int = i) -> None:
            nonlocal positions
            if positions is None:  # only located when there is something to report
                positions = TomlPositions(text or "")
            line, column = positions.find(("sample", i, *loc))
            errors.append(ContentError(path, line, column, message))

        if sample.id in seen:
            err(("id",), f"duplicate sample id '{sample.id}'")
        seen.add(sample.id)
        for cid, value in sample.scores.items():
            if cid not in points:
                err(("scores", cid), f"'{cid}' is not a criterion of rubric.toml")
            elif value > points[cid]:
                err(("scores", cid), f"score {value:g} exceeds the criterion's {points[cid]:g}")
        for cid in points:
            if cid not in sample.scores:
                err(("scores",), f"no score for criterion '{cid}'")
        for mid in sample.misconceptions:
            if mid not in penalties:
                err(("misconceptions",), f"'{mid}' is not a misconception of rubric.toml")
        expected = max(
            0.0,
            sum(sample.scores.values()) - sum(penalties.get(m, 0.0) for m in sample.misconceptions),
        )
        if abs(expected - sample.total) > 1e-6:
            err(
                ("total",),
                f"total {sample.total:g} does not match the scores minus penalties ({expected:g})",
            )
    return errors


def load_samples(question: Question) -> tuple[Sample, ...]:
    """Parse and check a question's samples.toml (empty when it has none)."""
    path = question.file("samples.toml")
    if not path.exists() and question.meta.coding is not None:
        return ()
    errors: list[ContentError] = []
    text = read_text(path, errors)
    parsed = parse_toml(path, SamplesFile, errors, text) if text is not None else None
    if parsed is not None:
        errors.extend(_check_samples(path, text, question.rubric, list(parsed.sample)))
    if errors or parsed is None:
        raise ContentErrors(errors)
    return tuple(parsed.sample)


# The least a claim's training sentences must hold, so that the model sees each claim
# said several ways and denied several ways (docs/content-format.md).
CORPUS_MINIMUM = {"supports": 6, "contradicts": 4, "neutral": 2}


def _check_claims(path: Path, rubric: RubricFile) -> list[ContentError]:
    """All or none: once a rubric states claims, every criterion and misconception does."""
    criteria = [c for c in rubric.criterion if not c.claims]
    stated = len(criteria) < len(rubric.criterion) or any(
        m.claim is not None for m in rubric.misconception
    )
    if not stated:
        return []
    missing = [
        (("criterion", i, "id"), f"criterion '{c.id}' has no claims")
        for i, c in enumerate(rubric.criterion)
        if not c.claims
    ] + [
        (("misconception", i, "id"), f"misconception '{m.id}' has no claim")
        for i, m in enumerate(rubric.misconception)
        if m.claim is None
    ]
    if not missing:
        return []
    positions = TomlPositions(path.read_text(encoding="utf-8"))
    return [ContentError(path, *positions.find(loc), message) for loc, message in missing]


def _check_corpus(
    path: Path, text: str, rubric: RubricFile, entries: list[CorpusEntry]
) -> list[ContentError]:
    """Every entry names a claim of the rubric, once, with enough sentences of each kind."""
    errors: list[ContentError] = []
    positions = TomlPositions(text)
    claims = rubric.claims()
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        line, column = positions.find(("claim", i, "of"))
        if entry.of not in claims:
            known = ", ".join(claims) or "none: rubric.toml states no claims"
            errors.append(
                ContentError(
                    path,
                    line,
                    column,
                    f"'{entry.of}' is not a claim of rubric.toml (claims: {known})",
                )
            )
        elif entry.of in seen:
            errors.append(ContentError(path, line, column, f"claim '{entry.of}' appears twice"))
        seen.add(entry.of)
        for kind, least in CORPUS_MINIMUM.items():
            have = len(getattr(entry, kind))
            if have < least:
                line, column = positions.find(("claim", i, kind)) if have else (line, column)
                errors.append(
                    ContentError(
                        path,
                        line,
                        column,
                        f"'{entry.of}' needs at least {least} '{kind}' sentences, has {have}",
                    )
                )
    for missing in [c for c in claims if c not in seen]:
        errors.append(ContentError(path, 1, 1, f"no training sentences for claim '{missing}'"))
    return errors


def load_corpus(question: Question) -> tuple[CorpusEntry, ...]:
    """Parse and check a question's corpus.toml (empty when it has none)."""
    path = question.file("corpus.toml")
    if not path.exists():
        return ()
    errors: list[ContentError] = []
    text = read_text(path, errors)
    parsed = parse_toml(path, CorpusFile, errors, text) if text is not None else None
    if parsed is not None and text is not None:
        errors.extend(_check_corpus(path, text, question.rubric, list(parsed.claim)))
    if errors or parsed is None:
        raise ContentErrors(errors)
    return tuple(parsed.claim)


def check_unloadable(folder: Path) -> list[ContentError]:
    """What can still be checked in a folder that failed to load, so that one run of
    ``content check`` reports every problem: the schema of samples.toml and
    corpus.toml, each on its own (their links to the rubric need the rubric)."""
    errors: list[ContentError] = []
    for name, model in (("samples.toml", SamplesFile), ("corpus.toml", CorpusFile)):
        path = folder / name
        if path.exists():
            text = read_text(path, errors)
            if text is not None:
                parse_toml(path, model, errors, text)
    return errors


def load_question(folder: Path) -> Question:
    """Load one question folder, or raise ``ContentErrors`` listing every problem.

    samples.toml is left for ``Question.samples`` to read on first use, so that
    listing the bank does not parse hundreds of sample answers; its presence is
    checked here and its content by ``check_content``.
    """
    errors: list[ContentError] = []
    meta = parse_toml(folder / "question.toml", QuestionMeta, errors)
    prompt = read_text(folder / "prompt.md", errors)
    hints = parse_hints(folder / "hints.md", errors)
    answer = read_text(folder / "answer.md", errors)
    rubric = parse_toml(folder / "rubric.toml", RubricFile, errors)
    if meta is not None and meta.coding is None and not (folder / "samples.toml").exists():
        errors.append(ContentError(folder / "samples.toml", 1, 1, "file is missing"))
    if rubric is not None:
        errors.extend(_check_claims(folder / "rubric.toml", rubric))
    if errors or meta is None or prompt is None or answer is None or rubric is None:
        raise ContentErrors(errors)
    return Question(
        meta=meta,
        path=folder,
        prompt=prompt,
        hints=hints,
        answer=answer,
        rubric=rubric,
    )
