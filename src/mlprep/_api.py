"""The functions of the public API, on a default core for the current learner."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Any

from ._core import Mlprep

if TYPE_CHECKING:
    from mlprep.grading import GradeReport
    from mlprep.judging import JudgeResult

__all__ = ["default_core", "grade", "judge", "set_default_core"]

_lock = threading.Lock()
_default: Mlprep | None = None


def default_core() -> Mlprep:
    """The core used by ``mlprep.judge``/``mlprep.grade``: bank + MLPREP_HOME store."""
    global _default
    with _lock:
        if _default is None:
            extra = os.environ.get("MLPREP_DB")
            _default = Mlprep(db=extra or None)
        return _default


def set_default_core(core: Mlprep | None) -> None:
    """Swap the default core (tests, notebooks pointing at another store)."""
    global _default
    with _lock:
        _default = core


def judge(question_id: str, source: str, *, seed: int | None = None, **kwargs: Any) -> JudgeResult:
    """Judge ``source`` against a coding question; the attempt is recorded (not with a
    ``seed``: a replay of known random tests is not a submission)."""
    kwargs.setdefault("origin", "api")
    return default_core().judge(question_id, source, seed=seed, **kwargs)


def grade(question_id: str, text: str, *, grader: str = "default", **kwargs: Any) -> GradeReport:
    """Grade a written answer against the question's rubric; the attempt is recorded."""
    kwargs.setdefault("origin", "api")
    return default_core().grade(question_id, text, grader=grader, **kwargs)
