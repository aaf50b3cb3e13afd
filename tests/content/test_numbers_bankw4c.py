"""Every derived figure of the bankw4c case-study and applied questions is computed here and
must appear, formatted as written, in the files that print it (issue 18).

Given figures (a scenario's inputs) are not checked; everything computed from them is: a figure
typed by hand that is off in its last digit fails. Each test names the question.
"""

from __future__ import annotations

import math
from statistics import NormalDist

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()
Z = NormalDist()


def _text(qid: str, name: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    text = (folder / name).read_text(encoding="utf-8")
    text = text.replace("{,}", ",").replace("\\%", "%").replace("\\$", "$")
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
AS = ("answer.md", "samples.toml")
AR = ("answer.md", "rubric.toml")
ARS = ("answer.md", "rubric.toml", "samples.toml")


def test_sepsis_alert_leaky_signal() -> None:
    alerts, after_culture, early_true, cases = 1200, 900, 75, 250
    early_alerts = alerts - after_culture
    _check(
        "sepsis-alert-leaky-signal",
        [
            (f"{early_alerts} alerts caught {early_true}", A),  # 300
            (f"{after_culture} ({after_culture / alerts:.0%})", A),  # 75%
            (f"precision of {early_true / early_alerts:.0%}", A),  # 25%
            (f"{early_true} of {alerts:,} alerts ({early_true / alerts:.2%})", A),  # 6.25%
            (f"{early_true / cases:.0%}", ARS),  # 30%
            (f"{early_true} of {cases}", ARS),
            (f"{alerts / early_true:g} alerts per early catch", ARS),  # 16
            (f"({alerts:,} / {early_true})", A),
        ],
    )


def test_claims_fraud_feedback_loop() -> None:
    claims, investigated, hit_now, hit_before = 100_000, 2_000, 0.18, 0.30
    audited, audit_frauds = 500, 15
    caught = investigated * hit_now
    rate = audit_frauds / audited
    unseen = claims - investigated
    missed = rate * unseen
    half = 1.96 * math.sqrt(rate * (1 - rate) / audited)
    low, high = rate - half, rate + half
    _check(
        "claims-fraud-feedback-loop",
        [
            (f"{investigated:,} \\times {hit_now} = {caught:.0f}", A),  # 360
            (f"a year ago, {investigated * hit_before:.0f}", A),  # 600
            (f"{rate:.0%}", ARS),  # 3%
            (f"{unseen:,}", ARS),  # 98,000
            (f"{missed:,.0f}", ARS),  # 2,940
            (f"{missed + caught:,.0f}", AS),  # 3,300
            (f"{caught / (caught + missed):.1%}", ARS),  # 10.9%
            (f"\\pm {half:.3f}", A),  # 0.015
            (f"{low:.1%}", ARS),  # 1.5%
            (f"{high:.1%}", ARS),  # 4.5%
            (f"{round(low * unseen, -1):,.0f}", AS),  # 1,470
            (f"{round(high * unseen, -1):,.0f}", AS),  # 4,410
            (f"{caught / (caught + high * unseen):.0%}", ARS),  # 8%
            (f"{caught / (caught + low * unseen):.0%}", ARS),  # 20%
        ],
    )


def test_cheaper_ranker_non_inferiority() -> None:
    n, conv_large, conv_small, weekly = 400_000, 16_000, 15_840, 200_000
    p1, p2 = conv_large / n, conv_small / n
    diff = p2 - p1
    se = math.sqrt(p1 * (1 - p1) / n + p2 * (1 - p2) / n)
    z = diff / se
    p_value = 2 * Z.cdf(-abs(z))
    low, high = diff - 1.96 * se, diff + 1.96 * se
    z_sum_sq = (Z.inv_cdf(0.975) + Z.inv_cdf(0.8)) ** 2

    def per_arm(relative_margin: float) -> float:
        return z_sum_sq * 2 * p1 * (1 - p1) / (relative_margin * p1) ** 2

    n1, n2 = per_arm(0.01), per_arm(0.02)
    qid = "cheaper-ranker-non-inferiority"
    _check(
        qid,
        [
            (f"{p1:.2%}", ("prompt.md", *A)),
            (f"{p2:.2%}", ("prompt.md", *A)),
            (f"p = {p_value:.2f}", ("prompt.md", *A)),  # 0.36
            (f"= {diff * 100:.2f}$ percentage points", A),  # -0.04
            (f"{se * 100:.4f}", AS),  # 0.0437
            (f"z \\approx {z:.2f}", A),  # -0.92
            (f"{low * 100:.3f}", ARS),  # -0.126
            (f"+{high * 100:.3f}", ARS),  # +0.046
            (f"{-low / p1:.1%}", ARS),  # 3.1%
            (f"{0.02 * p1 * 100:.2f} points", ARS),  # 0.08
            (f"{0.01 * p1:.4f}", AS),  # 0.0004
            (f"{0.02 * p1:.4f}", A),  # 0.0008
            (f"{z_sum_sq:.2f}", A),  # 7.85
            (f"{2 * p1 * (1 - p1):.4f}", A),  # 0.0768
            (f"{n1 / 1e6:.2f} million", ARS),  # 3.77
            (f"{n1 / weekly:.0f} weeks", ARS),  # 19
            (f"{round(n2, -3):,.0f}", ARS),  # 942,000
            (f"{n2 / weekly:.1f} weeks", ARS),  # 4.7
        ],
    )
    assert round(n1 / n2) == 4  # "halving the margin quadruples the sample"


def test_ticket_classifier_latency_budget() -> None:
    hit, hit_ms, mean_ms, p99_ms, overhead_ms = 0.4, 2, 50, 120, 10
    mean_cached = hit * hit_ms + (1 - hit) * mean_ms
    miss_quantile = 1 - 0.01 / (1 - hit)
    encoder = p99_ms - overhead_ms
    six_layers = overhead_ms + encoder / 2
    with_int8 = overhead_ms + encoder / 2 / 2
    qid = "ticket-classifier-latency-budget"
    _check(
        qid,
        [
            (f"{mean_cached:.1f}", ARS),  # 30.8
            (f"a {1 - mean_cached / mean_ms:.0%} cut", A),  # 38%
            (f"{miss_quantile:.1%}".replace("%", "rd percentile"), ARS),  # 98.3rd
            (f"{encoder}", ARS),  # 110
            (f"{overhead_ms} + {encoder // 2} = {six_layers:g}", ("rubric.toml", "samples.toml")),
            (f"{overhead_ms + encoder / 2:g}", ARS),  # 65
            (f"{encoder / 4:g}", ("rubric.toml", "samples.toml")),  # 27.5
            (f"{with_int8:g}", ARS),  # 37.5
            (f"about {round(mean_cached)} ms", ("samples.toml",)),  # partial: 31
            (f"{p99_ms * (1 - hit):.0f} ms", ("samples.toml",)),  # the wrong sample's 72
        ],
    )


def test_canary_length_and_rollback() -> None:
    per_minute, p0, p1 = 600, 0.02, 0.025
    z_a, z_b = Z.inv_cdf(0.95), Z.inv_cdf(0.8)
    z_sq = (z_a + z_b) ** 2

    def canary_orders(share: float) -> float:
        ratio = (1 - share) / share
        return z_sq * (p1 * (1 - p1) + p0 * (1 - p0) / ratio) / (p1 - p0) ** 2

    n5, n1 = canary_orders(0.05), canary_orders(0.01)
    minutes5, minutes1 = n5 / (per_minute * 0.05), n1 / (per_minute * 0.01)
    hour = per_minute * 0.05 * 60
    se_hour = math.sqrt(p1 * (1 - p1) / hour + p0 * (1 - p0) / (hour * 19))
    power = Z.cdf((p1 - p0) / se_hour - z_a)
    _check(
        "canary-length-and-rollback",
        [
            (f"{z_a:.3f} + {z_b:.3f}", AS),  # 1.645 + 0.842
            (f"{z_sq:.2f}", A),  # 6.18
            (f"{p1 * (1 - p1):.6f} + {p0 * (1 - p0) / 19:.6f}", A),
            (f"{n5:,.0f}", ARS),  # 6,283
            (f"{per_minute * 0.05:.0f} canary orders a minute", A),  # 30
            (f"{per_minute * 0.05:.0f} a minute", ("samples.toml",)),
            (f"{minutes5:.0f} minutes", ARS),  # 209
            (f"{minutes5 / 60:.1f} hours", ARS),  # 3.5
            (f"{n1:,.0f}", ARS[:1] + ARS[2:]),  # 6,077
            (f"{minutes1:,.0f} minutes", ARS),  # 1,013
            (f"{minutes1 / 60:.1f} hours", ARS),  # 16.9
            (f"{hour:,.0f}", ARS),  # 1,800
            (f"{se_hour:.5f}", AS),  # 0.00376
            (f"{power:.0%}", ARS),  # 38%
            (f"{(p1 - p0) / se_hour:.2f}", ("corpus.toml",)),  # 1.33 in a corpus sentence
        ],
    )


def test_forecast_error_metric_choice() -> None:
    actual, forecast = [400, 250, 2, 150], [380, 270, 5, 135]
    errors = [abs(a - f) for a, f in zip(actual, forecast, strict=True)]
    ape = [e / a for e, a in zip(errors, actual, strict=True)]
    mape = sum(ape) / len(ape)
    mape_without = (sum(ape) - ape[2]) / 3
    wape = sum(errors) / sum(actual)

    def expected_ape(f: float) -> float:
        return 0.5 * abs(f - 1) / 1 + 0.5 * abs(f - 3) / 3

    best = min((1.0, 1.5, 2.0, 2.5, 3.0), key=expected_ape)
    ratio = 0.60 / (0.60 + 0.20)
    qid = "forecast-error-metric-choice"
    _check(
        qid,
        [
            *[(f"{x:.0%} (", A) for x in ape],  # 5% (bananas ...
            (f"{ape[0]:.0%}, {ape[1]:.0%}, {ape[2]:.0%} and {ape[3]:.0%}", ("samples.toml",)),
            (f"{mape:.2%}", ARS),  # 43.25%
            (f"{mape_without:.2%}", AS),  # 7.67%
            (f"{sum(errors)}/{sum(actual)}", ARS),  # 58/802
            (f"{wape:.2%}", ARS),  # 7.23%
            (f"{expected_ape(1):.1%}", AS),  # 33.3%
            (f"{expected_ape(2):.1%}", AS),  # 66.7%
            (f"{expected_ape(3):.0%}", A),  # 100%
            (f"{ratio:.2f}", ARS),  # 0.75
        ],
    )
    assert best == 1.0  # the MAPE-optimal constant forecast is the low value


def test_fraud_model_choice_at_capacity() -> None:
    daily, frauds, capacity = 200_000, 300, 500
    (caught_a, amount_a), (caught_b, amount_b) = (190, 900), (230, 600)
    legit = daily - frauds
    false_a, false_b = capacity - caught_a, capacity - caught_b
    saved_a, saved_b = caught_a * amount_a, caught_b * amount_b
    figures: list[tuple[str, tuple[str, ...]]] = [
        (f"{legit:,}", AS),  # 199,700
        (f"{caught_b - caught_a} more frauds", ("prompt.md",)),  # 40
        (f"{false_a} legit", ("samples.toml",)),  # 310
        (f"{false_a} legitimate transactions", A),
        (f"and B {false_b}", AS),  # 270
        (f"{false_a / legit:.3%}", AS),  # 0.155%
        (f"{false_b / legit:.3%}", AS),  # 0.135%
        (f"{saved_a - saved_b:,}", AS),  # 33,000: A saves more despite fewer catches
    ]
    for caught, saved in ((caught_a, saved_a), (caught_b, saved_b)):
        figures += [
            (f"{caught / capacity:.0%}", ARS),  # 38%, 46%
            (f"{caught / frauds:.1%}", ARS),  # 63.3%, 76.7%
            (f"{saved:,}", ARS),  # 171,000, 138,000
        ]
    _check("fraud-model-choice-at-capacity", figures)


def test_checkout_rollout_simpsons_paradox() -> None:
    old = {"desktop": (60_000, 0.10), "mobile": (40_000, 0.04)}
    new = {"desktop": (10_000, 0.11), "mobile": (90_000, 0.046)}
    conv_old = sum(n * r for n, r in old.values())
    conv_new = sum(n * r for n, r in new.values())
    sessions = 100_000
    desktop_share = (old["desktop"][0] + new["desktop"][0]) / (2 * sessions)
    std_old = desktop_share * 0.10 + (1 - desktop_share) * 0.04
    std_new = desktop_share * 0.11 + (1 - desktop_share) * 0.046
    _check(
        "checkout-rollout-simpsons-paradox",
        [
            (f"{conv_old:,.0f}", AS),  # 7,600
            (f"{conv_new:,.0f}", AS),  # 5,240
            (f"{conv_old / sessions:.1%}", ARS),  # 7.6%
            (f"{conv_new / sessions:.2%}", ARS),  # 5.24%
            (f"{new['mobile'][0] / sessions:.0%} of the new flow", A),  # 90%
            (f"{old['mobile'][0] / sessions:.0%} for the old", AS),  # 40%
            (f"{desktop_share:.0%} desktop", ARS),  # 35%
            (f"{1 - desktop_share:.0%} mobile", ARS),  # 65%
            (f"{std_old:.1%}", ARS),  # 6.1%
            (f"{std_new:.2%}", ARS),  # 6.84%
            (f"+{(std_new - std_old) * 100:.2f}", ARS),  # +0.74
        ],
    )


def _interpolation_probes(keys: list[int], target: int) -> int:
    """Probes of a plain interpolation search for a key that is present."""
    lo, hi, probes = 0, len(keys) - 1, 0
    while lo <= hi:
        span = keys[hi] - keys[lo]
        pos = lo if span == 0 else lo + (target - keys[lo]) * (hi - lo) // span
        probes += 1
        if keys[pos] == target:
            return probes
        if keys[pos] < target:
            lo = pos + 1
        else:
            hi = pos - 1
    raise AssertionError("key not found")


def test_sorted_ids_interpolation_learned_index() -> None:
    n, small, target, eps = 10**9, 100_000, 71_234, 100
    binary = math.ceil(math.log2(n + 1))
    loglog = math.log2(math.log2(n))
    keys = [*range(small - 1), 2**63]
    crawl = _interpolation_probes(keys, target)
    window = 2 * eps + 1
    window_probes = math.floor(math.log2(window)) + 1
    _check(
        "sorted-ids-interpolation-learned-index",
        [
            (f"{binary} probes", ARS),  # 30
            (f"{loglog:.1f}", AR),  # 4.9
            (f"{small - 2:,}", AS),  # 99,998
            (f"{target:,}", AS),
            (f"{crawl:,} probes", ARS),  # 71,235
            (f"at most {math.ceil(math.log2(small + 1))}", AS),  # 17
            (f"{window} slots", ARS),  # 201
            (f"{window_probes} probes", ARS),  # 8
            (f"{n * 8 / 1e9:g} GB", ARS),  # 8 GB
            (f"{100_000 * 16 / 1e6:g} MB", AS),  # 1.6 MB
        ],
    )
    assert _interpolation_probes(list(range(small)), target) <= 2  # uniform keys: found at once


def test_oversampling_before_split_leak() -> None:
    units, rate, folds = 50_000, 0.02, 5
    recall, precision = 0.91, 0.85
    failures = units * rate
    good = units - failures
    synthetic = good - failures  # SMOTE up to 50/50
    per_failure = synthetic / failures
    fpr = recall * (1 - precision) / precision
    prod_precision = rate * recall / (rate * recall + (1 - rate) * fpr)
    _check(
        "oversampling-before-split-leak",
        [
            (f"{failures:,.0f} failures to {good:,.0f}", AS),  # 1,000 -> 49,000
            (f"{synthetic:,.0f} synthetic", AS),  # 48,000
            (f"about {per_failure:.0f} per real failure", AS),  # 48
            (f"some {per_failure * (folds - 1) / folds:.0f} of its {per_failure:.0f}", A),  # 38
            (f"{fpr:.3f}", ARS),  # 0.161
            (f"{prod_precision:.1%}", ARS),  # 10.4%
            (f"{rate * recall:.4f}", ("samples.toml",)),  # 0.0182
            (f"{1000 * rate * recall:.0f} failures would be caught", ("corpus.toml",)),
            (f"about {1000 * (1 - rate) * fpr:.0f} good units", ("corpus.toml",)),  # 157
            (f"plus {(1 - rate) * fpr:.3f}", ("corpus.toml",)),  # 0.157
        ],
    )


def test_kmeans_fifty_million_customers() -> None:
    n, k, d, bytes_f32, batch, sample = 50_000_000, 200, 40, 4, 10_000, 20_000
    macs = n * k * d
    _check(
        "kmeans-fifty-million-customers",
        [
            (f"{macs / 1e11:g} \\times 10^{{11}}", A),  # 4 x 10^11
            (f"{macs / 1e11:g} x 10^11", ("rubric.toml", "samples.toml")),
            (f"{n * d * bytes_f32 / 1e9:g} GB", AS),  # 8 GB
            (f"{n * k * bytes_f32 / 1e9:g} GB", ARS),  # 40 GB
            (f"{batch * k * d / 1e7:g} \\times 10^7", A),  # 8 x 10^7
            (f"{batch * k * d / 1e7:g} x 10^7", ("samples.toml",)),
            (f"{macs // (batch * k * d):,} times", ARS),  # 5,000
            (f"{n * (n - 1) / 1e15:.2g} \\times 10^{{15}}$ distances", A),  # 2.5 x 10^15
            (f"{n * (n - 1) / 1e15:.2g} x 10^15", ("rubric.toml", "samples.toml")),
            (f"{n * (n - 1) / 2 / 1e15:.3g} \\times 10^{{15}}$ distinct", A),  # 1.25 x 10^15
            (f"{n * (n - 1) / 2 / 1e15:.3g} x 10^15 distinct", ("rubric.toml",)),
            (f"{sample**2 / 1e8:g} \\times 10^8", A),  # 4 x 10^8
            (f"{sample**2 / 1e8:g} x 10^8", ("samples.toml",)),
            (f"{k} sequential passes", ("rubric.toml", "samples.toml")),
        ],
    )


def test_bike_demand_feature_engineering() -> None:
    def on_circle(hour: float) -> tuple[float, float]:
        angle = 2 * math.pi * hour / 24
        return (math.sin(angle), math.cos(angle))

    near = math.dist(on_circle(23), on_circle(0))
    far = math.dist(on_circle(0), on_circle(12))
    assert math.isclose(near, 2 * math.sin(math.pi / 24))
    # the corpus's Jensen example: 2 or 18 rentals equally often
    mean, geo = (2 + 18) / 2, math.exp((math.log(2) + math.log(18)) / 2)
    _check(
        "bike-demand-feature-engineering",
        [
            (f"{near:.3f}", ARS),  # 0.261
            (f"\\approx {2 * math.pi / 24:.3f}$ radians", A),  # the angle, 0.262
            (f"{2 * math.pi / 24:.3f} rad,", ("rubric.toml",)),
            (f"{2 * math.pi / 24:.3f} radians", ("rubric.toml", "corpus.toml")),
            (f"{far:.1f} apart", AS),  # 2.0
            (f"{23 - 0} units apart", AR),
            (f"{24 * 2} hour-by-day-type", AR),  # 48
            (f"the mean is {mean:g} but exp of the mean log is {geo:g}", ("corpus.toml",)),
        ],
    )


def test_word_ladder_at_scale() -> None:
    words, length, branching, depth = 20_000, 5, 10, 6
    pairs = words * (words - 1) // 2
    per_word = length * 25
    lookups = words * per_word
    one_way, both_ways = branching**depth, 2 * branching ** (depth // 2)
    _check(
        "word-ladder-at-scale",
        [
            (f"{pairs / 1e8:.0f} \\times 10^8", A),  # 2 x 10^8
            (f"{pairs / 1e8:.0f} x 10^8", ("rubric.toml", "samples.toml")),
            (f"{per_word}", ARS),  # 125
            (f"{lookups:,}", ARS),  # 2,500,000
            (f"{pairs / lookups:.0f} times fewer", AS),  # 80
            (f"{words * length:,}", ARS),  # 100,000
            (f"10^{depth}", ARS),  # one-directional
            (f"{both_ways:,}", ARS),  # 2,000
            (f"{words**2 / 1e8:.0f} x 10^8", ("rubric.toml", "samples.toml")),  # 4 x 10^8
            (f"{words**2 / 1e8:.0f} \\times 10^8", A),
        ],
    )
    assert one_way == 10**depth


def _lcs_length(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        row = [0]
        for j, y in enumerate(b):
            row.append(previous[j] + 1 if x == y else max(previous[j + 1], row[j]))
        previous = row
    return previous[-1]


def test_dataset_diff_lcs_scale() -> None:
    n, m, lcs = 200_000, 200_400, 199_300
    cells = (n + 1) * (m + 1)
    edits = n + m - 2 * lcs
    myers = (n + m) * edits
    _check(
        "dataset-diff-lcs-scale",
        [
            (f"{cells / 1e10:.1f} \\times 10^{{10}}", A),  # 4.0 x 10^10
            (f"{cells * 4 / 1e9:.0f} GB", ARS),  # 160 GB
            (f"n \\times m = {round(n * m, -10) / 1e10:.0f} \\times 10^{{10}}$ cell updates", A),
            (f"{2 * (m + 1) * 4 / 1e6:.1f} MB", ARS),  # 1.6 MB
            (f"2 \\times {m + 1:,} \\times 4", A),
            (f"{edits:,}", ARS),  # 1,800
            (f"{n - lcs} deleted", AS),  # 700
            (f"{m - lcs:,} added", AS),  # 1,100
            (f"{n + m:,} \\times {edits:,}", A),
            (f"{myers / 1e8:.1f} \\times 10^8", A),  # 7.2 x 10^8
            (f"{myers / 1e8:.1f} x 10^8", ("rubric.toml", "samples.toml")),
            (f"{cells / myers:.0f} times fewer", ARS),  # 56
            (f"{2 * lcs:,}", ("samples.toml",)),  # 398,600
        ],
    )
    # the corpus's counter-example to greedy matching: the LCS keeps three lines
    assert _lcs_length(["b", "a", "a", "a"], ["a", "a", "a", "b"]) == 3


def test_fp16_accumulation_debugging() -> None:
    import numpy as np

    half = np.finfo(np.float16)
    subnormal = 2.0**-24
    grad, scale, params = 2e-8, 2**16, 200_000_000
    assert np.float16(grad) == 0  # underflows
    with np.errstate(over="ignore"):
        assert np.isinf(np.float16(2.0 * scale))  # overflows
    fp32_bytes, mixed_bytes = 4 + 4 + 4, 4 + 2 + 2 + 4
    _check(
        "fp16-accumulation-debugging",
        [
            (f"{subnormal * 1e8:.2f} \\times 10^{{-8}}", A),  # 5.96
            (f"{subnormal * 1e8:.2f} x 10^-8", ("samples.toml",)),
            (f"{float(half.tiny) * 1e5:.1f} \\times 10^{{-5}}", A),  # 6.1e-5
            (f"{float(half.max):,.0f}", ARS),  # 65,504
            (f"{grad * scale * 1e3:.2f} \\times 10^{{-3}}", A),  # 1.31e-3
            (f"{grad * scale * 1e3:.2f} x 10^-3", ("samples.toml",)),
            (f"{2.0 * scale:,.0f}", ARS),  # 131,072
            (f"= **{fp32_bytes} bytes**", A),
            (f"{mixed_bytes}", AS),
            (f"{params * fp32_bytes / 1e9:.1f} GB", ARS),  # 2.4 GB
        ],
    )
    assert fp32_bytes == mixed_bytes


def test_permutation_forest_review() -> None:
    small, large, customers = 5, 12, 100_000
    cells = 2**large
    _check(
        "permutation-forest-review",
        [
            (f"{math.factorial(small)}", ARS),  # 120
            (f"{math.factorial(large):,}", ARS),  # 479,001,600
            (f"{cells:,}", ARS),  # 4,096
            (f"{customers / cells:.1f}", ARS),  # 24.4
        ],
    )


def test_as_of_feature_join() -> None:
    accounts, txn_per, rows_per = 2_000_000, 10, 25
    txns, rows = accounts * txn_per, accounts * rows_per
    pairs = accounts * txn_per * rows_per
    probes = math.ceil(math.log2(rows_per + 1))
    _check(
        "as-of-feature-join",
        [
            (f"{txn_per} \\times {rows_per} = {txn_per * rows_per}", A),  # 250
            (f"{txn_per} x {rows_per} = {txn_per * rows_per}", ("samples.toml",)),
            (f"{pairs / 1e8:.0f} \\times", A),  # 5 x 10^8
            (f"{pairs / 1e8:.0f} x 10^8", ("rubric.toml", "samples.toml")),
            (f"{pairs * 100 / 1e9:.0f} GB", AS),  # 50 GB
            (f"= {probes}$ probes", A),  # 5
            (f"at most {probes} probes", ("samples.toml",)),
            (f"10^{round(math.log10(txns * probes))}", ARS),  # 10^8
            (f"{(txns + rows) / 1e7:.0f} \\times 10^7", A),  # 7 x 10^7
            (f"{(txns + rows) / 1e7:.0f} x 10^7", ("rubric.toml", "samples.toml")),
        ],
    )
    assert txns * probes == 10**8
    # a transaction uniform between two rows: the later row is the closer one half the time
    grid = [(i + 0.5) / 10_000 for i in range(10_000)]
    later = sum(1 - u < u for u in grid) / len(grid)
    assert later == 0.5
    _check("as-of-feature-join", [("the next row is closer **half the time**", A)])
