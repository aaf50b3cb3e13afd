"""The results document stays standard JSON, valid UTF-8 and under its size ceiling."""

from __future__ import annotations

import json
import math

import pytest

from mlprep.judging import JudgeResult
from mlprep.judging._results import (
    RESULTS_MAX_BYTES,
    Complexity,
    Counts,
    ErrorInfo,
    GrowthSeries,
    Memory,
    Timing,
    TraceFrame,
)
from mlprep.judging._results import (
    TestResult as Case,
)


def _no_constants(name: str) -> None:
    raise AssertionError(f"non-standard JSON: {name}")


def build(tests: list[Case], **kw) -> JudgeResult:
    fields = {
        "question": "q",
        "mode": "submit",
        "verdict": "accepted",
        "message": "m",
        "seed": 1,
        "tests": tests,
        "counts": Counts(total=len(tests), passed=len(tests), failed=0, not_run=0),
        "isolation": "bubblewrap+seccomp+rlimits",
    }
    fields.update(kw)
    return JudgeResult(**fields)


@pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan, -1.0, 1.5e308])
def test_measurements_that_cannot_be_are_never_in_the_document(bad):
    test = Case(
        name="t",
        kind="visible",
        verdict="accepted",
        message="passed",
        time_ms=bad,
        reference_time_ms=bad,
    )
    result = build(
        [test],
        timing=Timing(
            total_ms=bad, reference_total_ms=bad, ratio=bad, time_limit_ms=1, wall_ms=bad
        ),
        memory=Memory(peak_kb=-5, reference_peak_kb=10**30, limit_mb=512),
        complexity=Complexity(
            sizes=[1, 2],
            yours=GrowthSeries(exponent=bad, times_ms=[bad, 1.0], fit_r2=bad),
            reference=GrowthSeries(exponent=1.0, times_ms=[1.0, 2.0]),
            summary="s",
        ),
    )
    text = json.dumps(result.to_dict())
    doc = json.loads(text, parse_constant=_no_constants)
    assert doc["tests"][0]["time_ms"] is None and doc["timing"]["total_ms"] == 0.0
    assert doc["memory"]["peak_kb"] is None and doc["memory"]["reference_peak_kb"] is None
    assert doc["complexity"]["yours"]["times_ms"] == [None, 1.0]
    assert JudgeResult.from_dict(doc) == result


def test_lone_surrogates_become_printable():
    error = ErrorInfo(
        type="E\ud800",
        message="m\udfff",
        traceback=[TraceFrame(line=1, function="f\ud800", code="")],
    )
    test = Case(
        name="t",
        kind="visible",
        verdict="runtime_error",
        message="x\ud800",
        output="o\ud800",
        got="'\\ud800'",
        error=error,
    )
    result = build([test], message="bad \ud800", setup_output="\udfff", verdict="runtime_error")
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
    assert result.tests[0].output == "o?" and result.message == "bad ?"


def test_a_huge_document_is_cut_to_the_ceiling():
    tests = [
        Case(
            name=f"random #{i}",
            kind="random",
            verdict="wrong_answer",
            message="wrong",
            output="é" * 4000,
            output_truncated=False,
            input="x" * 600,
            expected="y" * 600,
            got="z" * 600,
            error=ErrorInfo(
                type="E",
                message="m" * 1000,
                traceback=[TraceFrame(line=1, function="f", code="c" * 200)] * 12,
            ),
        )
        for i in range(2000)
    ]
    result = build(tests, verdict="wrong_answer", message="Test 'random #0' failed.")
    assert result.size() <= RESULTS_MAX_BYTES
    assert result.counts.total == 2000 and result.verdict == "wrong_answer"
    assert 0 < len(result.tests) < 2000 and result.tests[0].output_truncated
    assert len(result.tests[0].output) <= 256
    # a round trip keeps it (the ceiling holds however the document is built)
    assert JudgeResult.from_dict(result.to_dict()) == result


def test_a_small_document_is_left_alone():
    tests = [
        Case(name="t", kind="visible", verdict="accepted", message="passed", output="x" * 4096)
    ]
    assert build(tests).tests[0].output == "x" * 4096
