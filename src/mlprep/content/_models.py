"""Typed models of a question folder.

Every model forbids unknown keys: a typo in a content file is an error, not a
silently ignored field. The file-level schemas (``QuestionMeta``, ``RubricFile``,
``SamplesFile``, ``TestCaseSpec``) mirror the files on disk; ``Question`` is the
assembled, validated whole that the rest of mlprep uses.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

__all__ = [
    "Category",
    "CodingSpec",
    "Criterion",
    "Difficulty",
    "Misconception",
    "Question",
    "QuestionMeta",
    "RubricFile",
    "Sample",
    "SamplesFile",
    "TestCaseSpec",
]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*[a-z0-9]$", max_length=64)]
# Any key-like word: whether it names a real inventory key is checked against the
# inventory by check_content, which can then suggest the key meant (T04 for T4).
InventoryKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{1,3}\d{1,3}$")]
Identifier = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


def _plain_text(value: str) -> str:
    """A rubric or follow-up string as shown: text with no math in it.

    Only prompt, hints and answer are Markdown with math. The terminal, the web pages, the
    notebook and the grade report print rubric strings as they are (and follow-ups as
    Markdown without math), so ``\\$600``, the escape that keeps a currency sign out of math
    in those Markdown files, is read here as the ``$600`` it stands for.
    """
    return value.replace("\\$", "$")


# Criterion and misconception text, claims, feedback and follow-ups.
PlainText = Annotated[NonEmpty, AfterValidator(_plain_text)]


class Category(StrEnum):
    THEORY = "theory"
    CASE_STUDY = "case-study"
    APPLIED = "applied"
    SYSTEM_DESIGN = "system-design"
    RECSYS = "recsys"
    CODING = "coding"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CodingSpec(_Strict):
    """The ``[coding]`` table of question.toml: how the judge calls and limits code."""

    entry_point: Identifier
    parameters: list[Identifier]
    returns: NonEmpty
    banned_imports: list[NonEmpty] = Field(default_factory=list)
    time_limit_ms: Annotated[int, Field(gt=0, le=60_000)] = 2000
    memory_limit_mb: Annotated[int, Field(ge=64, le=4096)] = 512
    rtol: Annotated[float, Field(ge=0)] = 1e-6
    atol: Annotated[float, Field(ge=0)] = 1e-9
    random_tests: Annotated[int, Field(ge=0, le=200)] = 10
    random_sizes: list[Annotated[int, Field(ge=0)]] = Field(default_factory=lambda: [4, 16, 64])
    growth_sizes: list[Annotated[int, Field(gt=0)]] = Field(default_factory=list)
    complexity: str | None = None
    check_mutation: bool = True


class QuestionMeta(_Strict):
    """question.toml."""

    id: Slug
    title: NonEmpty
    category: Category
    difficulty: Difficulty
    tags: list[Slug] = Field(default_factory=list)
    covers: list[InventoryKey] = Field(default_factory=list)
    minutes: Annotated[int, Field(gt=0, le=180)]
    followups: list[PlainText] = Field(default_factory=list)
    prerequisites: list[Slug] = Field(default_factory=list)
    coding: CodingSpec | None = None


Claim = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=8, max_length=400),
    AfterValidator(_plain_text),
]


class Criterion(_Strict):
    """One rubric criterion: a checkable statement and the concepts that show it.

    ``claims`` are what an answer must assert to earn the criterion, each a plain
    sentence the claim model compares with the answer's passages; a criterion with
    several claims earns its points in proportion to the claims the answer states.
    """

    id: Slug
    points: Annotated[float, Field(gt=0, le=100)]
    text: PlainText
    claims: list[Claim] = Field(default_factory=list, max_length=4)
    concepts: list[list[NonEmpty]] = Field(min_length=1)
    feedback: PlainText

    def claim_ids(self) -> list[str]:
        """``id`` for a single claim, ``id#1``, ``id#2``... for several."""
        if len(self.claims) == 1:
            return [self.id]
        return [f"{self.id}#{n}" for n in range(1, len(self.claims) + 1)]


