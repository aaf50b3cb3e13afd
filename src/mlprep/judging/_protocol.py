"""The job protocol, trusted side: send a child its job, read its frames, keep the clock.

Frames are validated here; anything out of turn, malformed or too large ends the
child and counts as interference. The parent enforces each test's limit with the
kernel's CPU accounting of the job (a wide wall-clock backstop behind it).
"""

from __future__ import annotations

import errno
import os
import select
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import _frames, _wire
from ._cgroup import JobCgroup
from ._measure import JobProbe, host_pid_of_pidfd
from ._sandbox import KILL_GRACE_S, Zygote

__all__ = ["Job", "JobOutcome", "StopAfter", "run_job"]

# Asked after each finished test with its index and report; True ends the job there
# (the child gets end of file instead of the next input).
StopAfter = Callable[[int, dict[str, Any]], bool]

# A call may take this much wall-clock time (times its CPU limit, plus seconds) before
# it is stopped even though it has not used its CPU time: sleeping, waiting, or a
# machine so loaded that the job barely runs.
WALL_BACKSTOP_FACTOR = 4.0
WALL_BACKSTOP_S = 1.0
# A job's control group holds the question's memory limit and this much more for
# what the kernel keeps on its behalf (page tables, pipe buffers, the runtime's
# copied-on-write pages).
CGROUP_SLACK_BYTES = 32 << 20


@dataclass
class Job:
    """What a child runs: code, the encoded arguments of each test, and the limits."""

    source: str
    entry: str
    params: list[str]
    # (test index, the JSON of its encoded arguments, their side buffers), in the
    # order they run
    tests: list[tuple[int, bytes, list[bytes]]]
    support: str | None = None
    banned: list[str] = field(default_factory=list)
    time_limit_s: float = 2.0
    memory_mb: int = 512
    output_bytes: int = 1 << 20
    max_result_bytes: int = 32 << 20
    check_mutation: bool = True

    def head(self) -> bytes:
        """The first message: the code and the limits, no test input."""
        total = (self.time_limit_s + 1.0) * max(1, len(self.tests)) + 10.0
        head = {
            "source": self.source,
            "entry": self.entry,
            "params": self.params,
            "support": self.support,
            "banned": self.banned,
            "memory_mb": self.memory_mb,
            "cpu_s": int(total) + 1,
            "output_bytes": self.output_bytes,
            "max_result_bytes": self.max_result_bytes,
            "check_mutation": self.check_mutation,
        }
        return _message(_wire.dumps(head), [])

    def test_message(self, position: int) -> bytes:
        """One test's input: its arguments' JSON (encoded once for both solutions) and
        the side buffers holding its array data as raw bytes."""
        index, args_json, blobs = self.tests[position]
        return _message(b'{"t":"test","i":%d,"args":%s}' % (index, args_json), blobs)


def _message(body: bytes, blobs: list[bytes]) -> bytes:
    return b"".join([struct.pack(">I", len(body)), body, *_wire.pack_blobs(blobs)])


_GO = _message(b'{"t":"go"}', [])


@dataclass
class JobOutcome:
    """Everything one child reported, plus how it ended. Not yet judged.

    ``done`` holds each finished test's report, with ``time_ms``, ``cpu_ms`` and
    ``peak_kb`` filled in by the parent's own measurements (anything the child put
    there is overwritten).
    """

    setup: dict[str, Any] | None = None
    done: dict[int, dict[str, Any]] = field(default_factory=dict)
    current: int | None = None  # test begun but not finished when the child ended
    timed_out: bool = False
    exit_code: int | None = None
    exit_signal: int | None = None
    protocol_error: str | None = None
    lost: bool = False  # the zygote died, or the job could not be isolated
    sandbox_error: str | None = None  # why the job was refused (host root, no job found)
    too_big: int | None = None
    hello: dict[str, Any] | None = None
    stopped: bool = False  # the caller's StopAfter ended the job before its last test
    memory_killed: bool = False  # the job's control group hit its memory limit


