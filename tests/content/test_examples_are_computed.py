"""Every example a coding prompt prints comes from running its reference (issue 18).

A prompt writes its example as a doctest (``>>> call`` then the printed output) inside
a ```python block; this test runs those lines against the question's solution.py and
compares the printed text exactly, so a typed or rounded-by-hand number fails.
"""

from __future__ import annotations

import doctest
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from mlprep.content import builtin_bank_root

CODING = builtin_bank_root() / "coding"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _examples(prompt: str) -> str:
    return "\n".join(b for b in BLOCK.findall(prompt) if ">>> " in b)


def _reference(folder: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"ref_{folder.name}", folder / "solution.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _failures(folder: Path, prompt: str) -> tuple[int, str]:
    globs = {"np": np, **vars(_reference(folder))}
    test = doctest.DocTestParser().get_doctest(
        _examples(prompt), globs, folder.name, str(folder / "prompt.md"), 0
    )
    out: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    with np.printoptions(legacy=False):
        result = runner.run(test, out=out.append)
    return result.failed, "".join(out)


WITH_EXAMPLES = sorted(
    p.parent.name for p in CODING.glob("*/prompt.md") if _examples(p.read_text(encoding="utf-8"))
)


def test_new_questions_print_computed_examples() -> None:
    # the second-edition coding questions (K keys) write their examples as doctests
    assert "multi-head-attention" in WITH_EXAMPLES


@pytest.mark.parametrize("qid", WITH_EXAMPLES)
def test_prompt_example_matches_reference(qid: str) -> None:
    folder = CODING / qid
    failed, report = _failures(folder, (folder / "prompt.md").read_text(encoding="utf-8"))
    assert failed == 0, report


def test_a_typed_number_is_caught() -> None:
    folder = CODING / "multi-head-attention"
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    doctored = prompt.replace("0.055807", "0.055808", 1)
    assert doctored != prompt
    failed, report = _failures(folder, doctored)
    assert failed == 1 and "0.055808" in report
