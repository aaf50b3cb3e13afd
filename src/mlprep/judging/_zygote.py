"""The untrusted side: a zygote that forks one sandboxed child per batch of tests.

Run as ``python -I -S -B _zygote.py CONTROL_FD [SYS_PATH...]``, inside bubblewrap
when it is available. It imports NumPy once, then waits on its control socket
(SOCK_SEQPACKET) for commands from the trusted parent:

    {"op": "fork", "id": N, "cap_s": S}  + two fds (job pipe read end, result pipe
                                          write end) -> forks a child for job N
    {"op": "kill", "id": N}               -> SIGKILL child N
    {"op": "preload", "modules": [...]}   -> import modules before later forks
    {"op": "quit"}

and answers {"op": "ready"}, {"op": "exit", "id", "code", "signal"} and
{"op": "preloaded"}. The zygote never reads a job: the child reads it from its own
pipe, so neither reference solutions nor learner code ever pass through memory that
later children inherit. The child sets rlimits and a seccomp filter, runs the code
on each test and writes length-prefixed JSON frames to its result pipe. Everything
it reports is only data to the parent, which validates it and decides verdicts.

This file imports nothing from mlprep (only ``_wire``, ``_seccomp`` and ``_child``,
bound next to it).
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

import _child
import _wire  # noqa: F401 - pinned by _pin_builtins
from _seccomp import Seccomp

RUNNER_BROKE = _child.RUNNER_BROKE


def _clear_private_tmp() -> None:
    """Nothing one submission writes survives for the next (bubblewrap's own tmpfs only)."""
    import shutil

    # Folders bound read-only under /tmp (a venv or interpreter that lives there) and
    # the folders leading to them are not the submission's: leave them alone.
    bound = [sys.prefix, sys.base_prefix, os.path.dirname(os.path.dirname(sys.executable))]
    bound += [a for a in sys.argv[2:] if a.startswith("/")]
    for root in ("/tmp", "/dev/shm"):
        try:
            entries = list(os.scandir(root))
        except OSError:
            continue
        for entry in entries:
            if any(b == entry.path or b.startswith(entry.path + "/") for b in bound):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
            except OSError:
                pass


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


def main() -> None:
    control_fd = int(sys.argv[1])
    private_tmp = "--private-tmp" in sys.argv[2:]
    for entry in reversed([a for a in sys.argv[2:] if a != "--private-tmp"]):
        sys.path.insert(1, entry)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    import copy  # noqa: F401 - imported now so that _pin_builtins covers them
    import pickle  # noqa: F401
    import resource  # noqa: F401
    import types  # noqa: F401

    import numpy  # noqa: F401  - the point of the zygote: every child starts with it

    seccomp = Seccomp()
    seccomp.set_not_dumpable()
    _pin_builtins()
    control = socket.socket(fileno=control_fd)
    control.setblocking(True)

    def reply(msg: dict[str, object]) -> None:
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
                    os.kill(pid, signal.SIGKILL)
                _, status = os.waitpid(pid, 0)
                code, sig = _exit_status(status)
                os.close(pidfd)
                del children[pidfd]
                if private_tmp and not children:
                    _clear_private_tmp()
                reply({"op": "exit", "id": job_id, "code": code, "signal": sig})
        if control not in readable:
            continue
        try:
            data, fds, _flags, _addr = socket.recv_fds(control, 65536, 4)
        except OSError:
            data, fds = b"", []
        if not data:
            for _job, pid, _d in children.values():
                os.kill(pid, signal.SIGKILL)
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
                    _child.run_child(job_fd, res_fd, seccomp)
                finally:
                    os._exit(RUNNER_BROKE)
            os.close(job_fd)
            os.close(res_fd)
            pidfd = os.pidfd_open(pid)
            children[pidfd] = (msg["id"], pid, time.monotonic() + float(msg["cap_s"]))
        elif op == "kill":
            for _pidfd, (job_id, pid, _d) in children.items():
                if job_id == msg.get("id"):
                    os.kill(pid, signal.SIGKILL)
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
