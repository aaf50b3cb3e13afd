"""The resident per-user service: one process per data folder, a worker per command.

Life cycle (docs/cli.md, "The service"):

* started by a client (``python -m mlprep._service``, in a session of its own);
  it takes ``service.lock`` in ``$MLPREP_HOME/service`` (mode 0700) and holds it
  until it exits, so of two services started at once one stays;
* loads what commands need (``_warm.Warm``), then binds ``mlprep.sock`` (mode
  0600) under a temporary name and renames it into place: a client either finds
  a ready service or none;
* accepts only connections whose peer (SO_PEERCRED) is its own user; a request
  from another mlprep (version, package, interpreter) or after its own code files
  changed is answered ``stale``, and the service steps aside for a new one;
* forks a worker per command (``_worker.run_worker``) and reaps them;
* exits after ``MLPREP_SERVICE_IDLE`` seconds without a command (default 900), on
  SIGTERM, or when its socket is removed or replaced.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import socket
import sys
import time
from pathlib import Path
from typing import Any

from . import _protocol as proto
from ._warm import Warm, start_judge_thread

__all__ = ["main"]

_TICK_S = 1.0
_REQUEST_TIMEOUT_S = 5.0


def _log(message: str) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    with contextlib.suppress(Exception):
        sys.stderr.write(f"{stamp} [{os.getpid()}] {message}\n")
        sys.stderr.flush()


def _code_stamps(package: str) -> dict[str, int]:
    """Modification times of every mlprep module this process has imported."""
    stamps: dict[str, int] = {}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.startswith(package):
            with contextlib.suppress(OSError):
                stamps[path] = os.stat(path).st_mtime_ns
    return stamps


class Service:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = proto.socket_path(folder)
        self.identity = proto.identity()
        self.idle_s = proto.idle_seconds()
        self.lock_fd = -1
        self.listener: socket.socket | None = None
        self.inode: tuple[int, int] | None = None
        self.warm = Warm()
        self.workers: set[int] = set()
        self.last_active = time.monotonic()
        self.stamps: dict[str, int] = {}
        self.stopping = False

    # -- start ------------------------------------------------------------------------

    def take_lock(self) -> bool:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        proto.check_private_dir(self.folder)
        fd = os.open(self.folder / "service.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self.lock_fd = fd
        return True

    def listen(self) -> None:
        temporary = self.folder / f".mlprep.sock.{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
        old_mask = os.umask(0o177)
        try:
            listener.bind(str(temporary))
        finally:
            os.umask(old_mask)
        os.chmod(temporary, 0o600)
        listener.listen(64)
        os.replace(temporary, self.path)  # a socket left by a dead service is replaced
        info = os.stat(self.path)
        self.inode = (info.st_dev, info.st_ino)
        self.listener = listener
        pid_file = self.folder / "service.pid"
        pid_file.write_text(f"{os.getpid()}\n")
        os.chmod(pid_file, 0o600)

    # -- serve --------------------------------------------------------------------------

    def serve(self) -> None:
        assert self.listener is not None
        _log(f"serving {self.path} (idle exit after {self.idle_s:g} s)")
        self.last_active = time.monotonic()  # idle from now, not from before loading
        while not self.stopping:
            try:
                ready, _, _ = select.select([self.listener], [], [], _TICK_S)
            except InterruptedError:
                ready = []
            self._reap()
            if ready:
                try:
                    conn, _ = self.listener.accept()
                except OSError:
                    continue
                self.last_active = time.monotonic()
                with conn:
                    self._handle(conn)
                continue
            if not self._socket_is_ours():
                _log("the socket was removed or replaced: exiting")
                break
            if not self.workers and time.monotonic() - self.last_active > self.idle_s:
                _log("idle: exiting")
                break

    def _socket_is_ours(self) -> bool:
        try:
            info = os.stat(self.path)
        except OSError:
            return False
        return (info.st_dev, info.st_ino) == self.inode

    def _reap(self) -> None:
        for pid in list(self.workers):
            try:
                done, _status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                self.workers.discard(pid)
                self.last_active = time.monotonic()

    def _stale_reason(self, request: dict[str, Any]) -> str | None:
        if request.get("identity") != self.identity:
            return "another mlprep (version, package or interpreter)"
        for path, stamp in self.stamps.items():  # modules imported later are new, not changed
            try:
                changed = os.stat(path).st_mtime_ns != stamp
            except OSError:
                changed = True
            if changed:
                return f"mlprep's code changed since the service started ({path})"
        return None

    def _handle(self, conn: socket.socket) -> None:
        try:
            uid = proto.peer_uid(conn)
        except OSError:
            return
        if uid != os.getuid():
            _log(f"refused a connection from uid {uid}")
            return
        conn.settimeout(_REQUEST_TIMEOUT_S)
        try:
            request, fds = proto.recv_request(conn)
        except (OSError, ValueError, EOFError) as exc:
            _log(f"bad request: {exc}")
            return
        try:
            reason = self._stale_reason(request)
            if reason is not None:
                _log(f"stale: {reason}")
                with contextlib.suppress(OSError):
                    proto.send_frame(conn, {"op": "stale", "reason": reason})
                self.step_aside()
                return
            self._fork_worker(conn, request, fds)
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)

    def _fork_worker(self, conn: socket.socket, request: dict[str, Any], fds: list[int]) -> None:
        argv = request.get("argv")
        command = proto.command_of(argv) if isinstance(argv, list) else None
        if command is None:
            with contextlib.suppress(OSError):
                proto.send_frame(conn, {"op": "fallback", "reason": "not a served command"})
            return
        ours = theirs = None
        if command == "judge":
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:  # the worker
            from ._worker import run_worker

            try:
                self._in_worker(ours)
                conn.settimeout(None)
                run_worker(conn, request, fds, self.warm, theirs)
            finally:
                os._exit(70)
        self.workers.add(pid)
        if ours is not None and theirs is not None:
            theirs.close()
            start_judge_thread(self.warm, ours)

    def _in_worker(self, judge_end: socket.socket | None) -> None:
        """Drop what only the service holds; restore default signal handling."""
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if self.listener is not None:
            self.listener.close()
        if self.lock_fd >= 0:
            os.close(self.lock_fd)  # the lock is the service's alone
        if judge_end is not None:
            judge_end.close()

    # -- stop ---------------------------------------------------------------------------

    def step_aside(self) -> None:
        """Stop accepting and free the socket and lock for a new service at once."""
        self.stopping = True
        if self.listener is not None:
            with contextlib.suppress(OSError):
                self.listener.close()
            self.listener = None
        if self._socket_is_ours():
            with contextlib.suppress(OSError):
                self.path.unlink()
        with contextlib.suppress(OSError):
            pid_file = self.folder / "service.pid"
            if pid_file.read_text().strip() == str(os.getpid()):
                pid_file.unlink()
        if self.lock_fd >= 0:
            os.close(self.lock_fd)
            self.lock_fd = -1

    def finish(self) -> None:
        self.step_aside()
        deadline = time.monotonic() + 600
        while self.workers and time.monotonic() < deadline:  # their judge calls need us
            self._reap()
            time.sleep(0.05)
        self.warm.close()


def main() -> int:
    with contextlib.suppress(OSError):
        os.chdir("/")  # hold no folder of the user's
    folder = proto.service_dir()
    service = Service(folder)
    try:
        if not service.take_lock():
            _log("another service holds the lock: exiting")
            return 0  # another service is starting or running
    except OSError as exc:
        _log(f"cannot use {folder}: {exc}")
        return 1

    def stop(_sig: int, _frame: Any) -> None:
        service.stopping = True

    signal.signal(signal.SIGTERM, stop)
    try:
        started = time.monotonic()
        service.warm.load()
        service.stamps = _code_stamps(service.identity["package"])
        service.listen()
        _log(f"ready in {time.monotonic() - started:.2f} s")
        service.serve()
    except Exception as exc:
        _log(f"failed: {type(exc).__name__}: {exc}")
        return 1
    finally:
        service.finish()
    return 0
