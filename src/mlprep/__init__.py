"""mlprep: practise machine-learning interviews, offline.

The public API is re-exported here and pinned by a test. Imports are lazy so that
``import mlprep`` (and so ``mlprep --help``) stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from ._api import default_core, grade, judge
    from ._core import Mlprep
    from .content import Question, load_bank
    from .errors import MlprepError, UnknownQuestion, UsageError
    from .notebook import practice, progress, question

__all__ = [
    "Mlprep",
    "MlprepError",
    "Question",
    "UnknownQuestion",
    "UsageError",
    "__version__",
    "default_core",
    "grade",
    "judge",
    "load_bank",
    "practice",
    "progress",
    "question",
]

_LAZY = {
    "Mlprep": "mlprep._core",
    "MlprepError": "mlprep.errors",
    "Question": "mlprep.content",
    "UnknownQuestion": "mlprep.errors",
    "UsageError": "mlprep.errors",
    "default_core": "mlprep._api",
    "grade": "mlprep._api",
    "judge": "mlprep._api",
    "load_bank": "mlprep.content",
    "practice": "mlprep.notebook",
    "progress": "mlprep.notebook",
    "question": "mlprep.notebook",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mlprep' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
