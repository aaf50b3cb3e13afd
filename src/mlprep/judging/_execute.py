"""Running jobs: one solution's tests in sandbox children, as Attempts (not yet judged).

A child that dies mid-way (time-out, crash, ``os._exit``) costs only the test it was
running: ``Runner.run_all`` starts a new child for the rest.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from . import _wire
from ._protocol import Job, JobOutcome, run_job
from ._sandbox import SandboxUnavailable, Zygote

__all__ = ["MAX_TIMEOUTS", "Attempt", "Runner"]

MAX_TIMEOUTS = 2
START_ATTEMPTS = 2  # a sandbox that fails to start is tried once more


@dataclass
class Attempt:
    """How one test ended in the sandbox, before judging."""

    status: str  # ok error timeout output crash unreadable too_big protocol lost not_run setup
    value: Any = None
    error: dict[str, Any] | None = None
    time_ms: float | None = None
    cpu_ms: float | None = None
    peak_kb: int | None = None
    stdout: str = ""
    stdout_bytes: int = 0
    mutated: list[str] = field(default_factory=list)
    detail: str = ""
    signal: int | None = None
    exit_code: int | None = None


def attempt_from_done(msg: dict[str, Any]) -> Attempt:
    cpu = msg.get("cpu_ms")
    cpu_ms = float(cpu) if isinstance(cpu, (int, float)) and not isinstance(cpu, bool) else None
    base = {
        "time_ms": float(msg["time_ms"]),
        "cpu_ms": cpu_ms,
        "peak_kb": int(msg["peak_kb"]),
        "stdout": msg["stdout"],
        "stdout_bytes": int(msg["stdout_bytes"]),
    }
    if msg.get("output_exceeded") is True:
        return Attempt("output", **base)
    if msg.get("prepare_failed"):
        return Attempt("prepare", error=msg.get("error"), **base)
    if msg["ok"]:
        try:
            value = _wire.decode(msg["value"])
        except _wire.WireError as exc:
            return Attempt("protocol", detail=str(exc), **base)
        return Attempt("ok", value=value, mutated=list(msg["mutated"]), **base)
    if "too_big" in msg:
        return Attempt("too_big", detail=str(msg["too_big"]), **base)
    if "unreadable" in msg:
        return Attempt("unreadable", detail=str(msg["unreadable"]), **base)
    return Attempt("error", error=msg.get("error"), **base)


NAMESPACE_FAILED = 87  # the zygote's exit code for a job it could not isolate


def attempt_from_end(out: JobOutcome, time_limit_s: float) -> Attempt:
    if out.sandbox_error:
        return Attempt("sandbox", detail=out.sandbox_error)
    if out.lost or (out.exit_code == NAMESPACE_FAILED and out.hello is None):
        return Attempt("lost")
    if out.too_big:
        return Attempt("too_big", detail=str(out.too_big))
    if out.protocol_error:
        return Attempt("protocol", detail=out.protocol_error)
    if out.memory_killed:
        memory = {"kind": "memory", "type": "MemoryError", "message": "", "frames": []}
        return Attempt("error", error=memory)
    if out.timed_out or out.exit_signal == signal.SIGXCPU:
        return Attempt("timeout", time_ms=time_limit_s * 1000)
    if out.exit_signal == signal.SIGXFSZ:
        return Attempt("output")
    if out.exit_signal is not None:
        return Attempt("crash", signal=out.exit_signal)
    return Attempt("exit", exit_code=out.exit_code)


class Runner:
    """Runs jobs on a zygote, restarting it if it dies; shared by cold and warm paths."""

    def __init__(self, zygote: Zygote | None = None) -> None:
        self._zygote = zygote
        self._lock = threading.Lock()

    def begin(self) -> None:
        """Start the zygote now (its failure, if any, surfaces in ``zygote()``)."""
        with self._lock:
            if self._zygote is None or not self._zygote.alive:
                try:
                    self._zygote = Zygote().start()
                except SandboxUnavailable:
                    self._zygote = None

    def zygote(self) -> Zygote:
        """A running zygote; a failed start is retried, then judging stops (no fallback)."""
        for attempt in range(START_ATTEMPTS):
            with self._lock:
                if self._zygote is None or not self._zygote.alive:
                    self._zygote = Zygote().start()
                zygote = self._zygote
            try:
                zygote.wait_ready()
                return zygote
            except SandboxUnavailable:
                with self._lock:
                    if self._zygote is zygote:
                        self._zygote = None
                if attempt == START_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    @property
    def mode(self) -> str:
        return self._zygote.mode if self._zygote is not None else "unknown"

    def close(self) -> None:
        with self._lock:
            if self._zygote is not None:
                self._zygote.close()
                self._zygote = None

    def run_all(
        self, job: Job, stop: Callable[[int, Attempt], bool] | None = None
    ) -> tuple[dict[str, Any] | None, dict[int, Attempt]]:
        """Run every test of ``job``; a child that dies mid-way costs only its test.

        ``stop`` (optional) is asked after each test with its Attempt; when it answers
        True the remaining tests are not run (they are ``not_run``).
        """
        remaining = list(job.tests)
        results: dict[int, Attempt] = {}
        setup: dict[str, Any] | None = None
        timeouts = 0
        stopped = False

        def stop_after(index: int, msg: dict[str, Any]) -> bool:
            nonlocal stopped
            assert stop is not None
            stopped = stopped or stop(index, attempt_from_done(msg))
            return stopped

        def record(index: int, attempt: Attempt) -> None:
            nonlocal stopped
            results[index] = attempt
            if stop is not None and not stopped:
                stopped = stop(index, attempt)

        while remaining and not stopped:
            out = run_job(
                self.zygote(), replace(job, tests=remaining), stop_after if stop else None
            )
            if out.setup is not None and setup is None:
                setup = out.setup
            if out.setup is None or not out.setup.get("ok"):
                if out.setup is None:
                    ended = attempt_from_end(out, job.time_limit_s)
                    setup = {"ok": False, "ended": ended, "stdout": "", "stdout_bytes": 0}
                return setup, results
            for index, msg in out.done.items():
                results[index] = attempt_from_done(msg)
            progressed = bool(out.done)
            if out.current is not None and not stopped:
                record(out.current, attempt_from_end(out, job.time_limit_s))
                progressed = True
            remaining = [t for t in remaining if t[0] not in results]
            if remaining and not progressed and not stopped:
                record(remaining[0][0], attempt_from_end(out, job.time_limit_s))
                remaining = remaining[1:]
            if stopped:
                for i, *_ in remaining:
                    results[i] = Attempt("not_run")
                break
            timeouts = sum(1 for a in results.values() if a.status == "timeout")
            if timeouts >= MAX_TIMEOUTS:
                for i, *_ in remaining:
                    results[i] = Attempt("not_run")
                break
        return setup, results
