"""Figures the K17-K24 coding prompts state in prose, recomputed (issue 18).

The doctest examples are checked by test_examples_are_computed.py; this file checks the
rest: the limits paragraph against question.toml, the largest hidden inputs and the
random generators against the stated maximum sizes, and the worked figures in the
sentences after each example.
"""

from __future__ import annotations

import importlib.util
import math
import re
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from mlprep.content import builtin_bank_root

CODING = builtin_bank_root() / "coding"
QUESTIONS = [
    "isotonic-regression",
    "als-matrix-factorization",
    "ucb1-bandit",
    "silhouette-score",
    "single-linkage-clustering",
    "multinomial-naive-bayes",
    "edit-distance-alignment",
    "trie-autocomplete",
    "information-measures",
]


def _module(qid: str, name: str) -> ModuleType:
    folder = CODING / qid
    spec = importlib.util.spec_from_file_location(
        f"k17_{name}_{qid}".replace("-", "_"), folder / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prompt(qid: str) -> str:
    return " ".join((CODING / qid / "prompt.md").read_text(encoding="utf-8").split())


def _coding(qid: str) -> dict[str, Any]:
    data = tomllib.loads((CODING / qid / "question.toml").read_text(encoding="utf-8"))
    coding: dict[str, Any] = data["coding"]
    return coding


def _tol(x: float) -> str:
    """1e-09 -> 1e-9, as the prompts write it."""
    return re.sub(r"e([+-])0*(\d)", r"e\1\2", f"{x:g}").replace("e+", "e")


def _case(qid: str, name: str) -> tuple[Any, ...]:
    cases = {c["name"]: c for c in _module(qid, "tests").CASES}
    args: tuple[Any, ...] = cases[name]["args"]
    return args


@pytest.mark.parametrize("qid", QUESTIONS)
def test_limits_paragraph_matches_question_toml(qid: str) -> None:
    match = re.search(r"\*\*Limits\.\*\*(.*?)\*\*Example\*\*", _prompt(qid))
    assert match, f"{qid}: no **Limits.** paragraph"
    text, coding = match.group(1), _coding(qid)
    assert f"{coding['time_limit_ms'] / 1000:g} seconds of CPU time" in text
    assert f"{coding['memory_limit_mb']} MB of memory" in text
    if "rtol" in coding:
        assert f"rtol = {_tol(coding['rtol'])}" in text, text
        assert f"atol = {_tol(coding['atol'])}" in text, text


# --- the largest hidden input is the stated maximum; generators stay within it ---------


def _generated(qid: str, seeds: int = 4) -> list[tuple[Any, ...]]:
    tests, size = _module(qid, "tests"), max(_coding(qid)["random_sizes"])
    return [tests.generate(np.random.default_rng(seed), size) for seed in range(seeds)]


def test_isotonic_sizes() -> None:
    assert "*n* = 100,000" in _prompt("isotonic-regression")
    y, w, _ = _case("isotonic-regression", "largest stated size")
    assert len(y) == len(w) == 100_000
    assert all(len(args[0]) <= 100_000 for args in _generated("isotonic-regression"))


def test_als_sizes_and_density() -> None:
    text = _prompt("als-matrix-factorization")
    # the largest of each size (tests/content/test_prompt_limits.py checks them all)
    stated = "*m* = 400 users, *n* = 449 items, *k* = 8 and `n_iters` = 20"
    assert f"{stated} (about 5% of the cells observed at that size)" in text
    ratings, observed, v0, _, _ = _case("als-matrix-factorization", "largest stated size")
    assert ratings.shape == (400, 400) and v0.shape == (400, 8)
    assert round(100 * float(observed.mean())) == 5
    for r, _, v, _, it in _generated("als-matrix-factorization"):
        assert r.shape[0] <= 400 and r.shape[1] <= 449 and v.shape[1] <= 8 and it <= 20


def test_ucb_sizes() -> None:
    assert "*T* = 20,000 rounds and *K* = 20 arms" in _prompt("ucb1-bandit")
    rewards, _ = _case("ucb1-bandit", "largest stated size")
    assert rewards.shape == (20_000, 20)
    assert all(r.shape[0] <= 20_000 and r.shape[1] <= 20 for r, _ in _generated("ucb1-bandit"))


def test_silhouette_sizes_and_memory_figure() -> None:
    text = _prompt("silhouette-score")
    assert "*n* = 1500 points and *d* = 8" in text
    n, d = 1500, 8
    assert f"takes {n * n * d * 8 // 10**6} MB at that size" in text  # float64 differences
    X, _ = _case("silhouette-score", "largest stated size")
    assert X.shape[0] == n and X.shape[1] <= d
    for X, _ in _generated("silhouette-score"):
        assert X.shape[0] <= n and X.shape[1] <= d and np.abs(X).max() <= 1e6 + 100


def test_single_linkage_sizes_and_pair_count() -> None:
    text = _prompt("single-linkage-clustering")
    assert "*n* = 1000 points and *d* = 4" in text
    pairs = 1000 * 999 // 2
    assert "(about half a million)" in text and round(pairs, -5) == 500_000
    for name in ("largest stated size, floats", "largest stated size, integer ties"):
        X, _ = _case("single-linkage-clustering", name)
        assert X.shape[0] == 1000 and X.shape[1] <= 4
    for X, k in _generated("single-linkage-clustering", seeds=2):
        assert X.shape[0] <= 1000 and X.shape[1] <= 4 and np.abs(X).max() <= 1e4
        assert 1 <= k <= X.shape[0]


def test_naive_bayes_sizes() -> None:
    text = _prompt("multinomial-naive-bayes")
    assert (
        "at most 5,000 training documents with 100,941 tokens in all, 10 classes, a "
        "vocabulary of 3,000, and 1,000 test documents with 49,524 tokens in all (single "
        "test documents have up to 4,494 tokens)" in text
    )
    tests = _module("multinomial-naive-bayes", "tests")
    candidates = [c["args"] for c in tests.CASES] + _generated("multinomial-naive-bayes")
    for train, labels, test_docs, _ in candidates:
        assert len(train) <= 5000 and sum(map(len, train)) <= 100_941
        assert len(set(labels)) <= 10 and len({t for d in train for t in d}) <= 3000
        assert len(test_docs) <= 1000 and sum(map(len, test_docs)) <= 49_524
        assert all(len(d) <= 4494 for d in test_docs)
    train, labels, _, _ = _case("multinomial-naive-bayes", "largest stated size")
    assert len(train) == 5000 and len(set(labels)) == 10


def test_edit_distance_sizes() -> None:
    assert "strings of at most 1,000 characters each" in _prompt("edit-distance-alignment")
    tests = _module("edit-distance-alignment", "tests")
    longest = max(max(len(a), len(b)) for a, b in (c["args"] for c in tests.CASES))
    assert longest == 1000
    assert all(max(map(len, args)) <= 1000 for args in _generated("edit-distance-alignment"))


def test_trie_sizes() -> None:
    text = _prompt("trie-autocomplete")
    assert (
        "at most 50,000 entries in `words` (words of at most 15 characters), 20,000 queries" in text
    )
    assert "*k* = 10" in text
    words, counts, queries, k = _case("trie-autocomplete", "largest stated size")
    assert len(words) == len(counts) == 50_000 and len(queries) == 20_000 and k == 10
    assert max(map(len, words)) <= 15
    empty_or_short = sum(len(q) <= 2 for q in queries)
    assert empty_or_short > len(queries) / 3  # "many of them empty or one or two characters"
    for w, _, q, kk in _generated("trie-autocomplete"):
        assert len(w) <= 50_000 and len(q) <= 20_000 and kk <= 10


def test_information_sizes_and_cell_count() -> None:
    text = _prompt("information-measures")
    assert "*m* = *n* = 500" in text and f"the {500 * 500:,} cells" in text
    L, R = _case("information-measures", "largest stated size")
    assert L.shape == R.shape == (500, 500)
    for L, _ in _generated("information-measures"):
        assert max(L.shape) <= 500
        finite = L[np.isfinite(L)]
        assert finite.size and np.abs(finite).max() <= 1e4


# --- worked figures in the sentences after the examples -------------------------------


def test_isotonic_pooled_mean() -> None:
    assert "pool to (3 + 2)/3" in _prompt("isotonic-regression")
    y, w = np.array([3.0, 1.0]), np.array([1.0, 2.0])
    assert math.isclose(float(w @ y / w.sum()), (3 + 2) / 3)
    assert (3 + 2) / 3 < 2  # "that block is below 2, so the last point stays"


def test_als_first_user_update() -> None:
    assert "its first update is $(I + 0.1 I)^{-1} (5, 3)$" in _prompt("als-matrix-factorization")
    als = _module("als-matrix-factorization", "solution").als
    R = np.array([[5.0, 3.0, np.nan], [4.0, np.nan, 1.0], [np.nan, 1.0, 5.0]])
    U, _ = als(R, ~np.isnan(R), np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]]), 0.1, 1)
    assert np.allclose(U[0], np.array([5.0, 3.0]) / 1.1)


