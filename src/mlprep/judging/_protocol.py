"""The job protocol, trusted side: send a child its job, read its frames, keep the clock.

Frames are validated here; anything out of turn, malformed or too large ends the
child and counts as interference. The parent's clock enforces each test's limit.
"""

from __future__ import annotations

import errno
import os
import select
import struct
import time
from dataclasses import dataclass, field
from typing import Any

from . import _frames, _wire
from ._sandbox import KILL_GRACE_S, Zygote

__all__ = ["Job", "JobOutcome", "run_job"]


@dataclass
class Job:
    """What a child runs: code, the encoded arguments of each test, and the limits."""

    source: str
    entry: str
    params: list[str]
    # (test index, the JSON of its encoded arguments, their side buffers)
    tests: list[tuple[int, bytes, list[bytes]]]
    support: str | None = None
    banned: list[str] = field(default_factory=list)
    time_limit_s: float = 2.0
    memory_mb: int = 512
    output_bytes: int = 1 << 20
    max_result_bytes: int = 32 << 20
    check_mutation: bool = True

    def payload(self) -> bytes:
        """The job frame: JSON, then the side buffers holding array data as raw bytes.

        Each test's arguments are already-serialized JSON (spliced in as they are, so a
        large input is encoded once for both solutions) plus its own side buffers,
        which the test names by their position: ``"blobs": [first, count]``.
        """
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
        blobs: list[bytes] = []
        parts = []
        for index, args_json, test_blobs in self.tests:
            parts.append(
                b'{"i":%d,"blobs":[%d,%d],"args":%s}'
                % (index, len(blobs), len(test_blobs), args_json)
            )
            blobs.extend(test_blobs)
        body = _wire.dumps(head)[:-1] + b',"tests":[' + b",".join(parts) + b"]}"
        return b"".join([struct.pack(">I", len(body)), body, *_wire.pack_blobs(blobs)])


@dataclass
class JobOutcome:
    """Everything one child reported, plus how it ended. Not yet judged."""

    setup: dict[str, Any] | None = None
    done: dict[int, dict[str, Any]] = field(default_factory=dict)
    current: int | None = None  # test begun but not finished when the child ended
    timed_out: bool = False
    exit_code: int | None = None
    exit_signal: int | None = None
    protocol_error: str | None = None
    lost: bool = False  # the zygote died
    too_big: int | None = None
    hello: dict[str, Any] | None = None


def _valid_done(msg: dict[str, Any], expected_index: int | None) -> str | None:
    if msg.get("i") != expected_index:
        return "a result for a test that was not running"
    checks: tuple[tuple[str, tuple[type, ...]], ...] = (
        ("time_ms", (int, float)),
        ("peak_kb", (int,)),
        ("stdout", (str,)),
        ("stdout_bytes", (int,)),
        ("ok", (bool,)),
        ("mutated", (list,)),
    )
    for key, kinds in checks:
        value = msg.get(key)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
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


