"""The judge: run a learner's Python/NumPy code in a sandbox and say what went wrong.

    judge(question, source, seed=..., mode="submit"|"run")   cold: a fresh sandbox
    WarmJudge().start().judge(...)                             warm: a pre-started one
    verify_question(question)                                  reference in, wrong/ out
    mutation_report(question, warm, seed=...)                  mutants of the reference out

The design, the sandbox layers and the results document are described in
docs/judge.md. Names are imported on first use, so that ``prestart()`` can launch
the sandbox before pydantic, NumPy and the rest are imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._compare import Mismatch, compare
    from ._judge import WarmJudge, judge
    from ._mutants import MutantJudge, MutationReport, mutation_report
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
    from ._sandbox import prestart
    from ._verify import DEFAULT_VERIFY_SEED, VerifyReport, WrongCheck, verify_question

_WHERE = {
    "Mismatch": "_compare",
    "compare": "_compare",
    "WarmJudge": "_judge",
    "judge": "_judge",
    "growth_reliable": "_growth",
    "prestart": "_sandbox",
    "MutantJudge": "_mutants",
    "MutationReport": "_mutants",
    "mutation_report": "_mutants",
    "DEFAULT_VERIFY_SEED": "_verify",
    "VerifyReport": "_verify",
    "WrongCheck": "_verify",
    "verify_question": "_verify",
    **{
        name: "_results"
        for name in (
            "RESULTS_SCHEMA",
            "RESULTS_VERSION",
            "VERDICTS",
            "Complexity",
            "ErrorInfo",
            "GrowthSeries",
            "JudgeResult",
            "Memory",
            "TestResult",
            "Timing",
            "Verdict",
        )
    },
}

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
    "MutantJudge",
    "MutationReport",
    "TestResult",
    "Timing",
    "Verdict",
    "VerifyReport",
    "WarmJudge",
    "WrongCheck",
    "compare",
    "growth_reliable",
    "judge",
    "mutation_report",
    "prestart",
    "verify_question",
]
assert sorted(__all__) == sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'mlprep.judging' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
