"""The client side: hand a command to the resident service, or say it must run here.

Imported by ``mlprep.cli.main`` before anything else, so it uses the standard
library only (socket, json, signal): a served command never imports Typer,
pydantic, SQLAlchemy or Rich in the process the user started.

The request carries argv, the environment, the working directory, the program
name, the encodings of the standard streams and the three standard descriptors
themselves (SCM_RIGHTS): the service's worker writes to this terminal, pipe or
file directly, so what it prints is what the in-process CLI prints, spinner included.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from . import _protocol as proto

__all__ = ["SERVICE_LOST", "serve_or_none", "start_service"]

# Exit code when the service's worker died after it had started the command: the
# command may have printed or recorded part of its work, so it is not run again here.
SERVICE_LOST = 75
_START_TIMEOUT_S = 30.0  # connection to "started": forks are slow on a loaded machine
_FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)


def _disabled() -> bool:
    value = os.environ.get("MLPREP_NO_SERVICE", "").strip().lower()
    return value not in ("", "0", "false", "no")


def serve_or_none(argv: list[str]) -> int | None:
    """The exit code of ``argv`` run by the service, or None: run it in this process.

    When no service is running, one is started in the background at exit (after
    this process has printed its answer), for the next command.
    """
    if _disabled() or "_MLPREP_COMPLETE" in os.environ:
        return None
    command = proto.command_of(argv)
    if command is None:
        return None
    try:
        folder = proto.service_dir()
    except Exception:  # no usable data folder: nothing to talk to
        return None
    try:
        conn = _connect(folder)
    except (FileNotFoundError, ConnectionRefusedError):
        _start_at_exit(folder)
        return None
    except OSError:  # not ours, unreadable, too long a path, backlog full...
        return None
    with conn:
        return _exchange(conn, folder, argv, command)


def _connect(folder: Path) -> socket.socket:
    proto.check_private_dir(folder)
    path = str(proto.socket_path(folder))
    if len(path.encode()) >= 108:  # sun_path's size on Linux
        raise OSError("the service socket's path is too long")
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
    try:
        conn.connect(path)
        if proto.peer_uid(conn) != os.getuid():
            raise proto.ServiceRefused("the service socket belongs to another user")
    except BaseException:
        conn.close()
        raise
    return conn


def _request(argv: list[str]) -> dict[str, Any]:
    def stream(s: Any) -> list[str | None]:
        return [getattr(s, "encoding", None), getattr(s, "errors", None)]

    return {
        "op": "run",
        "identity": proto.identity(),
        "argv": argv,
        "prog_name": _prog_name(),
        "env": dict(os.environ),
        "cwd": os.getcwd(),
        "stdio": [stream(sys.stdin), stream(sys.stdout), stream(sys.stderr)],
    }


def _prog_name() -> str:
    """The name click shows in usage errors, worked out as click does."""
    main = sys.modules.get("__main__")
    path = sys.argv[0] if sys.argv and sys.argv[0] else "mlprep"
    package = getattr(main, "__package__", None)
    if not package:
        return os.path.basename(path)
    name = os.path.splitext(os.path.basename(path))[0]
    module = package if name == "__main__" else f"{package}.{name}"
    return f"python -m {module.lstrip('.')}"


def _exchange(conn: socket.socket, folder: Path, argv: list[str], command: str) -> int | None:
    try:
        for stream in (sys.stdout, sys.stderr):  # anything buffered goes out first
            with contextlib.suppress(Exception):
                stream.flush()
        proto.send_frame(conn, _request(argv), [0, 1, 2])
        conn.settimeout(_START_TIMEOUT_S)
        reply = proto.read_frame(conn)
    except (ConnectionError, EOFError):
        # A service killed a moment ago can still accept while its threads exit,
        # then reset: it is gone, so the next command needs a new one.
        _start_at_exit(folder)
        return None
    except (OSError, ValueError):
        return None  # nothing ran: this process runs the command
    if reply is None or reply.get("op") != "started":
        if reply is None or reply.get("op") == "stale":  # gone or going: start a new one
            _start_at_exit(folder)
        return None
    worker = reply.get("pid")
    conn.settimeout(None)
    received: list[int] = []
    previous = _forward_signals(worker if isinstance(worker, int) else None, received)
    try:
        while True:
            try:
                reply = proto.read_frame(conn)
            except InterruptedError:
                continue
            except (OSError, ValueError, EOFError):
                reply = None
            if reply is None:
                break
            if reply.get("op") == "exit":
                code = reply.get("code")
                return code if isinstance(code, int) else 1
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if received:  # the command was stopped by the signal the user sent
        return 130 if received[0] == signal.SIGINT else 128 + received[0]
    sys.stderr.write(
        f"error: the mlprep service stopped before `mlprep {command}` finished; "
        "run it again (MLPREP_NO_SERVICE=1 runs commands without the service)\n"
    )
    return SERVICE_LOST


def _forward_signals(worker: int | None, received: list[int]) -> dict[int, Any]:
    """Ctrl-C and friends reach this process only: pass them on to the worker."""

    def forward(sig: int, _frame: Any) -> None:
        received.append(sig)
        if worker is not None:
            with contextlib.suppress(OSError):
                os.kill(worker, sig)

    previous: dict[int, Any] = {}
    for sig in _FORWARDED:
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            previous[sig] = signal.signal(sig, forward)
    return previous


def _start_at_exit(folder: Path) -> None:
    """Start the service once this process is done: the first command is not slowed.

    Only from the second command run in a data folder on (the first leaves the
    service folder behind as its mark): a one-off command in a scratch folder
    leaves no process running for the idle period. Never for a data folder that
    does not exist (a read-only command creates nothing).
    """
    if not folder.parent.is_dir():
        return
    if folder.is_dir():
        atexit.register(start_service, folder)
        return
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700)


def start_service(folder: Path) -> None:
    """Launch ``python -m mlprep._service`` in a session of its own and return at once.

    The service takes the folder's lock: of two clients starting one at the same
    time, one service stays and the other exits at once.
    """
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        proto.check_private_dir(folder)
        log = os.open(
            folder / "service.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600
        )
    except OSError:
        return
    try:
        devnull = os.open(os.devnull, os.O_RDWR | os.O_CLOEXEC)
        try:
            os.posix_spawn(
                sys.executable,
                [sys.executable, "-m", "mlprep._service"],
                dict(os.environ),
                file_actions=[
                    (os.POSIX_SPAWN_DUP2, devnull, 0),
                    (os.POSIX_SPAWN_DUP2, devnull, 1),
                    (os.POSIX_SPAWN_DUP2, log, 2),
                ],
                setsid=True,
            )
        finally:
            os.close(devnull)
    except OSError:
        pass
    finally:
        os.close(log)
