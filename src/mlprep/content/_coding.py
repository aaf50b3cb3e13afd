"""The trusted side of a coding question: its tests.py, loaded into a ``TestSuite``.

tests.py is content, reviewed like code, and runs only in the trusted process;
nothing from it is ever handed to a learner's sandbox except the inputs.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import ValidationError

from ._errors import ContentError, ContentErrors
from ._models import Question, TestCaseSpec

__all__ = ["TestSuite", "function_signature", "load_tests", "wrong_solutions"]

Generator = Callable[[Any, int], tuple[Any, ...]]
Checker = Callable[[tuple[Any, ...], Any, Any], str | None]


@dataclass(frozen=True)
class TestSuite:
    """What tests.py defines: fixed cases, a seeded generator and an optional checker."""

    cases: tuple[TestCaseSpec, ...]
    generate: Generator
    check: Checker | None
    module: ModuleType


def _exec_module(path: Path) -> ModuleType:
    name = f"mlprep_content_tests_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ContentErrors([ContentError(path, 1, 1, "cannot be imported as a module")])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        raise ContentErrors(
            [ContentError(path, exc.lineno or 1, exc.offset or 1, f"syntax error: {exc.msg}")]
        ) from None
    except Exception as exc:
        line = 1
        for frame in traceback.extract_tb(exc.__traceback__):
            if Path(frame.filename) == path:
                line = frame.lineno or 1
        raise ContentErrors(
            [ContentError(path, line, 1, f"raised {type(exc).__name__}: {exc}")]
        ) from None
    finally:
        sys.modules.pop(name, None)
    return module


def load_tests(question: Question) -> TestSuite:
    """Import a coding question's tests.py and validate what it defines."""
    path = question.file("tests.py")
    if not path.exists():
        raise ContentErrors([ContentError(path, 1, 1, "file is missing")])
    module = _exec_module(path)
    errors: list[ContentError] = []
    raw_cases = getattr(module, "CASES", None)
    cases: list[TestCaseSpec] = []
    if not isinstance(raw_cases, list) or not raw_cases:
        errors.append(ContentError(path, 1, 1, "expected CASES, a non-empty list of dicts"))
    else:
        names: set[str] = set()
        for i, raw in enumerate(raw_cases):
            if not isinstance(raw, dict):
                errors.append(ContentError(path, 1, 1, f"CASES[{i}] is not a dict"))
                continue
            try:
                case = TestCaseSpec.model_validate({**raw, "has_expected": "expected" in raw})
            except ValidationError as exc:
                for err in exc.errors():
                    where = ".".join(str(p) for p in err["loc"])
                    errors.append(ContentError(path, 1, 1, f"CASES[{i}].{where}: {err['msg']}"))
                continue
            if case.name in names:
                errors.append(ContentError(path, 1, 1, f"duplicate case name '{case.name}'"))
            names.add(case.name)
            cases.append(case)
        if not any(c.kind == "visible" for c in cases):
            errors.append(ContentError(path, 1, 1, "CASES needs at least one visible case"))
    generate = getattr(module, "generate", None)
    if not callable(generate):
        errors.append(ContentError(path, 1, 1, "expected a function generate(rng, size)"))
    check = getattr(module, "check", None)
    if check is not None and not callable(check):
        errors.append(ContentError(path, 1, 1, "check must be a function"))
    if errors:
        raise ContentErrors(errors)
    assert generate is not None
    return TestSuite(cases=tuple(cases), generate=generate, check=check, module=module)


def function_signature(source: str, name: str) -> list[str] | None:
    """The positional parameter names of top-level function ``name``, or None."""
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
    return None


def wrong_solutions(question: Question) -> list[Path]:
    """The known-wrong solutions of a coding question, sorted by name."""
    folder = question.file("wrong")
    return sorted(folder.glob("*.py")) if folder.is_dir() else []
