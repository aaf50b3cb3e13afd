"""Verdicts: from how a test ended (an Attempt) to a TestResult, and the overall verdict.

Decided only here, in the trusted process, from data the parent decoded itself.
"""

from __future__ import annotations

import copy
import signal
from dataclasses import replace
from typing import Any

from ._execute import Attempt
from ._plan import FAIL_ORDER, PlannedTest
from ._results import ErrorInfo, TestResult, TraceFrame

__all__ = [
    "OUTPUT_LIMIT_BYTES",
    "RESULT_LIMIT_BYTES",
    "error_info",
    "failure",
    "judge_test",
    "overall",
    "setup_failure",
    "setup_words",
]

OUTPUT_LIMIT_BYTES = 1 << 20
RESULT_LIMIT_BYTES = 32 << 20
RUNNER_BROKE = 86  # the zygote's exit code for a child whose runner broke

_SIGNAL_WORDS: dict[int, str] = {
    signal.SIGSEGV: "a segmentation fault (often very deep recursion or a bad ctypes call)",
    signal.SIGBUS: "a bus error",
    signal.SIGABRT: "an abort (often running out of memory inside a library)",
    signal.SIGFPE: "a floating-point exception",
    signal.SIGILL: "an illegal instruction",
    signal.SIGKILL: "being killed (SIGKILL)",
    signal.SIGTERM: "a termination signal",
}


def error_info(error: dict[str, Any] | None) -> ErrorInfo | None:
    if not error:
        return None
    frames = []
    for f in error.get("frames", [])[:12]:
        if isinstance(f, dict):
            try:
                frames.append(
                    TraceFrame(
                        line=int(f.get("line", 0)),
                        function=str(f.get("function", ""))[:80],
                        code=str(f.get("code", ""))[:200],
                    )
                )
            except (TypeError, ValueError):
                continue
    return ErrorInfo(
        type=str(error.get("type", "Error"))[:80],
        message=str(error.get("message", ""))[:1000],
        traceback=frames,
    )


def failure(attempt: Attempt, limit_ms: int, memory_mb: int) -> tuple[str, str]:
    """(verdict, message) for an attempt that did not return a value."""
    s = attempt.status
    if s == "timeout":
        return "time_limit_exceeded", f"did not finish within the time limit of {limit_ms} ms"
    if s == "output":
        return "output_limit_exceeded", (
            f"printed more than {OUTPUT_LIMIT_BYTES // 1024} KB; remove or shorten debug prints"
        )
    if s == "too_big":
        return "output_limit_exceeded", (
            f"returned a value larger than {RESULT_LIMIT_BYTES >> 20} MB once encoded"
        )
    if s == "unreadable":
        return "wrong_answer", (
            f"returned {attempt.detail}, which the judge cannot read; return plain data "
            "(numbers, strings, bools, lists, tuples, dicts, NumPy arrays, pandas objects)"
        )
    if s == "protocol":
        return "forbidden", f"interfered with the judge's channel ({attempt.detail})"
    if s == "crash":
        sig = attempt.signal or 0
        if sig == signal.SIGSYS:
            return "forbidden", "the sandbox stopped a system call your code made"
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        words = _SIGNAL_WORDS.get(sig, name)
        return "runtime_error", f"the process crashed with {words} [{name}]"
    if s == "exit" and attempt.exit_code == RUNNER_BROKE:
        return "runtime_error", (
            "the judge lost contact with your process; does your code close or redirect "
            "file descriptors?"
        )
    if s == "exit":
        return "runtime_error", (
            f"your code ended the process (exit code {attempt.exit_code}) during this test; "
            "return a value instead of exiting"
        )
    if s == "lost":
        return "internal_error", "the sandbox stopped unexpectedly (not your fault; try again)"
    if s == "sandbox":
        return "internal_error", f"the sandbox is unavailable: {attempt.detail}"
    if s in ("error", "prepare"):
        return _error_failure(attempt, s, memory_mb)
    return "internal_error", f"unexpected sandbox state {s!r}"


def _error_failure(attempt: Attempt, status: str, memory_mb: int) -> tuple[str, str]:
    error = attempt.error or {}
    kind = error.get("kind")
    text = f"{error.get('type', 'Error')}: {error.get('message', '')}".rstrip(": ")
    if status == "prepare":
        return "internal_error", f"the test input could not be prepared ({text})"
    if kind == "memory":
        return "memory_limit_exceeded", f"ran out of memory (limit {memory_mb} MB)"
    if kind == "output":
        return "output_limit_exceeded", (
            f"wrote more than {OUTPUT_LIMIT_BYTES // 1024} KB to the output or to one file; "
            "remove or shorten debug prints"
        )
    if kind == "banned":
        return "forbidden", f"{text} (this question asks for a solution without it)"
    if kind == "blocked":
        return "forbidden", (
            f"{text}: the sandbox does not allow network access, new processes or "
            "signals to other processes"
        )
    if kind == "exit":
        return "runtime_error", f"called exit ({text}); return a value instead"
    return "runtime_error", f"raised {text}"


def check(
    suite: Any, spec: Any, test: PlannedTest, expected: Any, got: Any
) -> tuple[str | None, str | None]:
    """(message, hidden-safe message) when ``got`` is wrong, else (None, None)."""
    if suite.check is not None:
        try:
            message = suite.check(copy.deepcopy(test.args), copy.deepcopy(expected), got)
        except Exception as exc:
            text = f"your output could not be checked ({type(exc).__name__}: {exc})"[:400]
            return text, "your output could not be checked"
        if message is None:
            return None, None
        return str(message)[:1000], "the answer is not valid for this input"
    from ._compare import compare

    found = compare(expected, got, spec.rtol, spec.atol)
    if found is None:
        return None, None
    return found.message, found.hidden_message


