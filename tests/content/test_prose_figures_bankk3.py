"""Figures the bankk3 coding prompts state in prose, recomputed (issue 18).

The doctest examples are checked by test_examples_are_computed.py; this file checks the
rest: the limits paragraph against question.toml, the largest hidden inputs and the
random generators against the stated maximum sizes, and the worked claims in the
sentences after each example and in the hints and answers.
"""

from __future__ import annotations

import importlib.util
import math
import re
import tomllib
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from mlprep.content import builtin_bank_root

CODING = builtin_bank_root() / "coding"
QUESTIONS = [
    "expected-calibration-error",
    "population-stability-index",
    "ks-two-sample",
    "cuped-adjustment",
    "layer-norm-backward",
    "kv-cache-decode-step",
    "info-nce-loss",
    "average-precision",
    "hash-bucket-assignment",
    "inverted-dropout",
    "count-min-sketch",
    "ipw-treatment-effect",
    "time-series-backtest-splits",
]


def _module(qid: str, name: str) -> ModuleType:
    folder = CODING / qid
    spec = importlib.util.spec_from_file_location(
        f"bankk3_{name}_{qid}".replace("-", "_"), folder / f"{name}.py"
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


def _tol(x: float) -> str:
    """1e-09 -> 1e-9, as the prompts write it."""
    return re.sub(r"e([+-])0*(\d)", r"e\1\2", f"{x:g}").replace("e+", "e")


def _case(qid: str, name: str) -> tuple[Any, ...]:
    cases = {c["name"]: c for c in _module(qid, "tests").CASES}
    args: tuple[Any, ...] = cases[name]["args"]
    return args


def _generated(qid: str, seeds: int = 3) -> list[tuple[Any, ...]]:
    tests, size = _module(qid, "tests"), max(_coding(qid)["random_sizes"])
    return [tests.generate(np.random.default_rng(seed), size) for seed in range(seeds)]


@pytest.mark.parametrize("qid", QUESTIONS)
def test_limits_paragraph_matches_question_toml(qid: str) -> None:
    match = re.search(r"\*\*Limits\.\*\*(.*?)\*\*Example\*\*", _text(qid))
    assert match, f"{qid}: no **Limits.** paragraph"
    text, coding = match.group(1), _coding(qid)
    assert f"{coding['time_limit_ms'] / 1000:g} seconds of CPU time" in text
    assert f"{coding['memory_limit_mb']} MB of memory" in text
    if "rtol" in coding:
        assert f"rtol = {_tol(coding['rtol'])}" in text, text
        assert f"atol = {_tol(coding['atol'])}" in text, text
    else:  # exact comparison of strings or ints
        assert "compared exactly" in text, text


# --- the largest hidden input is the stated maximum; generators stay within it ---------


def test_ece_sizes() -> None:
    assert "*n* = 20,000 rows, *C* = 10 classes and `n_bins` = 20" in _text(
        "expected-calibration-error"
    )
    probs, labels, n_bins = _case("expected-calibration-error", "largest stated size")
    assert probs.shape == (20_000, 10) and labels.shape == (20_000,) and n_bins == 20
    for p, _, b in _generated("expected-calibration-error"):
        assert p.shape[0] <= 20_000 and p.shape[1] <= 10 and b <= 20


def test_ece_edges_only_where_exact() -> None:
    """Confidences on an inner edge only for power-of-two bin counts; else >= 1e-9 away."""
    tests = _module("expected-calibration-error", "tests")
    cases = [c["args"] for c in tests.CASES] + _generated("expected-calibration-error", 12)
    for probs, _, m in cases:
        if len(probs) == 0:
            continue
        conf = np.asarray(probs, dtype=float).max(axis=1)
        gap = np.abs(conf[:, None] * m - np.arange(1, m)[None, :]) / m  # inner edges
        if gap.size == 0:
            continue
        if m & (m - 1):  # not a power of two
            assert gap.min() >= 1e-9 * 0.999
        else:
            on_edge = gap < 1e-12
            assert np.all(gap[on_edge] == 0.0)


def test_psi_sizes() -> None:
    assert "*n* = *m* = 50,000 values and `n_bins` = 20" in _text("population-stability-index")
    e, a, b = _case("population-stability-index", "largest stated size")
    assert len(e) == len(a) == 50_000 and b == 20
    for e, a, b in _generated("population-stability-index", 8):
        assert len(e) <= 50_000 and len(a) <= 50_000 and 1 <= b <= 20


def test_ks_sizes() -> None:
    assert "*n* = *m* = 50,000 values" in _text("ks-two-sample")
    a, b = _case("ks-two-sample", "largest stated size")
    assert len(a) == len(b) == 50_000
    for a, b in _generated("ks-two-sample", 8):
        assert len(a) <= 50_000 and len(b) <= 50_000


def test_cuped_sizes() -> None:
    assert "*n* = 50,000 users" in _text("cuped-adjustment")
    y, x, g = _case("cuped-adjustment", "largest stated size")
    assert len(y) == len(x) == len(g) == 50_000
    for y, _x, g in _generated("cuped-adjustment", 8):
        assert len(y) <= 50_000 and min(np.sum(g == 0), np.sum(g == 1)) >= 2


# --- worked claims in the prose ---------------------------------------------------------


def test_ece_example_bins() -> None:
    text = _text("expected-calibration-error")
    assert "the first four rows share the upper bin and the last row, a tie, sits alone" in text
    assert "With eight bins every row sits alone in its bin" in text
    probs = np.array([[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.4, 0.6], [0.5, 0.5]])
    conf = probs.max(axis=1)
    two = np.clip(np.ceil(conf * 2).astype(int) - 1, 0, 1)
    assert list(two) == [1, 1, 1, 1, 0]
    eight = np.clip(np.ceil(conf * 8).astype(int) - 1, 0, 7)
    assert len(set(eight)) == 5 and eight[-1] == 3 and conf[-1] == 4 / 8  # on the edge
    assert int(np.argmax(probs[-1])) == 0


def test_psi_example_edges() -> None:
    text = _text("population-stability-index")
    assert "the edges are the 3rd, 5th and 8th smallest reference values" in text
    n, b = 10, 4
    assert [(i * n + b - 1) // b for i in range(1, b)] == [3, 5, 8]
    # "moved just past it, they land in a bin that holds less of the reference"
    e = np.sort(np.array([1.0, 2.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]))
    first, second = np.sum(e <= 2.0), np.sum((e > 2.0) & (e <= 4.0))
    assert second < first


def test_psi_float_rank_pitfall_in_tests() -> None:
    """The answer says a float level i / B times n can land one rank too high."""
    assert "can land one rank too high" in _text("population-stability-index", "answer.md")
    assert math.ceil(9 / 14 * 42) == 28 and (9 * 42 + 13) // 14 == 27
    assert math.ceil(7 / 12 * 108) == 64 and (7 * 108 + 11) // 12 == 63


def test_ks_gap_location_and_tie_trap() -> None:
    text = _text("ks-two-sample")
    assert "The largest gap is at *x* = 2" in text
    a = np.sort(np.array([1.0, 2.0, 2.0, 3.0, 5.0]))
    b = np.sort(np.array([2.0, 3.0, 3.0, 4.0, 6.0, 7.0]))
    pts = np.unique(np.r_[a, b])
    gaps = np.abs(np.searchsorted(a, pts, "right") / 5 - np.searchsorted(b, pts, "right") / 6)
    assert pts[int(np.argmax(gaps))] == 2.0
    # one copy at a time: after the first 2 of a but before the 2 of b, the gap is larger
    assert abs(3 / 5 - 0 / 6) > gaps.max()


def test_ks_series_is_one_below_lambda_02() -> None:
    """Prompt and answer: below lambda = 0.2 the Kolmogorov tail equals 1 to 12 digits."""
    assert "to 12 digits" in _text("ks-two-sample")
    assert "to within $10^{-12}$" in _text("ks-two-sample", "answer.md")
    for lam in (0.05, 0.1, 0.15, 0.2):
        # Jacobi's dual form of the CDF converges fast for small lambda
        cdf = (
            math.sqrt(2 * math.pi)
            / lam
            * sum(math.exp(-((2 * k - 1) ** 2) * math.pi**2 / (8 * lam**2)) for k in range(1, 50))
        )
        assert cdf < 1e-12
    # and a hundred terms are plenty at 0.2: the last term is negligible
    assert math.exp(-2 * 100**2 * 0.2**2) < 1e-300


def test_cuped_claims() -> None:
    hints = _text("cuped-adjustment", "hints.md")
    assert "`np.var` of seven copies of 0.1 is not exactly 0" in hints
    assert float(np.var(np.full(7, 0.1))) != 0.0
    # hint and answer: the variance reduction equals the squared correlation
    assert "equals the squared correlation" in hints
    solution = _module("cuped-adjustment", "solution")
    rng = np.random.default_rng(3)
    x = rng.normal(size=500)
    y = 0.6 * x + rng.normal(size=500)
    g = np.arange(500) % 2
    _, _, _, reduction = solution.cuped_effect(y, x, g)
    assert math.isclose(reduction, float(np.corrcoef(x, y)[0, 1] ** 2), rel_tol=1e-9)
    # the example: the raw difference is large, the adjusted one is not
    xe = np.array([10.0, 12.0, 8.0, 15.0, 9.0, 11.0, 14.0, 7.0])
    ye = np.array([11.0, 14.0, 8.0, 17.0, 10.0, 13.0, 15.0, 9.0])
    ge = np.array([0, 1, 0, 1, 1, 0, 1, 0])
    assert xe[ge == 1].mean() > xe[ge == 0].mean()  # "bigger spenders before the test"
    raw = solution.cuped_effect(ye, np.zeros(8), ge)
    adjusted = solution.cuped_effect(ye, xe, ge)
    assert abs(adjusted[1]) < abs(raw[1]) / 10 and adjusted[2] < raw[2]


def test_layer_norm_backward_sizes() -> None:
    assert "*N* = 256 and *D* = 512" in _text("layer-norm-backward")
    x, gamma, dout, _ = _case("layer-norm-backward", "largest stated size")
    assert x.shape == dout.shape == (256, 512) and gamma.shape == (512,)
    for x, _, _, _ in _generated("layer-norm-backward", 8):
        assert x.shape[0] <= 256 and x.shape[1] <= 512


def test_layer_norm_backward_claims() -> None:
    answer = _text("layer-norm-backward", "answer.md")
    assert "a rounding error near $10^{-4}$" in answer
    assert "a hundred times larger than the tolerance" in answer
    spacing = float(np.spacing(1e12))
    rtol = _coding("layer-norm-backward")["rtol"]
    assert 1e-4 <= spacing < 2e-4 and round(spacing / rtol, -2) == 100
    # "dx is orthogonal to xhat (up to eps)" and rows of dx sum to zero
    assert "orthogonal to $\\hat x$" in answer
    solution = _module("layer-norm-backward", "solution")
    rng = np.random.default_rng(4)
    x, gamma, dout = rng.normal(size=(5, 16)), rng.normal(size=16), rng.normal(size=(5, 16))
    for eps in (1e-5, 1e-2):
        dx, _, _ = solution.layer_norm_backward(x, gamma, dout, eps)
        xc = x - x.mean(axis=1, keepdims=True)
        xhat = xc / np.sqrt((xc**2).mean(axis=1, keepdims=True) + eps)
        assert np.allclose(dx.sum(axis=1), 0.0, atol=1e-12)
        assert np.all(np.abs((dx * xhat).sum(axis=1)) < 10 * eps * np.abs(dout).sum())


def test_kv_cache_sizes() -> None:
    assert "*t* = 2048 cached positions and `d_model` = 128 with up to 16 heads" in _text(
        "kv-cache-decode-step"
    )
    x, _, _, _, k, v, heads, _ = _case("kv-cache-decode-step", "largest stated size")
    assert x.shape == (128,) and k.shape == v.shape == (16, 2048, 8) and heads == 16
    for x, _, _, _, k, _, heads, _ in _generated("kv-cache-decode-step", 8):
        assert k.shape[1] <= 2048 and x.shape[0] <= 128 and heads <= 16


def test_kv_cache_reproduces_causal_attention() -> None:
    """The answer: one token at a time without a window reproduces causal attention."""
    assert "reproduces causal multi-head attention" in _text("kv-cache-decode-step", "answer.md")
    step = _module("kv-cache-decode-step", "solution").decode_step
    full = _module("multi-head-attention", "solution").multi_head_attention
    rng = np.random.default_rng(8)
    t, d_model, heads = 7, 8, 2
    x = rng.normal(size=(t, d_model))
    w_q, w_k, w_v = (rng.normal(size=(d_model, d_model)) for _ in range(3))
    k = v = np.zeros((heads, 0, d_model // heads))
    rows = []
    for i in range(t):
        out, k, v = step(x[i], w_q, w_k, w_v, k, v, heads, None)
        rows.append(out)
    expected = full(x, w_q, w_k, w_v, np.eye(d_model), heads, True)
    assert np.allclose(np.array(rows), expected, rtol=1e-9, atol=1e-12)


def test_info_nce_sizes() -> None:
    assert "*B* = 256 and *d* = 64" in _text("info-nce-loss")
    q, k, _ = _case("info-nce-loss", "largest stated size")
    assert q.shape == k.shape == (256, 64)
    for q, k, tau in _generated("info-nce-loss", 8):
        assert q.shape[0] <= 256 and q.shape[1] <= 64 and tau >= 0.001
        assert np.all(np.abs(q).sum(axis=1) > 0) and np.all(np.abs(k).sum(axis=1) > 0)


def test_info_nce_claims() -> None:
    prompt, answer = _text("info-nce-loss"), _text("info-nce-loss", "answer.md")
    info_nce = _module("info-nce-loss", "solution").info_nce
    q = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]])
    k = np.array([[2.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    # "Each gradient row is orthogonal to its query"
    assert "Each gradient row is orthogonal to its query" in prompt
    for tau in (0.5, 0.05):
        _, grad = info_nce(q, k, tau)
        assert np.allclose((grad * q).sum(axis=1), 0.0, atol=1e-12)
    # "The second and third queries are each closest to the other's key"
    assert "The second and third queries are each closest to the other's key" in prompt
    qn = q / np.linalg.norm(q, axis=1, keepdims=True)
    kn = k / np.linalg.norm(k, axis=1, keepdims=True)
    cos = qn @ kn.T
    assert int(np.argmax(cos[1])) == 2 and int(np.argmax(cos[2])) == 1
    assert info_nce(q, k, 0.05)[0] > info_nce(q, k, 0.5)[0]
    # "with *d* = 1 the gradient is exactly zero"
    assert "with *d* = 1 the gradient is exactly zero" in answer
    _, g1 = info_nce(np.array([[2.0], [-0.5], [1.0]]), np.array([[1.0], [-3.0], [-1.0]]), 0.2)
    assert np.all(g1 == 0.0)
    # duplicates: "its loss cannot fall below $\\ln 2$"
    assert "cannot fall below $\\ln 2$" in answer
    rng = np.random.default_rng(2)
    keys = rng.normal(size=(4, 3))
    keys[1] = keys[0]
    for scale in (1.0, 100.0):
        queries = keys * scale
        logits = (queries / np.linalg.norm(queries, axis=1, keepdims=True)) @ (
            keys / np.linalg.norm(keys, axis=1, keepdims=True)
        ).T
        for tau in (1.0, 0.01):
            z = logits / tau
            lse = z.max(axis=1) + np.log(np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1))
            assert np.all(lse[:2] - np.diag(z)[:2] >= math.log(2) - 1e-12)


def test_average_precision_sizes() -> None:
    assert "*n* = 200,000 items" in _text("average-precision")
    y, s = _case("average-precision", "largest stated size")
    assert len(y) == len(s) == 200_000
    for y, _ in _generated("average-precision", 8):
        assert len(y) <= 200_000


def test_average_precision_claims() -> None:
    prompt = _text("average-precision")
    ap = _module("average-precision", "solution").average_precision
    labels = np.array([1, 0, 1, 1, 0, 0, 1, 0])
    scores = np.array([0.9, 0.8, 0.8, 0.6, 0.5, 0.3, 0.3, 0.1])
    assert "Two pairs of items are tied" in prompt
    values, counts = np.unique(scores, return_counts=True)
    assert sorted(counts.tolist())[-2:] == [2, 2] and counts.max() == 2
    for v in values[counts == 2]:  # each tie holds one positive and one negative
        assert sorted(labels[scores == v].tolist()) == [0, 1]
    # "AP is the share of positives" when every score is equal
    assert "AP is the share of positives" in prompt
    rng = np.random.default_rng(5)
    for _ in range(5):
        y = rng.integers(0, 2, 40)
        if y.sum():
            assert math.isclose(ap(y, np.full(40, 0.3)), y.mean(), rel_tol=1e-12)


def test_hash_bucket_sizes() -> None:
    assert "at most 50,000 user ids" in _text("hash-bucket-assignment")
    ids, _, _ = _case("hash-bucket-assignment", "largest stated size")
    assert len(ids) == 50_000
    for ids, _, allocation in _generated("hash-bucket-assignment", 8):
        assert len(ids) <= 50_000 and sum(bp for _, bp in allocation) == 10_000


def test_hash_bucket_claims() -> None:
    prompt, answer = _text("hash-bucket-assignment"), _text("hash-bucket-assignment", "answer.md")
    assign = _module("hash-bucket-assignment", "solution").assign_variants
    # "Ramping the treatment from 10% to 20% only moves users into it; nobody leaves it."
    assert "Ramping the treatment from 10% to 20% only moves users into it" in prompt
    users = [f"user-{i}" for i in range(3000)]
    ten = assign(users, "checkout-v2", [("control", 9000), ("treatment", 1000)])
    twenty = assign(users, "checkout-v2", [("control", 8000), ("treatment", 2000)])
    assert all(b == "treatment" for a, b in zip(ten, twenty, strict=True) if a == "treatment")
    assert 0.08 < ten.count("treatment") / 3000 < 0.12
    assert 0.18 < twenty.count("treatment") / 3000 < 0.22
    # the boundary case: u2 sits in bucket 8295, printed in the example
    assert "8295" in prompt
    # "a bias of order $10^4/2^{64}$": the modulo leaves 2^64 mod 10^4 buckets one count short
    assert "a bias of order $10^4/2^{64}$" in answer
    assert 2**64 % 10_000 < 10_000 and 10_000 / 2**64 < 1e-15


def test_dropout_sizes() -> None:
    assert "at most 1,000,000 entries" in _text("inverted-dropout")
    x, dout, _, _, _ = _case("inverted-dropout", "largest stated size")
    assert x.size == dout.size == 1_000_000
    for x, dout, p, _, _ in _generated("inverted-dropout", 8):
        assert x.size <= 1_000_000 and x.shape == dout.shape and 0 <= p < 1


def test_dropout_claims() -> None:
    prompt, answer = _text("inverted-dropout"), _text("inverted-dropout", "answer.md")
    # "The two draws below 0.5 drop their units"
    assert "The two draws below 0.5 drop their units" in prompt
    assert int((np.random.default_rng(7).random((2, 3)) < 0.5).sum()) == 2
    # one call over the full shape equals random(x.size).reshape(x.shape)
    assert "also what `random(x.size).reshape(x.shape)` gives" in answer
    shape = (3, 4, 5)
    a = np.random.default_rng(9).random(shape)
    b = np.random.default_rng(9).random(int(np.prod(shape))).reshape(shape)
    assert np.array_equal(a, b)
    # the transpose or the u < 1 - p rule keep other units
    t = np.random.default_rng(9).random((5, 3)).T >= 0.3
    assert not np.array_equal(np.random.default_rng(9).random((3, 5)) >= 0.3, t)
    u = np.random.default_rng(9).random(1000)
    assert not np.array_equal(u >= 0.3, u < 0.7)


def test_count_min_sizes() -> None:
    text = _text("count-min-sketch")
    assert "at most 50,000 stream items, 10,000 queries, `width` = 10,000 and *d* = 8 rows" in text
    for name in ("largest stated size, standard", "largest stated size, conservative"):
        stream, queries, width, params, _ = _case("count-min-sketch", name)
        assert len(stream) == 50_000 and len(queries) == 10_000
        assert width == 10_000 and len(params) == 8
    for stream, queries, width, params, _ in _generated("count-min-sketch", 8):
        assert len(stream) <= 50_000 and len(queries) <= 10_000
        assert width <= 10_000 and 1 <= len(params) <= 8
        assert all(0 <= x < 2**31 - 1 for x in stream + queries)


def test_count_min_claims() -> None:
    prompt, answer = _text("count-min-sketch"), _text("count-min-sketch", "answer.md")
    sketch = _module("count-min-sketch", "solution").count_min_sketch
    assert "can reach about $2^{62}$" in prompt
    assert (2**31 - 2) ** 2 < 2**62 < 2**63
    # "the conservative update overestimates less, here recovering the count of item 3 exactly"
    assert "recovering the count of item 3 exactly" in prompt
    stream = [3, 7, 3, 11, 3, 7, 20, 15, 4, 11]
    params = [(1107318097, 910631), (629511124, 399253)]
    assert sketch(stream, [3], 4, params, True) == [stream.count(3)]
    assert sketch(stream, [3], 4, params, False)[0] > stream.count(3)
    # never under, conservative never above standard, on random streams
    rng = np.random.default_rng(6)
    for _ in range(20):
        s = [int(v) for v in rng.integers(0, 300, 500)]
        q = list(range(300))
        p = [(int(rng.integers(1, 2**31 - 1)), int(rng.integers(0, 2**31 - 1))) for _ in range(3)]
        std, cons = sketch(s, q, 32, p, False), sketch(s, q, 32, p, True)
        truth = [s.count(v) for v in q]
        assert all(t <= c <= d for t, c, d in zip(truth, cons, std, strict=True))
    # "Raising to max(c, e + 1) is the same as incrementing exactly the counters that equal
    # the minimum": counters are never below e, so max(c, e + 1) differs from c only at c == e
    assert "incrementing exactly the counters that equal the minimum" in answer


def test_ipw_sizes() -> None:
    assert "*n* = 100,000 units" in _text("ipw-treatment-effect")
    y, t, e, _ = _case("ipw-treatment-effect", "largest stated size")
    assert len(y) == len(t) == len(e) == 100_000
    for y, t, e, clip in _generated("ipw-treatment-effect", 8):
        assert len(y) <= 100_000 and 0 <= clip < 0.5
        clipped = np.clip(e, clip, 1 - clip)
        assert np.all(clipped[t == 1] > 0) and np.all(clipped[t == 0] < 1)
        assert (t == 1).any() and (t == 0).any()


def test_ipw_claims() -> None:
    prompt, hints = _text("ipw-treatment-effect"), _text("ipw-treatment-effect", "hints.md")
    ipw = _module("ipw-treatment-effect", "solution").ipw_ate
    # "One treated customer had a 2% chance ... a weight of 50"
    assert "One treated customer had a 2% chance" in prompt and "a weight of 50" in prompt
    e = np.array([0.8, 0.6, 0.5, 0.2, 0.02, 0.3])
    t = np.array([1, 0, 1, 0, 1, 0])
    assert int((t == 1).sum() and (e[t == 1] == 0.02).sum()) == 1
    assert math.isclose(1 / 0.02, 50)
    # "with all propensities 0.5 it reduces to the plain difference in means"
    assert "with all propensities 0.5 it reduces to the plain difference in means" in hints
    y = np.array([4.0, 6.0, 5.0, 1.0, 2.0, 3.0, 9.0])
    g = np.array([1, 1, 1, 0, 0, 0, 1])
    _, hajek = ipw(y, g, np.full(7, 0.5), 0.0)
    assert math.isclose(hajek, float(y[g == 1].mean() - y[g == 0].mean()), rel_tol=1e-12)


def test_backtest_sizes() -> None:
    assert "at most *n* = 20,000 rows and produce at most 50 folds" in _text(
        "time-series-backtest-splits"
    )
    splits = _module("time-series-backtest-splits", "solution").backtest_splits
    args = _case("time-series-backtest-splits", "largest stated size")
    assert args[0] == 20_000 and len(splits(*args)) == 50
    for args in _generated("time-series-backtest-splits", 20):
        assert args[0] <= 20_000 and len(splits(*args)) <= 50


def test_backtest_claims() -> None:
    prompt = _text("time-series-backtest-splits")
    splits = _module("time-series-backtest-splits", "solution").backtest_splits
    # "a third fold would test rows 12 and 13, past the end ... row 11 is never tested"
    assert "a third fold would test rows 12 and 13, past the end" in prompt
    assert "row 11 is never tested" in prompt
    folds = splits(12, 5, 2, 3, 1, True)
    assert len(folds) == 2 and 5 + 2 * 3 + 1 == 12
    assert all(11 not in test for _, test in folds)
