"""Figures the bankk4a coding prompts state in prose, recomputed (issue 18).

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
    "warmup-cosine-schedule",
    "sigmoid-focal-loss",
    "label-smoothed-cross-entropy",
    "grad-accumulation-clipping",
    "multi-lora-forward",
    "repetition-penalty-sampling",
]


def _module(qid: str, name: str) -> ModuleType:
    folder = CODING / qid
    spec = importlib.util.spec_from_file_location(
        f"bankk4a_{name}_{qid}".replace("-", "_"), folder / f"{name}.py"
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
    else:  # token ids: an exact comparison
        assert "compared exactly" in text, text


# --- warmup-cosine-schedule -------------------------------------------------------------


def test_warmup_cosine_sizes() -> None:
    qid = "warmup-cosine-schedule"
    assert "*n* = 200,000 steps and `total_steps` = 1,000,000,000" in _text(qid)
    steps, base, min_lr, w, t = _case(qid, "largest stated size")
    assert steps.shape == (200_000,) and t == 1_000_000_000 and 0 < base <= 10
    for steps, base, min_lr, w, t in _generated(qid, 12):
        assert steps.shape[0] <= 200_000 and t <= 1_000_000_000
        assert 0 < base <= 10 and 0 <= min_lr <= base and 0 <= w <= t and t >= 1
        assert steps.min() >= 0


def test_warmup_cosine_generator_reaches_every_phase() -> None:
    """The random tests hit W = 0, W = T, steps past the end and both boundaries."""
    seen = {"no warm-up": False, "no decay": False, "past end": False, "at W": False}
    tests = _module("warmup-cosine-schedule", "tests")
    for seed in range(12):
        steps, _, _, w, t = tests.generate(np.random.default_rng(seed), 2000)
        seen["no warm-up"] |= w == 0
        seen["no decay"] |= w == t
        seen["past end"] |= bool(np.any(steps > t))
        seen["at W"] |= bool(np.any(steps == w))
    assert all(seen.values()), seen


def test_warmup_cosine_claims() -> None:
    qid = "warmup-cosine-schedule"
    prompt, answer = _text(qid), _text(qid, "answer.md")
    f = _module(qid, "solution").warmup_cosine_lr
    # "Step 8 is halfway through the decay (u = 4/8), so its rate is the midpoint"
    assert "Step 8 is halfway through the decay (*u* = 4/8)" in prompt
    assert (8 - 4) / (12 - 4) == 0.5
    assert math.isclose(f(np.array([8]), 0.1, 0.01, 4, 12)[0], (0.1 + 0.01) / 2, rel_tol=1e-12)
    # "Without warm-up, step 0 is already the peak."
    assert f(np.array([0]), 0.1, 0.0, 0, 10)[0] == 0.1
    # "Step W is the peak" and "Step 0 has learning rate 0"
    assert f(np.array([4, 0]), 0.1, 0.01, 4, 12).tolist() == [0.1, 0.0]
    # answer: dividing by T makes the rate jump down at the end of the warm-up and
    # never reach the floor
    assert "dividing by *T* makes the rate jump down" in answer
    w, t, base, floor = 4, 12, 0.1, 0.01
    over_t = [floor + 0.5 * (base - floor) * (1 + math.cos(math.pi * s / t)) for s in (w, t - 1)]
    assert over_t[0] < base - 0.01 and over_t[1] > floor + 1e-4
    # answer/hint: past T the cosine would rise again
    continued = floor + 0.5 * (base - floor) * (1 + math.cos(math.pi * (2 * t - w - w) / (t - w)))
    assert continued == pytest.approx(base)


# --- sigmoid-focal-loss -----------------------------------------------------------------


def test_focal_sizes() -> None:
    qid = "sigmoid-focal-loss"
    assert "*N* = 10,000 anchors and *C* = 80 classes (800,000 entries" in _text(qid)
    x, y, alpha, gamma = _case(qid, "largest stated size")
    assert x.shape == y.shape == (10_000, 80)
    for x, y, alpha, gamma in _generated(qid, 8):
        assert x.shape[0] <= 10_000 and x.shape[1] <= 80 and x.shape == y.shape
        assert np.abs(x).max() <= 1000 and 0 <= alpha <= 1 and 0 <= gamma <= 5


def test_focal_generator_reaches_the_edges() -> None:
    """Random tests hit no positives, all positives, |x| = 1000, int logits, gamma 0."""
    tests = _module("sigmoid-focal-loss", "tests")
    seen = {"no positive": False, "all positive": False, "1000": False, "int": False, "g0": False}
    for seed in range(30):
        x, y, _, gamma = tests.generate(np.random.default_rng(seed), 200)
        seen["no positive"] |= bool(y.sum() == 0)
        seen["all positive"] |= bool(y.all())
        seen["1000"] |= bool(np.any(np.abs(x) == 1000))
        seen["int"] |= x.dtype.kind == "i"
        seen["g0"] |= gamma == 0
    assert all(seen.values()), seen


def test_focal_claims() -> None:
    qid = "sigmoid-focal-loss"
    prompt, answer = _text(qid), _text(qid, "answer.md")
    f = _module(qid, "solution").sigmoid_focal_loss
    x = np.array([[2.0, -1.0, 0.5], [-3.0, 0.5, 1.0]])
    y = np.array([[1, 0, 0], [0, 0, 1]])
    # "The two positives make the normaliser 2."
    assert "The two positives make the normaliser 2" in prompt and int(y.sum()) == 2
    _, g2 = f(x, y, 0.25, 2.0)
    _, g0 = f(x, y, 0.25, 0.0)
    # "about 150 times smaller" for the easy negative at -3, "about 1.2" at 0.5
    assert "about 150 times smaller with *γ* = 2" in prompt
    assert round(float(g0[1, 0] / g2[1, 0]), -1) == 150
    assert "loses only a factor of about 1.2" in prompt
    assert x[0, 2] == 0.5 and y[0, 2] == 0 and round(float(g0[0, 2] / g2[0, 2]), 1) == 1.2
    assert "150 times for the negative at −3" in answer
    # answer: a probability clipped at 1e-7 gives about 16 instead of 1000
    assert "the $\\approx 16$ a probability clipped at $10^{-7}$ would give" in answer
    assert round(-math.log(1e-7)) == 16
    # gamma = 0 reduces the gradient to alpha_t (p - y) (answer), here with norm 2
    p = 1 / (1 + np.exp(-x))
    a = np.where(y == 1, 0.25, 0.75)
    assert np.allclose(g0, a * (p - y) / 2, rtol=1e-12, atol=1e-15)
    # the gradient is the derivative of the loss (finite differences)
    rng = np.random.default_rng(1)
    xs, ys = rng.normal(0, 2, size=(3, 4)), (rng.random((3, 4)) < 0.4).astype(int)
    for gamma in (0.0, 0.5, 2.0):
        _, grad = f(xs, ys, 0.3, gamma)
        h = 1e-6
        for idx in np.ndindex(xs.shape):
            up, down = xs.copy(), xs.copy()
            up[idx] += h
            down[idx] -= h
            num = (f(up, ys, 0.3, gamma)[0] - f(down, ys, 0.3, gamma)[0]) / (2 * h)
            assert abs(num - grad[idx]) < 1e-8


# --- label-smoothed-cross-entropy -------------------------------------------------------


def test_label_smoothing_sizes() -> None:
    qid = "label-smoothed-cross-entropy"
    assert "*N* = 512 positions and *K* = 4,096 classes (2 million logits" in _text(qid)
    z, t, eps, ignore = _case(qid, "largest stated size")
    assert z.shape == (512, 4096) and t.shape == (512,) and round(z.size / 1e6) == 2
    for z, t, eps, ignore in _generated(qid, 8):
        assert z.shape[0] <= 512 and 2 <= z.shape[1] <= 4096 and 0 <= eps < 1
        assert np.abs(z).max() <= 1000
        assert np.all((t == ignore) | ((t >= 0) & (t < z.shape[1])))


def test_label_smoothing_generator_reaches_the_edges() -> None:
    tests = _module("label-smoothed-cross-entropy", "tests")
    seen = {"class id": False, "negative": False, "all padding": False, "none": False}
    for seed in range(30):
        _, t, _, ignore = tests.generate(np.random.default_rng(seed), 64)
        seen["class id"] |= ignore >= 0 and bool(np.any(t == ignore))
        seen["negative"] |= ignore < 0 and bool(np.any(t == ignore))
        seen["all padding"] |= bool(np.all(t == ignore))
        seen["none"] |= not np.any(t == ignore)
    assert all(seen.values()), seen


def test_label_smoothing_claims() -> None:
    qid = "label-smoothed-cross-entropy"
    prompt = _text(qid)
    f = _module(qid, "solution").label_smoothed_cross_entropy
    # "The third position is padding, so the mean is over three positions."
    assert "The third position is padding, so the mean is over three positions" in prompt
    z = np.array([[2.0, 0.5, -1.0], [0.0, 3.0, 1.0], [1.0, 1.0, 1.0], [4.0, -2.0, 0.0]])
    y = np.array([0, 2, -100, 1])
    loss, _ = f(z, y, 0.1, -100)
    per = [f(z[i : i + 1], y[i : i + 1], 0.1, -100)[0] for i in (0, 1, 3)]
    assert math.isclose(loss, sum(per) / 3, rel_tol=1e-12)
    # "the loss is 100: ... log-probability of -2000 or -1000"
    assert "yet the loss is 100" in prompt and "of −2000 or −1000" in prompt
    big = np.array([[1000.0, -1000.0, 0.0]])
    log_p = big - big.max()
    assert log_p.tolist() == [[0.0, -2000.0, -1000.0]]
    assert math.isclose(-(0.1 / 3) * log_p.sum(), 100.0, rel_tol=1e-12)
    assert f(big, np.array([0]), 0.1, -100)[0] == pytest.approx(100.0, rel=1e-12)
    # answer: the smoothed target sums to 1 and the loss is minimal where p = q
    q = np.full(5, 0.1 / 5)
    q[2] += 0.9
    assert math.isclose(q.sum(), 1.0)
    zq = np.log(q)
    at_q = f(zq[None, :], np.array([2]), 0.1, -100)
    assert np.allclose(at_q[1], 0.0, atol=1e-15)
    for shift in (0.1, -0.3):
        moved = zq.copy()
        moved[2] += shift
        assert f(moved[None, :], np.array([2]), 0.1, -100)[0] > at_q[0]
    # the gradient is the derivative of the loss (finite differences)
    rng = np.random.default_rng(2)
    zs, ys = rng.normal(0, 2, size=(4, 5)), np.array([1, 0, 4, 0])
    _, grad = f(zs, ys, 0.2, 0)
    h = 1e-6
    for idx in np.ndindex(zs.shape):
        up, down = zs.copy(), zs.copy()
        up[idx] += h
        down[idx] -= h
        num = (f(up, ys, 0.2, 0)[0] - f(down, ys, 0.2, 0)[0]) / (2 * h)
        assert abs(num - grad[idx]) < 1e-8


# --- grad-accumulation-clipping ---------------------------------------------------------


def test_clipping_sizes() -> None:
    qid = "grad-accumulation-clipping"
    text = _text(qid)
    assert "*M* = 16 micro-batches, *P* = 64 parameters and 250,000 gradient entries" in text
    micro, sizes, _ = _case(qid, "largest stated size")
    assert len(micro) == len(sizes) == 16 and all(len(g) == 64 for g in micro)
    assert max(sum(a.size for a in g if a is not None) for g in micro) == 250_000
    for micro, sizes, max_norm in _generated(qid, 12):
        assert 1 <= len(micro) <= 16 and len({len(g) for g in micro}) == 1
        assert len(micro[0]) <= 64 and max_norm > 0 and min(sizes) >= 1
        assert max(sum(a.size for a in g if a is not None) for g in micro) <= 250_000


def test_clipping_generator_reaches_the_edges() -> None:
    tests = _module("grad-accumulation-clipping", "tests")
    solution = _module("grad-accumulation-clipping", "solution")
    seen = {"clipped": False, "not clipped": False, "all None": False, "some None": False}
    seen |= {"0-d": False, "empty": False, "float32": False, "unequal sizes": False}
    for seed in range(40):
        micro, sizes, max_norm = tests.generate(np.random.default_rng(seed), 64)
        _, norm = solution.accumulate_and_clip(micro, sizes, max_norm)
        seen["clipped"] |= norm > max_norm
        seen["not clipped"] |= norm < max_norm
        for j in range(len(micro[0])):
            column = [g[j] for g in micro]
            present = [a for a in column if a is not None]
            seen["all None"] |= not present
            seen["some None"] |= 0 < len(present) < len(column)
            seen["0-d"] |= any(a.ndim == 0 for a in present)
            seen["empty"] |= any(a.size == 0 and a.ndim > 0 for a in present)
            seen["float32"] |= any(a.dtype == np.float32 for a in present)
        seen["unequal sizes"] |= len(set(sizes)) > 1
    assert all(seen.values()), seen


def test_clipping_claims() -> None:
    qid = "grad-accumulation-clipping"
    prompt, answer = _text(qid), _text(qid, "answer.md")
    f = _module(qid, "solution").accumulate_and_clip
    micro = [[np.array([3.0, 4.0]), np.array([[1.0]]), None], [np.array([1.0, 0.0]), None, None]]
    assert "(3 · [3, 4] + 1 · [1, 0]) / 4 = [2.5, 3]" in prompt
    assert ((3 * np.array([3.0, 4.0]) + np.array([1.0, 0.0])) / 4).tolist() == [2.5, 3.0]
    assert "so it is 3 · 1 / 4 = 0.75, not 1" in prompt
    grads, norm = f(micro, [3, 1], 5.0)
    assert grads[1].tolist() == [[0.75]]
    assert "shrinks by the same factor 1 / 3.976..." in prompt and f"{norm:.3f}" == "3.976"
    clipped, norm_after = f(micro, [3, 1], 1.0)
    assert norm_after == norm
    assert np.allclose(clipped[0] * norm, grads[0], rtol=1e-14)
    assert np.allclose(clipped[1] * norm, grads[1], rtol=1e-14)
    # float32 keeps about seven significant digits (prompt and answer)
    assert "keeps only about seven significant digits" in prompt
    assert "a float32 running sum keeps about seven digits" in answer
    assert round(-math.log10(float(np.finfo(np.float32).eps))) == 7
    # answer: norm + 1e-6 shrinks every update by a relative 1e-6 / ||g||
    assert "a relative $10^{-6}/\\lVert g\\rVert$" in answer
    for g in (2.0, 50.0):
        assert math.isclose(1 - (1 / (g + 1e-6)) / (1 / g), 1e-6 / g, rel_tol=1e-6)


# --- multi-lora-forward -----------------------------------------------------------------


def test_lora_sizes() -> None:
    qid = "multi-lora-forward"
    text = _text(qid)
    assert "*N* = 2,048 rows, *d_in* = *d_out* = 512, 8 adapters and rank 64" in text
    x, weight, _, adapters, ids = _case(qid, "largest stated size")
    assert x.shape == (2048, 512) and weight.shape == (512, 512) and len(adapters) == 8
    assert max(a.shape[0] for a, _, _ in adapters) == 64 and ids.shape == (2048,)
    for x, weight, _, adapters, ids in _generated(qid, 8):
        assert x.shape[0] <= 2048 and x.shape[1] <= 512 and weight.shape[0] <= 512
        assert len(adapters) <= 8 and all(a.shape[0] <= 64 for a, _, _ in adapters)
        assert np.all((ids >= -1) & (ids < len(adapters)))


def test_lora_generator_reaches_the_edges() -> None:
    tests = _module("multi-lora-forward", "tests")
    seen = {"base rows": False, "no adapters": False, "unused": False, "no bias": False}
    seen |= {"int arrays": False, "int alpha not divisible": False, "unsorted": False}
    for seed in range(40):
        x, _, bias, adapters, ids = tests.generate(np.random.default_rng(seed), 64)
        seen["base rows"] |= bool(np.any(ids == -1)) and bool(adapters)
        seen["no adapters"] |= not adapters
        seen["unused"] |= any(not np.any(ids == k) for k in range(len(adapters)))
        seen["no bias"] |= bias is None
        seen["int arrays"] |= x.dtype.kind == "i"
        seen["int alpha not divisible"] |= any(
            isinstance(al, int) and al % a.shape[0] for a, _, al in adapters
        )
        seen["unsorted"] |= bool(np.any(np.diff(ids) < 0))
    assert all(seen.values()), seen


def test_lora_claims() -> None:
    qid = "multi-lora-forward"
    prompt, answer = _text(qid), _text(qid, "answer.md")
    f = _module(qid, "solution").lora_forward
    x = np.array([[1.0, 0.0, 2.0], [0.5, -1.0, 1.0], [2.0, 1.0, 0.0], [0.0, 1.0, 1.0]])
    w = np.array([[1.0, 0.0, -1.0], [0.5, 2.0, 0.0]])
    bias = np.array([0.1, -0.2])
    a1 = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
    b1 = np.array([[1.0, 0.0], [0.0, 0.5]])
    # "Adapter 1 has rank 2 and scale 4/2 = 2, so its merged weight is [[1, 2, -1], [1.5, 2, 1]]"
    assert "scale 4/2 = 2, so its merged weight is `[[1, 2, -1], [1.5, 2, 1]]`" in prompt
    merged = w + 4.0 / a1.shape[0] * (b1 @ a1)
    assert merged.tolist() == [[1.0, 2.0, -1.0], [1.5, 2.0, 1.0]]
    # "row 0 gives [1 - 2, 1.5 + 2] plus the bias"; "Row 1 uses the base layer."
    assert "row 0 gives `[1 - 2, 1.5 + 2]` plus the bias" in prompt
    assert (merged @ x[0]).tolist() == [1 - 2, 1.5 + 2]
    ad0 = (np.array([[1.0, 1.0, 0.0]]), np.array([[0.5], [-1.0]]), 2.0)
    y = f(x, w, bias, [ad0, (a1, b1, 4.0)], np.array([1, -1, 0, 1]))
    assert np.allclose(y[0], merged @ x[0] + bias) and np.allclose(y[1], w @ x[1] + bias)
    # merging one weight per row does "about 50 times more arithmetic" (prompt, answer)
    assert "about 50 times more arithmetic" in prompt and "about 50 times the work" in answer
    n, d, r = 2048, 512, 64
    assert round(n * d * d * r / (n * d * (d + 2 * r)), -1) == 50
    # the answer's identity and parameter count
    rng = np.random.default_rng(3)
    xs, ws = rng.normal(size=(5, 6)), rng.normal(size=(4, 6))
    a, b = rng.normal(size=(2, 6)), rng.normal(size=(4, 2))
    s = 3.0 / 2
    assert np.allclose(xs @ (ws + s * b @ a).T, xs @ ws.T + s * (xs @ a.T) @ b.T, atol=1e-12)
    assert "$r(d_{in} + d_{out})$ parameters against $d_{in} d_{out}$" in answer


# --- repetition-penalty-sampling --------------------------------------------------------


def test_sampling_sizes() -> None:
    qid = "repetition-penalty-sampling"
    text = _text(qid)
    assert "*B* = 64 sequences, *V* = 50,000 and 2,000 tokens per `generated` list" in text
    z, generated, _, _, uniforms = _case(qid, "largest stated size")
    assert z.shape == (64, 50_000) and uniforms.shape == (64,)
    assert max(len(g) for g in generated) == 2000
    for z, generated, temperature, penalty, uniforms in _generated(qid, 6):
        assert z.shape[0] <= 64 and z.shape[1] <= 50_000 and np.abs(z).max() <= 100
        assert all(len(g) <= 2000 for g in generated) and len(generated) == z.shape[0]
        assert temperature == 0 or 0.01 <= temperature <= 10
        assert penalty >= 1 and np.all((uniforms >= 0) & (uniforms < 1))


def test_sampling_uniforms_keep_the_promised_gap() -> None:
    """Every hidden and random draw is >= 1e-9 from every cumulative sum (prompt rule 3)."""
    tests = _module("repetition-penalty-sampling", "tests")
    args = [c["args"] for c in tests.CASES] + [
        tests.generate(np.random.default_rng(seed), size)
        for seed in range(12)
        for size in (1, 4, 16)
    ]
    checked = 0
    for z, generated, temperature, penalty, uniforms in args:
        if temperature == 0:
            continue
        for i in range(z.shape[0]):
            cdf = tests._cdf(z[i], generated[i], temperature, penalty)
            assert np.min(np.abs(cdf - uniforms[i])) >= 1e-9
            checked += 1
    assert checked > 50


def test_sampling_generator_reaches_the_edges() -> None:
    tests = _module("repetition-penalty-sampling", "tests")
    seen = {"greedy": False, "cold": False, "exact tie": False, "near tie": False}
    seen |= {"empty seen": False, "repeats": False, "negative seen": False}
    for seed in range(40):
        z, generated, temperature, penalty, _ = tests.generate(np.random.default_rng(seed), 16)
        seen["greedy"] |= temperature == 0
        seen["cold"] |= temperature == 0.01
        for i in range(z.shape[0]):
            top = np.sort(z[i])[::-1]
            if len(top) > 1:
                seen["exact tie"] |= bool(top[0] == top[1])
                seen["near tie"] |= bool(0 < top[0] - top[1] <= 1e-10)
            g = generated[i]
            seen["empty seen"] |= not g
            seen["repeats"] |= len(set(g)) < len(g)
            seen["negative seen"] |= any(z[i, t] < 0 for t in g) and penalty > 1
    assert all(seen.values()), seen


def test_sampling_claims() -> None:
    qid = "repetition-penalty-sampling"
    prompt, answer = _text(qid), _text(qid, "answer.md")
    z = np.array([[2.0, 1.0, -1.0, 0.5], [0.0, 3.0, 3.0, -2.0]])
    # "tokens 1 and 2 tie at 3.0 ... with it token 1 drops to 2.0"
    assert "tokens 1 and 2 tie at 3.0" in prompt and "token 1 drops to 2.0" in prompt
    assert z[1, 1] == z[1, 2] == 3.0 and 3.0 / 1.5 == 2.0
    # "token 0 keeps the lead after the penalty (2 / 1.5 ≈ 1.33)"
    assert "(2 / 1.5 ≈ 1.33)" in prompt and round(2 / 1.5, 2) == 1.33
    row = np.array([2 / 1.5, 1.0, -1.0, 0.5 / 1.5])
    assert int(np.argmax(row)) == 0
    # "probability about 0.53, so the draw 0.6 falls to token 1 (cumulative 0.85)"
    assert "probability about 0.53" in prompt and "(cumulative 0.85)" in prompt
    s = row / 0.7
    p = np.exp(s - s.max())
    p /= p.sum()
    assert round(float(p[0]), 2) == 0.53 and round(float(p[0] + p[1]), 2) == 0.85
    # answer: exp overflows above about 709; T = 0.01 and logits of 100 reach 1e4
    assert "overflows above about 709" in answer and "reach $10^4$" in answer
    assert 709 < math.log(np.finfo(float).max) < 710 and 100 / 0.01 == 1e4
    assert math.exp(709.0) < float("inf")
    with pytest.raises(OverflowError):
        math.exp(710.0)
    # answer: per occurrence, theta^3 for a token seen three times
    assert "($\\theta^3$ for a token seen three times)" in answer
