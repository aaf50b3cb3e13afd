"""The zygote's life cycle, trusted side: start it, talk to it, stop it.

The zygote (``_zygote.py``) runs inside the sandbox that ``_bwrap.py`` describes;
the job protocol spoken with each of its children is in ``_protocol.py``. The
sandbox's layers are listed in docs/judge.md.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any

from ._bwrap import (
    SandboxRefused,
    bwrap_command,
    child_env,
    isolation_note,
    plain_command,
    sandbox_mode,
    sys_paths,
    unavailable_reason,
)

__all__ = ["KILL_GRACE_S", "SandboxUnavailable", "Zygote", "adopt_prestarted", "prestart"]

_START_TIMEOUT_S = 20.0
KILL_GRACE_S = 2.0
_job_ids = itertools.count(1)
_warned = False
_warn_lock = threading.Lock()


class SandboxUnavailable(RuntimeError):
    """The sandbox could not be started or refused to run (judging stops; never the
    learner's fault)."""


def _warn_once(mode: str) -> None:
    global _warned
    note = isolation_note(mode)
    if note is None:
        return
    with _warn_lock:
        if not _warned:
            _warned = True
            sys.stderr.write(note + "\n")


@dataclass
class _Waiter:
    event: threading.Event = field(default_factory=threading.Event)
    code: int | None = None
    signal: int | None = None
    lost: bool = False
    forked: threading.Event = field(default_factory=threading.Event)
    pidfd: int | None = None  # the job keeper's, from the zygote, for outside measurement

    def keeper_pidfd(self, timeout: float = 5.0) -> int | None:
        self.forked.wait(timeout)
        return self.pidfd

    def release(self) -> None:
        if self.pidfd is not None:
            with contextlib.suppress(OSError):
                os.close(self.pidfd)
            self.pidfd = None


class Zygote:
    """One sandboxed zygote process. Thread-safe: many jobs may run at once."""

    def __init__(self, python: str | None = None) -> None:
        self.python = python or sys.executable
        self.mode = sandbox_mode()
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._waiters: dict[int, _Waiter] = {}
        self._ready = threading.Event()
        self._preloaded = threading.Event()
        self._dead = False
        self.seccomp = False
        # jobs run in namespaces of their own inside bubblewrap; in the rlimits-only
        # mode the job is the zygote's child itself
        self.nested = self.mode == "bwrap"
        self._stderr: Any = None
        self._reader: threading.Thread | None = None

    # -- life cycle ----------------------------------------------------------------

    def start(self) -> Zygote:
        """Launch the process; returns at once (``wait_ready`` blocks)."""
        if self.mode == "bwrap" and (reason := unavailable_reason()):
            raise SandboxUnavailable(reason)
        parent_sock, child_sock = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        paths = sys_paths()
        fd = child_sock.fileno()
        build = bwrap_command if self.mode == "bwrap" else plain_command
        try:
            launch = build(self.python, fd, paths)
        except SandboxRefused as exc:
            child_sock.close()
            parent_sock.close()
            raise SandboxUnavailable(str(exc)) from exc
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        workdir = "/" if self.mode == "bwrap" else tempfile.mkdtemp(prefix="mlprep-judge-")
        self._workdir = None if self.mode == "bwrap" else workdir
        if launch.identity is not None and self._workdir:
            os.chown(self._workdir, *launch.identity)
        try:
            self._proc = subprocess.Popen(
                launch.cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self._stderr,
                pass_fds=(fd,),
                env=child_env(),
                cwd=workdir,
                start_new_session=True,
            )
        except OSError as exc:
            child_sock.close()
            parent_sock.close()
            raise SandboxUnavailable(f"cannot start the sandbox: {exc}") from exc
        child_sock.close()
        self._sock = parent_sock
        self._reader = threading.Thread(target=self._read_loop, name="mlprep-zygote", daemon=True)
        self._reader.start()
        return self

    def wait_ready(self, timeout: float = _START_TIMEOUT_S) -> None:
        if not self._ready.wait(timeout) or self._dead:
            detail = self.stderr_tail()
            self.close()
            raise SandboxUnavailable(
                f"the sandbox did not start ({self.mode}): {detail or 'no output'}"
            )
        self._refuse_host_root()
        _warn_once(self.mode)

    def _refuse_host_root(self) -> None:
        """Seen from the host, no process of the sandbox may run as uid or gid 0.

        Jobs descend from the zygote and cannot gain ids (no capabilities outside their
        namespaces, no execve), so checking the running tree once suffices; each job
        is checked again when it says hello (_protocol.py).
        """
        from ._measure import host_ids_of_tree

        if self._proc is None:
            return
        tree = host_ids_of_tree(self._proc.pid)
        # bubblewrap is the launcher's pid once it gave up root; without bubblewrap the
        # zygote is that pid and gives up root itself, after its imports
        if any(0 in ids for ids in tree.values()):
            self.close()
            raise SandboxUnavailable(
                "refusing to judge: the submission would run as host root (uid/gid 0)"
            )

    def stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        try:
            self._stderr.seek(0)
            tail: bytes = self._stderr.read()[-600:]
            return tail.decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""

    @property
    def alive(self) -> bool:
        return not self._dead and self._proc is not None and self._proc.poll() is None

    def close(self) -> None:
        self._dead = True
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.send(json.dumps({"op": "quit"}).encode())
            with contextlib.suppress(OSError):
                self._sock.close()
        if self._proc is not None and self._proc.poll() is None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._proc.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout=2)
        self._fail_waiters()
        if self._stderr is not None:
            with contextlib.suppress(OSError):
                self._stderr.close()
            self._stderr = None
        workdir = getattr(self, "_workdir", None)
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)

    def _fail_waiters(self) -> None:
        with self._lock:
            waiters = list(self._waiters.values())
            self._waiters.clear()
        for waiter in waiters:
            waiter.lost = True
            waiter.forked.set()
            waiter.event.set()

    def _read_loop(self) -> None:
        assert self._sock is not None
        while True:
            try:
                data, fds, _flags, _addr = socket.recv_fds(self._sock, 65536, 2)
            except OSError:
                data, fds = b"", []
            if not data:
                for fd in fds:
                    os.close(fd)
                break
            try:
                msg = json.loads(data)
            except ValueError:
                msg = None
            op = msg.get("op") if isinstance(msg, dict) else None
            if op == "ready":
                self.seccomp = bool(msg.get("seccomp"))
                self._ready.set()
            elif op == "preloaded":
                self._preloaded.set()
            elif op == "forked":
                with self._lock:
                    forked = self._waiters.get(msg.get("id"))
                if forked is not None and fds:
                    forked.pidfd = fds.pop(0)
                    forked.forked.set()
            elif op == "exit":
                with self._lock:
                    waiter = self._waiters.pop(msg.get("id"), None)
                if waiter is not None:
                    code, sig = msg.get("code"), msg.get("signal")
                    waiter.code = code if isinstance(code, int) else None
                    waiter.signal = sig if isinstance(sig, int) else None
                    waiter.forked.set()
                    waiter.event.set()
            for fd in fds:  # nothing else carries descriptors
                os.close(fd)
        self._dead = True
        self._ready.set()
        self._fail_waiters()

    # -- commands --------------------------------------------------------------------

    def _send(self, msg: dict[str, Any], fds: list[int] | None = None) -> None:
        if self._sock is None or self._dead:
            raise SandboxUnavailable("the sandbox is not running")
        data = json.dumps(msg).encode()
        with self._lock:
            try:
                if fds:
                    socket.send_fds(self._sock, [data], fds)
                else:
                    self._sock.send(data)
            except OSError as exc:
                raise SandboxUnavailable(f"the sandbox stopped answering: {exc}") from exc

    def preload(self, modules: list[str], timeout: float = 10.0) -> None:
        self._preloaded.clear()
        self._send({"op": "preload", "modules": modules})
        self._preloaded.wait(timeout)

    def fork(self, cap_s: float) -> tuple[int, int, int, _Waiter]:
        """Start a child; returns (job id, job pipe write end, result pipe read end, waiter)."""
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        job_id = next(_job_ids)
        waiter = _Waiter()
        with self._lock:
            self._waiters[job_id] = waiter
        try:
            self._send({"op": "fork", "id": job_id, "cap_s": cap_s}, [job_r, res_w])
        except SandboxUnavailable:
            for fd in (job_r, job_w, res_r, res_w):
                os.close(fd)
            with self._lock:
                self._waiters.pop(job_id, None)
            raise
        os.close(job_r)
        os.close(res_w)
        return job_id, job_w, res_r, waiter

    def kill(self, job_id: int) -> None:
        with contextlib.suppress(SandboxUnavailable):
            self._send({"op": "kill", "id": job_id})

    def kill_everything(self) -> None:
        """The zygote stopped answering: end it (its children die with it)."""
        self.close()


_prestarted: list[Zygote] = []
_prestart_lock = threading.Lock()


def prestart() -> None:
    """Start a sandbox now, for the next cold ``judge`` call to adopt.

    The CLI calls this before loading the bank and opening the store, so the sandbox's
    own start (bubblewrap, Python, NumPy) overlaps with that work.
    """
    with _prestart_lock, contextlib.suppress(SandboxUnavailable):
        if not _prestarted:
            _prestarted.append(Zygote().start())


def adopt_prestarted() -> Zygote | None:
    with _prestart_lock:
        while _prestarted:
            zygote = _prestarted.pop()
            if zygote.alive:
                return zygote
            zygote.close()
    return None
