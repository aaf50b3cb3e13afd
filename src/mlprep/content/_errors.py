"""Content errors that point at a file, a line and a column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["ContentError", "ContentErrors"]


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file. ``line`` and ``column`` are 1-based."""

    path: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": str(self.path),
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


class ContentErrors(Exception):
    """Raised when a question folder cannot be loaded; carries every error found."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))