class Misconception(_Strict):
    """A wrong claim that costs points when an answer makes it.

    ``claim`` states the wrong belief as a sentence; it is charged only when the
    answer asserts it (not when it mentions or denies it).
    """

    id: Slug
    text: PlainText
    claim: Claim | None = None
    phrases: list[NonEmpty] = Field(min_length=1)
    penalty: Annotated[float, Field(gt=0, le=100)]


class RubricFile(_Strict):
    """rubric.toml."""

    criterion: list[Criterion] = Field(min_length=1)
    misconception: list[Misconception] = Field(default_factory=list)

    def claims(self) -> dict[str, str]:
        """Every claim by its id: criteria's (what to assert) and misconceptions'."""
        found: dict[str, str] = {}
        for criterion in self.criterion:
            found.update(zip(criterion.claim_ids(), criterion.claims, strict=True))
        for misconception in self.misconception:
            if misconception.claim is not None:
                found[misconception.id] = misconception.claim
        return found


class CorpusEntry(_Strict):
    """Training sentences for one claim: what states it, what contradicts it, what neither.

    For a misconception's claim, ``supports`` asserts the wrong belief and
    ``contradicts`` corrects it.
    """

    of: NonEmpty
    supports: list[NonEmpty] = Field(min_length=1)
    contradicts: list[NonEmpty] = Field(min_length=1)
    neutral: list[NonEmpty] = Field(default_factory=list)


class CorpusFile(_Strict):
    """corpus.toml: the claim model's training sentences for one question (never shown)."""

    claim: list[CorpusEntry] = Field(min_length=1)


SampleQuality = Literal["strong", "partial", "weak", "wrong", "rambling"]


class Sample(_Strict):
    """A scored sample answer: the labelled data the grader is calibrated on."""

    id: Slug
    quality: SampleQuality
    text: NonEmpty
    misconceptions: list[Slug] = Field(default_factory=list)
    total: Annotated[float, Field(ge=0)]
    scores: dict[str, Annotated[float, Field(ge=0)]]


class SamplesFile(_Strict):
    """samples.toml."""

    sample: list[Sample] = Field(min_length=1)


class TestCaseSpec(BaseModel):
    """One entry of ``CASES`` in a coding question's tests.py."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    name: NonEmpty
    kind: Literal["visible", "hidden"]
    args: tuple[Any, ...]
    expected: Any = None
    has_expected: bool = False
    note: str = ""


class Question(_Strict):
    """A loaded, validated question folder."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    meta: QuestionMeta
    path: Path
    prompt: str
    hints: tuple[str, ...]
    answer: str
    rubric: RubricFile
    _samples: tuple[Sample, ...] | None = PrivateAttr(default=None)

    @property
    def samples(self) -> tuple[Sample, ...]:
        """The scored sample answers, read on first use (only grading needs them).

        Raises ``ContentErrors`` when samples.toml is broken; ``check_content``
        reports that with file and line.
        """
        if self._samples is None:
            from ._loader import load_samples

            self._samples = load_samples(self)
        return self._samples

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def category(self) -> Category:
        return self.meta.category

    @property
    def difficulty(self) -> Difficulty:
        return self.meta.difficulty

    @property
    def covers(self) -> list[str]:
        return self.meta.covers

    @property
    def is_coding(self) -> bool:
        return self.meta.coding is not None

    @property
    def max_points(self) -> float:
        return float(sum(c.points for c in self.rubric.criterion))

    def file(self, name: str) -> Path:
        """Path of a file inside the question folder."""
        return self.path / name

    def read(self, name: str) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def summary(self) -> dict[str, Any]:
        """The stable shape used by ``mlprep list --json``."""
        return {
            "id": self.id,
            "title": self.title,
            "category": self.category.value,
            "difficulty": self.difficulty.value,
            "covers": list(self.covers),
            "tags": list(self.meta.tags),
            "minutes": self.meta.minutes,
            "kind": "coding" if self.is_coding else "written",
        }
