"""Files the CLI writes: every path mistake is one line and exit 2, never a crash.

A mistyped path (a folder, a missing folder, a file in /proc) is the learner's to
fix, so it is a UsageError naming the path. Files are written beside their target
under a temporary name and renamed, so an interrupted write leaves the old file (or
nothing), and a failed one leaves no temporary file behind.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from mlprep._terminal import one_line
from mlprep.errors import UsageError

__all__ = ["check_output", "write_atomically"]


def _shown(path: Path) -> str:
    text = str(path)
    return one_line(text if len(text) <= 80 else text[:60] + "…" + text[-12:])


def check_output(path: Path, *, example: str) -> None:
    """Refuse an output path that cannot be a new or replaced file, before any work.

    ``example`` is a file name to suggest when ``path`` is a folder.
    """
    shown = _shown(path)
    if path.is_dir():
        raise UsageError(f"{shown} is a folder; give a file name, e.g. {_shown(path / example)}")
    parent = path.parent
    if not parent.exists():
        raise UsageError(f"no such folder: {_shown(parent)} (create it first)")
    if not parent.is_dir():
        raise UsageError(f"{_shown(parent)} is not a folder")
    if path.exists() and not path.is_file():
        raise UsageError(f"{shown} is not a regular file")


def write_atomically(path: Path, write: Callable[[Path], object], *, suffix: str = "") -> None:
    """Call ``write(tmp)``, then rename tmp over ``path``; OSError becomes one line.

    ``suffix`` ends the temporary name (matplotlib picks its format from it).
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp{suffix}")
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise UsageError(f"cannot write {_shown(path)}: {_reason(exc, path)}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _reason(exc: OSError, path: Path) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOENT:  # the folder exists but takes no new file (/proc, /sys)
        return f"{_shown(path.parent)} does not take new files"
    return exc.strerror or str(exc)