def run_job(zygote: Zygote, job: Job) -> JobOutcome:
    """Run ``job`` in a fresh child of ``zygote``, enforcing each test's wall clock."""
    out = JobOutcome()
    payload = job.payload()
    per_test = job.time_limit_s
    # Only the call itself runs against the test's limit; decoding the input before it
    # and encoding the result after it get a generous allowance, and a cap bounds all.
    overhead = max(5.0, 2 * per_test)
    cap = (per_test + 1.0) * max(1, len(job.tests)) + overhead + 5.0
    job_id, job_w, res_r, waiter = zygote.fork(cap + 1.0)
    frame_limit = job.max_result_bytes + (job.output_bytes // 8) + (1 << 16)
    os.set_blocking(job_w, False)
    buffer = bytearray()
    sent = 0
    started = time.monotonic()
    phase = "setup"
    phase_started = started
    killed_at: float | None = None
    eof = False
    expected_order = [t[0] for t in job.tests]
    next_pos = 0
    call_started = started
    call_wall = 0.0
    try:
        while not eof or not waiter.event.is_set():
            now = time.monotonic()
            allowed = (
                per_test
                if phase == "call"
                else (max(2 * per_test + 1.0, 3.0) if phase == "setup" else overhead)
            )
            if killed_at is None:
                if (phase != "idle" and now - phase_started > allowed) or now - started > cap:
                    out.timed_out = True
                if out.timed_out or out.protocol_error or out.too_big:
                    zygote.kill(job_id)
                    killed_at = now
            elif now - killed_at > KILL_GRACE_S:
                zygote.kill_everything()
                out.lost = True
                break
            if waiter.event.is_set() and eof:
                break
            rlist = [] if eof else [res_r]
            wlist = [job_w] if job_w >= 0 else []
            deadline = 0.05
            if phase != "idle" and killed_at is None:
                deadline = max(0.001, min(0.05, allowed - (now - phase_started) + 0.001))
            if not rlist and not wlist:
                waiter.event.wait(deadline)
                continue
            readable, writable, _ = select.select(rlist, wlist, [], deadline)
            if writable:
                try:
                    sent += os.write(job_w, payload[sent : sent + (1 << 16)])
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EPIPE):
                        raise
                    if exc.errno == errno.EPIPE:
                        sent = len(payload)
                if sent >= len(payload):
                    os.close(job_w)
                    job_w = -1
            if readable:
                chunk = os.read(res_r, 1 << 20)
                if not chunk:
                    eof = True
                    continue
                if out.protocol_error or out.too_big:
                    continue
                buffer += chunk
                while True:
                    try:
                        msg, complete = _frames.read_message(buffer, frame_limit)
                    except _wire.WireError as exc:
                        if "limit" in str(exc):
                            out.too_big = frame_limit
                        else:
                            out.protocol_error = "sent a malformed message"
                        break
                    if not complete:
                        break
                    if not isinstance(msg, dict):
                        out.protocol_error = "sent a malformed message"
                        break
                    kind = msg.get("t")
                    if kind == "hello" and out.hello is None:
                        out.hello = msg
                    elif kind == "setup" and out.setup is None:
                        out.setup = msg
                        phase, phase_started = "idle", time.monotonic()
                        if not msg.get("ok"):
                            break
                    elif kind == "begin" and out.setup is not None and out.current is None:
                        want = expected_order[next_pos] if next_pos < len(expected_order) else None
                        if msg.get("i") != want:
                            out.protocol_error = "reported a test out of order"
                            break
                        out.current = want
                        phase, phase_started = "prepare", time.monotonic()
                    elif kind == "start" and phase == "prepare" and msg.get("i") == out.current:
                        phase, phase_started = "call", time.monotonic()
                        call_started = phase_started
                    elif kind == "ret" and phase == "call" and msg.get("i") == out.current:
                        phase, phase_started = "report", time.monotonic()
                        call_wall = (phase_started - call_started) * 1000
                    elif (
                        kind == "done"
                        and out.current is not None
                        and phase in ("prepare", "report")
                    ):
                        problem = _valid_done(msg, out.current)
                        if problem:
                            out.protocol_error = f"sent {problem}"
                            break
                        if phase == "report":
                            msg["wall_ms"] = call_wall
                        out.done[out.current] = msg
                        out.current = None
                        phase, phase_started = "idle", time.monotonic()
                        next_pos += 1
                    elif kind == "end" and out.current is None:
                        pass
                    else:
                        out.protocol_error = "sent a message out of turn"
                        break
    finally:
        if job_w >= 0:
            os.close(job_w)
        os.close(res_r)
    if not out.lost:
        if not waiter.event.wait(KILL_GRACE_S + 1):
            zygote.kill(job_id)
            if not waiter.event.wait(KILL_GRACE_S):
                zygote.kill_everything()
        out.lost = out.lost or waiter.lost
        out.exit_code, out.exit_signal = waiter.code, waiter.signal
    return out
