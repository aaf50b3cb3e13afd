"""Figures the K06-K16 coding prompts state in prose, recomputed (issue 18).

The doctest examples are checked by test_examples_are_computed.py; this file checks the
other numbers: the limits paragraph against question.toml, and the worked figures in
the sentences after each example.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pytest

from mlprep.content import builtin_bank_root

CODING = builtin_bank_root() / "coding"
QUESTIONS = ["bpe-merges"]


def _module(folder: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"{name}_{folder.name}".replace("-", "_"), folder / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _limits(qid: str) -> tuple[str, dict[str, object]]:
    folder = CODING / qid
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    match = re.search(r"\*\*Limits\.\*\*(.*?)\n\n", prompt, re.DOTALL)
    assert match, f"{qid}: no **Limits.** paragraph"
    coding = tomllib.loads((folder / "question.toml").read_text(encoding="utf-8"))["coding"]
    return " ".join(match.group(1).split()), coding


@pytest.mark.parametrize("qid", QUESTIONS)
def test_limits_paragraph_matches_question_toml(qid: str) -> None:
    text, coding = _limits(qid)
    seconds = coding["time_limit_ms"] / 1000
    assert f"{seconds:g} seconds of wall-clock time" in text
    assert f"{coding['memory_limit_mb']} MB of memory" in text
    if coding.get("rtol", 1e-6) or coding.get("atol", 1e-9):
        assert f"rtol = {coding['rtol']:g}" in text and f"atol = {coding['atol']:g}" in text


@pytest.mark.parametrize("qid", QUESTIONS)
def test_largest_hidden_case_is_within_the_stated_limits(qid: str) -> None:
    tests = _module(CODING / qid, "tests")
    names = [c["name"] for c in tests.CASES]
    assert "largest stated size" in names


def test_bpe_prose() -> None:
    folder = CODING / "bpe-merges"
    ref = _module(folder, "solution")
    counts = {"low": 5, "lower": 2, "newest": 6, "widest": 3}
    pairs: dict[tuple[str, str], int] = {}
    for w, c in counts.items():
        for p in pairwise(w):
            pairs[p] = pairs.get(p, 0) + c
    assert pairs[("e", "s")] == pairs[("s", "t")] == 9 == max(pairs.values())
    assert ref._apply(list("aaaaa"), ("a", "a")) == ["aa", "aa", "a"]
    largest = next(c for c in _module(folder, "tests").CASES if c["name"] == "largest stated size")
    word_counts, merges, word = largest["args"]
    assert len(word_counts) == 500 and max(map(len, word_counts)) == 10
    assert merges == 200 and len(word) == 50