def _valid_done(msg: dict[str, Any], expected_index: int | None) -> str | None:
    if msg.get("i") != expected_index:
        return "a result for a test that was not running"
    checks: tuple[tuple[str, type], ...] = (
        ("stdout", str),
        ("stdout_bytes", int),
        ("ok", bool),
        ("mutated", list),
    )
    for key, kind in checks:
        value = msg.get(key)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            return f"a malformed result ({key})"
    if not all(isinstance(m, str) for m in msg["mutated"]):
        return "a malformed result (mutated)"
    if msg["ok"] and "value" not in msg:
        return "a result without a value"
    err = msg.get("error")
    if err is not None and not (
        isinstance(err, dict)
        and isinstance(err.get("kind"), str)
        and isinstance(err.get("type"), str)
        and isinstance(err.get("message"), str)
        and isinstance(err.get("frames"), list)
    ):
        return "a malformed error report"
    return None


class _Session:
    """One child's job: feed it tests one at a time, measure each call from outside."""

    def __init__(self, zygote: Zygote, job: Job, stop: StopAfter | None = None) -> None:
        self.zygote = zygote
        self.job = job
        self.stop = stop
        self.out = JobOutcome()
        per_test = job.time_limit_s
        self.per_test = per_test
        # Only the call itself runs against the test's limit; decoding the input before
        # it and encoding the result after it get a generous allowance, and a cap
        # bounds the whole job.
        self.overhead = max(5.0, 2 * per_test)
        self.cap = (per_test + 1.0) * max(1, len(job.tests)) + self.overhead + 5.0
        self.frame_limit = job.max_result_bytes + (job.output_bytes // 8) + (1 << 16)
        self.pending = bytearray(job.head())
        self.next_pos = 0
        self.phase = "setup"
        self.started = self.phase_started = time.monotonic()
        self.probe: JobProbe | None = None
        self.cgroup: JobCgroup | None = None
        # the parent's measurements of the running call
        self.call_started = 0.0
        self.cpu0: int | None = None
        self.phase_cpu0: int | None = None  # the job's CPU time when the phase began
        self.rss0 = 0
        self.peak_reset = False
        self.measured: dict[str, Any] = {}
        self.job_w = -1
        self.closing = False  # no more tests: close the job pipe once it is flushed

    def allowed(self) -> float:
        if self.phase == "call":
            return self.per_test
        if self.phase == "setup":
            return max(2 * self.per_test + 1.0, 3.0)
        return self.overhead

    def _over_limit(self, now: float, allowed: float) -> bool:
        """Has the current phase run past its limit?

        Every phase (loading the module, decoding an input, the call, encoding its
        result) is limited by the CPU time the kernel accounts to the job, so a busy
        machine does not turn a correct solution into a time-limit verdict; the wall
        clock gets a wide backstop (a job that sleeps or waits uses no CPU). Before the
        job is found (its first message) only the wall clock is known.
        """
        if self.phase == "idle":
            return False
        wall = now - self.phase_started
        cpu0 = self.cpu0 if self.phase == "call" else self.phase_cpu0
        if self.probe is None or cpu0 is None:
            return wall > allowed
        cpu = self.probe.cpu_ns()
        if cpu is not None and (cpu - cpu0) / 1e9 > allowed:
            return True
        return wall > allowed * WALL_BACKSTOP_FACTOR + WALL_BACKSTOP_S

    def run(self) -> JobOutcome:
        job_id, job_w, res_r, waiter = self.zygote.fork(self.cap + 1.0)
        self.job_id, self.waiter = job_id, waiter
        try:
            self._loop(job_w, res_r)
        finally:
            if self.job_w >= 0:
                os.close(self.job_w)
            os.close(res_r)
            if self.probe is not None:
                self.probe.close()
            waiter.release()
        out = self.out
        if not out.lost:
            if not waiter.event.wait(KILL_GRACE_S + 1):
                self.zygote.kill(job_id)
                if not waiter.event.wait(KILL_GRACE_S):
                    self.zygote.kill_everything()
            out.lost = out.lost or waiter.lost
            out.exit_code, out.exit_signal = waiter.code, waiter.signal
        if self.cgroup is not None:
            out.memory_killed = self.cgroup.oom_killed()
            self.cgroup.close()
        return out

    def _enter(self, phase: str, now: float | None = None) -> None:
        self.phase = phase
        self.phase_started = time.monotonic() if now is None else now
        self.phase_cpu0 = self.probe.cpu_ns() if self.probe is not None else None

    def _kill(self) -> None:
        if self.probe is not None:
            self.probe.kill()
        self.zygote.kill(self.job_id)

    def _loop(self, job_w: int, res_r: int) -> None:
        out, waiter = self.out, self.waiter
        self.job_w = job_w
        os.set_blocking(job_w, False)
        buffer = bytearray()
        killed_at: float | None = None
        eof = False
        while not eof or not waiter.event.is_set():
            now = time.monotonic()
            allowed = self.allowed()
            if killed_at is None:
                if self._over_limit(now, allowed) or now - self.started > self.cap:
                    out.timed_out = True
                if out.timed_out or out.protocol_error or out.too_big or out.sandbox_error:
                    self._kill()
                    killed_at = now
            elif now - killed_at > KILL_GRACE_S:
                self.zygote.kill_everything()
                out.lost = True
                break
            if waiter.event.is_set() and eof:
                break
            rlist = [] if eof else [res_r]
            wlist = [self.job_w] if self.job_w >= 0 and self.pending else []
            deadline = 0.05
            if self.phase != "idle" and self.probe is not None and killed_at is None:
                deadline = 0.02  # the CPU account is polled
            elif self.phase != "idle" and killed_at is None:
                deadline = max(0.001, min(0.05, allowed - (now - self.phase_started) + 0.001))
            if not rlist and not wlist:
                waiter.event.wait(deadline)
                continue
            readable, writable, _ = select.select(rlist, wlist, [], deadline)
            if writable:
                self._write()
            if readable:
                chunk = os.read(res_r, 1 << 20)
                if not chunk:
                    eof = True
                    continue
                if out.protocol_error or out.too_big or out.sandbox_error:
                    continue
                buffer += chunk
                self._read_frames(buffer)

    def _write(self) -> None:
        try:
            sent = os.write(self.job_w, self.pending[: 1 << 16]) if self.pending else 0
        except OSError as exc:
            if exc.errno == errno.EAGAIN:
                return
            if exc.errno != errno.EPIPE:
                raise
            sent = len(self.pending)
        del self.pending[:sent]
        if self.closing and not self.pending and self.job_w >= 0:
            os.close(self.job_w)
            self.job_w = -1

    def _send(self, data: bytes) -> None:
        self.pending += data
        if self.job_w >= 0 and (self.pending or self.closing):
            self._write()

    def _send_next_test(self) -> None:
        """The next input, or end of file when there is none."""
        if self.next_pos < len(self.job.tests):
            self._send(self.job.test_message(self.next_pos))
            self._enter("prepare")
        else:
            self.closing = True
            self._send(b"")

    def _read_frames(self, buffer: bytearray) -> None:
        out = self.out
        while True:
            try:
                msg, complete = _frames.read_message(buffer, self.frame_limit)
            except _wire.WireError as exc:
                if "limit" in str(exc):
                    out.too_big = self.frame_limit
                else:
                    out.protocol_error = f"sent {str(exc)[:200]}"  # what was wrong, briefly
                return
            if not complete:
                return
            if not isinstance(msg, dict):
                out.protocol_error = "sent a malformed message"
                return
            problem = self._on_frame(msg)
            if problem:
                out.protocol_error = problem
                return

    def _on_frame(self, msg: dict[str, Any]) -> str | None:
        out = self.out
        kind = msg.get("t")
        expected = self.job.tests[self.next_pos][0] if self.next_pos < len(self.job.tests) else None
        if kind == "hello" and out.hello is None:
            out.hello = msg
            self._find_job()
            if not out.sandbox_error:
                self._send(_GO)
        elif kind == "setup" and out.setup is None and out.hello is not None:
            out.setup = msg
            self._enter("idle")
            if msg.get("ok"):
                self._send_next_test()
        elif kind == "begin" and self.phase == "prepare" and out.current is None:
            if msg.get("i") != expected:
                return "reported a test out of order"
            out.current = expected
        elif kind == "start" and self.phase == "prepare" and msg.get("i") == out.current:
            self._measure_start()
            self._enter("call")
            self.call_started = self.phase_started
            self._send(_GO)
        elif kind == "ret" and self.phase == "call" and msg.get("i") == out.current:
            now = time.monotonic()
            self._measure_end(now)
            self._enter("report", now)
        elif kind == "done" and out.current is not None and self.phase in ("prepare", "report"):
            problem = _valid_done(msg, out.current)
            if problem:
                return f"sent {problem}"
            measured = self.measured if self.phase == "report" else {}
            msg["time_ms"] = measured.get("time_ms", 0.0)
            msg["cpu_ms"] = measured.get("cpu_ms")
            msg["peak_kb"] = measured.get("peak_kb", 0)
            self.measured = {}
            out.done[out.current] = msg
            finished, out.current = out.current, None
            self.next_pos += 1
            self._enter("idle")
            if self.stop is not None and self.stop(finished, msg):
                out.stopped = True
                self.next_pos = len(self.job.tests)
            self._send_next_test()
        elif kind == "end" and out.current is None:
            pass
        else:
            return "sent a message out of turn"
        return None

    def _find_job(self) -> None:
        """The job's process on the host: measured through it, refused if it is root."""
        pidfd = self.waiter.keeper_pidfd()
        keeper = host_pid_of_pidfd(pidfd) if pidfd is not None else None
        probe = JobProbe.of_keeper(keeper, self.zygote.nested) if keeper else None
        if probe is None:
            # the job already ended (a module that fails at once): nothing to measure,
            # and the zygote it came from was checked when it started
            return
        self.probe = probe
        self.phase_cpu0 = probe.cpu_ns()  # loading the module is measured from here
        uids, gids = probe.ids()
        if not uids or 0 in uids or 0 in gids:
            self.out.sandbox_error = (
                "refusing to judge: the submission would run as host root (uid/gid 0)"
            )
            return
        # the pages the job shares with its zygote stay charged to the zygote's group
        limit = (self.job.memory_mb << 20) + CGROUP_SLACK_BYTES
        cgroup = JobCgroup.create(limit)
        if cgroup is not None and not cgroup.attach(probe.pid):
            cgroup.close()
            cgroup = None
        self.cgroup = cgroup

    def _measure_start(self) -> None:
        probe = self.probe
        if probe is None:
            return
        self.peak_reset = probe.reset_peak()
        self.rss0, _ = probe.memory_kb()
        self.cpu0 = probe.cpu_ns()

    def _measure_end(self, now: float) -> None:
        measured: dict[str, Any] = {"time_ms": (now - self.call_started) * 1000.0}
        probe = self.probe
        if probe is not None:
            cpu1 = probe.cpu_ns()
            if cpu1 is not None and self.cpu0 is not None:
                measured["cpu_ms"] = max(0, cpu1 - self.cpu0) / 1e6
            _, peak = probe.memory_kb()
            measured["peak_kb"] = max(0, peak - self.rss0) if self.peak_reset else 0
        self.measured = measured


def run_job(zygote: Zygote, job: Job, stop: StopAfter | None = None) -> JobOutcome:
    """Run ``job`` in a fresh child of ``zygote``, enforcing each test's time limit.

    ``stop`` (optional) is asked after each finished test whether to end the job there.
    """
    return _Session(zygote, job, stop).run()