def test_ucb_round_three_tie() -> None:
    assert "In round 3 of the first call arms 0 and 1 have paid 1 of 1 pulls" in _prompt(
        "ucb1-bandit"
    )
    table = _case("ucb1-bandit", "prompt example")[0]
    assert [int(table[t, t]) for t in range(3)] == [1, 1, 0]  # warm-up rewards of arms 0, 1, 2
    arms, _ = _module("ucb1-bandit", "solution").ucb1(table, 1.0)
    assert arms[3] == 0


def test_single_linkage_tie_sentence() -> None:
    text = _prompt("single-linkage-clustering")
    assert "points 0 and 3 merge first (distance 1)" in text
    assert "the pairs (0, 2) and (1, 3) are both at distance 3" in text
    x = np.array([1.0, -3.0, 4.0, 0.0])
    dist = {(i, j): abs(x[i] - x[j]) for i in range(4) for j in range(i + 1, 4)}
    assert min(dist, key=lambda p: (dist[p], p)) == (0, 3) and dist[0, 3] == 1
    # after merging 0 and 3, the closest cross pairs
    cross = {p: d for p, d in dist.items() if p != (0, 3)}
    best = min(cross.values())
    assert best == 3 and sorted(p for p, d in cross.items() if d == best) == [(0, 2), (1, 3)]


