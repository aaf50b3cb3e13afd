"""Figures the K06-K16 coding prompts state in prose, recomputed (issue 18).

The doctest examples are checked by test_examples_are_computed.py; this file checks the
other numbers: the limits paragraph against question.toml, and the worked figures in
the sentences after each example.
"""

from __future__ import annotations

import importlib.util
import math
import re
import tomllib
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pytest

from mlprep.content import builtin_bank_root

CODING = builtin_bank_root() / "coding"
QUESTIONS = [
    "bpe-merges",
    "decision-tree-cart",
    "gradient-boosting-stumps",
    "gmm-em",
    "two-proportion-z-test",
]


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


def _num(x: object) -> str:
    return re.sub(r"e-0(\d)", r"e-\1", f"{x:g}")


@pytest.mark.parametrize("qid", QUESTIONS)
def test_limits_paragraph_matches_question_toml(qid: str) -> None:
    text, coding = _limits(qid)
    seconds = coding["time_limit_ms"] / 1000
    assert f"{seconds:g} seconds of CPU time" in text
    assert f"{coding['memory_limit_mb']} MB of memory" in text
    if coding.get("rtol", 1e-6) or coding.get("atol", 1e-9):
        assert f"rtol = {_num(coding['rtol'])}" in text and f"atol = {_num(coding['atol'])}" in text


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


def test_cart_prose() -> None:
    import numpy as np

    folder = CODING / "decision-tree-cart"
    ref = _module(folder, "solution")
    tests = _module(folder, "tests")
    X, y = tests._X, tests._Y
    root = ref._grow(X, y, 0, 1)
    assert root[:2] == (1, 1.5) and root[2] == 1  # feature 1 at 1.5, pure left child
    right = y[X[:, 1] > 1.5]
    assert sorted(right.tolist()) == [0, 0, 2, 2] and root[3] == 0
    assert ref._grow(X, y, 0, 2)[3][:2] == (0, 5.5)
    assert tests._T[-1].tolist() == [5.5, 1.5]
    # two weighted Ginis of a node with s <= n rows are fractions whose difference has a
    # denominator of at most n * (n / 2) ** 4, so distinct scores differ by > 1e-12 at n = 300
    assert 1 / (300 * 150**4) > ref.TIE == 1e-12
    # the float tie case: the two scores are the same fraction but not the same float
    tie = tests._float_tie()
    scores = []
    for f in (0, 1):
        left = tie[0][:, f] <= 0.5
        g = [
            1 - sum((np.sum(part == c) / len(part)) ** 2 for c in (-3, 7))
            for part in (tie[1][left], tie[1][~left])
        ]
        scores.append((left.sum() * g[0] + (~left).sum() * g[1]) / len(left))
    assert scores[0] != scores[1] and abs(scores[0] - scores[1]) < 1e-12
    X_big, _, X_test_big, depth = next(
        c["args"] for c in tests.CASES if c["name"] == "largest stated size"
    )
    assert X_big.shape == (300, 6) and X_test_big.shape[0] <= 600 and depth == 6


def test_boosting_prose() -> None:
    import numpy as np

    folder = CODING / "gradient-boosting-stumps"
    ref = _module(folder, "solution")
    tests = _module(folder, "tests")
    X, y, X_test = tests._X, tests._Y, tests._T
    assert y.mean() == 3
    orders = [np.argsort(X[:, f], kind="stable") for f in range(2)]
    f, t, left, right = ref._fit_stump(X, y - y.mean(), orders)
    assert (f, t, left, right) == (0, 4.5, -0.75, 3.0)
    assert X_test[1, 0] == t
    after_one = ref.gradient_boosting_stumps(X, y, 1, 0.5, X_test)
    assert after_one[1] == 3 - 0.375
    # the float tie: the same exact SSE, 107/4, scored differently by the two features
    Xt, yt = tests._float_tie()[:2]
    r = yt - yt.mean()
    sses = []
    for g in (0, 1):
        side = Xt[:, g] <= 0.5
        sses.append(sum(((r[m] - r[m].mean()) ** 2).sum() for m in (side, ~side)))
    assert abs(sses[0] - 26.75) < 1e-12 and abs(sses[1] - 26.75) < 1e-12
    Xb, _, rounds, _, Xtb = next(
        c["args"] for c in tests.CASES if c["name"] == "largest stated size"
    )
    assert Xb.shape == (500, 5) and rounds == 50 and Xtb.shape == (500, 5)


def test_gmm_prose() -> None:
    import numpy as np

    folder = CODING / "gmm-em"
    tests = _module(folder, "tests")
    X = tests._FAR[0]
    means, covs = tests._FAR[2], tests._FAR[3]
    # "thousands of standard deviations": the far point's log-densities underflow as densities
    for mean, cov in zip(means, covs, strict=True):
        z = np.linalg.solve(np.linalg.cholesky(cov), X[-1] - mean)
        assert np.sqrt(z @ z) > 1000
        assert np.exp(-0.5 * (z @ z)) == 0.0
    # the largest case matches the stated sizes, and every case keeps the stated promise
    largest = next(c["args"] for c in tests.CASES if c["name"] == "largest stated size")
    assert largest[0].shape == (1000, 4) and len(largest[1]) == 5 and largest[5] == 25
    for case in tests.CASES:
        assert tests._reference_is_tame(case["args"]), case["name"]


