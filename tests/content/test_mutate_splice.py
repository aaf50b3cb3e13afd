"""The mutator writes each mutant by unparsing only the statement it changes.

`content check` used to unparse the whole solution once per mutant (11,000 times for
the bank). The spliced text must be exactly what unparsing the whole module writes:
the mutants' keys name equivalent mutants in mutants.toml and their sources are what
the judge runs. These tests hold the two ways to the same mutants.
"""

from __future__ import annotations

import ast

import pytest

from mlprep.content import Bank, load_bank
from mlprep.content._mutate import _Layout, _mutants, mutants

# module docstring, top-level statements that mutate, a decorated function with a
# docstring, a class, an elif chain, nested functions with multi-line docstrings, a
# loop followed by a return ("early"), try/except, and a first body statement that a
# mutation turns into a bare string (which the unparser would write as a docstring)
AWKWARD = '''"""Module docstring."""
import functools

LIMIT = 3 + 4
counter = 0
counter += 2


@functools.lru_cache(maxsize=8)
def first(x, k=2):
    """A docstring
    over two lines."""
    total = 0
    for i in range(1, k):
        if x[i] < 0:
            total -= 1
        elif x[i] > 0 and i != 2:
            total += x[i] * 2
        else:
            break
    return total


def words(text):
    sorted("abc")
    out = []
    for w in text.split():
        out.append(w.upper())
    return out


def outer(values):
    def inner(v):
        """Nested
        docstring."""
        return v ** 2 if v > 0 else -v

    best = None
    for v in values:
        best = max(best or 0, inner(v))
        return best
    try:
        return 1 / len(values)
    except ZeroDivisionError:
        return 0.0


class Box:
    scale = 2.5

    def area(self, w, h):
        area = w * h
        area = area * self.scale
        return area


def one(x):
    return x + 1
'''


def test_splicing_writes_the_mutants_of_unparsing_whole_modules() -> None:
    whole = _mutants(AWKWARD, splice=False)
    assert len(whole) > 60
    assert _mutants(AWKWARD, splice=True) == whole
    kinds = {m.kind for m in whole}
    assert {"binop", "augassign", "compare", "drop", "early", "unwrap", "number"} <= kinds


@pytest.mark.parametrize("source", [AWKWARD, "x = 1\n", "def f():\n    return 1 + 2\n", ""])
def test_the_pieces_add_up_to_the_module(source: str) -> None:
    tree = ast.parse(source)
    layout = _Layout(tree, ast.unparse(tree))
    assert "".join(layout.pieces) == ast.unparse(tree)


def test_every_solution_of_the_bank_mutates_the_same_both_ways(bank: Bank) -> None:
    # a third of them (the whole bank takes 7 s; all agreed when this was written)
    coding = [q for q in bank if q.is_coding][::3]
    assert len(coding) > 25
    spliced = 0
    for question in coding:
        source = question.read("solution.py")
        tree = ast.parse(source)
        layout = _Layout(tree, ast.unparse(tree))
        assert layout.pieces, question.id  # the fast way is the one used
        spliced += len(layout.bodies)
        assert mutants(source) == _mutants(source, splice=False), question.id
    assert spliced >= len(coding)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()
