"""``--watch`` for ``judge`` and ``grade``: re-check the file on every save, warm.

The judge's sandbox (or the grader's model) is loaded once; every save of the file is
checked again at once and the screen redrawn. A check is not an attempt: only what the
learner marks as a submission is recorded (key ``s``, or ``--submit-on-accept``), so
saving twenty drafts does not count as twenty failures (docs/cli.md). Ctrl-C or ``q``
ends it; the sandbox is closed on every way out.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Checker", "watch"]

CLEAR = "\x1b[H\x1b[2J\x1b[3J"


@dataclass
class Checker:
    """What the watch loop needs from judge or grade."""

    command: str  # "judge" or "grade", for the header line
    question_id: str
    # source -> (what to print, accepted?)
    check: Callable[[str], tuple[Any, bool]]
    # source -> what to print (records an attempt)
    submit: Callable[[str], Any]
    limit: int | None = None  # the largest file taken (the judge's 256 KB)


@contextlib.contextmanager
def _cbreak(fd: int) -> Iterator[bool]:
    """Keys arrive one at a time without Enter; Ctrl-C still interrupts (ISIG stays)."""
    try:
        import termios
        import tty

        saved = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):  # not a terminal: no keys, saves only
        yield False
        return
    try:
        tty.setcbreak(fd)
        yield True
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _watch_thread(path: Path, wake_fd: int, stop: threading.Event) -> threading.Thread:
    import watchfiles

    target = str(path)

    def only_the_file(_change: Any, changed: str) -> bool:
        return changed == target

    def run() -> None:
        # the folder, not the file: editors save by writing a new file and renaming it
        # over the old one, which a watch on the file itself stops seeing.
        # step=5: notify batches the events of one save within 5 ms, not the default 50
        with contextlib.suppress(Exception):  # a vanished folder ends the watch quietly
            for _changes in watchfiles.watch(
                path.parent,
                watch_filter=only_the_file,
                debounce=400,
                step=5,
                stop_event=stop,
                rust_timeout=500,
                yield_on_timeout=False,
                raise_interrupt=False,
            ):
                with contextlib.suppress(OSError):
                    os.write(wake_fd, b"c")
        with contextlib.suppress(OSError):
            os.write(wake_fd, b"x")

    thread = threading.Thread(target=run, name="mlprep-watch", daemon=True)
    thread.start()
    return thread


def watch(file: str, checker: Checker, *, submit_on_accept: bool = False) -> None:
    """Check ``file`` now and on every save until Ctrl-C (KeyboardInterrupt) or ``q``."""
    from rich.markup import escape

    from mlprep._terminal import one_line as _one_line
    from mlprep.errors import MlprepError, UsageError

    def one_line(text: str) -> str:  # a message can quote the file: inert, no markup
        return escape(_one_line(text))

    from ._common import console, read_source

    if file == "-":
        raise UsageError("--watch needs a file to watch, not '-' (standard input)")
    path = Path(file).resolve()
    if not path.is_file():
        read_source(file)  # the same one-line error as without --watch
    out = console()
    screen = sys.stdout.isatty()
    keys_fd = sys.stdin.fileno() if sys.stdin is not None and sys.stdin.isatty() else None
    state: dict[str, Any] = {"n": 0, "last": None, "accepted": False, "submitted": None}

    def draw(body: Any, note: str = "") -> None:
        parts = []
        if screen:
            parts.append(CLEAR)
        stamp = time.strftime("%H:%M:%S")
        sys.stdout.write("".join(parts))
        out.print(
            f"[bold]mlprep {checker.command} {checker.question_id}[/bold] {path.name}"
            f" · check #{state['n']} · {stamp}",
            markup=True,
        )
        if body is not None:
            out.print(body)
        if note:
            out.print(note)
        keys = " · [bold]s[/bold] submit · [bold]q[/bold] quit" if keys_fd is not None else ""
        out.print(f"[dim]watching {path.name}: save to check again{keys} · Ctrl-C[/dim]")
        sys.stdout.flush()

    def submit(source: str) -> None:
        try:
            result = checker.submit(source)
        except MlprepError as exc:  # an empty answer, a NUL in the source: not attempted
            draw(None, f"[yellow]not submitted: {one_line(str(exc))}[/yellow]")
            return
        state["submitted"] = source
        draw(result, "[green]submitted: recorded as an attempt[/green]")

    def check(force: bool = False) -> None:
        try:
            source = read_source(str(path), limit=checker.limit)
        except MlprepError as exc:  # mid-save or removed: say so, keep watching
            state["n"] += 1
            draw(None, f"[yellow]{one_line(str(exc))}[/yellow]")
            return
        if source == state["last"] and not force:
            return  # a save without a change (or a second event of one save)
        state["n"] += 1
        state["last"] = source
        try:
            body, accepted = checker.check(source)
        except MlprepError as exc:
            draw(None, f"[yellow]{one_line(str(exc))}[/yellow]")
            return
        state["accepted"] = accepted
        if submit_on_accept and accepted and state["submitted"] != source:
            submit(source)
            return
        draw(body)

    wake_r, wake_w = os.pipe()
    stop = threading.Event()
    thread = _watch_thread(path, wake_w, stop)
    try:
        with _cbreak(keys_fd) if keys_fd is not None else contextlib.nullcontext(False):
            check(force=True)
            while True:
                fds = [wake_r] if keys_fd is None else [wake_r, keys_fd]
                ready, _, _ = select.select(fds, [], [])
                if wake_r in ready:
                    signal = os.read(wake_r, 4096)
                    if b"x" in signal:  # the watcher ended: the folder went away
                        raise UsageError(f"stopped watching: {path.parent} is gone")
                    check()
                if keys_fd is not None and keys_fd in ready:
                    key = os.read(keys_fd, 1)
                    if key in (b"q", b"Q", b"\x04", b""):
                        return
                    if key in (b"s", b"S") and state["last"] is not None:
                        submit(state["last"])
                    elif key in (b"r", b"R", b"\r", b"\n"):
                        check(force=True)
    finally:
        stop.set()
        thread.join(timeout=1)
        os.close(wake_r)
        os.close(wake_w)