def judge_test(
    suite: Any,
    spec: Any,
    test: PlannedTest,
    attempt: Attempt,
    ref: Attempt | None,
    custom_input: bool,
) -> TestResult:
    """One test's verdict: the learner's attempt against the case or the reference."""
    from ._compare import short_repr

    hidden = test.kind == "hidden"
    if hidden:
        attempt = _redacted(attempt)
    shown_input = None if hidden else short_repr(test.args, 600)
    common: dict[str, Any] = {
        "name": test.name,
        "kind": test.kind,
        "note": test.note,
        "size": test.size,
        "time_ms": None if attempt.time_ms is None else round(attempt.time_ms, 3),
        "reference_time_ms": (
            round(ref.time_ms, 3)
            if ref is not None and ref.time_ms is not None and ref.status == "ok"
            else None
        ),
        "memory_kb": attempt.peak_kb,
        "input": shown_input,
        "output": attempt.stdout,
        "output_truncated": attempt.stdout_bytes > len(attempt.stdout.encode("utf-8")),
    }
    # the expected value: from the case, else from the reference
    if test.has_expected:
        expected = test.expected
    elif ref is not None and ref.status == "ok":
        expected = ref.value
    else:
        why = (
            "no result"
            if ref is None
            else failure(ref, spec.time_limit_ms, spec.memory_limit_mb)[1]
        )
        if custom_input:
            text = (
                f"the reference solution fails on this input too ({why}); it is "
                "probably outside the input rules of the prompt"
            )
        else:
            text = f"the reference solution failed on this test: {why}"
        return TestResult(verdict="internal_error", message=text, **common)
    shown_expected = None if hidden else short_repr(expected, 600)
    if attempt.status != "ok":
        verdict, message = failure(attempt, spec.time_limit_ms, spec.memory_limit_mb)
        return TestResult(
            verdict=verdict,  # type: ignore[arg-type]
            message=message,
            error=error_info(attempt.error),
            expected=shown_expected,
            **common,
        )
    got = attempt.value
    shown_got = None if hidden else short_repr(got, 600)
    if attempt.mutated and spec.check_mutation:
        names = ", ".join(attempt.mutated)
        return TestResult(
            verdict="wrong_answer",
            message=f"modified its input ({names}); the function must leave "
            "its arguments as they were (copy them first)",
            expected=shown_expected,
            got=shown_got,
            **common,
        )
    problem, hidden_message = check(suite, spec, test, expected, got)
    if problem is None:
        return TestResult(
            verdict="accepted",
            message="passed",
            expected=shown_expected,
            got=shown_got,
            **common,
        )
    text = f"wrong answer on a hidden test ({hidden_message})" if hidden else problem
    return TestResult(
        verdict="wrong_answer", message=text, expected=shown_expected, got=shown_got, **common
    )


HIDDEN_TEXT = "(not shown for hidden tests)"


def _redacted(attempt: Attempt) -> Attempt:
    """A hidden test's attempt without what could echo its input: what the code printed
    and its exception's message (the type and the learner's own lines stay)."""
    error = attempt.error
    if isinstance(error, dict):
        error = {**error, "message": HIDDEN_TEXT}
    return replace(attempt, stdout="", stdout_bytes=0, error=error)


def overall(results: list[TestResult], not_run: int, custom_input: bool) -> tuple[str, str]:
    """The first failing test's verdict (visible, then hidden, then random); internal wins."""
    internal = [t for t in results if t.verdict == "internal_error"]
    if internal:
        t = internal[0]
        if custom_input:
            return "internal_error", f"Your input could not be checked: {t.message}."
        return "internal_error", f"The judge failed on '{t.name}': {t.message} (not your fault)."
    failed = [t for t in results if t.verdict != "accepted"]
    if not failed:
        kinds = {k: sum(1 for t in results if t.kind == k) for k in FAIL_ORDER}
        parts = ", ".join(f"{n} {k}" for k, n in kinds.items() if n)
        return "accepted", f"All {len(results)} tests passed ({parts})."
    first = failed[0]
    extra = f" {len(failed) - 1} more test(s) failed." if len(failed) > 1 else ""
    if not_run:
        extra += f" {not_run} test(s) were not run after repeated time-outs."
    return first.verdict, f"Test '{first.name}' ({first.kind}): {first.message}.{extra}"


def setup_failure(setup: dict[str, Any] | None, spec: Any) -> tuple[str, str, ErrorInfo | None]:
    """(verdict, message, error) when the learner's module failed before any test."""
    setup = setup or {}
    ended = setup.get("ended")
    if isinstance(ended, Attempt):
        verdict, text = failure(ended, spec.time_limit_ms, spec.memory_limit_mb)
        return verdict, f"Your code failed while loading: {text}.", None
    error = setup.get("error") if isinstance(setup.get("error"), dict) else None
    attempt = Attempt("error", error=error)
    verdict, text = failure(attempt, spec.time_limit_ms, spec.memory_limit_mb)
    if error and error.get("type") == "NameError" and "does not define" in error.get("message", ""):
        params = ", ".join(spec.parameters)
        text = (
            f"your code does not define {spec.entry_point}({params}); "
            "keep the name and parameters of the starter code"
        )
    return verdict, f"Your code failed while loading: {text}.", error_info(error)


def setup_words(setup: dict[str, Any] | None) -> str:
    if not setup:
        return "no report"
    ended = setup.get("ended")
    if isinstance(ended, Attempt):
        return ended.status
    error = setup.get("error") or {}
    return f"{error.get('type', '?')}: {error.get('message', '')}"
