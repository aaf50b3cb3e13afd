"""Errors that interfaces turn into one clear line and an exit code.

    MlprepError              any error a user can act on (exit 1 unless set)
    ├── UsageError           bad arguments, unknown ids, missing files (exit 2)
    │   ├── UnknownQuestion  no question with that id
    │   └── NotAttempted     an empty answer, untouched starter code, a placeholder
    ├── ContentInvalid       content files that do not validate (exit 1)
    └── StoreError           the progress database cannot be opened or written (exit 1)
        └── DatabaseUnusable the database given is no usable mlprep database (exit 2)

Verdicts and grades are data, never exceptions: a wrong submission is a result.
"""

from __future__ import annotations

__all__ = [
    "ContentInvalid",
    "DatabaseUnusable",
    "MlprepError",
    "NotAttempted",
    "StoreError",
    "UnknownQuestion",
    "UsageError",
]


class MlprepError(Exception):
    """Base class: the message is shown to the user as is."""

    exit_code = 1


class UsageError(MlprepError):
    exit_code = 2


class UnknownQuestion(UsageError, KeyError):
    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown question"


class NotAttempted(UsageError):
    """Nothing was answered: no attempt is recorded and no review is made."""


class ContentInvalid(MlprepError):
    pass


class StoreError(MlprepError):
    pass


class DatabaseUnusable(StoreError):
    """A folder, an unreadable file, another program's database: fix the path (exit 2)."""

    exit_code = 2
