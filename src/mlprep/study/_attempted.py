"""What is not an answer: recorded as nothing (no attempt, no review).

An empty answer, the starter code as it was handed out, a function whose body
still only raises the starter's ``NotImplementedError``, and a generated
notebook's placeholder text are "not attempted". Recording them would put a
failure in the learner's history that did not happen (running a generated
notebook top to bottom would fail every question).
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlprep.content import Question

__all__ = ["PLACEHOLDER", "not_attempted"]

# The text `mlprep notebook` puts in every written question's answer cell.
PLACEHOLDER = "Your answer here."
_PLACEHOLDERS = {"your answer here", "your answer", "todo", "tbd"}


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _shape(tree: ast.AST) -> str:
    """The code without docstrings, comments and formatting."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]  # type: ignore[attr-defined]
    return ast.dump(tree, annotate_fields=False, include_attributes=False)


def _only_raises_not_implemented(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    body = [
        stmt
        for stmt in function.body
        if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))
        and not isinstance(stmt, ast.Pass)
    ]
    if len(body) != 1 or not isinstance(body[0], ast.Raise) or body[0].exc is None:
        return False
    exc = body[0].exc
    name = exc.func if isinstance(exc, ast.Call) else exc
    return isinstance(name, ast.Name) and name.id == "NotImplementedError"


def not_attempted(question: Question, text: str) -> str | None:
    """Why ``text`` is no answer to ``question`` (a one-line message), or None."""
    if not text.strip():
        return "the answer is empty: nothing was recorded"
    if question.meta.coding is None:
        if _words(text) in _PLACEHOLDERS:
            return (
                f"the answer is still the placeholder ({text.strip()[:40]!r}): "
                "write your answer; nothing was recorded"
            )
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None  # the judge reports it as a syntax error (no review)
    try:
        starter = ast.parse(question.read("starter.py"))
    except (OSError, SyntaxError, ValueError):
        starter = None
    if starter is not None and _shape(tree) == _shape(starter):
        return "this is the untouched starter code: write your solution; nothing was recorded"
    entry = question.meta.coding.entry_point
    for node in tree.body:
        if (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name == entry
            and _only_raises_not_implemented(node)
        ):
            return (
                f"{entry} still only raises NotImplementedError, as the starter does: "
                "write your solution; nothing was recorded"
            )
    return None
