"""Every derived figure of the statistics and production-ML questions (P01-P06, O01-O05) is
computed here and must appear, formatted as written, in the files that print it (issue 18).

Given figures (a scenario's inputs) are not checked; everything computed from them is: a
figure typed by hand that is off in its last digit fails. Each test names the question.
"""

from __future__ import annotations

import math

import pytest

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()


def _text(qid: str, *files: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    names = files or ("prompt.md", "hints.md", "answer.md", "rubric.toml", "samples.toml")
    text = "\n".join((folder / name).read_text(encoding="utf-8") for name in names)
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
