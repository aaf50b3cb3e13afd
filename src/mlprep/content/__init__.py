"""Content as data: question folders loaded and validated into typed models."""

from ._bank import (
    Bank,
    CheckReport,
    Inventory,
    builtin_bank_root,
    check_content,
    content_roots,
    coverage,
    discover,
    inventory,
    load_bank,
)
from ._coding import TestSuite, function_signature, load_tests, wrong_solutions
from ._errors import ContentError, ContentErrors
from ._loader import load_question
from ._models import (
    Category,
    CodingSpec,
    Criterion,
    Difficulty,
    Misconception,
    Question,
    QuestionMeta,
    RubricFile,
    Sample,
    SamplesFile,
    TestCaseSpec,
)

__all__ = [
    "Bank",
    "Category",
    "CheckReport",
    "CodingSpec",
    "ContentError",
    "ContentErrors",
    "Criterion",
    "Difficulty",
    "Inventory",
    "Misconception",
    "Question",
    "QuestionMeta",
    "RubricFile",
    "Sample",
    "SamplesFile",
    "TestCaseSpec",
    "TestSuite",
    "builtin_bank_root",
    "check_content",
    "content_roots",
    "coverage",
    "discover",
    "function_signature",
    "inventory",
    "load_bank",
    "load_question",
    "load_tests",
    "wrong_solutions",
]
