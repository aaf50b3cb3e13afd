"""A failing test's input as Python literals the learner can paste into "Run on your own input".

The judge shows inputs as ``repr`` text (``array([[0. , 1.5]])``, ``np.float64(2.0)``),
which ``ast.literal_eval`` refuses. NumPy wrappers are unwrapped to the plain lists and
numbers inside them; what cannot be made literal (a shortened array, ``nan``) is left
as the judge wrote it and marked as not pasteable.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

__all__ = ["Shown", "pasteable"]

_NUMPY_SCALARS = {"True_": True, "False_": False, "bool_": None}


@dataclass(frozen=True)
class Shown:
    text: str
    pasteable: bool


class _Unwrap(ast.NodeTransformer):
    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        name = _name(node.func)
        numpy = name in ("array", "asarray") or (name or "").startswith(("np.", "numpy."))
        if numpy and node.args:
            return node.args[0]  # array([...], dtype=...) -> [...]; np.float64(2.0) -> 2.0
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        name = _name(node)
        if name and name.split(".")[-1] in ("True_", "False_"):
            return ast.Constant(name.endswith("True_"))
        return node


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _name(node.value)
        return f"{inner}.{node.attr}" if inner else None
    return None


def _literal(node: ast.AST) -> bool:
    if any(isinstance(n, ast.Constant) and n.value is Ellipsis for n in ast.walk(node)):
        return False  # a shortened array: pasting it would not be the test's input
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def pasteable(text: str | None, arguments: bool = True) -> Shown | None:
    """``text`` (a repr) as literals; ``arguments``: a tuple of arguments, shown without
    its parentheses, one value per parameter as the custom-input box takes them."""
    if text is None:
        return None
    if text.endswith("…"):
        return Shown(text, False)
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return Shown(text, False)
    body = _Unwrap().visit(tree).body
    if not _literal(body):
        return Shown(text, False)
    if arguments and isinstance(body, ast.Tuple):
        shown = ", ".join(ast.unparse(element) for element in body.elts)
    else:
        shown = ast.unparse(body)
    return Shown(shown, True)
