"""Every derived figure of the system-design questions written by helper bankw4s (issue 18) is
computed here and must appear, formatted as written, in the files that print it.

Given figures (a scenario's inputs) are not checked; everything computed from them is: a figure
typed by hand that is off in its last digit fails. Each test names its question.
"""

from __future__ import annotations

import math

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()

A = ("answer.md",)
AR = ("answer.md", "rubric.toml")
AS = ("answer.md", "samples.toml")
ARS = ("answer.md", "rubric.toml", "samples.toml")
ARSC = ("answer.md", "rubric.toml", "samples.toml", "corpus.toml")
C = ("corpus.toml",)


def _text(qid: str, name: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    text = (folder / name).read_text(encoding="utf-8")
    text = text.replace("{,}", ",").replace("\\%", "%").replace("\\$", "$").replace("\\\\$", "$")
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


def test_checkout_fraud_velocity_features() -> None:
    payments_per_day, cards, days = 8_000_000, 30_000_000, 7
    ts_bytes, value_bytes = 8, 4
    raw_events = payments_per_day * days
    raw_bytes = raw_events * (ts_bytes + value_bytes)
    buckets = 60 + 24 + 7
    bucket_card = buckets * 2 * value_bytes
    decayed_card = 4 * 2 * value_bytes + ts_bytes
    hot_events = 200_000 * days
    hot_bytes = hot_events * (ts_bytes + value_bytes)
    decline_cost = 30
    big, small = 600, 40
    p_big, p_small = decline_cost / (big + decline_cost), decline_cost / (small + decline_cost)
    assert p_big < p_small
    qid = "checkout-fraud-velocity-features"
    _check(
        qid,
        [
            (f"{raw_events:,}", A),  # 56,000,000
            (f"{raw_events // 1_000_000} million", ("rubric.toml", "samples.toml")),
            (f"{raw_bytes / 1e6:.0f} MB", ARSC),  # 672 MB
            (f"{payments_per_day / cards:.2f} payments per card", A),  # 0.27
            (f"= {buckets}$ buckets", A),
            (f"{buckets} buckets", ("rubric.toml", "samples.toml")),
            (f"{bucket_card} bytes", ARSC),  # 728 bytes
            (f"{cards * bucket_card / 1e9:.2f} GB", ARSC),  # 21.84 GB
            (f"{decayed_card} bytes", ARSC),  # 40 bytes
            (f"{cards * decayed_card / 1e9:.1f} GB", ARSC),  # 1.2 GB
            (f"{hot_events:,}", A),  # 1,400,000
            (f"{hot_events / 1e6:.1f} million", ("rubric.toml", "samples.toml", "corpus.toml")),
            (f"{hot_bytes / 1e6:.1f} MB", ARSC),  # 16.8 MB
            (f"{decline_cost}/{big + decline_cost}", ("answer.md", "corpus.toml")),  # 30/630
            (f"{decline_cost}/{small + decline_cost}", ("answer.md", "corpus.toml")),  # 30/70
            (f"{p_big:.3f}", ("answer.md", "corpus.toml")),  # 0.048
            (f"{p_small:.2f}", ("answer.md", "corpus.toml")),  # 0.43
            (f"{p_big:.1%}", ARSC),  # 4.8%
            (f"{p_small:.0%}", ARSC),  # 43%
        ],
    )
    # corpus examples: expected losses at p = 0.10, and five sequential 4 ms lookups
    p = 0.10
    corpus = _text(qid, "corpus.toml")
    assert f"${p * big:.0f}" in corpus and f"${(1 - p) * decline_cost:.0f}" in corpus
    assert f"${p * small:.0f}" in corpus
    assert f"would eat {5 * 4} of the 30 ms" in corpus
