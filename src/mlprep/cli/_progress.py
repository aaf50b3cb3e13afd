"""A spinner on stderr for anything slow (judge, grade, stats --plot, content verify).

Shown only once the work has taken half a second (fast commands never flicker), only
when stdout is a terminal (a pipe or a file gets the result alone), and erased before
the result is printed. A plain thread writing ``\\r`` frames: Rich's Live display would
import more than the commands it decorates.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from types import TracebackType

__all__ = ["DELAY_S", "slow"]

DELAY_S = 0.5
_FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


def _shown() -> bool:
    if os.environ.get("MLPREP_NO_PROGRESS"):
        return False
    try:
        return sys.stdout.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class slow:  # lower case: used like a function, ``with slow("judging"):``
    """``with slow("judging k-means") as progress: ... progress.update("3/43")``."""

    def __init__(self, message: str, delay_s: float = DELAY_S) -> None:
        self.message = message
        self.delay_s = delay_s
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._drawn = False
        self._thread: threading.Thread | None = None

    def update(self, message: str) -> None:
        self.message = message

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Erase the spinner while something else prints (it comes back on its own)."""
        with self._lock:
            if self._drawn:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
                self._drawn = False
            yield

    def __enter__(self) -> slow:
        if _shown():
            self._thread = threading.Thread(target=self._spin, name="mlprep-progress", daemon=True)
            self._thread.start()
        return self

    def _spin(self) -> None:
        if self._stop.wait(self.delay_s):
            return
        frame = 0
        while True:
            with self._lock:
                if self._stop.is_set():
                    return
                sys.stderr.write(f"\r\x1b[K{_FRAMES[frame % len(_FRAMES)]} {self.message}")
                sys.stderr.flush()
                self._drawn = True
            frame += 1
            if self._stop.wait(0.1):
                return

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._lock:  # no frame is drawn after the line is erased
            self._stop.set()
            if self._drawn:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
        if self._thread is not None:
            self._thread.join(timeout=1)