def test_z_test_prose() -> None:
    folder = CODING / "two-proportion-z-test"
    ref = _module(folder, "solution").two_proportion_z_test
    z, p = ref(200, 10000, 250, 10000, "two-sided")
    assert 200 / 10000 == 0.02 and 250 / 10000 == 0.025 and p < 0.05
    notes = {c["name"]: (c["args"], c["note"]) for c in _module(folder, "tests").CASES}
    args, note = notes["far tail, two-sided"]
    z, p = ref(*args)
    assert round(z) == 18 and 1e-76 < p < 1e-74 and "1e-75" in note
    assert 1 - 0.5 * (1 + math.erf(z / math.sqrt(2))) == 0.0
    args, note = notes["far tail, one-sided"]
    z, p = ref(*args)
    assert round(z, 1) == 5.8 and 2.5e-9 < p < 3.5e-9 and "3e-9" in note
    args, _ = notes["largest stated size"]
    assert args[1] == args[3] == 10**9 and args[2] * args[1] > 2**53


def test_sample_size_prose() -> None:
    from statistics import NormalDist

    folder = CODING / "ab-test-sample-size"
    ref = _module(folder, "solution").ab_test_sample_size
    assert round(NormalDist().inv_cdf(0.975), 2) == 1.96
    assert round(NormalDist().inv_cdf(0.8), 2) == 0.84
    n = ref(0.10, 0.12, 0.05, 0.8, "two-sided")
    assert n == 3841 and 2 * n == 7682
    # halving the lift roughly quadruples n
    ratio = ref(0.10, 0.11, 0.05, 0.8, "two-sided") / n
    assert 3.5 < ratio < 4.5
    tests = _module(folder, "tests")
    answers = [ref(*c["args"]) for c in tests.CASES]
    largest = next(c["args"] for c in tests.CASES if c["name"] == "largest stated size")
    assert max(answers) == ref(*largest) and round(ref(*largest) / 1e8, 1) == 1.6
    rare = next(c["args"] for c in tests.CASES if c["name"] == "rare events, tiny lift")
    assert ref(*rare) > 10**6
    below_half = next(c["args"] for c in tests.CASES if c["name"].startswith("rounds up"))
    assert 0 < tests._unrounded(*below_half) % 1 < 0.5


def test_permutation_test_prose() -> None:
    import numpy as np

    folder = CODING / "permutation-test"
    ref = _module(folder, "solution")
    tests = _module(folder, "tests")
    a, b, perms = tests._A, tests._B, tests._EXAMPLE_PERMS
    pooled = np.concatenate([a, b])
    observed = a.mean() - b.mean()
    stats = [pooled[p[:4]].mean() - pooled[p[4:]].mean() for p in perms]
    assert stats[0] == observed and (perms[0] == np.arange(7)).all()
    extreme = sum(abs(t) >= abs(observed) - ref.TIE for t in stats)
    assert extreme == 2 and ref.permutation_test(a, b, perms)[1] == (1 + 2) / (1 + 4)
    # two-decimal values and n_a + n_b <= 1000: distinct statistics are multiples of
    # 1 / (100 n_a n_b) >= 1 / (100 * 500 * 500) apart, far above the 1e-9 allowance
    assert ref.TIE * 10 < 1 / (100 * 500 * 500)
    # the float-only tie: reordering group B changes the float statistic
    fa, fb, fperms = tests._float_tie()
    fpooled = np.concatenate([fa, fb])
    fobs = abs(fa.mean() - fb.mean())
    reordered = [abs(fpooled[p[:4]].mean() - fpooled[p[4:]].mean()) for p in fperms[2:]]
    assert all(0 < fobs - t < 1e-12 for t in reordered)
    largest = tests._largest()
    assert len(largest[0]) + len(largest[1]) == 1000 and largest[2].shape == (5000, 1000)


def test_map_mrr_prose() -> None:
    from fractions import Fraction

    folder = CODING / "map-mrr-at-k"
    ref = _module(folder, "solution")
    tests = _module(folder, "tests")
    rankings, relevant = tests._R, tests._REL
    ap1, rr1 = ref._ap_rr(rankings[0], set(relevant[0]), 3)
    assert abs(ap1 - (1 + 2 / 3) / 3) < 1e-15 and Fraction(5, 9) == (1 + Fraction(2, 3)) / 3
    assert rr1 == 1.0
    assert ref._ap_rr(rankings[1], set(relevant[1]), 3) == (1 / 3, 1 / 3)
    assert ref._ap_rr(rankings[2], set(relevant[2]), 3) == (0.0, 0.0)
    assert (Fraction(5, 9) + Fraction(1, 3)) / 3 == Fraction(8, 27)
    assert (1 + Fraction(1, 3)) / 3 == Fraction(4, 9)
    got = ref.map_mrr_at_k(rankings, relevant, 3)
    assert abs(got[0] - 8 / 27) < 1e-15 and abs(got[1] - 4 / 9) < 1e-15
    rankings, relevant, k = tests._largest()
    assert len(rankings) == 2000 and max(map(len, rankings)) == 1000
    assert max(map(len, relevant)) == 1000 and k == 1000
