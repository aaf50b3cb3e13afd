"""Figures the bankk4b coding prompts, hints and answers state in prose (part 2, issue 18).

The doctest examples are checked by test_examples_are_computed.py; this file checks the
rest: the limits paragraph against question.toml, the largest hidden inputs and the
random generators against the stated maximum sizes, and the worked claims.
"""

from __future__ import annotations

import importlib.util
import math
import re
import tomllib
from types import ModuleType
from typing import Any

import numpy as np

from mlprep.content import builtin_bank_root

CODING = builtin_bank_root() / "coding"


def _module(qid: str, name: str) -> ModuleType:
    folder = CODING / qid
    spec = importlib.util.spec_from_file_location(
        f"bankk4b2_{name}_{qid}".replace("-", "_"), folder / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(qid: str, name: str = "prompt.md") -> str:
    return " ".join((CODING / qid / name).read_text(encoding="utf-8").split())


def _coding(qid: str) -> dict[str, Any]:
    data = tomllib.loads((CODING / qid / "question.toml").read_text(encoding="utf-8"))
    coding: dict[str, Any] = data["coding"]
    return coding


def _limits(qid: str) -> str:
    match = re.search(r"\*\*Limits\.\*\*(.*?)\*\*Example\*\*", _text(qid))
    assert match, f"{qid}: no **Limits.** paragraph"
    text, coding = match.group(1), _coding(qid)
    assert f"{coding['time_limit_ms'] / 1000:g} seconds of CPU time" in text, text
    assert f"{coding['memory_limit_mb']} MB of memory" in text, text
    return text


def _case(qid: str, name: str) -> tuple[Any, ...]:
    cases = {c["name"]: c for c in _module(qid, "tests").CASES}
    args: tuple[Any, ...] = cases[name]["args"]
    return args


def _generated(qid: str, seeds: int = 6) -> list[tuple[Any, ...]]:
    tests, size = _module(qid, "tests"), max(_coding(qid)["random_sizes"])
    return [tests.generate(np.random.default_rng(seed), size) for seed in range(seeds)]


# --- precision-recall-at-k-ties ---------------------------------------------------------


def test_prk_limits_and_sizes() -> None:
    text = _limits("precision-recall-at-k-ties")
    coding = _coding("precision-recall-at-k-ties")
    assert coding["rtol"] == 1e-9 and coding["atol"] == 1e-12
    assert "rtol = 1e-9 and atol = 1e-12" in text
    assert "at most 2,000 queries and 1,000,000 candidates in all, at most 100,000 in one" in text
    assert "*k* up to 1,000" in text
    scores, _, k = _case("precision-recall-at-k-ties", "largest stated size")
    assert sum(len(s) for s in scores) == 1_000_000 and max(len(s) for s in scores) == 100_000
    assert k == 1000
    scores, _, _ = _case("precision-recall-at-k-ties", "many queries")
    assert len(scores) == 2000
    tests = _module("precision-recall-at-k-ties", "tests")
    cases = [c["args"] for c in tests.CASES] + _generated("precision-recall-at-k-ties", 20)
    for scores, labels, k in cases:
        assert len(scores) == len(labels) <= 2000 and 1 <= k <= 1000
        assert sum(len(s) for s in scores) <= 1_000_000
        for s, y in zip(scores, labels, strict=True):
            assert len(s) == len(y) <= 100_000 and set(np.unique(y)) <= {0, 1}


def test_prk_example_claims() -> None:
    text = _text("precision-recall-at-k-ties")
    assert "$h = 1 + 1 \\cdot 2/3 = 5/3$, so precision and recall are both 5/9" in text
    s = np.array([0.9, 0.7, 0.7, 0.7, 0.2])
    y = np.array([1, 0, 1, 0, 1])
    above, tied = s > 0.7, s == 0.7
    h = y[above].sum() + y[tied].sum() * (3 - above.sum()) / tied.sum()
    assert math.isclose(h, 5 / 3) and math.isclose(h / 3, 5 / 9) and y.sum() == 3
    solution = _module("precision-recall-at-k-ties", "solution")
    p, r = solution.precision_recall_at_k([s, np.array([3.0, 1.0, 2.0])], [y, np.zeros(3)], 3)
    assert math.isclose(p, 5 / 18) and math.isclose(r, 5 / 9)


def test_prk_expectation_over_orders() -> None:
    """The formula equals the average of precision@k over every order of the tied items."""
    from itertools import permutations

    solution = _module("precision-recall-at-k-ties", "solution")
    rng = np.random.default_rng(6)
    for _ in range(30):
        n = int(rng.integers(1, 7))
        s = rng.integers(0, 3, n).astype(float)
        y = rng.integers(0, 2, n)
        k = int(rng.integers(1, n + 2))
        hits = []
        for perm in permutations(range(n)):
            order = sorted(perm, key=lambda i: -s[i])  # stable: the permutation breaks ties
            hits.append(float(y[order[:k]].sum()))
        p, _ = solution.precision_recall_at_k([s], [y], k)
        assert math.isclose(p, np.mean(hits) / k, rel_tol=1e-12, abs_tol=1e-15)


# --- sharded-running-variance -----------------------------------------------------------


def test_sharded_limits_and_sizes() -> None:
    text, coding = _limits("sharded-running-variance"), _coding("sharded-running-variance")
    assert f"rtol = {coding['rtol']:g}".replace("e-09", "e-9") in text
    assert "rtol = 1e-9 and atol = 1e-6" in text and coding["atol"] == 1e-6
    assert "at most 110,000 operations (up to 100,000 values in one shard" in text
    assert "magnitudes up to $10^7$" in text and "standard deviation of 0.1" in text
    (ops,) = _case("sharded-running-variance", "largest stated size")
    adds = [op for op in ops if op[0] == "add"]
    assert len(ops) == 110_000 and len(adds) == 100_000 and len({op[1] for op in ops}) == 1
    tests = _module("sharded-running-variance", "tests")
    cases = [c["args"] for c in tests.CASES] + _generated("sharded-running-variance", 12)
    for (ops,) in cases:
        assert len(ops) <= 110_000
        for kind, shard, arg in ops:
            assert kind in ("add", "merge", "query") and isinstance(shard, str)
            if kind == "add":
                assert abs(arg) <= 1.01e7
            elif kind == "merge":
                assert isinstance(arg, str) and arg != shard
            else:
                assert arg in (0, 1)


def test_sharded_cancellation_claims() -> None:
    """Hint 1: near 1e7 the two terms are near 1e14; answer: near 1e6 they share 14 digits."""
    hints = _text("sharded-running-variance", "hints.md")
    answer = _text("sharded-running-variance", "answer.md")
    assert "subtracts two numbers near $10^{14}$ to get one near 0.01" in hints
    assert "agree in their first 14 digits" in answer
    rng = np.random.default_rng(1)
    for center, exponent in ((1e7, 14), (1e6, 12)):
        x = rng.normal(center, 0.1, 10_000)
        mean_sq = float(np.mean(x * x))
        assert round(math.log10(mean_sq)) == exponent and abs(float(np.var(x)) - 0.01) < 0.001
        digits = math.log10(mean_sq / float(np.var(x)))
        if center == 1e6:  # the mean square and the squared mean share 14 digits
            assert round(digits) == 14
    naive = _module("sharded-running-variance", "wrong/naive_sum_of_squares").shard_statistics
    (ops,) = _case("sharded-running-variance", "repeated value far from zero")
    assert any(v[2] != 0.0 for v in naive(ops))  # rounding noise where the answer is 0


def test_sharded_example_claim() -> None:
    assert 'After the merge `"eu"` holds the five values 4, 7, 13, 1 and 3' in _text(
        "sharded-running-variance"
    )
    values = np.array([4.0, 7.0, 13.0, 1.0, 3.0])
    assert math.isclose(values.mean(), 5.6) and math.isclose(values.var(ddof=1), 21.8)
    assert math.isclose(values.var(), 17.44)
