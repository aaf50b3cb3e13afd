"""Save the traceback of an unexpected error to a file instead of the terminal."""

from __future__ import annotations

import time
import traceback
from pathlib import Path

__all__ = ["write_crash_report"]


def write_crash_report(exc: BaseException) -> Path:
    from mlprep._paths import data_home

    folder = data_home() / "crash"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}.txt"
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    except OSError:
        return Path("<unwritable>")
    return path
