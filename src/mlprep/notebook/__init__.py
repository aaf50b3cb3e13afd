"""The Jupyter API: ``mp.question``, ``mp.practice``, ``mp.progress`` and notebooks."""

from ._api import ProgressPlot, Queue, practice, progress, question
from ._build import build_notebook
from ._question import Markdown, NotebookQuestion, Notice, Shown
from ._source import NotJudgeable, function_source

__all__ = [
    "Markdown",
    "NotJudgeable",
    "NotebookQuestion",
    "Notice",
    "ProgressPlot",
    "Queue",
    "Shown",
    "build_notebook",
    "function_source",
    "practice",
    "progress",
    "question",
]
