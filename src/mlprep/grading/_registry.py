"""Graders by name: one interface, loaded once per process, shared by every caller."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from mlprep.content import Question

    from ._report import GradeReport

__all__ = [
    "Grader",
    "GraderUnavailable",
    "available_graders",
    "get_grader",
    "grade",
    "register_grader",
]


@runtime_checkable
class Grader(Protocol):
    """Anything that grades a written answer against a question's rubric.

    A grader is created once (loading a model can take a while) and then called for
    many answers, possibly from several threads; ``grade`` must not keep per-answer
    state on the object.
    """

    name: str
    description: str

    def grade(self, question: Question, text: str) -> GradeReport: ...


@dataclass(frozen=True)
class _Entry:
    factory: Callable[[], Grader]
    description: str
    requires: str | None  # the pip extra that provides it, for the error message


_REGISTRY: dict[str, _Entry] = {}
_INSTANCES: dict[str, Grader] = {}
_LOCK = threading.RLock()  # re-entrant: a factory may get another grader (hybrid)


def _usage_error(message: str) -> Exception:
    from mlprep.errors import UsageError

    return UsageError(message)


class GraderUnavailable(RuntimeError):
    """A registered grader whose optional dependencies are not installed."""


def register_grader(
    name: str,
    factory: Callable[[], Grader],
    *,
    description: str,
    requires: str | None = None,
    replace: bool = False,
) -> None:
    """Make a grader available by name. ``factory`` is called once, on first use."""
    with _LOCK:
        if name in _REGISTRY and not replace:
            raise ValueError(f"a grader named '{name}' is already registered")
        _REGISTRY[name] = _Entry(factory, description, requires)
        _INSTANCES.pop(name, None)


def available_graders() -> dict[str, str]:
    """Registered grader names and what each does."""
    return {name: entry.description for name, entry in _REGISTRY.items()}


def get_grader(name: str = "default") -> Grader:
    """The shared instance of the grader called ``name``, created on first use."""
    instance = _INSTANCES.get(name)
    if instance is not None:
        return instance
    entry = _REGISTRY.get(name)
    if entry is None:
        known = ", ".join(sorted(_REGISTRY))
        raise _usage_error(f"unknown grader '{name}' (available: {known})")
    with _LOCK:
        instance = _INSTANCES.get(name)
        if instance is None:
            try:
                instance = entry.factory()
            except GraderUnavailable as exc:
                extra = f" (pip install 'mlprep[{entry.requires}]')" if entry.requires else ""
                raise _usage_error(f"the '{name}' grader is not available: {exc}{extra}") from None
            _INSTANCES[name] = instance
    return instance


def grade(question: Question | str, text: str | bytes, *, grader: str = "default") -> GradeReport:
    """Grade ``text`` as an answer to ``question`` with the named grader."""
    if isinstance(question, str):
        from mlprep.content import load_bank
        from mlprep.errors import UnknownQuestion

        try:
            question = load_bank().get(question)
        except KeyError as exc:
            raise UnknownQuestion(str(exc.args[0])) from None
    if question.is_coding:
        raise _usage_error(f"'{question.id}' is a coding question: use judge, not grade")
    notes: list[str] = []
    if isinstance(text, bytes):
        from ._text import clean

        text, notes = clean(text)
    report = get_grader(grader).grade(question, text)
    if notes:
        report = report.model_copy(update={"notes": [*notes, *report.notes]})
    return report
