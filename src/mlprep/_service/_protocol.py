"""What the client and the service share: where the socket is, who may use it, frames.

Standard library only (the client imports this module before anything else).

A connection carries length-prefixed JSON frames (4 bytes, big-endian, then UTF-8
JSON). The client's first frame is the request and carries its standard input,
output and error as SCM_RIGHTS descriptors; the service answers with frames whose
``op`` is one of:

    started  {pid}          the worker runs the command (it writes to the descriptors)
    exit     {code}         the command ended with this exit code
    fallback {reason}       nothing ran: run the command in the client's process
    stale    {reason}       nothing ran; this service is going away (another version,
                            changed code): run it in process, start a new service
"""

from __future__ import annotations

import json
import os
import socket
import stat
import struct
import sys
from pathlib import Path
from typing import Any

__all__ = [
    "IDLE_DEFAULT_S",
    "PROTOCOL",
    "SERVED_COMMANDS",
    "ServiceRefused",
    "command_of",
    "identity",
    "idle_seconds",
    "peer_uid",
    "read_frame",
    "recv_request",
    "send_frame",
    "service_dir",
    "socket_path",
]

PROTOCOL = 1
IDLE_DEFAULT_S = 900.0  # docs/cli.md: MLPREP_SERVICE_IDLE
_MAX_FRAME = 16 * 1024 * 1024
_HEADER = struct.Struct(">I")

# Commands the service runs; the rest (practice, mock, serve, notebook, team, import,
# and --watch) are interactive or long-lived and run in the client's process.
SERVED_COMMANDS = frozenset(
    {
        "list",
        "show",
        "hint",
        "answer",
        "coverage",
        "judge",
        "grade",
        "rate",
        "due",
        "stats",
        "export",
    }
)
_GLOBAL_WITH_VALUE = ("--content", "--db")


class ServiceRefused(OSError):
    """The socket or its folder is not this user's alone: never used."""


def command_of(argv: list[str]) -> str | None:
    """The command word of ``argv`` when the service may run it, else None.

    Global options before the command are skipped; help, completion, ``--version``
    and watch mode are left to the in-process CLI.
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_WITH_VALUE:
            i += 2
            continue
        if arg.startswith(tuple(f"{name}=" for name in _GLOBAL_WITH_VALUE)):
            i += 1
            continue
        break
    if i >= len(argv) or argv[i] not in SERVED_COMMANDS:
        return None
    command = argv[i]
    for arg in argv[i + 1 :]:
        if arg == "--":
            break
        if arg in ("--help", "-h") or arg.startswith("--watch"):
            return None
        # short flags can be grouped (-wg): any group holding w may be --watch
        if (
            command in ("judge", "grade")
            and arg[:1] == "-"
            and arg[1:2] not in ("-", "")
            and ("w" in arg[1:])
        ):
            return None
    return command


def service_dir() -> Path:
    """``$MLPREP_HOME/service`` (or the user data folder's): the socket, lock and log."""
    from mlprep._paths import data_home

    return data_home() / "service"


def socket_path(folder: Path) -> Path:
    return folder / "mlprep.sock"


def check_private_dir(folder: Path) -> None:
    """The folder must be a real directory of ours with mode 0700 (no symlink)."""
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise ServiceRefused(f"{folder} is not a folder owned by this user")
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise ServiceRefused(f"{folder} is open to other users (mode {info.st_mode & 0o777:o})")


def identity() -> dict[str, Any]:
    """What a service must share with a client to run its commands."""
    import mlprep
    from mlprep._version import __version__

    return {
        "protocol": PROTOCOL,
        "version": __version__,
        "package": os.path.dirname(os.path.abspath(mlprep.__file__)),
        "python": sys.executable,
        "hexversion": sys.hexversion,
        "uid": os.getuid(),
    }


def idle_seconds() -> float:
    raw = os.environ.get("MLPREP_SERVICE_IDLE", "").strip()
    try:
        value = float(raw) if raw else IDLE_DEFAULT_S
    except ValueError:
        value = IDLE_DEFAULT_S
    return value if value > 0 else IDLE_DEFAULT_S


def peer_uid(conn: socket.socket) -> int:
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return int(uid)


def send_frame(conn: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    data = json.dumps(message, ensure_ascii=False).encode()
    frame = _HEADER.pack(len(data)) + data
    if fds:
        sent = socket.send_fds(conn, [frame], fds)
        if sent < len(frame):
            conn.sendall(frame[sent:])
    else:
        conn.sendall(frame)


def _read_exactly(conn: socket.socket, size: int, start: bytes = b"") -> bytes:
    chunks = [start]
    have = len(start)
    while have < size:
        chunk = conn.recv(min(size - have, 1 << 20))
        if not chunk:
            raise EOFError("the connection closed mid-frame")
        chunks.append(chunk)
        have += len(chunk)
    return b"".join(chunks)


def _decode(header_and_more: bytes, conn: socket.socket) -> dict[str, Any]:
    head = _read_exactly(conn, _HEADER.size, header_and_more)
    (size,) = _HEADER.unpack(head[: _HEADER.size])
    if size > _MAX_FRAME:
        raise ValueError("frame too large")
    body = _read_exactly(conn, size, head[_HEADER.size :])
    message = json.loads(body[:size])
    if not isinstance(message, dict):
        raise ValueError("a frame must hold a JSON object")
    return message


def read_frame(conn: socket.socket) -> dict[str, Any] | None:
    """The next frame, or None when the other side closed the connection."""
    first = conn.recv(_HEADER.size)
    if not first:
        return None
    return _decode(first, conn)


def recv_request(conn: socket.socket, max_fds: int = 3) -> tuple[dict[str, Any], list[int]]:
    """The client's first frame and the descriptors that came with it."""
    data, fds, _flags, _addr = socket.recv_fds(conn, 65536, max_fds)
    if not data:
        for fd in fds:
            os.close(fd)
        raise EOFError("the client closed the connection")
    try:
        return _decode(data, conn), fds
    except BaseException:
        for fd in fds:
            os.close(fd)
        raise
