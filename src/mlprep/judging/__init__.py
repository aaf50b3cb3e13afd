"""The judge: run a learner's Python/NumPy code in a sandbox and say what went wrong.

    judge(question, source, seed=..., mode="submit"|"run")   cold: a fresh sandbox
    WarmJudge().start().judge(...)                             warm: a pre-started one
    verify_question(question)                                  reference in, wrong/ out

The design, the sandbox layers and the results document are described in
docs/judge.md.
"""

from ._compare import Mismatch, compare
from ._judge import WarmJudge, judge
from ._results import (
    RESULTS_SCHEMA,
    RESULTS_VERSION,
    VERDICTS,
    Complexity,
    ErrorInfo,
    GrowthSeries,
    JudgeResult,
    Memory,
    TestResult,
    Timing,
    Verdict,
)
from ._verify import DEFAULT_VERIFY_SEED, VerifyReport, WrongCheck, verify_question

__all__ = [
    "DEFAULT_VERIFY_SEED",
    "RESULTS_SCHEMA",
    "RESULTS_VERSION",
    "VERDICTS",
    "Complexity",
    "ErrorInfo",
    "GrowthSeries",
    "JudgeResult",
    "Memory",
    "Mismatch",
    "TestResult",
    "Timing",
    "Verdict",
    "VerifyReport",
    "WarmJudge",
    "WrongCheck",
    "compare",
    "judge",
    "verify_question",
]
