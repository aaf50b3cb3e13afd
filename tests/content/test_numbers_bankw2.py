"""Every derived figure of the second-angle written questions (issue 18, helper bankw2) is
computed here and must appear, formatted as written, in the files that print it.

Given figures (a scenario's inputs) are not checked; everything computed from them is: a figure
typed by hand that is off in its last digit fails (see the first test). Each test names the
question it checks.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import pytest

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()
ALL = ("prompt.md", "hints.md", "answer.md", "rubric.toml", "samples.toml", "corpus.toml")


def _text(qid: str, name: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    text = (folder / name).read_text(encoding="utf-8")
    text = text.replace("{,}", ",").replace("\\%", "%").replace("\\$", "$")
    return " ".join(text.split())  # a figure may be wrapped over two lines


def _shows(qid: str, *pairs: tuple[str, str]) -> None:
    """Each (file, formatted figure) pair: the figure occurs in that file."""
    missing = [(name, figure) for name, figure in pairs if figure not in _text(qid, name)]
    assert not missing, f"{qid}: derived figures not found as written: {missing}"


def _pct(p: float, digits: int = 1) -> str:
    return f"{100 * p:.{digits}f}%"


def test_a_figure_off_in_its_last_digit_fails() -> None:
    _shows("account-takeover-correlated-signals", ("answer.md", "1.07%"))
    with pytest.raises(AssertionError, match="not found"):
        _shows("account-takeover-correlated-signals", ("answer.md", "1.08%"))


def test_account_takeover_correlated_signals() -> None:
    qid = "account-takeover-correlated-signals"
    ato, legit = 500, 999_500
    device, network, both = (450, 49_975), (400, 39_980), (380, 34_980)
    lr_device = (device[0] / ato) / (device[1] / legit)
    lr_network = (network[0] / ato) / (network[1] / legit)
    assert (round(lr_device, 9), round(lr_network, 9)) == (18, 20)
    prior_odds = ato / legit
    assert round(1 / prior_odds, 6) == 1999
    naive_odds = lr_device * lr_network * prior_odds
    naive_p = naive_odds / (1 + naive_odds)
    joint_p = both[0] / (both[0] + both[1])
    joint_lr = (both[0] / ato) / (both[1] / legit)
    independent_both = legit * (device[1] / legit) * (network[1] / legit)
    device_p = device[0] / (device[0] + device[1])
    leak_odds = lr_device / 99
    leak_p = leak_odds / (1 + leak_odds)
    threshold = 0.20 / (300 + 0.20)
    quiet_p = (ato - device[0]) / (ato - device[0] + legit - device[1])
    _shows(
        qid,
        ("answer.md", f"{naive_odds:.3f}"),  # 0.180
        ("answer.md", _pct(naive_p)),  # 15.3%
        ("answer.md", f"{joint_p:.2%}"),  # 1.07%
        ("answer.md", f"{joint_lr:.1f}"),  # 21.7
        ("answer.md", f"= {independent_both:,.0f}"),  # 1,999
        ("answer.md", f"{both[1] / independent_both:.1f} times"),  # 17.5
        ("answer.md", f"{device_p:.2%}"),  # 0.89%
        ("answer.md", f"about {round(both[1] / both[0])} legitimate"),  # 92
        ("answer.md", f"{leak_odds:.3f}"),  # 0.182
        ("answer.md", _pct(leak_p)),  # 15.4%
        ("answer.md", f"{threshold:.3%}"),  # 0.067%
        ("answer.md", f"{quiet_p:.4%}"),  # 0.0053%
        ("answer.md", f"{ato - device[0]}/({ato - device[0]} + {legit - device[1]:,})"),
        ("rubric.toml", f"{both[0] + both[1]:,}"),  # 35,360
        ("rubric.toml", _pct(leak_p)),
        ("corpus.toml", f"{device[0] + device[1]:,} new-device"),  # 50,425
        ("corpus.toml", f"about {joint_p * 300:.1f}"),  # 3.2 expected loss
    )
    # round figures the text quotes: "fourteen times lower", "seventeen times", 495 and 90
    assert round(naive_p / joint_p) == 14 and round(leak_p / device_p) == 17
    assert (10_000 - 100) * 0.05 == 495 and 100 * 0.9 == 90
    _shows(qid, ("corpus.toml", "90 of them on a new device, against 495 legitimate"))


def _winner_curse(power: float, alpha: float = 0.05) -> tuple[float, float]:
    """Expected z of a test with this power, and its mean given it clears the bar (upper side)."""
    n = NormalDist()
    z = n.inv_cdf(1 - alpha / 2)
    mu = z - n.inv_cdf(1 - power)
    a = z - mu
    return mu, mu + n.pdf(a) / (1 - n.cdf(a))


def test_experiment_false_discoveries() -> None:
    qid = "experiment-false-discoveries"
    tests, good_share, alpha, power = 200, 0.10, 0.05, 0.80
    good, useless = tests * good_share, tests * (1 - good_share)
    true_wins, false_wins = good * power, useless * alpha
    share = false_wins / (true_wins + false_wins)
    true_low = good * 0.30
    share_low = false_wins / (true_low + false_wins)
    mu, mean_sig = _winner_curse(0.30)
    _, mean_sig80 = _winner_curse(0.80)
    mu80 = NormalDist().inv_cdf(0.975) + NormalDist().inv_cdf(0.80)
    false_strict = useless * 0.01
    share_strict = false_strict / (true_wins + false_strict)
    n = NormalDist()
    z05, z01, zb = n.inv_cdf(0.975), n.inv_cdf(0.995), n.inv_cdf(0.80)
    ratio = ((z01 + zb) / (z05 + zb)) ** 2
    _shows(
        qid,
        ("answer.md", f"= {true_wins:.0f}$"),
        ("answer.md", f"= {false_wins:.0f}$"),
        ("answer.md", f"about {true_wins + false_wins:.0f} significant"),
        ("answer.md", f"**{share:.0%}**"),
        ("answer.md", f"= {true_low:.0f}$ wins"),
        ("answer.md", f"**{share_low:.0%}**"),
        ("answer.md", f"{good - true_low:.0f} of the 20"),
        ("answer.md", f"about {mu:.2f}"),
        ("answer.md", f"about {mean_sig:.2f}"),
        ("answer.md", f"**{mean_sig / mu:.2f} times**"),
        ("answer.md", f"about {mean_sig80 / mu80:.2f}"),
        ("answer.md", f"= {false_strict:.1f}$"),
        ("answer.md", f"**{share_strict:.1%}**"),
        ("answer.md", f"{z01:.3f} + {zb:.3f}}}{{{z05:.3f} + {zb:.3f}"),
        ("answer.md", f"{ratio:.2f}"),
        ("answer.md", f"{ratio - 1:.0%} more users"),
        ("rubric.toml", f"{ratio - 1:.0%} more users"),
        ("samples.toml", f"{true_wins + false_wins:.0f}, {share:.0%}"),
        ("corpus.toml", f"{false_strict:.1f}/{true_wins + false_strict:.1f} = {share_strict:.2f}"),
        ("corpus.toml", f"{mean_sig / mu:.2f} x true effect"),
    )
    assert round(false_wins / false_strict) == 5  # "cuts false wins fivefold"


def test_fanout_tail_latency() -> None:
    qid = "fanout-tail-latency"
    shards, p_fast = 40, 0.99
    all_fast = p_fast**shards
    some_slow = 1 - all_fast
    quantile = p_fast ** (1 / shards)
    some_slow_100 = 1 - p_fast**100
    two_slow = 1 - all_fast - shards * (1 - p_fast) * p_fast ** (shards - 1)
    alone, batched = 1 / 0.004, 32 / 0.012
    gpus_alone, gpus_batched = 10_000 / alone, 10_000 / batched
    fill_ms = 32 / 10_000 * 1000
    _shows(
        qid,
        ("answer.md", f"\\approx {all_fast:.3f}"),  # 0.669
        ("answer.md", f"**{some_slow:.1%}**"),  # 33.1%
        ("answer.md", f"\\approx {quantile:.5f}"),  # 0.99975
        ("answer.md", f"**{100 * quantile:.3f}th percentile**"),
        ("answer.md", f"\\approx {some_slow_100:.1%}"),  # 63.4%
        ("answer.md", f"\\approx {two_slow:.1%}"),  # 6.1%
        ("answer.md", f"= {alone:.0f}$ requests"),
        ("answer.md", f"= {gpus_alone:.0f}$ GPUs"),
        ("answer.md", f"\\approx {batched:,.0f}$"),  # 2,667
        ("answer.md", f"= {gpus_batched:.2f}$"),  # 3.75
        ("answer.md", f"({gpus_batched / math.ceil(gpus_batched):.0%} busy"),  # 94%
        ("answer.md", f"{5 + 12} ms"),
        ("answer.md", f"about {fill_ms:.1f} ms"),
        ("rubric.toml", f"{100 * quantile:.3f}th"),
        ("rubric.toml", f"{some_slow_100:.1%}"),
        ("rubric.toml", f"{two_slow:.1%}"),
        ("rubric.toml", f"{batched:,.0f}"),
        ("samples.toml", f"about {all_fast:.2f}"),
        ("samples.toml", f"about {quantile:.5f}"),
        ("corpus.toml", f"= {some_slow:.3f}"),
        ("corpus.toml", f"= {two_slow:.3f}"),
    )
    # "about one in 4,000" calls beyond the 99.975th percentile; "one in sixteen" for 39 of 40
    assert round(1 / (1 - quantile), -2) == 4_000 and round(1 / two_slow) == 16


def _poisson_sf(k: int, mean: float) -> float:
    """P(X >= k) for a Poisson count."""
    term, below = math.exp(-mean), 0.0
    for i in range(k):
        below += term
        term *= mean / (i + 1)
    return 1 - below


def test_zero_failures_rare_events() -> None:
    qid = "zero-failures-rare-events"
    n, per_day, rate = 500, 200_000, 0.0005
    bound = 1 - 0.05 ** (1 / n)
    clean_at_half_pct = (1 - 0.005) ** n
    needed = math.log(0.05) / math.log(0.999)
    mean = per_day * rate
    sd = math.sqrt(mean)
    normal_cut = mean + NormalDist().inv_cdf(0.995) * sd
    exact_cut = next(k for k in range(int(mean), 10 * int(mean)) if _poisson_sf(k, mean) < 0.005)
    audit = 1_000 * rate
    tail_normal_cut, tail_exact_cut = (
        _poisson_sf(round(normal_cut), mean),
        _poisson_sf(exact_cut, mean),
    )
    _shows(
        qid,
        ("answer.md", f"\\approx {bound:.3%}"),  # 0.597%
        ("answer.md", f"3/500 = {3 / n:.1%}"),
        ("answer.md", f"about {bound * per_day:,.0f}"),  # 1,195
        ("answer.md", f"**{clean_at_half_pct:.1%}**"),  # 8.2%
        ("answer.md", f"\\approx {needed:,.1f}$"),  # 2,994.2
        ("answer.md", f"**{math.ceil(needed):,}**"),  # 2,995
        ("answer.md", f"\\lambda = {mean:.0f}$"),
        ("answer.md", f"= {sd:.0f}$"),
        ("answer.md", f"\\approx {round(normal_cut)}$"),  # 126
        ("answer.md", f"P(X \\ge {round(normal_cut)}) \\approx {tail_normal_cut:.2%}"),
        ("answer.md", f"**{exact_cut}** ($P(X \\ge {exact_cut}) \\approx {tail_exact_cut:.2%}"),
        ("answer.md", f"= {audit}$"),
        ("answer.md", f"\\approx {math.exp(-audit):.1%}"),  # 60.7%
        ("answer.md", f"standard deviation {math.sqrt(audit):.2f}"),
        ("answer.md", f"({7 * audit} expected a week)"),
        ("rubric.toml", f"{math.ceil(needed):,}"),
        ("rubric.toml", f"{clean_at_half_pct:.1%}"),
        ("rubric.toml", f"128 from the exact Poisson tail ({_poisson_sf(128, mean):.2%}"),
        ("samples.toml", f"about {math.ceil(needed):,} clean"),
        ("corpus.toml", f"= {clean_at_half_pct:.3f}"),
        ("corpus.toml", f"= {needed:.1f}"),
    )
    assert exact_cut == 128


def test_drift_types_prior_shift() -> None:
    qid = "drift-types-prior-shift"
    old, tpr, fpr, flagged = 0.20, 0.90, 0.05, 0.39
    new = (flagged - fpr) / (tpr - fpr)
    factor = (new / (1 - new)) / (old / (1 - old))
    odds = 0.30 / 0.70 * factor
    cut_odds = 1 / factor
    _shows(
        qid,
        ("answer.md", f"= {new:.1f}.$"),
        ("answer.md", f"**{new:.0%}**"),
        ("answer.md", f"\\approx {factor:.3f}"),  # 2.667
        ("answer.md", f"\\approx {0.30 / 0.70:.3f}"),  # 0.429
        ("answer.md", f"${odds:.3f}$"),  # 1.143
        ("answer.md", f"{odds / (1 + odds):.3f}**"),  # 0.533
        ("answer.md", f"= {cut_odds:.3f}$"),  # 0.375
        ("answer.md", f"{cut_odds / (1 + cut_odds):.3f}**"),  # 0.273
        ("samples.toml", f"{flagged - fpr:.2f}/{tpr - fpr:.2f}"),
        ("corpus.toml", f"0.9 x 0.4 + 0.05 x 0.6 = {tpr * new + fpr * (1 - new):.2f}"),
    )


def test_feed_ranker_feature_skew() -> None:
    qid = "feed-ranker-feature-skew"
    published, day = 2, 24  # events up to midnight, published at 02:00, read for a day
    youngest, oldest = published, published + day
    mean_age = (youngest + oldest) / 2  # traffic spread evenly over the day
    leaky_share = published / day
    rows = 50_000_000 * 28
    _shows(
        qid,
        ("answer.md", f"**{youngest} hours**"),
        ("answer.md", f"**{oldest} hours**"),
        ("answer.md", f"**{mean_age:.0f} hours** on average"),
        ("answer.md", f"{published}/{day} \\approx {leaky_share:.1%}"),
        ("answer.md", f"{rows / 1e9:.1f} billion rows"),
        ("rubric.toml", f"{published}/{day} = {leaky_share:.1%}"),
        ("rubric.toml", f"{rows / 1e9:.1f} billion rows"),
        ("samples.toml", f"{youngest} to {oldest} hours old, {mean_age:.0f} on average"),
        ("samples.toml", f"about {leaky_share:.0%} of traffic"),
        ("corpus.toml", f"min {youngest} h, max {oldest} h, mean {mean_age:.0f} h"),
    )


def test_ranker_rollback_reproducibility() -> None:
    qid = "ranker-rollback-reproducibility"
    runs = [0.409, 0.414, 0.412, 0.416, 0.411]
    mean = sum(runs) / len(runs)
    sd = math.sqrt(sum((r - mean) ** 2 for r in runs) / (len(runs) - 1))
    z_recorded = (0.418 - mean) / sd
    pc, pt, ratio = 0.040, 0.040 * 0.97, 19  # control is 95%, the canary 5%
    z = NormalDist().inv_cdf(0.975) + NormalDist().inv_cdf(0.80)
    var_c, var_t = pc * (1 - pc), pt * (1 - pt)
    n_t = z**2 * (var_c / ratio + var_t) / (pc - pt) ** 2
    per_day = 1_000_000 * 0.05
    _shows(
        qid,
        ("answer.md", f"**{mean:.4f}**"),
        ("answer.md", f"**{sd:.4f}**"),
        ("answer.md", f"**{z_recorded:.1f}**"),
        ("answer.md", f"p_t = {100 * pt:.2f}%"),
        ("answer.md", f"of {pc - pt:.4f}"),
        ("answer.md", f"({var_c:.4f}/19 + {var_t:.4f}"),
        ("answer.md", f"{pc - pt:.4f}^2"),
        ("answer.md", f"\\approx {math.ceil(n_t):,}$"),
        ("answer.md", f"{per_day:,.0f} searches a day"),
        ("answer.md", f"**{n_t / per_day:.1f} days**"),
        ("answer.md", f"{math.ceil(n_t / per_day)} full days"),
        ("rubric.toml", f"{math.ceil(n_t):,}"),
        ("samples.toml", f"{n_t / per_day:.1f} days"),
        ("corpus.toml", f"= {math.ceil(n_t):,}"),
        ("corpus.toml", f"{z**2:.2f} x"),
    )
    assert round(per_day / n_t * 4) == 1  # "a quarter of that"


def test_pretraining_cluster_plan() -> None:
    qid = "pretraining-cluster-plan"
    n_params, tokens, gpus, peak, mfu = 13e9, 260e9, 128, 312e12, 0.40
    compute = 6 * n_params * tokens
    rate = gpus * peak * mfu
    seconds = compute / rate
    days = seconds / 86_400
    step_tokens = 1_024 * 4_096
    steps = tokens / step_tokens
    step_s = 6 * n_params * step_tokens / rate
    state_gb = 16 * n_params / 1e9
    tp, pp = 8, 4
    dp = gpus // (tp * pp)
    grad_gb = n_params / (tp * pp) * 2 / 1e9
    allreduce_gb = 2 * (dp - 1) / dp * grad_gb
    bubble16, bubble64 = (pp - 1) / (16 + pp - 1), (pp - 1) / (64 + pp - 1)
    interval = math.sqrt(2 * 2 * 1_440)
    overhead = 2 / interval
    failures = round(days)
    lost_hours = failures * (interval / 2 + 15) / 60 + overhead * days * 24
    _shows(
        qid,
        ("answer.md", f"{compute / 1e22:.2f}\\times10^{{22}}$"),
        ("answer.md", f"{rate / 1e16:.1f}\\times10^{{16}}$"),
        ("answer.md", f"{seconds / 1e6:.2f}\\times10^6$"),
        ("answer.md", f"**{days:.1f} days**"),
        ("answer.md", f"= {step_tokens:,}$"),
        ("answer.md", f"**{math.ceil(steps):,} steps**"),
        ("answer.md", f"**{step_s:.1f} s**"),
        ("answer.md", f"= {state_gb:.0f}$ GB"),
        ("answer.md", f"**Data parallel {dp}**"),
        ("answer.md", f"\\approx {n_params / (tp * pp) / 1e6:.0f}$M"),
        ("answer.md", f"about {grad_gb:.2f} GB"),
        ("answer.md", f"\\approx {allreduce_gb:.2f}$ GB"),
        ("answer.md", f"about {allreduce_gb / 25:.2f} s"),
        ("answer.md", f"{state_gb:.0f} / {tp * pp} = {state_gb / (tp * pp)}$ GB"),
        ("answer.md", f"\\approx$ **{bubble16:.1%}**"),
        ("answer.md", f"\\approx$ **{bubble64:.1%}**"),
        ("answer.md", f"= {1_024 // dp}$ sequences"),
        ("answer.md", f"\\approx {interval:.0f}$ minutes"),
        ("answer.md", f"\\approx {overhead:.1%}"),
        ("answer.md", f"about {interval / 2:.0f} minutes"),
        ("answer.md", f"about {failures} failures"),
        ("answer.md", f"about {lost_hours:.0f} hours"),
        ("rubric.toml", f"{math.ceil(steps):,} steps"),
        ("rubric.toml", f"{allreduce_gb:.2f} GB per GPU, {allreduce_gb / 25:.2f} s"),
        ("samples.toml", f"{math.ceil(steps):,} steps at about {step_s:.1f} s"),
        ("corpus.toml", f"= {interval:.1f} min"),
    )
    assert dp * tp * pp == gpus and 1_024 // dp // 4 == 64


def test_intervals_small_samples_paired() -> None:
    qid = "intervals-small-samples-paired"
    z = NormalDist().inv_cdf(0.975)
    n, errors = 40, 3
    p = errors / n
    se = math.sqrt(p * (1 - p) / n)
    wald = (p - z * se, p + z * se)
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    wilson = (centre - half, centre + half)
    zero_bound = 1 - 0.05 ** (1 / n)
    margins = {a: z * math.sqrt(a * (1 - a) / 1_000) for a in (0.87, 0.85)}
    chi2 = (50 - 30) ** 2 / (50 + 30)
    p_value = math.erfc(math.sqrt(chi2 / 2))
    _shows(
        qid,
        ("answer.md", f"\\approx {se:.4f}"),
        ("answer.md", f"**[{wald[0]:.2%}, {wald[1]:.2%}]**".replace("-", "−")),
        ("answer.md", f"**[{wilson[0]:.2%}, {wilson[1]:.2%}]**"),
        ("answer.md", f"\\approx {zero_bound:.1%}"),
        ("answer.md", f"$3/40 = {3 / 40:.1%}$"),
        ("answer.md", f"87.0% \\pm {100 * margins[0.87]:.2f}$ points"),
        ("answer.md", f"[{0.87 - margins[0.87]:.1%}, {0.87 + margins[0.87]:.1%}]"),
        ("answer.md", f"85.0% \\pm {100 * margins[0.85]:.2f}$ points"),
        ("answer.md", f"[{0.85 - margins[0.85]:.1%}, {0.85 + margins[0.85]:.1%}]"),
        ("answer.md", f"= {chi2:.1f}"),
        ("answer.md", f"p \\approx {p_value:.3f}"),
        ("rubric.toml", f"[{wald[0]:.2%}, {wald[1]:.2%}]"),
        ("rubric.toml", f"[{wilson[0]:.2%}, {wilson[1]:.2%}]"),
        ("samples.toml", f"+/- {z * se:.3f}"),
        ("corpus.toml", f"[{wald[0]:.4f}, {wald[1]:.4f}]"),
        ("corpus.toml", f"[{wilson[0]:.4f}, {wilson[1]:.4f}]"),
    )
    assert n * p == 3  # "n p-hat = 3", below the usual 10


def test_recommendation_incrementality_ips() -> None:
    qid = "recommendation-incrementality-ips"
    shown, held = 1.230, 1.200
    lift = shown - held
    attributed = 0.12 * shown
    # (probability of the shown item, clicked, new policy agrees): the prompt's eight rows
    log = [
        (0.80, 1, 1),
        (0.05, 1, 1),
        (0.80, 0, 0),
        (0.05, 0, 1),
        (0.80, 1, 1),
        (0.05, 0, 0),
        (0.80, 0, 1),
        (0.80, 1, 0),
    ]
    weighted = sum(r * a / p for p, r, a in log)
    weights = sum(a / p for p, _, a in log)
    ips, snips = weighted / len(log), weighted / weights
    logging_ctr = sum(r for _, r, _ in log) / len(log)
    _shows(
        qid,
        ("answer.md", f"= {lift:.3f}$ purchases"),
        ("answer.md", f"**+{lift / held:.1%}**"),
        ("answer.md", f"\\approx {attributed:.3f}$"),
        ("answer.md", f"{lift:.3f}/{attributed:.3f} \\approx$ **{lift / attributed:.0%}**"),
        ("answer.md", f"\\frac{{{weighted}}}{{8}}"),
        ("answer.md", f"\\approx {ips:.2f}"),
        ("answer.md", f"= {weights}$"),
        ("answer.md", f"{weighted} / {weights} \\approx {snips:.3f}"),
        ("answer.md", f"against {logging_ctr} for the logging policy"),
        ("rubric.toml", f"= {attributed:.3f} per user"),
        ("rubric.toml", f"{weighted}/{weights} = {snips:.3f}"),
        ("samples.toml", f"{weighted}/8, about {ips:.2f}"),
        ("corpus.toml", f"= {ips:.4f} > 1"),
        ("corpus.toml", f"incremental share = {lift / attributed:.3f}"),
    )
    assert max(a / p for p, _, a in log) == 20  # "weight 20"


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def test_credit_decline_shap_reasons() -> None:
    qid = "credit-decline-shap-reasons"
    base = -2.0
    shap = {"dti": 0.9, "delinquencies": 0.6, "postcode": 0.4, "history": 0.3, "income": -0.2}
    output = base + sum(shap.values())
    assert abs(output) < 1e-12  # log-odds 0
    line = math.log(0.2 / 0.8)
    from_base = _sigmoid(base + shap["dti"]) - _sigmoid(base)
    at_applicant = _sigmoid(output) - _sigmoid(output - shap["dti"])
    both_removed = output - shap["dti"] - shap["delinquencies"]
    _shows(
        qid,
        ("answer.md", f"$\\sigma(0) = {_sigmoid(output):.0%}$"),
        ("answer.md", f"\\approx {_sigmoid(base):.1%}"),
        ("answer.md", f"\\approx {line:.3f}"),
        ("answer.md", f"\\approx {_sigmoid(base + shap['dti']):.1%}"),
        ("answer.md", f"**{100 * from_base:.1f} points**"),
        ("answer.md", f"\\approx {_sigmoid(output - shap['dti']):.1%}"),
        ("answer.md", f"**{100 * at_applicant:.1f} points**"),
        ("answer.md", f"gives ${both_removed:.1f}$"),
        ("answer.md", f"\\approx {_sigmoid(both_removed):.1%}"),
        ("rubric.toml", f"{100 * from_base:.1f} points"),
        ("rubric.toml", f"{100 * at_applicant:.1f} points"),
        ("rubric.toml", f"({_sigmoid(both_removed):.1%})"),
        ("samples.toml", f"ln(0.2/0.8) = {line:.3f}"),
        ("corpus.toml", f"= {from_base:.3f}"),
        ("corpus.toml", f"= {at_applicant:.3f}"),
    )
    assert round(_sigmoid(output) / _sigmoid(base)) == 4  # "four times the roughly 12%"


def test_marketplace_experiment_interference() -> None:
    qid = "marketplace-experiment-interference"
    before, treated, control = 100, 108, 95
    naive = treated / control - 1
    market = (treated + control) / 2
    blocks = 10 * 14 * 24
    burn_in = 10 / 60
    m, icc = 2_000, 0.01
    design_effect = 1 + (m - 1) * icc
    sessions = 10 * m * 14 * 24
    effective = sessions / design_effect
    _shows(
        qid,
        ("prompt.md", f"**+{naive:.1%}**"),
        ("answer.md", f"\\approx {naive:.1%}"),
        ("answer.md", f"(−{before - control}%)"),  # control's loss, with a typographic minus
        ("answer.md", f"= {market}$"),
        ("answer.md", f"**+{market / before - 1:.1%}**"),
        ("answer.md", f"= {blocks:,}$"),
        ("answer.md", f"\\approx {burn_in:.1%}"),
        ("answer.md", f"= {design_effect:.2f}$"),
        ("answer.md", f"= {sessions:,}$"),
        ("answer.md", f"\\approx {effective:,.0f}$"),
        (
            "answer.md",
            f"about $\\sqrt{{{round(design_effect)}}} \\approx {math.sqrt(design_effect):.1f}$",
        ),
        ("answer.md", f"{round(design_effect)} times less"),
        ("rubric.toml", f"{blocks:,} units"),
        ("rubric.toml", f"{effective:,.0f}"),
        ("samples.toml", f"{burn_in:.1%} of the data"),
        ("corpus.toml", f"= {effective:,.0f}"),
    )
    # with the burn-in discarded as well (the prompt counts every session; both are accepted)
    kept = m * (1 - burn_in)
    kept_effect = 1 + (kept - 1) * icc
    kept_effective = sessions * (1 - burn_in) / kept_effect
    _shows(
        qid,
        ("answer.md", f"about {kept:,.0f} sessions per block"),
        ("answer.md", f"about {kept_effect:.2f}"),
        ("answer.md", f"${sessions * (1 - burn_in):,.0f}"),
        ("answer.md", f"{kept_effect:.2f} \\approx {kept_effective:,.0f}"),
        ("answer.md", f"$1/\\rho = {1 / icc:.0f}$"),
        ("rubric.toml", f"about {kept_effective:,.0f} if the burn-in"),
        ("corpus.toml", f"about {kept:,.0f} sessions per block"),
        ("corpus.toml", f"about {kept_effect:.2f}"),
        ("corpus.toml", f"1/rho = {1 / icc:.0f}"),
    )


def test_long_document_attention_cost() -> None:
    qid = "long-document-attention-cost"
    batch, heads, layers, d = 8, 12, 12, 768

    def score_bytes(n: int) -> float:
        return batch * heads * n * n * 2

    short, long = score_bytes(512), score_bytes(8_192)
    _shows(
        qid,
        ("answer.md", f"= {batch * heads}$ sequence-heads"),
        ("answer.md", f"**{short / 1e6:.1f} MB**"),
        ("answer.md", f"**{long / 1e9:.1f} GB**"),
        ("answer.md", f"$16^2 = {16**2}$ times"),
        ("answer.md", f"**{layers * long / 1e9:.1f} GB**"),
        ("answer.md", f"({layers * short / 1e9:.1f} GB at 512)"),
        ("answer.md", f"512 / {6 * d:,} \\approx {512 / (6 * d):.2f}"),
        ("answer.md", f"8,192/{6 * d:,} \\approx {8_192 / (6 * d):.2f}"),
        ("answer.md", f"= {8_192 // 512}$ times smaller"),
        ("answer.md", f"= {layers * 256:,}$ positions"),
        ("rubric.toml", f"{short / 1e6:.1f} MB"),
        ("rubric.toml", f"{layers * long / 1e9:.1f} GB"),
        ("samples.toml", f"{512 / (6 * d):.2f}; at 8,192 it's {8_192 / (6 * d):.2f}"),
        ("corpus.toml", f"= {long / 1e9:.1f} GB/layer"),
    )
    assert round(16 * short / 1e8) == 8  # the wrong sample's linear "about 800 MB"


def test_time_series_lags_stationarity() -> None:
    qid = "time-series-lags-stationarity"
    phi, mu, sigma, today = 0.8, 100, 10, 150

    def sd(h: int) -> float:
        return sigma * math.sqrt((1 - phi ** (2 * h)) / (1 - phi**2))

    forecast3 = mu + phi**3 * (today - mu)
    long_run = sigma / math.sqrt(1 - phi**2)
    _shows(
        qid,
        ("answer.md", f"$0.8^7 \\approx {phi**7:.2f}$"),
        ("answer.md", f"= 100 + {phi**3:.3f} \\times 50 = {forecast3:.1f}$"),
        ("answer.md", f"about **{sd(3):.2f}**"),
        ("answer.md", f"\\approx {long_run:.2f}$"),
        ("rubric.toml", f"{phi**3:.3f} x 50 = {forecast3:.1f}"),
        ("rubric.toml", f"{sd(1):.0f} (1 day), {sd(3):.2f} (3 days) and {long_run:.2f}"),
        ("samples.toml", f"about {sd(3):.2f}"),
        ("corpus.toml", f"h = 3 -> {sd(3):.2f}"),
        ("corpus.toml", f"about {sd(3) / sd(1) - 1:.0%} more uncertain"),
    )
    assert round(sd(1), 9) == 10 and round(today - forecast3) == 24  # "half of the 50 gone"


def test_deep_mlp_initialisation_debug() -> None:
    qid = "deep-mlp-initialisation-debug"
    n, depth = 512, 20

    def gain(sd: float) -> float:
        return n * sd**2 / 2

    he, xavier = math.sqrt(2 / n), math.sqrt(1 / n)
    _shows(
        qid,
        ("answer.md", f"= {gain(0.05):.2f}.$"),
        ("answer.md", f"$0.64^{{20}} \\approx {gain(0.05) ** depth / 1e-4:.2f}\\times10^{{-4}}$"),
        ("answer.md", f"$0.8^{{20}} \\approx {math.sqrt(gain(0.05)) ** depth:.4f}$"),
        ("answer.md", f"= {he}$"),
        ("answer.md", f"\\approx {xavier:.4f}$"),
        ("answer.md", f"= {gain(0.1):.2f}$"),
        ("answer.md", f"\\approx {gain(0.1) ** depth / 1e8:.2f}\\times10^{{8}}$"),
        ("rubric.toml", f"{gain(0.05) ** depth / 1e-4:.2f}e-4"),
        ("rubric.toml", f"{gain(0.1) ** depth / 1e8:.2f}e8"),
        ("samples.toml", f"about {math.sqrt(gain(0.05)) ** depth:.4f}"),
        ("corpus.toml", f"= {gain(0.1) ** depth / 1e8:.2f}e8"),
    )
    assert round(1 / gain(0.05) ** depth, -2) == 7_500  # "roughly 7,500-fold"
