"""One command in a forked worker: become the client's process, run the CLI, report.

The worker takes the client's three standard descriptors as its own, its
environment, working directory and stream encodings, then runs the very entry
point the in-process CLI runs (``mlprep.cli._app.run``). Output therefore goes
straight to the client's terminal, pipe or file, byte for byte as it would in
process; only the exit code travels back over the socket.
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import sys
import time
from typing import Any, NoReturn

from . import _protocol as proto
from ._warm import Warm, WorkerServices

__all__ = ["run_worker"]


def _stream(fd: int, mode: str, encoding: str | None, errors: str | None) -> io.TextIOWrapper:
    """A standard stream as CPython builds one at start-up for this descriptor."""
    raw = io.FileIO(fd, mode, closefd=False)
    buffered: Any = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    interactive = raw.isatty()
    return io.TextIOWrapper(
        buffered,
        encoding=encoding or "utf-8",
        errors=errors or "strict",
        newline="\n",
        # stdout is line-buffered on a terminal; stderr always (Python >= 3.9)
        line_buffering=mode == "w" and (interactive or fd == 2),
    )


def _become_client(request: dict[str, Any], fds: list[int]) -> None:
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        if fd > 2:
            os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update({str(k): str(v) for k, v in request["env"].items()})
    time.tzset()  # dates are printed in the client's time zone
    (in_enc, in_err), (out_enc, out_err), (err_enc, err_err) = request["stdio"]
    sys.stdin = sys.__stdin__ = _stream(0, "r", in_enc, in_err)
    sys.stdout = sys.__stdout__ = _stream(1, "w", out_enc, out_err)
    sys.stderr = sys.__stderr__ = _stream(2, "w", err_enc, err_err)
    sys.argv = ["mlprep", *request["argv"]]


def _exit_code(exc: SystemExit) -> int:
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")  # what the interpreter does with a message
    return 1


def run_worker(
    conn: socket.socket,
    request: dict[str, Any],
    fds: list[int],
    warm: Warm,
    judge_conn: socket.socket | None,
) -> NoReturn:
    """Never returns: the worker process ends with ``os._exit``."""
    code = 1
    try:
        if len(fds) != 3:
            raise OSError("the client sent no standard descriptors")
        try:
            _become_client(request, fds)
        except (OSError, KeyError, ValueError, TypeError) as exc:
            with contextlib.suppress(OSError):
                proto.send_frame(conn, {"op": "fallback", "reason": str(exc)})
            os._exit(0)
        import mlprep.cli._common as common
        from mlprep.cli._app import run

        common.WARM = WorkerServices(warm, judge_conn)
        try:
            proto.send_frame(conn, {"op": "started", "pid": os.getpid()})
        except OSError:  # the client gave up waiting: it runs the command itself
            os._exit(0)
        try:
            run(prog_name=request.get("prog_name") or "mlprep")
        except SystemExit as exc:
            code = _exit_code(exc)
        except KeyboardInterrupt:  # between run()'s own handlers and here
            code = 130
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        with contextlib.suppress(OSError):
            proto.send_frame(conn, {"op": "exit", "code": code})
    finally:
        os._exit(code)
