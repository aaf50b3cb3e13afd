"""Every derived number in the B-key written questions is computed here (issue 18).

Each test recomputes the figures a question derives from its scenario (a residual, an
error rate, a count, a threshold) and asserts that the formatted figure appears in the
file that prints it, so a number typed or rounded by hand fails. The scenario's given
inputs need no test.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()


@cache
def _read(qid: str, name: str) -> str:
    (folder,) = [p for p in BANK.glob(f"*/{qid}") if p.is_dir()]
    return (Path(folder) / name).read_text(encoding="utf-8")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _shows(qid: str, name: str, *figures: str) -> None:
    """Each figure appears in the file (line breaks and runs of spaces count as one space)."""
    text = _squash(_read(qid, name))
    missing = [f for f in figures if _squash(f) not in text]
    assert not missing, f"{qid}/{name} does not print {missing}"


def _tex(n: float) -> str:
    """A whole number as the Markdown math writes it: 5{,}660."""
    return f"{round(n):,}".replace(",", "{,}")


def _g(x: float, digits: int = 2) -> str:
    """A figure as the text writes it: rounded, thousands separated, no trailing zeros."""
    r = round(float(x), digits)
    if r == int(r):
        return f"{int(r):,}"
    return f"{r:,.{digits}f}".rstrip("0")


def test_a_figure_off_by_one_unit_is_caught() -> None:
    # the check is exact: the training MSE after one round is 91, so 92 must fail
    _shows("boosting-by-hand", "answer.md", "= 91")
    with pytest.raises(AssertionError, match="does not print"):
        _shows("boosting-by-hand", "answer.md", "= 92")


def test_boosting_by_hand() -> None:
    qid = "boosting-by-hand"
    x = np.array([1.0, 2, 6, 8])
    y = np.array([12.0, 16, 30, 38])
    f0 = y.mean()
    residuals = y - f0
    # the best stump: the cut that leaves the least squared error inside the leaves
    sse = []
    for cut in range(1, len(x)):
        left, right = residuals[:cut], residuals[cut:]
        sse.append(((left - left.mean()) ** 2).sum() + ((right - right.mean()) ** 2).sum())
    best = int(np.argmin(sse)) + 1
    assert (x[best - 1], x[best]) == (2, 6)  # the prompt's split is the best one
    leaves = np.where(np.arange(4) < best, residuals[:best].mean(), residuals[best:].mean())
    f1 = f0 + 0.1 * leaves
    mse0, mse1 = ((y - f0) ** 2).mean(), ((y - f1) ** 2).mean()
    _shows(qid, "hints.md", f"F_0 = {_g(f0)}")
    _shows(qid, "answer.md", _g(f0), "(-12,\\ -8,\\ 6,\\ 14)", "(23,\\ 23,\\ 25,\\ 25)")
    assert list(residuals) == [-12, -8, 6, 14] and list(f1) == [23, 23, 25, 25]
    assert sorted({leaves[0], leaves[-1]}) == [-10, 10]
    _shows(qid, "answer.md", f"= {_g(mse0)}", f"= {_g(mse1)}", "$-10$ and $+10$")
    _shows(qid, "answer.md", f"error of {_g(sse[1])}", f"{_g(sse[0])} and about {_g(sse[2], 1)}")
    nxt = y - f1
    _shows(qid, "answer.md", "(" + ", ".join(_g(v) for v in nxt) + ")")
    # eta = 1 jumps straight to the leaf means
    _shows(qid, "answer.md", f"to {_g(f0 + leaves[0])} and {_g(f0 + leaves[-1])}")
    _shows(qid, "rubric.toml", "from 110 to 91", "-12, -8, 6 and 14")
    _shows(qid, "samples.toml", "(121 + 49 + 25 + 169)/4 = 91")
    # split candidates per feature: a million sorted values against 255 bins
    _shows(qid, "answer.md", f"about {_g(round(1_000_000 / 255, -2))} times fewer")


def test_rare_defects_threshold() -> None:
    qid = "rare-defects-threshold"
    parts, rate, recall, fpr = 200_000, 0.005, 0.80, 0.02
    defective = parts * rate
    good = parts - defective
    tp, fp = recall * defective, fpr * good
    flagged = tp + fp
    precision = tp / flagged
    _shows(qid, "answer.md", "1{,}000", f"{good:,.0f}", f"{tp:.0f} true", "3{,}980", "4{,}780")
    _shows(qid, "answer.md", f"\\approx {precision:.3f}", f"about {round(flagged / tp)} parts")
    _shows(qid, "answer.md", f"about {flagged / parts * 40_000:.0f} inspections")
    _shows(qid, "rubric.toml", f"{fp:,.0f} false alarms", f"flags {flagged:,.0f}")
    _shows(qid, "rubric.toml", f"about {precision:.0%}", f"{good:,.0f} good")
    _shows(qid, "samples.toml", f"{fp:,.0f} false alarms", f"about {precision:.0%}")
    _shows(qid, "answer.md", f"flag nothing: {1 - rate:.1%}")
    # a random model's PR AUC is the base rate
    _shows(qid, "answer.md", f"about {rate}")
    # inspect when p * 500 > 5
    threshold = 5 / 500
    _shows(qid, "answer.md", f"5/500 = {threshold}", f"is {threshold:.0%}", f"{500 // 5} times")
    _shows(qid, "rubric.toml", f"5/500 = {threshold:.0%}")
    # keeping 1 in 20 good parts: training base rate and the corrected probability of 0.20
    beta, q = 1 / 20, 0.20
    train_rate = rate / (rate + (1 - rate) * beta)
    p = beta * q / (beta * q + 1 - q)
    assert p > threshold  # the part is inspected
    _shows(qid, "answer.md", f"\\approx {train_rate:.1%}".replace("%", "\\%"), f"\\approx {p:.3f}")
    _shows(qid, "answer.md", f"about {p:.1%}")
    _shows(qid, "rubric.toml", f"about {p:.1%}", f"= {p:.3f}")
    _shows(qid, "samples.toml", f"is about {p:.3f}", f"probability is {p:.1%}")


def test_click_model_calibration() -> None:
    qid = "click-model-calibration"
    impressions = np.array([30_000, 12_000, 6_000, 2_000])
    predicted = np.array([0.04, 0.14, 0.28, 0.55])
    observed = np.array([0.03, 0.09, 0.17, 0.33])
    expected_clicks = (impressions * predicted).sum()
    actual_clicks = (impressions * observed).sum()
    ece = (impressions * np.abs(predicted - observed)).sum() / impressions.sum()
    _shows(qid, "answer.md", f"= {_tex(expected_clicks)}")
    _shows(qid, "answer.md", f"produced {actual_clicks:,.0f}", f"is {ece:.2f} here")
    over = expected_clicks / actual_clicks - 1
    _shows(qid, "answer.md", f"about {over:.0%}")
    _shows(qid, "samples.toml", f"= {expected_clicks:,.0f}", f"about {over:.0%} more")
    _shows(qid, "rubric.toml", f"expects {expected_clicks:,.0f}", f"{actual_clicks:,.0f} happened")
    value = 2.00
    bid, worth = predicted[-1] * value, observed[-1] * value
    overbid = bid / worth - 1
    _shows(qid, "answer.md", f"\\${bid:.2f}$ for", f"\\${worth:.2f}$,", f"{overbid:.0%} too much")
    _shows(
        qid, "rubric.toml", f"bids {bid:.2f} dollars", f"{worth:.2f} dollars, about {overbid:.0%}"
    )
    _shows(qid, "samples.toml", f"{bid:.2f} dollars", f"worth {worth:.2f}, {overbid:.0%}")
    ratios = predicted / observed
    _shows(qid, "answer.md", f"from {ratios[0]:.2f} in", f"to {ratios[-1]:.2f} in")
    # the four impressions
    p = np.array([0.8, 0.3, 0.1, 0.6])
    y = np.array([1, 0, 0, 0])
    squares = (p - y) ** 2
    brier = squares.mean()
    log_loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    terms = " + ".join(_g(s) for s in squares)
    _shows(qid, "answer.md", f"\\tfrac14({terms}) = {_g(brier, 3)}", f"({log_loss:.3f} for")
    _shows(qid, "samples.toml", f"({terms})/4 = {_g(brier, 3)}")
    _shows(qid, "rubric.toml", f"{brier:.3f} for these four")
    assert math.isclose(0.5 * 0.5, 0.25)  # always predicting 0.5 scores 0.25
    _shows(qid, "answer.md", "0.5 scores 0.25")


def test_readmission_validation_leak() -> None:
    qid = "readmission-validation-leak"
    folds, admissions, patients = 5, 40_000, 9_000
    # a test admission's three sibling admissions all land in the test fold too
    unseen = (1 / folds) ** 3
    _shows(qid, "answer.md", f"$(1/5)^3 = {_g(unseen, 3)}$", f"in {1 - unseen:.1%} of cases")
    _shows(qid, "answer.md", f"about {admissions / patients:.1f} admissions")
    _shows(qid, "rubric.toml", f"(1/5)^3 = {unseen:.1%}", f"so {1 - unseen:.1%} do")
    _shows(qid, "rubric.toml", f"cubed, {unseen:.1%}", f"so in {1 - unseen:.1%} of cases")
    _shows(qid, "samples.toml", f"(1/5)^3 = {unseen:.1%}", f"so {1 - unseen:.1%}")


def test_scaling_and_encoding() -> None:
    qid = "scaling-and-encoding"
    sd = np.array([60_000.0, 15, 2])
    a, b, c = np.array([52_000.0, 25, 1]), np.array([82_000.0, 65, 5]), np.array([22_000.0, 25, 1])
    raw_ab, raw_ac = np.linalg.norm(a - b), np.linalg.norm(a - c)
    z_ab, z_ac = np.linalg.norm((a - b) / sd), np.linalg.norm((a - c) / sd)
    income_share = (a - b)[0] ** 2 / raw_ab**2
    _shows(qid, "answer.md", f"\\approx {_tex(raw_ab // 1)}.{round(raw_ab % 1 * 100):02d}")
    _shows(qid, "answer.md", f"exactly ${_tex(raw_ac)}$")
    _shows(qid, "answer.md", f"for {income_share:.4%}")
    steps = np.abs(a - b) / sd
    _shows(qid, "answer.md", f"= {steps[0]}$", f"\\approx {steps[1]:.2f}$", f"= {steps[2]:.0f}$")
    squares = " + ".join(_g(s) for s in steps**2)
    _shows(qid, "answer.md", f"\\sqrt{{{squares}}} \\approx {z_ab:.2f}", f"A-C is ${z_ac}$")
    _shows(qid, "answer.md", f"about {z_ab / z_ac:.1f} times closer")
    _shows(qid, "rubric.toml", f"about {z_ab:.2f} from B and {z_ac} from C", f"about {raw_ab:,.2f}")
    _shows(
        qid, "samples.toml", f"about {raw_ab:,.2f}", f"A-B is about {z_ab:.2f}", f"{steps[1]:.2f}"
    )


def test_locker_zones_clustering() -> None:
    qid = "locker-zones-clustering"
    k, d, n = 8, 2, 120_000
    per_component = d + d * (d + 1) // 2
    params = k * per_component + (k - 1)
    _shows(
        qid, "answer.md", f"$k-1 = {k - 1}$", f"${k} \\times {per_component} + {k - 1} = {params}$"
    )
    _shows(qid, "rubric.toml", f"{k} times {per_component} plus {k - 1}, that is {params}")
    _shows(qid, "samples.toml", f"= {params};")
    pairs = n * (n - 1) // 2
    gigabytes = pairs * 8 / 1e9
    _shows(qid, "answer.md", f"\\approx {pairs / 1e9:.1f}$ billion", f"about {gigabytes:.0f} GB")
    _shows(qid, "rubric.toml", f"about {pairs / 1e9:.1f} billion", f"roughly {gigabytes:.0f} GB")
    _shows(qid, "samples.toml", f"about {pairs / 1e9:.1f} billion", f"~{gigabytes:.0f} GB")
    a, b = 0.4, 1.0
    s = (b - a) / max(a, b)
    _shows(qid, "answer.md", f"= {s:.1f},$")
    _shows(qid, "rubric.toml", f"(1.0 - 0.4) / 1.0 = {s:.1f}")
    _shows(
        qid, "samples.toml", f"(1.0 - 0.4)/1.0 = {s:.1f}", f"silhouette for that point is {s:.1f}"
    )


def test_tsne_umap_vs_pca() -> None:
    qid = "tsne-umap-vs-pca"
    total, shown = 20.0, (3.0, 2.0)
    share = sum(shown) / total
    _shows(qid, "answer.md", f"$(3.0 + 2.0)/20.0 = {share:.0%}".replace("%", "\\%"))
    _shows(qid, "answer.md", f"other {384 - len(shown)} dimensions")
    _shows(qid, "rubric.toml", f"= {share:.0%} of the variance", f"only {share:.0%} of the")
    _shows(qid, "samples.toml", f"(3 + 2)/20 = {share:.0%}")


def test_api_abuse_anomalies() -> None:
    qid = "api-abuse-anomalies"
    euler_gamma = 0.5772
    harmonic = math.log(255) + euler_gamma
    c = 2 * harmonic - 2 * 255 / 256
    s4, s12 = 2 ** (-4 / c), 2 ** (-12 / c)
    assert s4 > 0.5 > s12
    _shows(qid, "answer.md", f"\\approx {harmonic:.3f}", f"\\approx {c:.2f}.$")
    _shows(
        qid,
        "answer.md",
        f"2^{{-4/{c:.2f}}} \\approx {s4:.3f}",
        f"2^{{-12/{c:.2f}}} \\approx {s12:.3f}",
    )
    _shows(qid, "rubric.toml", f"about {c:.2f}", f"about {s4:.3f}", f"about {s12:.3f}")
    _shows(
        qid,
        "samples.toml",
        f"= {harmonic:.3f}",
        f"{2 * harmonic:.3f} - {2 * 255 / 256:.3f} = {c:.2f}",
    )
    _shows(qid, "samples.toml", f"= {s4:.3f}", f"Path 12: {s12:.3f}")
    share = 200 / 2_000_000
    _shows(qid, "answer.md", f"is {share:.2%}", f"{1 - share:.2%} percentile".replace("%", "th"))
    _shows(qid, "rubric.toml", f"is {share:.2%}", f"{(1 - share) * 100:.2f}th percentile")
    _shows(qid, "samples.toml", f"is {share:.2%}", f"{(1 - share) * 100:.2f}th")


def test_store_demand_backtest() -> None:
    qid = "store-demand-backtest"
    days, folds, horizon = 1_095, 6, 14
    first_train = days - folds * horizon
    scored = folds * horizon
    _shows(qid, "hints.md", f"$1{{,}}095 - {folds} \\times {horizon}$")
    _shows(qid, "answer.md", f"$1{{,}}095 - {folds} \\times {horizon} = {_tex(first_train)}$")
    _shows(qid, "answer.md", f"${folds} \\times {horizon} = {scored}$ days")
    _shows(qid, "rubric.toml", f"trains on {first_train:,} days and {scored} days are scored")
    _shows(qid, "samples.toml", f"1,095 - {scored} = {first_train:,} days; {scored} days")


def test_importance_correlated_features() -> None:
    qid = "importance-correlated-features"
    base_rmse = 30_000
    area, rooms, both, dropped = 34_000, 31_000, 52_000, 30_500
    imp_area, imp_rooms, imp_both, imp_drop = (x - base_rmse for x in (area, rooms, both, dropped))
    assert imp_area / imp_rooms == 4  # the manager's "four times"
    _shows(qid, "answer.md", f"{imp_area:,} for floor area", f"{imp_rooms:,} for rooms")
    _shows(qid, "answer.md", f"costs {imp_both:,}", f"costs only {imp_drop}")
    _shows(qid, "rubric.toml", f"{imp_area:,} for floor area and {imp_rooms:,} for rooms")
    _shows(qid, "rubric.toml", f"by {imp_both:,}", f"the {imp_drop} lost")
    _shows(
        qid, "samples.toml", f"rises when you shuffle one feature: {imp_area:,}", f"up {imp_both:,}"
    )
    prediction, base = 420_000, 300_000
    known = {"area": 90_000, "rooms": 45_000, "year": 10_000}
    distance = prediction - base - sum(known.values())
    _shows(qid, "answer.md", f"{_tex(-10_000)[1:]} = -{_tex(-distance)}$")
    _shows(qid, "answer.md", f"combined +{known['area'] + known['rooms']:,}")
    _shows(qid, "rubric.toml", f"= {distance:,}")
    _shows(
        qid,
        "samples.toml",
        f"so distance gets {distance:,}",
        f"+{known['area'] + known['rooms']:,}",
    )
    _shows(qid, "samples.toml", f"so distance is {distance:,}")


def test_replenishment_forecasting() -> None:
    qid = "replenishment-forecasting"
    stores, products, horizon, hours, days = 400, 15_000, 14, 4, 1_095
    series = stores * products
    forecasts = series * horizon
    per_second = forecasts / (hours * 3600)
    rows = days * series
    series_per_second = series / (hours * 3600)  # one call forecasts a series' whole horizon
    _shows(qid, "answer.md", f"about {series_per_second:.0f} series a second")
    _shows(qid, "rubric.toml", f"about {series_per_second:.0f} series per second")
    _shows(
        qid, "answer.md", f"= {_tex(series)}$", f"{forecasts:,} forecasts", f"({hours * 3600:,} s)"
    )
    _shows(
        qid,
        "answer.md",
        f"about {round(per_second, -2):,.0f} forecasts",
        f"{rows / 1e9:.1f} billion",
    )
    _shows(
        qid, "rubric.toml", f"is {series // 10**6} million series", f"{forecasts // 10**6} million"
    )
    _shows(
        qid,
        "rubric.toml",
        f"about {round(per_second, -2):,.0f} per second",
        f"{rows / 1e9:.1f} billion",
    )
    _shows(qid, "samples.toml", f"= {series // 10**6} million", f"= {forecasts // 10**6} million")
    _shows(
        qid,
        "samples.toml",
        f"about {round(per_second, -2):,.0f} a second",
        f"{rows / 1e9:.1f} billion",
    )
    miss, waste = 3, 1
    ratio = miss / (miss + waste)
    _shows(qid, "answer.md", f"$3/(3+1) = {ratio}$", f"the {ratio:.0%}".replace("%", "th"))
    _shows(qid, "rubric.toml", f"the {ratio} quantile", f"3/(3+1) = {ratio}")
    _shows(qid, "samples.toml", f"the {ratio} quantile")


def test_gmm_em_by_hand() -> None:
    qid = "gmm-em-by-hand"
    x = np.array([1.0, 3, 4, 6, 9])
    mu, sigma, weights = np.array([2.0, 7.0]), 2.0, np.array([0.5, 0.5])
    density = weights * np.exp(-((x[:, None] - mu) ** 2) / (2 * sigma**2))
    r = density / density.sum(axis=1, keepdims=True)
    log_odds = np.log(r[:, 0] / r[:, 1])
    assert np.allclose(log_odds, (45 - 10 * x) / 8)  # the hint's closed form
    row = lambda v, d=3: " | ".join(f"{e:.{d}f}" for e in v)  # noqa: E731
    _shows(qid, "answer.md", row(log_odds), row(r[:, 0]), row(r[:, 1]))
    _shows(qid, "samples.toml", ", ".join(f"{e:.3f}" for e in log_odds))
    r1 = ", ".join(f"{e:.3f}" for e in r[:, 0][:-1]) + f" and {r[-1, 0]:.3f}"
    _shows(qid, "rubric.toml", r1)
    n_k = r.sum(axis=0)
    new_weights = n_k / len(x)
    new_means = (r * x[:, None]).sum(axis=0) / n_k
    new_vars = (r * (x[:, None] - new_means) ** 2).sum(axis=0) / n_k
    _shows(qid, "answer.md", f"\\approx {n_k[0]:.3f}$", f"\\approx {n_k[1]:.3f}$")
    _shows(qid, "answer.md", f"\\approx {new_weights[0]:.3f}$", f"\\approx {new_weights[1]:.3f}$")
    _shows(qid, "answer.md", f"\\approx {new_means[0]:.3f}", f"\\approx {new_means[1]:.3f}")
    _shows(qid, "answer.md", f"about {new_vars[0]:.3f} and {new_vars[1]:.3f}")
    _shows(qid, "rubric.toml", f"about {new_weights[0]:.3f} and {new_weights[1]:.3f}")
    _shows(qid, "rubric.toml", f"about {new_means[0]:.3f} and {new_means[1]:.3f}")
    _shows(
        qid, "samples.toml", f"N1 = {n_k[0]:.3f}, N2 = {n_k[1]:.3f}", f"mu1 = {new_means[0]:.3f}"
    )
    # the wrong sample's hard-assignment means
    _shows(qid, "samples.toml", f"= {np.mean([1, 3, 4]):.3f} and {np.mean([6, 9])}")


def test_feed_blend_calibration() -> None:
    qid = "feed-blend-calibration"
    share_weight, beta = 20, 0.1
    click = {"A": 0.60, "B": 0.20}
    share = {"A": 0.005, "B": 0.020}
    raw = {k: click[k] + share_weight * share[k] for k in click}
    fixed = {k: beta * q / (beta * q + 1 - q) for k, q in click.items()}
    blend = {k: fixed[k] + share_weight * share[k] for k in click}
    assert raw["A"] > raw["B"] and blend["B"] > blend["A"]  # the order flips
    _shows(qid, "answer.md", f"= {raw['A']:.2f}$", f"= {raw['B']:.2f}$")
    _shows(qid, "answer.md", f"\\approx {fixed['A']:.3f}", f"\\approx {fixed['B']:.3f}")
    _shows(
        qid, "answer.md", f"\\approx {blend['A']:.3f}$ for A", f"\\approx {blend['B']:.3f}$ for B"
    )
    _shows(
        qid,
        "answer.md",
        f"{click['A'] / fixed['A']:.1f} times",
        f"{click['B'] / fixed['B']:.1f} times",
    )
    _shows(qid, "rubric.toml", f"about {fixed['A']:.3f}", f"about {fixed['B']:.3f}")
    _shows(qid, "rubric.toml", f"about {blend['A']:.3f}", f"about {blend['B']:.3f}")
    _shows(qid, "samples.toml", f"about {fixed['A']:.3f}", f"about {fixed['B']:.3f}")
    _shows(qid, "samples.toml", f"= {blend['A']:.3f}", f"= {blend['B']:.3f}", f"= {raw['A']:.2f}")


def test_imbalance_weights_resampling() -> None:
    qid = "imbalance-weights-resampling"
    tpr, fpr, per = 0.90, 0.05, 1_000
    rows = {}
    for prevalence in (0.10, 0.01):
        pos = per * prevalence
        tp, fp = tpr * pos, fpr * (per - pos)
        rows[prevalence] = (tp, fp, tp / (tp + fp))
    (tp10, fp10, p10), (tp1, fp1, p1) = rows[0.10], rows[0.01]
    _shows(
        qid,
        "answer.md",
        f"= {tp10:.0f}$",
        f"= {fp10:.0f}$",
        f"${tp10:.0f}/{tp10 + fp10:.0f} \\approx {p10:.3f}$",
    )
    _shows(
        qid,
        "answer.md",
        f"= {tp1:.0f}$",
        f"= {_g(fp1, 1)}$",
        f"${tp1:.0f}/{_g(tp1 + fp1, 1)} \\approx {p1:.3f}$",
    )
    _shows(
        qid,
        "rubric.toml",
        f"{tp10:.0f}/{tp10 + fp10:.0f} = {p10:.3f}",
        f"{tp1:.0f}/{_g(tp1 + fp1, 1)} = {p1:.3f}",
    )
    _shows(qid, "rubric.toml", f"about {p10:.3f} at 10%", f"about {p1:.3f} at 1%")
    _shows(qid, "samples.toml", f"= {p10:.3f}", f"about {p1:.3f}", f"{_g(fp1, 1)} false positives")
    w, p = 99, 0.01
    odds = w * p / (1 - p)
    weighted = odds / (1 + odds)
    threshold = 1 / (1 + w)
    assert math.isclose(weighted, 0.5) and math.isclose(threshold, p)
    _shows(
        qid,
        "answer.md",
        f"$1/{w}$) gets odds ${w} \\times 1/{w} = {odds:.0f}$",
        f"about {weighted}",
    )
    _shows(qid, "answer.md", f"$1/(1+w) = {threshold}$")
    _shows(qid, "rubric.toml", f"1/(1+w) = {threshold}", f"about {weighted}")
    _shows(qid, "samples.toml", f"1/(1+{w}) = {threshold}", f"about {weighted} for")


def test_boosting_overfit_knobs() -> None:
    qid = "boosting-overfit-knobs"
    rows, depth, best_trees, total_trees = 50_000, 10, 60, 1_000
    leaves = 2**depth
    _shows(qid, "answer.md", f"last {total_trees - best_trees} trees", f"= {_tex(leaves)}$")
    _shows(qid, "answer.md", f"about {rows / leaves:.0f} customers", f"about {rows / 2**6:.0f}")
    _shows(qid, "answer.md", f"up to {2**6} leaves at depth 6")
    ratio = 0.3 / 0.05
    _shows(
        qid, "answer.md", f"$0.3/0.05 = {ratio:.0f}$", f"roughly {best_trees * ratio:.0f} at 0.05"
    )
    # question 3 compares with the 0.3 run stopped at its best; against the logged 1,000 trees
    # the answer gives the share of that run's time
    share = best_trees * ratio / total_trees
    _shows(qid, "answer.md", f"{best_trees * ratio:.0f} trees still take only about {share:.0%}")
    _shows(
        qid,
        "rubric.toml",
        f"up to {leaves:,} leaves, about {rows / leaves:.0f}",
        f"about {best_trees * ratio:.0f}",
    )
    _shows(qid, "rubric.toml", f"the last {total_trees - best_trees} trees")
    _shows(
        qid,
        "samples.toml",
        f"up to {leaves:,} leaves, about {rows / leaves:.0f}",
        f"= {ratio:.0f} times",
    )
    _shows(
        qid,
        "samples.toml",
        f"around {best_trees * ratio:.0f}",
        f"last {total_trees - best_trees} trees",
    )
    _shows(qid, "corpus.toml", f"up to {2**15:,} leaves")  # the depth-15 contradiction


def test_adversarial_validation_shift() -> None:
    qid = "adversarial-validation-shift"
    n_old, n_new, p = 120_000, 30_000, 0.6
    odds = p / (1 - p)
    weight = odds * n_old / n_new
    _shows(
        qid,
        "answer.md",
        f"\\frac{{{p}}}{{{1 - p:.1f}}} \\times \\frac{{120{{,}}000}}{{30{{,}}000}} = {weight:.1f}",
    )
    _shows(
        qid,
        "rubric.toml",
        f"= {odds:.1f} x {n_old // n_new} = {weight:.1f}",
        f"the density ratio {weight:.1f}",
    )
    _shows(
        qid,
        "samples.toml",
        f"0.6/0.4 = {odds:.1f}",
        f"= {n_old // n_new}, so a weight of {weight:.1f}",
    )
    # the odds alone are accepted too: the class-ratio factor is the same for every row
    _shows(qid, "answer.md", f"$0.6/0.4 = {odds:.1f}$", f"n_{{\\text{{new}}}} = {n_old // n_new}$")
    _shows(qid, "rubric.toml", f"{odds:.1f} for p = {p}", f"odds 0.6/0.4 = {odds:.1f}, or,")


def test_robust_anomaly_thresholds() -> None:
    qid = "robust-anomaly-thresholds"
    x = np.array([12.0, 15, 11, 14, 13, 16, 12, 95])
    mean, sd, sd1 = x.mean(), x.std(), x.std(ddof=1)
    z, z1 = (95 - mean) / sd, (95 - mean) / sd1
    ceiling = (len(x) - 1) / math.sqrt(len(x))
    assert z1 <= ceiling < 3
    _shows(qid, "answer.md", f"${x.sum():.0f}/8 = {mean}$", f"about {sd:.2f}", f"or {sd1:.2f}")
    _shows(qid, "answer.md", f"\\approx {z:.2f}$", f"about {z1:.2f} with", f"about {ceiling:.2f}")
    _shows(qid, "rubric.toml", f"about {sd:.2f}", f"only about {z:.2f}", f"about {ceiling:.2f}")
    _shows(qid, "samples.toml", f"= {mean}", f"about {z:.2f}", f"about {ceiling:.2f}")
    median = float(np.median(x))
    deviations = np.abs(x - median)
    mad = float(np.median(deviations))
    robust = 0.6745 * (95 - median) / mad
    _shows(
        qid,
        "answer.md",
        f"$(13 + 14)/2 = {median}$",
        f"median is ${mad}$",
        f"\\approx {robust:.1f}",
    )
    _shows(qid, "answer.md", ", ".join(_g(d, 1) for d in deviations))
    _shows(qid, "rubric.toml", f"times {95 - median} divided by {mad}, about {robust:.1f}")
    _shows(qid, "samples.toml", f"{95 - median} / {mad}, about {robust:.1f}", f"median is {median}")
    _shows(qid, "corpus.toml", f"about {(95 - median) / mad:.0f} MADs")
    from statistics import NormalDist

    p = 2 * (1 - NormalDist().cdf(3.5))
    checks = 10_000 * 24
    _shows(
        qid,
        "answer.md",
        f"\\approx {p:.6f}$",
        f"= {_tex(checks)}$",
        f"about {p * checks:.0f} false",
    )
    _shows(
        qid, "rubric.toml", f"about {p:.6f}", f"makes {checks:,} checks", f"about {p * checks:.0f}"
    )
    _shows(
        qid, "samples.toml", f"about {p:.6f}", f"= {checks:,} checks", f"about\n{p * checks:.0f}"
    )


def test_embedding_reduction_retrieval() -> None:
    qid = "embedding-reduction-retrieval"
    n, dims, reduced = 5_000_000, 768, 128
    full, small, half = n * dims * 4 / 1e9, n * reduced * 4 / 1e9, n * dims * 2 / 1e9
    _shows(qid, "answer.md", f"$= {full:.2f}$ GB", f"= {small:.2f}$ GB", f"= {half:.2f}$ GB")
    _shows(qid, "answer.md", f"{full / small:.0f} times smaller")
    _shows(qid, "rubric.toml", f"take {full:.2f} GB", f"to {small:.2f} GB", f"to {half:.2f} GB")
    _shows(qid, "samples.toml", f"= {full:.2f} GB", f"= {small:.2f} GB", f"{half:.2f} GB")
    _shows(qid, "corpus.toml", f"costs {dims * 4:,} bytes today and {reduced * 4} bytes")


def test_lasso_units_scaling() -> None:
    qid = "lasso-units-scaling"
    per_sd, sd, lam, top = 0.4, 60_000, 0.1, 5_000_000
    per_dollar, per_million = per_sd / sd, per_sd / sd * 1e6
    pen_dollar, pen_million, pen_sd = lam * per_dollar, lam * per_million, lam * per_sd
    _shows(
        qid,
        "answer.md",
        f"\\approx -{per_dollar * 1e6:.2f} \\times 10^{{-6}}$",
        f"$\\approx -{per_million:.2f}$",
    )
    _shows(
        qid,
        "answer.md",
        f"${pen_dollar * 1e7:.2f} \\times 10^{{-7}}$",
        f"${pen_million:.3f}$",
        f"${pen_sd:.2f}$",
    )
    _shows(qid, "answer.md", f"costs {pen_million:.3f}", f"= {sd / top:.3f}$")
    assert math.isclose(pen_million / pen_dollar, 1e6)  # "a million times more"
    _shows(qid, "rubric.toml", f"-{per_dollar * 1e6:.2f}e-6", f"-{per_million:.2f} per million")
    _shows(qid, "rubric.toml", f"{pen_dollar * 1e7:.2f}e-7, {pen_million:.3f} and {pen_sd:.2f}")
    _shows(qid, "rubric.toml", f"only {sd / top:.3f} of the range")
    _shows(
        qid,
        "samples.toml",
        f"about -{per_dollar * 1e6:.2f}e-6",
        f"but {pen_million:.3f} in millions",
    )
    _shows(qid, "samples.toml", f"becomes {sd / top:.3f}")
