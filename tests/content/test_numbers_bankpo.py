"""Every derived figure of the statistics and production-ML questions (P01-P06, O01-O05) is
computed here and must appear, formatted as written, in the files that print it (issue 18).

Given figures (a scenario's inputs) are not checked; everything computed from them is: a
figure typed by hand that is off in its last digit fails. Each test names the question.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()


def _text(qid: str, *files: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    names = files or ("prompt.md", "hints.md", "answer.md", "rubric.toml", "samples.toml")
    text = "\n".join((folder / name).read_text(encoding="utf-8") for name in names)
    text = text.replace("{,}", ",").replace("\\%", "%")  # LaTeX's 31{,}231 and 55\%
    return " ".join(text.split())  # a figure may be wrapped over two lines


def _check(qid: str, figures: list[tuple[str, tuple[str, ...]]]) -> None:
    """Each (formatted figure, files) pair: the figure occurs in every one of the files."""
    missing = [
        (figure, name)
        for figure, files in figures
        for name in files
        if figure not in _text(qid, name)
    ]
    assert not missing, f"{qid}: derived figures not found as written: {missing}"


A = ("answer.md",)
AH = ("answer.md", "hints.md")
AS = ("answer.md", "samples.toml")
AR = ("answer.md", "rubric.toml")


def test_fraud_flag_base_rate() -> None:
    prior, sens, fpr = 1 / 500, 0.95, 0.02
    sens2, fpr2 = 0.80, 0.05
    per = 100_000
    tp, fp = sens * prior * per, fpr * (1 - prior) * per
    posterior = tp / (tp + fp)
    lr1, lr2 = sens / fpr, sens2 / fpr2
    odds2 = tp / fp * lr2
    posterior2 = odds2 / (1 + odds2)
    assert posterior == pytest.approx(lr1 * prior / (1 - prior) / (1 + lr1 * prior / (1 - prior)))
    _check(
        "fraud-flag-base-rate",
        [
            (f"{sens * prior:.4f}", A),  # 0.0019
            (f"{fpr * (1 - prior):.5f}", A),  # 0.01996
            (f"{posterior:.4f}", A),  # 0.0869
            (f"{posterior:.1%}".replace("%", ""), ("answer.md", "rubric.toml", "samples.toml")),
            (f"{round(tp)}", AS),
            (f"{round(fp):,}", ("answer.md", "rubric.toml", "samples.toml")),
            (f"{round(tp + fp):,}", AS),
            (f"1 : {round((1 - prior) / prior)}", A),
            (f"{lr1:g}", A),  # 47.5
            (f"{lr1 * prior / (1 - prior):.3f}", A),  # 0.095
            (f"{fp / tp:.1f} false alarms", A),  # 10.5
            (f"{(tp + fp) / tp:.1f} flagged", A),  # 11.5
            (f"{lr2:g}", ("answer.md", "hints.md", "rubric.toml")),  # 16
            (f"{odds2:.2f}", AS),  # 1.52
            (f"{posterior2:.3f}", AR),  # 0.604
            (f"{posterior2:.1%}".replace("%", ""), A),  # 60.4
            (f"{round(tp * sens2)}", AS),  # 152
            (f"{fp * fpr2:.1f}", AR),  # 99.8
            (f"{sens * sens2:.2f}", A),  # 0.76
            (f"{1 - sens * sens2:.0%}", A),  # 24%
        ],
    )
    assert round(per * prior * (1 - sens * sens2)) == 48  # frauds missed, in the samples
    assert "48 of the 200" in _text("fraud-flag-base-rate", "samples.toml")


def test_counts_poisson_binomial_clt() -> None:
    rate, minutes = 3, 60
    p0 = math.exp(-rate)
    lam = rate * minutes
    sd = math.sqrt(lam)
    z = (220 - lam) / sd
    tail = sum(math.exp(-lam + k * math.log(lam) - math.lgamma(k + 1)) for k in range(220, 600))
    over_sd = math.sqrt(3 * lam)
    n, p = 10_000, 0.02
    bsd = math.sqrt(n * p * (1 - p))
    se = 30 / math.sqrt(50_000)
    qid = "counts-poisson-binomial-clt"
    _check(
        qid,
        [
            (f"{p0:.3f}", A),  # 0.050
            (f"{lam}", ("answer.md", "rubric.toml", "samples.toml")),
            (f"{sd:.1f}", ("answer.md", "rubric.toml", "samples.toml")),
            (f"{z:.2f}", ("answer.md", "rubric.toml")),
            (f"{tail:.4f}", ("answer.md", "rubric.toml")),  # 0.0021
            # the normal approximation's tail, accepted beside the exact one
            (f"{1 - NormalDist().cdf(z):.4f}, is a", A),  # 0.0014
            (f"{1 - NormalDist().cdf(z):.4f} by the normal", ("rubric.toml",)),
            (f"1 hour in {round(1 / tail, -1):.0f}", A),  # to the nearest ten
            (f"\\sqrt{{{3 * lam}}}", A),
            (f"{(220 - lam) / over_sd:.1f}", A),  # 1.7
            (f"{n * p:.0f}", ("answer.md", "rubric.toml", "samples.toml")),
            (f"{n * p * (1 - p):.0f}", ("answer.md", "rubric.toml", "samples.toml")),
            (f"{bsd:.1f}", AR),  # 14.0
            (f"{math.sqrt(n * p):.1f}", A),  # 14.1
            (f"{n * (1 - p):,.0f}", ("answer.md", "samples.toml")),  # 9,800
            (f"{n * 0.0002:.0f} conversions", A),
            (f"{se:.3f}", ("answer.md", "rubric.toml", "samples.toml")),  # 0.134
            (f"{1.96 * se:.3f}", A),  # 0.263
            (f"{1.80 - 1.96 * se:.2f}", ("answer.md", "rubric.toml", "samples.toml")),
            (f"{1.80 + 1.96 * se:.2f}", ("answer.md", "rubric.toml", "samples.toml")),
        ],
    )
    assert round(math.sqrt(50_000)) == 224  # "30 divided by about 224" in a sample
    assert "about 224" in _text(qid, "samples.toml")


def test_ab_test_sample_size_power() -> None:
    z = NormalDist()
    za, zb = z.inv_cdf(0.975), z.inv_cdf(0.80)
    p1, p2 = 0.050, 0.055
    var = p1 * (1 - p1) + p2 * (1 - p2)
    n = math.ceil((za + zb) ** 2 * var / (p2 - p1) ** 2)
    days = 2 * n / 5_000
    week = 7 * 5_000 // 2
    se = math.sqrt(var / week)
    power = z.cdf((p2 - p1) / se - za)
    mde = (za + zb) * se
    qid = "ab-test-sample-size-power"
    _check(
        qid,
        [
            (f"{za:.3f}", A),
            (f"{zb:.3f}", A),
            (f"{(za + zb) ** 2:.3f}", A),  # 7.849
            (f"{p2 * (1 - p2):g}", ("answer.md", "samples.toml")),  # 0.051975
            (f"{var:g}", A),  # 0.099475
            (f"{n:,}", ("answer.md", "rubric.toml", "samples.toml")),  # 31,231
            (f"{2 * n:,}", ("answer.md", "rubric.toml", "samples.toml")),  # 62,462
            (f"{days:.1f} days", ("answer.md", "rubric.toml", "samples.toml")),
            (f"{week:,}", ("answer.md", "hints.md", "rubric.toml", "samples.toml")),
            (f"{se:.5f}", A),  # 0.00238
            (f"{(p2 - p1) / se:.2f}", A),  # 2.10
            (f"{power:.0%}", ("answer.md", "rubric.toml", "samples.toml")),  # 55%
            (f"{mde * 100:.2f}", ("answer.md", "rubric.toml", "samples.toml")),  # 0.67 points
            (f"{mde / p1:.0%}", A),  # 13% relative
        ],
    )
    # the corpus's "at least about a 0.47-point gap" to reach significance in one week
    assert f"{za * se * 100:.2f}-point" in _text(qid, "corpus.toml")


def _peeking_false_positive_rate(looks: int, paths: int = 200_000, seed: int = 18) -> float:
    """Share of null experiments (equal daily increments) whose z-test crosses 1.96 at any of
    `looks` equally spaced looks: a simulation, seeded, so the printed figure is reproducible."""
    rng = np.random.default_rng(seed)
    crossed = 0
    for _ in range(4):
        z = rng.standard_normal((paths // 4, looks)).cumsum(axis=1) / np.sqrt(
            np.arange(1, looks + 1)
        )
        crossed += int((np.abs(z) > NormalDist().inv_cdf(0.975)).any(axis=1).sum())
    return crossed / paths


def test_ab_test_readout_pitfalls() -> None:
    treat, control = 101_600, 98_400
    n = treat + control
    sd = math.sqrt(n * 0.25)
    z = (treat - n / 2) / sd
    chi2 = 2 * (treat - n / 2) ** 2 / (n / 2)
    p = math.erfc(z / math.sqrt(2))
    assert chi2 == pytest.approx(z**2)
    peek = _peeking_false_positive_rate(28)
    assert _peeking_false_positive_rate(28, seed=7) == pytest.approx(peek, abs=0.005)
    alpha, metrics = 0.05, 20
    at_least_one = 1 - (1 - alpha) ** metrics
    three_or_more = sum(
        math.comb(metrics, k) * alpha**k * (1 - alpha) ** (metrics - k)
        for k in range(3, metrics + 1)
    )
    rho = 0.5
    qid = "ab-test-readout-pitfalls"
    _check(
        qid,
        [
            (f"{sd:.0f}", ("answer.md", "rubric.toml", "samples.toml")),  # 224
            (f"{treat - n // 2:,}", ("answer.md", "samples.toml")),  # 1,600
            (f"{z:.1f}", ("answer.md", "rubric.toml")),  # 7.2
            (f"{chi2:.1f}", ("answer.md", "rubric.toml", "samples.toml")),  # 51.2
            (f"{p:.0e}".replace("e-13", " \\times 10^{-13}"), A),  # 8 x 10^-13
            (f"{peek:.0%}", ("answer.md", "rubric.toml", "samples.toml")),  # 28%
            (f"= {metrics * alpha:g}$ false positive", A),
            (f"{at_least_one:.0%}", ("answer.md", "rubric.toml", "samples.toml")),  # 64%
            (f"{three_or_more:.1%}", A),  # 7.5%
            (f"{alpha / metrics:g}", ("answer.md", "rubric.toml", "samples.toml")),  # 0.0025
            (f"{1 - rho**2:g}", ("answer.md", "rubric.toml", "samples.toml")),  # 0.75
            (f"{math.sqrt(1 - rho**2):.3f}", A),  # 0.866
            (f"{rho**2:.0%} fewer users", A),
            (f"about {28 * (1 - rho**2):.0f} days", A),  # 21
        ],
    )
    assert f"{three_or_more:.1%}" in _text(qid, "corpus.toml")
    assert f"{round(peek * 100)} of them" in _text(qid, "corpus.toml")


def test_bootstrap_median_clustered_ci() -> None:
    n, mean, sd = 400, 38, 12
    se = sd / math.sqrt(n)
    users, sessions, rho = 2_000, 50_000, 0.1
    m = sessions // users
    deff = 1 + (m - 1) * rho
    qid = "bootstrap-median-clustered-ci"
    _check(
        qid,
        [
            (f"{se:.1f}", ("answer.md", "rubric.toml", "samples.toml")),  # 0.6
            (f"{mean - 1.96 * se:.1f}", ("answer.md", "rubric.toml", "samples.toml")),  # 36.8
            (f"{mean + 1.96 * se:.1f}", ("answer.md", "rubric.toml", "samples.toml")),  # 39.2
            (f"{m}", ("prompt.md", "samples.toml")),  # 25 sessions each
            (f"{m - 1} \\times {rho:g}", A),
            (f"{deff:g}", ("answer.md", "rubric.toml", "samples.toml")),  # 3.4
            (f"{math.sqrt(deff):.2f}", ("answer.md", "rubric.toml", "samples.toml")),  # 1.84
            (f"{sessions / deff:,.0f}", ("answer.md", "rubric.toml", "samples.toml")),  # 14,706
            (f"{1 / math.sqrt(deff):.0%}", A),  # 54% as wide
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert f"{1.96 * se:.2f}" in corpus  # "give or take 1.18"
    assert f"{round(0.025 * 2_000)}th to the {round(0.975 * 2_000):,}th" in corpus


WORDS = {6: "six", 7: "seven", 8: "eight"}


def test_loyalty_program_causal_effect() -> None:
    a_before, a_after, b_before, b_after = 30, 36, 28, 31
    naive = 52 - 31
    did = (a_after - a_before) - (b_after - b_before)
    qid = "loyalty-program-causal-effect"
    _check(
        qid,
        [
            (f"{a_after} - {a_before} = {a_after - a_before}", A),
            (f"{b_after} - {b_before} = {b_after - b_before}", A),
            (f"= {a_after - a_before} - {b_after - b_before} = {did}", A),
            (f"{a_after - a_before} - {b_after - b_before} = {did} dollars", ("samples.toml",)),
            (f"about {did / a_before:.0%} of A's February spend", A),
            (
                f"{WORDS[naive // did]} times smaller",
                A,
            ),
            (f"{0.60 - 0.58:.2f}", A),  # uplift of a regular
            (f"{0.30 - 0.10:.2f}", A),  # uplift of a persuadable
        ],
    )
    assert naive % did == 0 and (a_after - a_before) == 2 * did  # "half of A's raw change"
    assert "half of A's raw before/after change" in _text(qid, "answer.md")


def test_churn_model_drift_monitoring() -> None:
    expected, actual = [0.25] * 4, [0.15, 0.20, 0.30, 0.35]
    terms = [(a - e) * math.log(a / e) for a, e in zip(actual, expected, strict=True)]
    psi = sum(terms)
    n = 2_000_000
    c_alpha = math.sqrt(-math.log(0.001 / 2) / 2)  # two-sample KS critical constant at 0.001
    d_crit = c_alpha * math.sqrt(2 * n / (n * n))
    qid = "churn-model-drift-monitoring"
    _check(
        qid,
        [
            (" + ".join(f"{t:.4f}" for t in terms), ("answer.md", "rubric.toml", "samples.toml")),
            (f"{psi:.3f}", ("answer.md", "rubric.toml", "samples.toml")),  # 0.105
            (f"{c_alpha:.2f}\\sqrt{{2/2,000,000}}", A),
            (f"{d_crit:.5f}", A),  # 0.00195
            (f"{d_crit:.3f}", ("rubric.toml", "samples.toml")),  # 0.002
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert " + ".join(f"{t:.3f}" for t in terms) in corpus
    assert f"about {terms[0]:.3f} of the {psi:.3f}" in corpus
    assert f"contributes {terms[0]:.3f}" in _text(qid, "samples.toml")
    # the prompt gives the rule of thumb; the computed PSI falls in its moderate band
    stable, major = 0.1, 0.25
    assert stable < psi < major
    assert f"below {stable} as stable, {stable} to {major} as a moderate shift" in _text(
        qid, "prompt.md"
    )


def test_training_memory_parallelism() -> None:
    params, gpus = 3e9, 8
    half, full = 2, 4
    per_param = half + half + full + full + full  # weights, grads, master, m, v
    state_gb = per_param * params / 1e9
    zero1 = half + half + 3 * full / gpus
    global_batch, micro = 512, 4
    accum = global_batch // (gpus * micro)
    fwd, bwd = 1, 2
    recompute_overhead = (fwd + bwd + fwd) / (fwd + bwd) - 1
    fp16_max = (2 - 2**-10) * 2**15
    qid = "training-memory-parallelism"
    _check(
        qid,
        [
            (f"**{per_param}**", A),
            (f"{per_param} bytes per parameter", ("answer.md", "samples.toml")),
            (f"= {state_gb:.0f}$ GB", A),
            (f"{state_gb:.0f} GB", ("rubric.toml", "samples.toml")),
            (f"{state_gb:.0f} / {gpus} = {state_gb / gpus:.0f}$ GB", A),
            (f"{state_gb:.0f}/{gpus} = {state_gb / gpus:.0f} GB", ("rubric.toml", "samples.toml")),
            (f"= {zero1:g}$ bytes per parameter, {zero1 * params / 1e9:g} GB", A),
            (f"{gpus} GPUs × {micro} sequences = {gpus * micro} sequences", A),
            (f"${global_batch} / {gpus * micro} = {accum}$ micro-batches", A),
            (f"{accum} micro-batches", ("rubric.toml", "samples.toml")),
            (f"from {fwd + bwd} to {fwd + bwd + fwd} forward-equivalents", A),
            (f"{recompute_overhead:.0%} more compute", ("answer.md", "samples.toml")),
            (f"{fp16_max:,.0f}", ("answer.md", "rubric.toml", "samples.toml")),  # 65,504
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert f"{(3 * full) * params / 1e9:.0f} GB for this model" in corpus  # optimizer state alone
    assert f"{half * 4 * params / 1e9:.0f} GB" in corpus  # the all-16-bit misconception


def test_late_order_training_serving_skew() -> None:
    mismatched, logged = 1_800, 10_000
    share = mismatched / logged
    qid = "late-order-training-serving-skew"
    _check(qid, [(f"{share:.0%}", ("answer.md", "rubric.toml", "samples.toml"))])
    assert round(1 / share) == 6 and share < 1 / 5  # "nearly one request in five" in a sample
    assert "Nearly one request in five" in _text(qid, "samples.toml")


def test_fraud_model_rollout() -> None:
    per_second, share, rate, new_rate = 50, 0.01, 0.020, 0.022
    per_day = per_second * 86_400
    canary = per_day * share
    declines = canary * rate
    sd = math.sqrt(canary * rate * (1 - rate))
    extra = canary * new_rate - declines
    qid = "fraud-model-rollout"
    _check(
        qid,
        [
            (f"{per_day:,}", ("answer.md", "hints.md")),  # 4,320,000
            (f"{per_day / 1e6:.2f} million", ("samples.toml",)),
            (f"{canary:,.0f}", ("answer.md", "hints.md", "rubric.toml", "samples.toml")),
            (f"{declines:.0f}", ("answer.md", "rubric.toml", "samples.toml")),  # 864
            (f"{sd:.1f}", ("answer.md", "rubric.toml")),  # 29.1
            (f"{canary * new_rate:.0f}", ("answer.md", "samples.toml")),  # 950
            (f"{extra:.0f} more", A),  # 86
            (f"{extra / sd:.2f}", ("answer.md", "rubric.toml")),  # 2.97
        ],
    )
    assert f"about {per_second * 3_600 * share:,.0f} transactions" in _text(qid, "corpus.toml")


def test_search_latency_budget() -> None:
    stages = {"encoder": 30, "ann": 12, "features": 10, "rerank": 60, "overhead": 15}
    total = sum(stages.values())
    after = {**stages, "encoder": stages["encoder"] // 2, "rerank": stages["rerank"] * 50 // 100}
    n, dim = 50_000_000, 768
    fp32_gb = n * dim * 4 / 1e9
    mult_adds = n * dim
    hit, hit_ms, miss_ms = 0.3, 2, 80
    mean = hit * hit_ms + (1 - hit) * miss_ms
    miss_percentile = (0.99 - hit) / (1 - hit)
    qid = "search-latency-budget"
    _check(
        qid,
        [
            (
                " + ".join(str(v) for v in stages.values()) + f" = {total}",
                ("answer.md", "samples.toml"),
            ),
            (f"{total - 100} ms over", A),
            (" + ".join(str(v) for v in after.values()) + f" = {sum(after.values())}", A),
            (f"{100 - sum(after.values())} ms of headroom", A),
            (f"= {fp32_gb:.1f} GB", ("answer.md", "samples.toml")),
            (f"{mult_adds / 1e10:.2f}\\times10^{{10}}", A),
            (f"{2 * mult_adds / 1e9:.1f} GFLOP", ("answer.md", "samples.toml")),
            (f"{n * 96 / 1e9:.1f} GB", ("answer.md", "samples.toml")),
            (f"= {mean:.1f}$ ms", A),
            (f"= {mean:.1f} ms", ("samples.toml",)),
            (
                f"{miss_percentile:.1%}".replace("%", ""),
                ("answer.md", "rubric.toml", "samples.toml"),
            ),
        ],
    )
    corpus = _text(qid, "corpus.toml")
    assert f"{2 * mult_adds / 1e9:.1f} GFLOP per query" in corpus
    assert f"{n * 96 / 1e9:.1f} GB" in corpus