def test_naive_bayes_example_tie() -> None:
    text = _prompt("multinomial-naive-bayes")
    assert "The second message is a tie" in text and "and so is the empty one" in text
    nb = _module("multinomial-naive-bayes", "solution").naive_bayes_text
    train = [["win", "cash", "now"], ["meeting", "at", "noon"], ["cash", "prize", "win", "win"]]
    train.append(["lunch", "at", "noon", "now"])
    labels = ["spam", "ham", "spam", "ham"]
    for doc in (["noon", "cash", "unknown"], []):
        label, prob = nb(train, labels, [doc], 1.0)[0]
        assert label == "ham" and math.isclose(prob, 0.5)
        # a tie: swapping the labels swaps nothing but the names
        swapped = ["ham" if x == "spam" else "spam" for x in labels]
        assert nb(train, swapped, [doc], 1.0)[0][0] == "ham"


def test_naive_bayes_long_documents_score_thousands_below_zero() -> None:
    assert "On long documents the scores are thousands below zero" in _prompt(
        "multinomial-naive-bayes"
    )
    train, labels, test_docs, alpha = _case("multinomial-naive-bayes", "long documents")
    vocab = {t for d in train for t in d}
    worst = 0.0
    for c in set(labels):
        tokens = [t for d, lab in zip(train, labels, strict=True) if lab == c for t in d]
        denom = len(tokens) + alpha * len(vocab)
        counts = {t: tokens.count(t) for t in vocab}
        for doc in test_docs:
            s = sum(math.log((counts[t] + alpha) / denom) for t in doc if t in vocab)
            worst = min(worst, s)
    assert worst < -2000 and math.exp(worst) == 0.0


def test_information_measures_underflow_figure() -> None:
    text = _prompt("information-measures")
    assert "a logit 800 below the others still counts" in text
    assert math.exp(-800.0) == 0.0 and math.isfinite(-800.0)
    assert "`np.exp(1000.0)` overflows" in text
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(1000.0))


def test_kitten_sentence() -> None:
    text = _prompt("edit-distance-alignment")
    assert "by substituting k→s and e→i and inserting g at the end" in text
    dist, ops = _module("edit-distance-alignment", "solution").edit_alignment("kitten", "sitting")
    assert dist == 3 and ops == ["S", "M", "M", "M", "S", "M", "I"]


def test_trie_example_sentence() -> None:
    assert '"car" has a total of 5; "care" and "cart" tie at 2' in _prompt("trie-autocomplete")
    words = ["car", "cart", "care", "cat", "car", "dog"]
    counts = [3, 2, 2, 4, 2, 7]
    totals = {w: sum(c for x, c in zip(words, counts, strict=True) if x == w) for w in words}
    assert totals["car"] == 5 and totals["care"] == totals["cart"] == 2


def test_silhouette_example_sentence() -> None:
    assert "Point 4 is alone in cluster 7, so it scores 0" in _prompt("silhouette-score")
    s, mean = _module("silhouette-score", "solution").silhouette(
        np.array([[0.0, 0.0], [4.0, 0.0], [0.0, 1.0], [5.0, 1.0], [9.0, 9.0]]),
        np.array([2, 0, 2, 0, 7]),
    )
    assert s[4] == 0.0 and math.isclose(mean, float(s.sum()) / 5)


def test_questions_exist() -> None:
    for qid in QUESTIONS:
        assert (CODING / qid / "solution.py").is_file(), qid
    assert Path(__file__).name.endswith("k17_k24.py")
