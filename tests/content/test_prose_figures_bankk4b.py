"""Figures the bankk4b coding prompts, hints and answers state in prose, recomputed (issue 18).

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
        f"bankk4b_{name}_{qid}".replace("-", "_"), folder / f"{name}.py"
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


# --- welch-t-test -----------------------------------------------------------------------


def test_welch_limits_and_sizes() -> None:
    text, coding = _limits("welch-t-test"), _coding("welch-t-test")
    assert coding["rtol"] == 1e-7 and coding["atol"] == 1e-8
    assert "compared with rtol = 1e-7 and atol = 1e-8; *p* with rtol = 1e-7 and atol = 0" in text
    assert "*n* = *m* = 200,000 values, with magnitudes at most 100" in text
    a, b = _case("welch-t-test", "largest stated size")
    assert len(a) == len(b) == 200_000
    welch = _module("welch-t-test", "solution").welch_t_test
    tests = _module("welch-t-test", "tests")
    cases = [c["args"] for c in tests.CASES] + _generated("welch-t-test", 12)
    for a, b in cases:
        assert 2 <= len(a) <= 200_000 and 2 <= len(b) <= 200_000
        assert np.abs(a).max() <= 100 and np.abs(b).max() <= 100
        t, _, p = welch(a, b)
        assert math.isnan(t) or (abs(t) <= 30 and p > 1e-200)


def test_welch_tail_floor() -> None:
    """|t| <= 30 keeps p above 1e-200: the t tail is heavier than the normal one."""
    assert "keep $\\lvert t\\rvert \\le 30$ (so *p* stays above $10^{-200}$)" in _text(
        "welch-t-test"
    )
    normal = math.erfc(30 / math.sqrt(2))
    assert 1e-200 < normal < 1e-196
    reg_inc_beta = _module("welch-t-test", "solution")._reg_inc_beta
    for nu in (1.0, 3.5, 40.0, 1e3, 4e5):
        p = reg_inc_beta(nu / 2, 0.5, nu / (nu + 900.0), 900.0 / (nu + 900.0))
        assert p >= normal


def test_welch_example_claims() -> None:
    text = _text("welch-t-test")
    assert "fewer than nine degrees of freedom, well below the 10 that the pooled test" in text
    a = np.array([12.0, 15.5, 9.0, 14.0, 11.5])
    b = np.array([18.0, 22.5, 13.0, 30.0, 16.5, 25.0, 19.5])
    t, nu, p = _module("welch-t-test", "solution").welch_t_test(a, b)
    assert t < 0 and 8 < nu < 9 and p < 0.05 and len(a) + len(b) - 2 == 10


def test_welch_answer_claims() -> None:
    answer = _text("welch-t-test", "answer.md")
    welch = _module("welch-t-test", "solution").welch_t_test
    # "It lies between min(n, m) - 1 and n + m - 2", reaching n + m - 2 when n = m and s_a = s_b
    assert "It lies between $\\min(n, m) - 1$ and $n + m - 2$" in answer
    rng = np.random.default_rng(9)
    for _ in range(200):
        n, m = (int(v) for v in rng.integers(2, 40, size=2))
        _, nu, _ = welch(rng.normal(0, rng.uniform(0.1, 5), n), rng.normal(0, 1, m))
        assert min(n, m) - 1 - 1e-9 <= nu <= n + m - 2 + 1e-9
    x = np.array([1.0, 2.0, 4.0, 7.0])
    assert math.isclose(welch(x, x[::-1] + 3.0)[1], 6.0, rel_tol=1e-12)
    # "a p-value of 1e-30 comes out as 0 or garbage" with 1 - cdf
    assert "a p-value of $10^{-30}$ comes out as 0 or garbage" in answer
    reg_inc_beta = _module("welch-t-test", "solution")._reg_inc_beta
    nu, t2 = 400.0, 13.0**2
    p = reg_inc_beta(nu / 2, 0.5, nu / (nu + t2), t2 / (nu + t2))
    complement = 1.0 - reg_inc_beta(0.5, nu / 2, t2 / (nu + t2), nu / (nu + t2))
    assert 1e-32 < p < 1e-28 and (complement == 0.0 or abs(complement - p) > p)


def test_welch_far_tail_note() -> None:
    """The far-tail hidden case: p near 1e-84 while the normal tail gives near 5e-137."""
    a, b = _case("welch-t-test", "far tail")
    t, nu, p = _module("welch-t-test", "solution").welch_t_test(a, b)
    assert -26 < t < -24 and 380 < nu < 440 and 1e-85 < p < 1e-83
    assert 4e-137 < math.erfc(abs(t) / math.sqrt(2)) < 6e-137


# --- sample-ratio-mismatch --------------------------------------------------------------


def test_srm_limits_and_sizes() -> None:
    text, coding = _limits("sample-ratio-mismatch"), _coding("sample-ratio-mismatch")
    assert coding["rtol"] == 1e-8 and coding["atol"] == 1e-9
    assert "compared with rtol = 1e-8 and atol = 1e-9; *p* with rtol = 1e-8 and atol = 0" in text
    assert "at most *k* = 10 arms with up to $10^8$ users each" in text
    assert (
        "keep $\\chi^2 \\le 500$ and never put *p* within a relative $10^{-6}$ of `alpha`" in text
    )
    srm = _module("sample-ratio-mismatch", "solution").srm_check
    counts, _, _ = _case("sample-ratio-mismatch", "largest stated size")
    assert len(counts) == 10 and max(counts) > 10**8 - 10**6 and max(counts) <= 10**8
    tests = _module("sample-ratio-mismatch", "tests")
    cases = [c["args"] for c in tests.CASES] + _generated("sample-ratio-mismatch", 40)
    for counts, planned, alpha in cases:
        assert 2 <= len(counts) == len(planned) <= 10 and max(counts) <= 10**8
        assert min(planned) > 0 and 0 < alpha < 1
        chi2, p, _ = srm(counts, planned, alpha)
        assert chi2 <= 500 and abs(p / alpha - 1) >= 1e-6


def test_srm_example_claims() -> None:
    text = _text("sample-ratio-mismatch")
    assert "622 users off in each arm out of almost 100,000: small as a share (0.6 points)" in text
    counts = [50421, 49177]
    n = sum(counts)
    assert 99_000 < n < 100_000 and counts[0] - n / 2 == 622 == n / 2 - counts[1]
    assert round(100 * counts[0] / n - 50, 1) == 0.6


def test_srm_answer_claims() -> None:
    answer = _text("sample-ratio-mismatch", "answer.md")
    # "computing 1 - P(...) returns 0 or rounding noise for any p below about 1e-16"
    assert "returns 0 or rounding noise for any p below about $10^{-16}$" in answer
    tail = _module("sample-ratio-mismatch", "solution")._chi2_upper_tail
    for chi2 in (72.0, 80.0, 120.0):
        p = tail(chi2, 1)
        assert p < 1e-16 and (1.0 - math.erf(math.sqrt(chi2 / 2))) in (0.0, 1.1102230246251565e-16)
    # the closed form equals the gamma-series definition Q(s, h) = 1 - P(s, h) where it is safe
    for df in range(1, 10):
        for chi2 in (0.3, 2.0, 7.5, 15.0):
            s, h = df / 2, chi2 / 2
            term = total = 1.0 / s
            for j in range(1, 200):
                term *= h / (s + j)
                total += term
            lower = total * math.exp(-h + s * math.log(h) - math.lgamma(s))
            assert math.isclose(tail(chi2, df), 1.0 - lower, rel_tol=1e-11)


def test_srm_hidden_notes() -> None:
    srm = _module("sample-ratio-mismatch", "solution").srm_check
    chi2, p, _ = srm(*_case("sample-ratio-mismatch", "far tail, two arms"))
    assert chi2 == 72.0 and 1.5e-17 < p < 2.5e-17
    chi2, p, _ = srm(*_case("sample-ratio-mismatch", "far tail, even df"))
    assert chi2 == 200.0 and math.isclose(p, math.exp(-100), rel_tol=1e-12) and 3e-44 < p < 5e-44
    chi2, p, _ = srm(*_case("sample-ratio-mismatch", "far tail, odd df above 1"))
    assert 490 < chi2 < 500 and 6e-107 < p < 8e-107
    _, p, flag = srm(*_case("sample-ratio-mismatch", "p just below alpha"))
    assert round(p, 5) == 0.00511 and flag
    _, p, flag = srm(*_case("sample-ratio-mismatch", "p just above alpha"))
    assert not flag


# --- bayesian-ab-beta-binomial ----------------------------------------------------------


def test_bayesian_limits_and_sizes() -> None:
    text, coding = _limits("bayesian-ab-beta-binomial"), _coding("bayesian-ab-beta-binomial")
    assert "rtol = 1e-6 and atol = 1e-8" in text
    assert coding["rtol"] == 1e-6 and coding["atol"] == 1e-8
    assert "at most 100,000 trials per arm and priors up to 100" in text
    tests = _module("bayesian-ab-beta-binomial", "tests")
    cases = [c["args"] for c in tests.CASES] + _generated("bayesian-ab-beta-binomial", 20)
    assert max(max(c[1], c[3]) for c in cases) == 100_000
    for s_a, n_a, s_b, n_b, a0, b0 in cases:
        assert 0 <= s_a <= n_a <= 100_000 and 0 <= s_b <= n_b <= 100_000
        assert 1 <= a0 <= 100 and 1 <= b0 <= 100


def test_bayesian_prompt_claims() -> None:
    text = _text("bayesian-ab-beta-binomial")
    # "a beta function of arguments near 50,000 is below 10^-30000"
    assert "a beta function of arguments near 50,000 is below $10^{-30000}$" in text
    log_beta = 2 * math.lgamma(50_000) - math.lgamma(100_000)
    assert log_beta / math.log(10) < -30_000
    # "B is better with probability 0.95; shipping B risks losing 0.03 percentage points on
    # average, while keeping A gives up 2.5 points"
    assert "B is better with probability 0.95; shipping B risks losing 0.03 percentage" in text
    assert "keeping A gives up 2.5 points" in text and "each decision loses $1/6$" in text
    solution = _module("bayesian-ab-beta-binomial", "solution")
    p, loss_b, loss_a = solution.bayesian_ab(120, 1000, 145, 1000, 1, 1)
    assert round(p, 2) == 0.95 and round(100 * loss_b, 2) == 0.03 and round(100 * loss_a, 1) == 2.5
    p, loss_b, loss_a = solution.bayesian_ab(0, 0, 0, 0, 1, 1)
    assert math.isclose(loss_b, 1 / 6, rel_tol=1e-12) and math.isclose(loss_a, 1 / 6, rel_tol=1e-12)


def test_bayesian_exact_against_quadrature() -> None:
    """Rules 2 and 3 against direct numerical integration of the two Beta densities."""
    solution = _module("bayesian-ab-beta-binomial", "solution")
    grid = (np.arange(200_000) + 0.5) / 200_000
    for args in [(3, 40, 9, 60, 2, 20), (17, 34, 7, 25, 1, 1), (0, 0, 13, 15, 2, 1)]:
        s_a, n_a, s_b, n_b, a0, b0 = args
        a_a, b_a, a_b, b_b = a0 + s_a, b0 + n_a - s_a, a0 + s_b, b0 + n_b - s_b

        def density(a: int, b: int) -> np.ndarray:
            log_b = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
            return np.exp((a - 1) * np.log(grid) + (b - 1) * np.log1p(-grid) - log_b)

        f_a, f_b = density(a_a, b_a), density(a_b, b_b)
        cdf_b = np.cumsum(f_b) / len(grid)
        p = float(np.sum(f_a * (1 - cdf_b)) / len(grid))
        partial = np.cumsum(grid * f_b) / len(grid)  # int_0^x y f_B(y) dy
        loss_b = float(np.sum(f_a * (grid * cdf_b - partial)) / len(grid))
        got = solution.bayesian_ab(*args)
        assert math.isclose(got[0], p, abs_tol=2e-4) and math.isclose(got[1], loss_b, abs_tol=2e-4)


def test_bayesian_answer_claims() -> None:
    answer = _text("bayesian-ab-beta-binomial", "answer.md")
    # "Sampling a million draws gives about three correct digits"
    assert "Sampling a million draws gives about three correct digits" in answer
    assert 1e-4 < math.sqrt(0.25 / 1_000_000) < 1e-3
    # "its value near 10^6 carries an absolute error near 10^-10"
    assert "its value near $10^6$ carries an absolute error near $10^{-10}$" in answer
    assert 1e6 < math.lgamma(100_000) < 2e6 and 1e-10 < float(np.spacing(1e6)) < 2.5e-10
    # x Beta(x; a, b) = mean Beta(x; a + 1, b)
    a, b, x = 7, 4, 0.3
    dens = math.exp((a - 1) * math.log(x) + (b - 1) * math.log(1 - x))
    dens /= math.exp(math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b))
    plus = math.exp(a * math.log(x) + (b - 1) * math.log(1 - x))
    plus /= math.exp(math.lgamma(a + 1) + math.lgamma(b) - math.lgamma(a + b + 1))
    assert math.isclose(x * dens, a / (a + b) * plus, rel_tol=1e-12)


def test_bayesian_hidden_notes() -> None:
    solution = _module("bayesian-ab-beta-binomial", "solution")
    p, _, loss_a = solution.bayesian_ab(*_case("bayesian-ab-beta-binomial", "B clearly worse"))
    assert p < 1e-8 and abs(loss_a) < 1e-8
    s_a, n_a, s_b, n_b, a0, b0 = _case("bayesian-ab-beta-binomial", "terms underflow")
    a_a, b_a, b_b = a0 + s_a, b0 + n_a - s_a, b0 + n_b - s_b
    log_t0 = (
        math.lgamma(b_a + b_b)
        + math.lgamma(a_a + b_a)
        - math.lgamma(a_a + b_a + b_b)
        - math.lgamma(b_a)
    )
    assert math.exp(log_t0) == 0.0 and round(log_t0, -3) == -26_000


def test_bayesian_symmetry_in_b1_and_a2() -> None:
    """mutants.toml: P(Beta(a1, b1) < Beta(a2, b2)) is symmetric in b1 and a2."""
    prob_greater = _module("bayesian-ab-beta-binomial", "solution")._prob_greater
    assert math.isclose(prob_greater(121, 881, 146, 856), 0.9501969076164295, rel_tol=1e-15)
    assert math.isclose(prob_greater(121, 146, 881, 856), 0.9501969076160529, rel_tol=1e-15)
    rng = np.random.default_rng(12)
    for a1, b1, a2, b2 in rng.integers(1, 60, size=(30, 4)):
        a1, b1, a2, b2 = int(a1), int(b1), int(a2), int(b2)
        assert math.isclose(
            prob_greater(a1, b1, a2, b2), prob_greater(a1, a2, b1, b2), abs_tol=1e-12
        )
