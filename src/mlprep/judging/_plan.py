"""Test planning: which tests a judgement runs, in which order, with which inputs.

Everything here runs in the trusted process. Inputs come from the question's
tests.py (visible and hidden cases) and its seeded generator (random tests).
"""

from __future__ import annotations

import ast
import threading
from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "FAIL_ORDER",
    "PlannedTest",
    "banned_imports",
    "execution_order",
    "load_suite",
    "needs_pandas",
    "planned_cases",
    "random_tests",
]

Kind = Literal["visible", "hidden", "random"]
FAIL_ORDER: tuple[Kind, ...] = ("visible", "hidden", "random")


@dataclass
class PlannedTest:
    index: int
    name: str
    kind: Kind
    args: tuple[Any, ...]
    note: str = ""
    expected: Any = None
    has_expected: bool = False
    size: int | None = None


def planned_cases(suite: Any, kinds: tuple[str, ...]) -> list[PlannedTest]:
    tests: list[PlannedTest] = []
    for case in suite.cases:
        if case.kind in kinds:
            tests.append(
                PlannedTest(
                    len(tests),
                    case.name,
                    case.kind,
                    tuple(case.args),
                    case.note,
                    case.expected,
                    case.has_expected,
                )
            )
    return tests


def random_tests(suite: Any, spec: Any, seed: int, start: int) -> list[PlannedTest]:
    import numpy as np

    rng = np.random.default_rng(seed)
    sizes = list(spec.random_sizes) or [16]
    tests = []
    for i in range(spec.random_tests):
        size = sizes[i % len(sizes)]
        args = tuple(suite.generate(rng, size))
        tests.append(
            PlannedTest(
                start + i,
                f"random #{i + 1} (size {size})",
                "random",
                args,
                "fresh input from the generator",
                size=size,
            )
        )
    return tests


def execution_order(tests: list[PlannedTest]) -> list[PlannedTest]:
    """Hidden tests run last.

    The learner's process sees each input only when its test runs; running the hidden
    tests after every other test means nothing the learner is shown afterwards (a
    later test's output or error) can carry a hidden input it kept. The results
    document still lists the tests in plan order (visible, hidden, random).
    """
    return [t for t in tests if t.kind != "hidden"] + [t for t in tests if t.kind == "hidden"]


def banned_imports(source: str, banned: list[str]) -> str | None:
    """Where the source imports a banned module (a static check before anything runs)."""
    if not banned:
        return None
    tree = ast.parse(source)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "__import__"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        for name in names:
            if name.partition(".")[0] in banned:
                return f"line {getattr(node, 'lineno', '?')}: imports {name}"
    return None


_SUITES: dict[tuple[str, int, int], Any] = {}
_SUITES_LOCK = threading.Lock()


def load_suite(question: Any, load: Any) -> Any:
    """tests.py, imported once per version of the file (warm judges judge many times)."""
    path = question.file("tests.py")
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return load(question)
    with _SUITES_LOCK:
        if key in _SUITES:
            return _SUITES[key]
    suite = load(question)
    with _SUITES_LOCK:
        if len(_SUITES) > 256:
            _SUITES.clear()
        _SUITES[key] = suite
    return suite


def needs_pandas(question: Any, tests: list[PlannedTest]) -> bool:
    if "pandas" in question.read("solution.py"):
        return True
    support = question.file("support.py")
    if support.exists() and "pandas" in support.read_text(encoding="utf-8"):
        return True
    return any(type(a).__module__.startswith("pandas") for t in tests[:3] for a in t.args)
