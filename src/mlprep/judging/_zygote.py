"""The untrusted side: a zygote that forks one isolated job per solution and judgement.

Run as ``python -I -S -B _zygote.py CONTROL_FD CONFIG_JSON``, inside bubblewrap
(unless the explicit rlimits-only mode was chosen). It imports NumPy once, then
waits on its control socket (SOCK_SEQPACKET) for commands from the trusted parent:

    {"op": "fork", "id": N, "cap_s": S}  + two fds (job pipe read end, result pipe
                                          write end) -> starts job N
    {"op": "kill", "id": N}               -> SIGKILL job N
    {"op": "preload", "modules": [...]}   -> import modules before later forks
    {"op": "quit"}

and answers {"op": "ready"}, {"op": "forked", "id"} with a pidfd of the job's keeper
(the trusted side measures the job through it, from outside), {"op": "exit", "id",
"code", "signal"} and {"op": "preloaded"}. The zygote never reads a job: the child
reads it from its own pipe, so neither reference solutions nor learner code ever
pass through memory that later children inherit.

Each job gets its own user, PID, IPC and mount namespaces (``_jobns.py``): it cannot
name the zygote or another job, so it cannot signal, limit or reschedule them.

This file imports nothing from mlprep (only the modules bound next to it).
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import contextlib

import _child
import _wire  # noqa: F401 - pinned by _pin_builtins
from _seccomp import Seccomp

RUNNER_BROKE = _child.RUNNER_BROKE
NAMESPACE_FAILED = 87  # exit code of a keeper that could not isolate its job
# Imported before the zygote gives up root in the rlimits-only mode: afterwards the
# interpreter's own folder may be out of reach (an interpreter under /root, say).
_STDLIB = [
    "abc",
    "array",
    "bisect",
    "collections",
    "copy",
    "dataclasses",
    "decimal",
    "enum",
    "fractions",
    "functools",
    "heapq",
    "itertools",
    "math",
    "operator",
    "random",
    "re",
    "statistics",
    "string",
    "typing",
    "ctypes",
    "subprocess",
    "socket",
    "threading",
    "signal",
    "queue",
    "encodings.idna",
]


def _exit_status(status: int) -> tuple[int | None, int | None]:
    if os.WIFSIGNALED(status):
        return None, os.WTERMSIG(status)
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status), None
    return None, None


_RUNNER_MODULES = (
    "__main__",
    "_zygote",
    "_wire",
    "_child",
    "_seccomp",
    "json",
    "json.encoder",
    "json.decoder",
    "json.scanner",
    "base64",
    "struct",
    "copy",
    "pickle",
    "resource",
    "types",
)


def _pin_builtins() -> None:
    """Copy the built-in functions into the runner's own modules, so a submission that
    replaces ``builtins.isinstance`` (say) breaks only its own code, not the report."""
    import builtins

    public = {k: v for k, v in vars(builtins).items() if not k.startswith("_")}
    for name in _RUNNER_MODULES:
        module = sys.modules.get(name)
        if module is not None:
            for key, value in public.items():
                module.__dict__.setdefault(key, value)


def _start_job(job_fd: int, res_fd: int, seccomp: Seccomp, config: dict[str, object]) -> None:
    """In the forked keeper: isolate the job, run it, and end as it ended."""
    if not config.get("jobns"):
        _child.run_child(job_fd, res_fd, seccomp)
        return
    import _jobns

    try:
        _jobns.enter_job_namespaces(
            int(config["tmp_bytes"]),  # type: ignore[call-overload]
            int(config["shm_bytes"]),  # type: ignore[call-overload]
            [list(pair) for pair in config.get("keep") or []],  # type: ignore[attr-defined]
        )
        status_r, status_w = os.pipe()
        job = os.fork()
    except OSError as exc:
        os.write(2, f"job namespace: {exc}\n".encode())
        os._exit(NAMESPACE_FAILED)
    if job == 0:
        # pid 1 of the job's namespace: the kernel ignores signals a pid 1 sends
        # itself, so the learner's code runs in its child, and this init reports how
        # that child ended to the keeper
        try:
            _jobns.become_init()
            learner = os.fork()
        except OSError as exc:
            os.write(2, f"job namespace: {exc}\n".encode())
            os._exit(NAMESPACE_FAILED)
        if learner == 0:
            try:
                _jobns.become_job(bool(config.get("dumpable")))
            except OSError as exc:
                os.write(2, f"job namespace: {exc}\n".encode())
                os._exit(NAMESPACE_FAILED)
            _child.run_child(job_fd, res_fd, seccomp)
            return
        os.close(job_fd)
        os.close(res_fd)
        os.close(status_r)
        _jobns.report_exit(status_w, _jobns.wait_for(learner))
    os.close(job_fd)
    os.close(res_fd)
    os.close(status_w)
    _jobns.wait_for(job)
    _jobns.relay_exit(_jobns.read_status(status_r))


def _give_up_root(uid: int, gid: int) -> None:
    """rlimits-only mode started as root: the jobs must not run as host root."""
    for name in _STDLIB:
        with contextlib.suppress(Exception):
            __import__(name)
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if 0 in os.getresuid() or 0 in os.getresgid():
        os._exit(NAMESPACE_FAILED)


def _reap_orphans(keepers: set[int]) -> None:
    """Reap the children that are not jobs' keepers: the job inits orphaned when their
    keeper was killed at its limit.

    Bubblewrap makes the zygote pid 1 of its namespace, so the kernel reparents them
    here; unreaped, each stays a zombie (holding its job's control group) for as long
    as the zygote runs: the service, the web app and the workers run for days. A
    keeper is never reaped here: its status belongs to its job's exit reply, read by
    ``waitpid(pid)`` once its pidfd is readable. Reaping one here would let its pid be
    signalled (``kill``) after it was gone, or recycled. ``WNOWAIT`` looks without
    reaping; a keeper that ended first hides the orphans behind it until its own
    pidfd is handled, on the next round.
    """
    while True:
        try:
            info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:
            return
        if info is None or info.si_pid in keepers:
            return
        with contextlib.suppress(ChildProcessError):
            os.waitpid(info.si_pid, 0)


def _signal_keeper(pidfd: int) -> None:
    """SIGKILL a keeper through its pidfd: never another process that reused its pid."""
    with contextlib.suppress(ProcessLookupError):
        signal.pidfd_send_signal(pidfd, signal.SIGKILL)


def main() -> None:
    control_fd = int(sys.argv[1])
    config = json.loads(sys.argv[2])
    for entry in reversed(config.get("paths", [])):
        sys.path.insert(1, entry)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    import copy  # noqa: F401 - imported now so that _pin_builtins covers them
    import pickle  # noqa: F401
    import resource  # noqa: F401
    import types  # noqa: F401

    import numpy  # noqa: F401  - the point of the zygote: every child starts with it

    if config.get("jobns"):
        import _jobns  # noqa: F401 - ctypes and libc, loaded once
    if config.get("drop"):
        _give_up_root(*config["drop"])
    seccomp = Seccomp()
    seccomp.set_not_dumpable()
    if config.get("jobns") and seccomp.available:
        seccomp.prepare(2)  # every namespaced job is pid 2 (its init is pid 1)
    _pin_builtins()
    control = socket.socket(fileno=control_fd)
    control.setblocking(True)

    def reply(msg: dict[str, object], fds: list[int] | None = None) -> None:
        if fds:
            socket.send_fds(control, [json.dumps(msg).encode()], fds)
        else:
            control.send(json.dumps(msg).encode())

    reply({"op": "ready", "seccomp": seccomp.available, "pid": os.getpid()})
    children: dict[int, tuple[int, int, float]] = {}  # pidfd -> (job id, pid, deadline)
    while True:
        now = time.monotonic()
        timeout = None
        if children:
            timeout = max(0.0, min(d for _, _, d in children.values()) - now)
        readable, _, _ = select.select([control, *children], [], [], timeout)
        for pidfd, (job_id, pid, deadline) in list(children.items()):
            if pidfd in readable or time.monotonic() >= deadline:
                if pidfd not in readable:
                    _signal_keeper(pidfd)
                _, status = os.waitpid(pid, 0)
                code, sig = _exit_status(status)
                os.close(pidfd)
                del children[pidfd]
                reply({"op": "exit", "id": job_id, "code": code, "signal": sig})
        _reap_orphans({pid for _, pid, _ in children.values()})
        if control not in readable:
            continue
        try:
            data, fds, _flags, _addr = socket.recv_fds(control, 65536, 4)
        except OSError:
            data, fds = b"", []
        if not data:
            for pidfd in children:
                _signal_keeper(pidfd)
            os._exit(0)
        msg = json.loads(data)
        op = msg.get("op")
        if op == "fork" and len(fds) == 2:
            job_fd, res_fd = fds
            pid = os.fork()
            if pid == 0:
                try:
                    os.setsid()
                    control.close()
                    for pidfd in children:
                        os.close(pidfd)
                    _start_job(job_fd, res_fd, seccomp, config)
                finally:
                    os._exit(RUNNER_BROKE)
            os.close(job_fd)
            os.close(res_fd)
            pidfd = os.pidfd_open(pid)
            children[pidfd] = (msg["id"], pid, time.monotonic() + float(msg["cap_s"]))
            reply({"op": "forked", "id": msg["id"]}, [pidfd])
        elif op == "kill":
            for pidfd, (job_id, _pid, _d) in children.items():
                if job_id == msg.get("id"):
                    _signal_keeper(pidfd)
        elif op == "preload":
            done = []
            for name in msg.get("modules", []):
                try:
                    __import__(name)
                    done.append(name)
                except Exception:
                    pass
            reply({"op": "preloaded", "modules": done})
        elif op == "quit":
            os._exit(0)
        else:
            for fd in fds:
                os.close(fd)


if __name__ == "__main__":
    main()
