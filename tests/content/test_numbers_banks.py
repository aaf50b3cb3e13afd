"""Every derived figure of the system-design and recommender questions written for S01-S08
is computed here and must appear, formatted as written, in the files that print it (issue 18).

Given figures (a scenario's inputs) are not checked; everything computed from them is: a figure
typed by hand that is off in its last digit fails. Each test names its question.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()

A = ("answer.md",)
AH = ("answer.md", "hints.md")
AR = ("answer.md", "rubric.toml")
AS = ("answer.md", "samples.toml")
ARS = ("answer.md", "rubric.toml", "samples.toml")
ARSC = ("answer.md", "rubric.toml", "samples.toml", "corpus.toml")


def _text(qid: str, name: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    text = (folder / name).read_text(encoding="utf-8")
    text = text.replace("{,}", ",").replace("\\%", "%")  # LaTeX's 1{,}220 and 5\%
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


def _beta_prob_best(posteriors: list[tuple[int, int]], grid: int = 400_001) -> list[float]:
    """P(arm i has the largest click rate) under independent Beta posteriors, by quadrature:
    the integral of pdf_i(x) * prod_{j != i} cdf_j(x) over [0, 1]."""
    x = np.linspace(0.0, 1.0, grid)[1:-1]
    pdfs, cdfs = [], []
    for a, b in posteriors:
        log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
        pdf = np.exp(log_norm + (a - 1) * np.log(x) + (b - 1) * np.log1p(-x))
        cdf = np.concatenate([[0.0], np.cumsum((pdf[1:] + pdf[:-1]) / 2 * np.diff(x))])
        pdfs.append(pdf)
        cdfs.append(cdf / cdf[-1])
    out = []
    for i, pdf in enumerate(pdfs):
        f = pdf * np.prod([c for j, c in enumerate(cdfs) if j != i], axis=0)
        out.append(float(np.sum((f[1:] + f[:-1]) / 2 * np.diff(x))))
    return out


def test_bandits_position_bias() -> None:
    log = {"A": (1_000, 50), "B": (200, 12), "C": (20, 1)}
    total = sum(n for n, _ in log.values())
    ln_n = math.log(total)
    eps = 0.1
    bonus = {k: math.sqrt(2 * ln_n / n) for k, (n, _) in log.items()}
    ucb = {k: c / n + bonus[k] for k, (n, c) in log.items()}
    assert max(ucb, key=ucb.__getitem__) == "C"
    se_b = math.sqrt(0.06 * 0.94 / 200)
    post = {k: (1 + c, 1 + n - c) for k, (n, c) in log.items()}
    best = dict(zip(log, _beta_prob_best(list(post.values())), strict=True))
    assert abs(sum(best.values()) - 1) < 1e-6
    x_attr, y_attr = 0.08 / 1.0, 0.025 / 0.25
    qid = "bandits-position-bias"
    _check(
        qid,
        [
            (f"{total:,}", ("answer.md", "hints.md", "rubric.toml", "samples.toml")),
            (f"{ln_n:.3f}", A),  # 7.107
            (f"{ln_n:.2f}", ("hints.md", "samples.toml")),  # 7.11
            (f"{se_b:.3f}", A),  # 0.017
            (f"{se_b * 100:.1f} percentage points", A),
            (f"{1 - eps + eps / 3:.3f}", ARS),  # 0.933
            (f"{eps / 3:.3f}", ARS),  # 0.033
            *[(f"{bonus[k]:.3f}", AS) for k in log],  # 0.119, 0.267, 0.843
            *[(f"{ucb[k]:.3f}", ARS) for k in log],  # 0.169, 0.327, 0.893
            *[(f"Beta({a}, {b})", ARS) for a, b in post.values()],
            *[(f"{a / (a + b):.3f}", A) for a, b in post.values()],  # 0.051, 0.064, 0.091
            (f"{best['A']:.0%} for A", A),  # 8%
            (f"{best['B']:.0%} for B", A),  # 33%
            (f"{best['C']:.0%} for C", A),  # 59%
            (f"{best['C']:.0%} C", ("samples.toml",)),
            (f"about {best['C']:.0%} of the time", ("rubric.toml",)),
            (f"{x_attr:.2f}", ARS),
            (f"{y_attr:.2f}", ARS),
            (f"{1 / 0.25:.0f} for slot 4", ("rubric.toml",)),
        ],
    )
    # C's posterior mean under the flat prior, "about 9%", and the Beta(5, 95) prior's mean
    assert f"{2 / 22:.0%}" == "9%" and "about 9%" in _text(qid, "rubric.toml")
    assert f"{5 / 100:.0%}" == "5%" and "Beta(5, 95)" in _text(qid, "answer.md")


def test_ad_click_calibration_auction() -> None:
    bid_a, ctr_a, bid_b, ctr_b, over = 2.00, 0.03, 5.00, 0.01, 1.5
    ecpm_a, ecpm_b, ecpm_b_over = (
        1000 * bid_a * ctr_a,
        1000 * bid_b * ctr_b,
        1000 * bid_b * ctr_b * over,
    )
    assert ecpm_a > ecpm_b and ecpm_b_over > ecpm_a
    cpc_a = ecpm_b / (1000 * ctr_a)  # second price: the runner-up's eCPM over A's clicks
    cpc_b = ecpm_a / (1000 * ctr_b * over)
    rpm_a, rpm_b = 1000 * ctr_a * cpc_a, 1000 * ctr_b * cpc_b
    q, w = 0.10, 0.1
    served = q / (q + (1 - q) / w)
    cvr, late = 0.04, 0.35
    pairs, buckets = 100_000 * 500, 2**22
    qid = "ad-click-calibration-auction"
    _check(
        qid,
        [
            (f"\\${ecpm_a:.0f}", AR),
            (f"\\${ecpm_b:.0f}", AR),
            (f"\\${ecpm_b_over:.0f}", AR),
            (f"{cpc_a:.2f}", ARSC),  # 1.67
            (f"{cpc_b:.2f}", ARS),  # 4.00
            (f"{ctr_a} \\times {cpc_a:.2f} = \\${rpm_a:.0f}$ per thousand", A),
            (f"\\${rpm_b:.0f}$ per thousand", A),
            (f"\\${rpm_b:.0f} per thousand", ("rubric.toml",)),
            (f"{1 - rpm_b / ecpm_b:.0%} less", A),  # 20%
            (f"\\${ecpm_a / 1000:.3f}", A),  # 0.060 per impression
            (f"\\${ecpm_b / 1000:.3f}", A),
            (f"{q + (1 - q) / w:.2f}", ARS),  # 9.10
            (f"{served:.4f}", ("answer.md", "rubric.toml")),  # 0.0110
            (f"{served:.1%}", ARS),  # 1.1%
            (f"{cvr * (1 - late):.3f}", ("answer.md", "corpus.toml")),  # 0.026
            (f"{cvr * (1 - late):.1%}", ARS),  # 2.6%
            (f"{1 - late:.2f}", ("answer.md", "samples.toml")),  # 0.65
            (f"{pairs:,}", A),
            (f"{pairs // 1_000_000} million", ARS),
            (f"{buckets:,}", ARS),  # 4,194,304
            (f"{pairs / buckets:.1f}", ARS),  # 11.9
            (f"{round(pairs / buckets)} pairs per bucket", ("rubric.toml",)),
        ],
    )


def test_content_moderation_review_queues() -> None:
    posts, prevalence, budget = 50_000_000, 0.004, 100_000
    violating = round(posts * prevalence)
    table = [(0.95, 60_000, 0.97), (0.80, 150_000, 0.85), (0.50, 400_000, 0.40)]
    tp = [round(flagged * precision) for _, flagged, precision in table]
    fp = [flagged - t for (_, flagged, _), t in zip(table, tp, strict=True)]
    band, band_tp = table[1][1] - table[0][1], tp[1] - tp[0]
    low_band, low_tp = table[2][1] - table[1][1], tp[2] - tp[1]
    assert band <= budget < low_band + band
    qid = "content-moderation-review-queues"
    _check(
        qid,
        [
            (f"{violating:,}", ARS),  # 200,000
            *[(f"{t:,}", A) for t in tp],  # 58,200 127,500 160,000
            *[(f"{f:,}", A) for f in fp],  # 1,800 22,500 240,000
            (f"{tp[0]:,}", ARS),
            (f"{fp[0]:,} legitimate", ("answer.md",)),
            (f"{fp[0]:,} wrong removals", ("rubric.toml", "samples.toml")),
            (f"{tp[0] / violating:.1%}", A),  # 29.1%
            (f"{tp[1] / violating:.2%}", A),  # 63.75%
            (f"{tp[2] / violating:.0%}", A),  # 80%
            (f"{band:,}", ARS),  # 90,000
            (f"{band_tp:,}", ARS),  # 69,300
            (f"{band_tp / band:.0%}", ARS),  # 77%
            (f"{budget - band:,} to spare", A),
            (f"{low_band:,}", ARS),  # 250,000
            (f"{low_tp / low_band:.0%}", ARS),  # 13%
            (f"{low_band / budget:.1f} times", A),  # 2.5
            (f"{tp[1] / violating:.0%}", ARS),  # 64%
        ],
    )


def test_realtime_card_fraud_streaming() -> None:
    daily, rate, loss, cards, state_bytes = 20_000_000, 0.001, 120, 100_000_000, 200
    reviews = 40 * 300
    frauds = round(daily * rate)
    queued_frauds = 5_000
    qid = "realtime-card-fraud-streaming"
    _check(
        qid,
        [
            (f"{cards * state_bytes / 1e9:.0f} GB", ARS),  # 20 GB
            (f"{reviews:,}", ARS),  # 12,000
            (f"{reviews / daily:.2%}", ARS),  # 0.06%
            (f"{frauds:,}", ARS),  # 20,000
            (f"{queued_frauds / reviews:.1%}", ARS),  # 41.7%
            (f"{queued_frauds / frauds:.0%}", ARS),  # 25%
            (f"{queued_frauds * loss:,}", ARS),  # 600,000
            (f"{frauds * loss / 1e6:.1f}", ARS),  # 2.4 million
            (f"{rate * 0.5:.2%}", ("answer.md", "rubric.toml", "samples.toml", "corpus.toml")),
        ],
    )


def _dcg(grades: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def _misordered(grades: list[int]) -> int:
    return sum(grades[i] < grades[j] for i in range(len(grades)) for j in range(i + 1, len(grades)))


def test_marketplace_search_ltr_ndcg() -> None:
    a, b = [3, 2, 0, 1, 2], [2, 3, 2, 1, 0]
    ideal = sorted(a, reverse=True)
    assert sorted(b, reverse=True) == ideal
    contributions = {
        name: [(2**g - 1) / math.log2(i + 2) for i, g in enumerate(r)]
        for name, r in (("ideal", ideal), ("A", a), ("B", b))
    }
    ndcg_a, ndcg_b = _dcg(a) / _dcg(ideal), _dcg(b) / _dcg(ideal)
    assert ndcg_a > ndcg_b and _misordered(a) > _misordered(b)

    def swapped(i: int, j: int) -> float:
        r = list(ideal)
        r[i], r[j] = r[j], r[i]
        return 1 - _dcg(r) / _dcg(ideal)

    qid = "marketplace-search-ltr-ndcg"
    _check(
        qid,
        [
            (f"{_dcg(ideal):.4f}", ("answer.md", "hints.md", "rubric.toml", "samples.toml")),
            (f"{_dcg(a):.4f}".rstrip("0"), AS),  # 10.484
            (f"{_dcg(b):.4f}", AS),  # 9.3472
            *[(f"{c:.4f}".rstrip("0"), AS) for c in contributions["ideal"][1:4]],  # 1.8928 1.5
            (f"{contributions['A'][4]:.4f}", A),  # 1.1606
            (f"{contributions['B'][1]:.4f}", AS),  # 4.4165
            *[(f"{math.log2(i + 1):.3f}", A) for i in (2, 4, 5)],  # 1.585 2.322 2.585
            (f"{ndcg_a:.3f}", ARSC),  # 0.969
            (f"{ndcg_b:.3f}", ARSC),  # 0.864
            (f"{swapped(0, 1):.2f}", ("corpus.toml",)),  # 0.14
            (f"{swapped(3, 4):.3f}", ("corpus.toml",)),  # 0.004
        ],
    )
    ma, mb = _misordered(a), _misordered(b)
    assert f"A has **{ma}** misordered" in _text(qid, "answer.md")
    assert f"B has only **{mb}**" in _text(qid, "answer.md")
    assert f"A has {ma}," in _text(qid, "samples.toml")
    assert f"B has {mb}," in _text(qid, "samples.toml")


def test_visual_search_street_to_shop() -> None:
    images, dim, links, pq_bytes, per_day, rate = 20_000_000, 512, 64, 64, 200_000, 500
    raw = images * dim * 4 / 1e9
    graph = images * links * 4 / 1e9
    pq = images * pq_bytes / 1e9
    seconds = images / rate
    qid = "visual-search-street-to-shop"
    _check(
        qid,
        [
            (f"{raw:.2f} GB", ARS),  # 40.96
            (f"{graph:.2f} GB", ARS),  # 5.12
            (f"{raw + graph:.2f}", ARS),  # 46.08
            (f"{pq:.2f} GB", ARS),  # 1.28
            (f"{dim * 4 // pq_bytes} times", ARS),  # 32
            (f"{dim * 4:,} bytes", ("hints.md",)),  # 2,048
            (f"{per_day / 86_400:.1f} a second", AS),  # 2.3
            (f"{seconds:,.0f} seconds", AS),  # 40,000
            (f"{seconds / 3600:.1f}", ARS),  # 11.1
            (
                f"{seconds / 3600 / 8:.1f}",
                ("answer.md", "rubric.toml", "samples.toml", "corpus.toml"),
            ),
        ],
    )
    assert f"{raw:.0f} GB" == "41 GB" and "about 41 GB" in _text(qid, "samples.toml")


def test_feed_ranking_funnel_value_model() -> None:
    candidates, kept, heavy, light, rps = 5_000, 500, 20e6, 0.1e6, 50_000
    heavy_only = candidates * heavy
    funnel = candidates * light + kept * heavy
    weights = {"like": 1, "comment": 4, "share": 8, "hide": -30}
    posts = {
        "X": {"like": 0.12, "comment": 0.02, "share": 0.015, "hide": 0.008},
        "Y": {"like": 0.05, "comment": 0.025, "share": 0.01, "hide": 0.001},
    }
    positive = {
        k: sum(weights[e] * p[e] for e in ("like", "comment", "share")) for k, p in posts.items()
    }
    full = {k: positive[k] + weights["hide"] * p["hide"] for k, p in posts.items()}
    assert positive["X"] > positive["Y"] and full["Y"] > full["X"]
    qid = "feed-ranking-funnel-value-model"
    _check(
        qid,
        [
            (f"{heavy_only / 1e9:.0f} GFLOPs", ARS),  # 100
            (f"{heavy_only * rps / 1e15:.0f} PFLOP/s", ARS),  # 5
            (f"{funnel / 1e9:.1f} GFLOPs", ARS),  # 10.5
            (f"{funnel * rps / 1e15:.3f} PFLOP/s", ARS),  # 0.525
            (f"{heavy_only / funnel:.1f}", ARS),  # 9.5
            (f"{candidates * light / 1e9:.1f} GFLOPs", ("samples.toml",)),  # 0.5
            *[(f"{positive[k]:.2f}", ARSC) for k in posts],  # 0.32 0.23
            *[(f"{full[k]:.2f}", ARSC) for k in posts],  # 0.08 0.20
            (
                f"{weights['comment'] * 0.02:.2f} + {weights['share'] * 0.015:.2f}",
                ("samples.toml",),
            ),
        ],
    )
    assert round(posts["X"]["hide"] / posts["Y"]["hide"]) == 8  # "eight times Y's" hide rate
    assert all("eight times Y's" in _text(qid, name) for name in ("answer.md", "samples.toml"))


def test_employee_assistant_llm_end_to_end() -> None:
    layers, kv_heads, head_dim, bytes_per, context = 32, 8, 128, 2, 6_000
    cache_bytes, concurrent, params = 60e9, 200, 8e9
    per_token = 2 * layers * kv_heads * head_dim * bytes_per
    per_request = per_token * context
    per_gpu = math.floor(cache_bytes / per_request)
    gpus = math.ceil(concurrent / per_gpu)
    qid = "employee-assistant-llm-end-to-end"
    _check(
        qid,
        [
            (f"{per_token:,}", ARS),  # 131,072
            (f"{per_token // 1024} KiB", ARS),  # 128
            (f"{per_request:,}", ("answer.md",)),  # 786,432,000
            (f"{per_request / 2**20:.0f} MiB", ARS),  # 750
            (f"{per_request / 1e9:.2f} GB", ARS),  # 0.79
            (f"{per_gpu}", ARS),  # 76
            (f"= {gpus}$ GPUs", A),  # 3
            (f"{gpus} GPUs", ("rubric.toml", "samples.toml")),
            (f"{params * bytes_per / 1e9:.0f} GB", ("answer.md", "samples.toml")),  # 16
        ],
    )
    assert 32 // kv_heads == 4 and "four-fold" in _text(qid, "answer.md")  # vs 32 KV heads


_LOG = [  # (segment, shown, propensity, click): the prompt's table
    ("sports", "A", 0.8, 1),
    ("sports", "A", 0.8, 0),
    ("sports", "B", 0.1, 1),
    ("sports", "A", 0.8, 1),
    ("sports", "C", 0.1, 0),
    ("other", "B", 0.6, 0),
    ("other", "B", 0.6, 1),
    ("other", "A", 0.1, 0),
    ("other", "C", 0.3, 1),
    ("other", "B", 0.6, 0),
]


def _off_policy(policy: dict[str, str]) -> tuple[float, float, float, float, float]:
    """IPS, SNIPS, effective sample size, the naive matched average and the weight sum."""
    w = [1 / p if policy[seg] == shown else 0.0 for seg, shown, p, _ in _LOG]
    r = [click for *_, click in _LOG]
    hit = sum(wi * ri for wi, ri in zip(w, r, strict=True))
    matched = [ri for wi, ri in zip(w, r, strict=True) if wi > 0]
    ess = sum(w) ** 2 / sum(wi * wi for wi in w)
    return hit / len(_LOG), hit / sum(w), ess, sum(matched) / len(matched), sum(w)


def test_offline_policy_evaluation_ips() -> None:
    ips1, snips1, ess1, naive1, w1 = _off_policy({"sports": "A", "other": "B"})
    ips2, snips2, ess2, naive2, w2 = _off_policy({"sports": "C", "other": "C"})
    logged = sum(click for *_, click in _LOG) / len(_LOG)
    one_more_click = (1 / 0.1 + 1 / 0.3) / len(_LOG)  # visit 5 clicked as well
    qid = "offline-policy-evaluation-ips"
    _check(
        qid,
        [
            (f"{logged:.1f}", AS),  # 0.5
            (f"{naive1:.1f}", AS),
            (f"{1 / 0.8:.2f}", AS),  # 1.25
            (f"{1 / 0.6:.4f}", AS),  # 1.6667
            (f"{ips1:.3f}", ARSC),  # 0.417
            (f"{snips1:.3f}", ARSC),  # 0.476
            (f"{ips1 * len(_LOG):.4f}", ("answer.md", "rubric.toml", "corpus.toml")),  # 4.1667
            (f"{w1:.2f}", ARSC),  # 8.75
            (f"{1 / 0.3:.2f}", AS),  # 3.33
            (f"{ips2:.3f}", ARSC),  # 0.333
            (f"{snips2:.2f}", ARSC),  # 0.25
            (f"{w2:.2f}", ("answer.md", "corpus.toml")),  # 13.33
            (f"{ess1:.2f}", ARS),  # 5.88
            (f"{ess2:.1f}", ARSC),  # 1.6
            (f"{w1**2:.2f}", A),  # 76.56
            (f"{one_more_click:.3f}", ARSC),  # 1.333
        ],
    )
    assert naive2 == 0.5 and "= 0.5$" in _text(qid, "answer.md")


def test_search_ranker_offline_online_gap() -> None:
    old, new = [3, 2, 1, 1, 0, 0, 0, 0, 2, 1], [3, 2, 1, 1, 2, 1, 0, 0, 0, 0]
    ideal = sorted(old, reverse=True)
    assert sorted(new, reverse=True) == ideal

    def ndcg(r: list[int], k: int) -> float:
        return _dcg(r[:k]) / _dcg(ideal[:k])

    assert ndcg(old, 4) == ndcg(new, 4)
    rate, n = 0.08, 2_000_000
    se = math.sqrt(2 * rate * (1 - rate) / n)
    z = NormalDist()
    za, zb = z.inv_cdf(0.975), z.inv_cdf(0.80)
    mde = (round(za, 2) + round(zb, 2)) * se  # the answer's (1.96 + 0.84) x SE
    assert abs(mde - (za + zb) * se) < 2e-6
    qid = "search-ranker-offline-online-gap"
    _check(
        qid,
        [
            (f"{0.741 / 0.712:.3f}", A),  # 1.041
            (f"0.741 / 0.712 = {0.741 / 0.712:.3f}", ("rubric.toml", "corpus.toml")),
            (f"{0.741 / 0.712 - 1:.1%}", ARSC),  # 4.1%
            (f"absolute gain of {0.741 - 0.712:.3f}", ("rubric.toml",)),  # 0.029
            (f"+{0.741 - 0.712:.3f} absolute", ("corpus.toml",)),
            (f"about {0.741 / 0.712:.2f} times the old", ("corpus.toml",)),  # 1.04
            (f"{_dcg(ideal[:4]):.4f}", A),  # 10.8235
            (f"{_dcg(ideal):.4f}", A),  # 11.5665
            (f"{ndcg(old, 4):.3f}", ARSC),  # 0.908
            (f"{ndcg(old, 10):.3f}", ARSC),  # 0.952
            (f"{ndcg(new, 10):.3f}", ARSC),  # 0.980
            (f"about {ndcg(new, 10) - ndcg(old, 10):.2f}", A),  # 0.03
            (f"{se:.6f}", ARSC),  # 0.000271
            (f"{za * se:.5f}", A),  # 0.00053
            (f"{za * se / rate:.2%}", ("answer.md", "corpus.toml")),  # 0.66%
            (f"{mde:.5f}", ARSC),  # 0.00076
            (f"{mde / rate:.2%}", ARSC),  # 0.95%
        ],
    )
    assert round((mde / rate / 0.003) ** 2) == 10  # "about ten times the traffic" for a 0.3% lift
    assert all(
        "ten times the traffic" in _text(qid, name) for name in ("answer.md", "samples.toml")
    )


def test_feed_novelty_long_term_effects() -> None:
    weeks = [7.0, 4.0, 2.5]
    d1, d2 = weeks[0] - weeks[1], weeks[1] - weeks[2]
    r = d2 / d1
    a = d1 / (1 - r)
    floor = weeks[0] - a
    assert abs(floor + a * r**2 - weeks[2]) < 1e-12  # the fit passes through week 3
    reported = (weeks[0] + weeks[1]) / 2
    qid = "feed-novelty-long-term-effects"
    _check(
        qid,
        [
            (f"{d1:.1f}", ("answer.md", "samples.toml", "corpus.toml")),  # 3.0
            (f"{d2:.1f}", ("answer.md", "samples.toml", "corpus.toml")),  # 1.5
            (f"{d2:.1f} / {d1:.1f} = {r:.1f}$", A),
            (f"r = {r:.1f}", ("rubric.toml", "samples.toml")),
            (f"a = {a:.1f}", ("answer.md", "rubric.toml", "samples.toml")),  # 6.0
            (f"{floor:.1f}%", ARSC),  # 1.0%
            (f"{reported:.1f}%", ARSC),  # 5.5%
            (f"{floor + a * r**3:.2f}%", ("corpus.toml",)),  # week 4: 1.75%
            (f"{floor + a * r**4:.1f}%", ("corpus.toml",)),  # week 5: 1.4%
        ],
    )
    assert round(reported / floor, 1) == 5.5  # "five and a half times the lasting effect"
    assert "five and a half times" in _text(qid, "answer.md")


def test_moderation_metrics_sampling() -> None:
    n, violating, caught, z = 20_000, 80, 52, 1.96
    p = violating / n
    se_p = math.sqrt(p * (1 - p) / n)
    recall = caught / violating
    se_r = math.sqrt(recall * (1 - recall) / violating)
    needed = z**2 * recall * (1 - recall) / 0.03**2
    wrong_half = z * math.sqrt(recall * (1 - recall) / n)  # the misconception's n = 20,000
    qid = "moderation-metrics-sampling"
    _check(
        qid,
        [
            (f"{p:.1%}", ARSC),  # 0.4%
            (f"{se_p:.6f}", ARSC),  # 0.000446
            (f"{z * se_p:.5f}", ("answer.md", "corpus.toml")),  # 0.00087
            (f"{z * se_p * 100:.3f} points", ("samples.toml",)),  # 0.087
            (f"{p - z * se_p:.2%}", ARSC),  # 0.31%
            (f"{p + z * se_p:.2%}", ARSC),  # 0.49%
            (f"{recall:.2f}", ARSC),  # 0.65
            (f"{se_r:.4f}", ARSC),  # 0.0533
            (f"{z * se_r:.4f}", ("answer.md", "corpus.toml")),  # 0.1045
            (f"{recall - z * se_r:.1%}", ARSC),  # 54.5%
            (f"{recall + z * se_r:.1%}", ARSC),  # 75.5%
            (f"{needed:.0f}", ARSC),  # 971
            (f"{round(needed / p, -3):,.0f}", ARSC),  # 243,000
            (f"{wrong_half * 100:.1f} points", ("rubric.toml", "samples.toml", "corpus.toml")),
            (f"{violating - caught} violating", ("corpus.toml",)),  # 28 missed
        ],
    )
    assert round(needed / violating) == 12 and "twelve times more positives" in _text(
        qid, "corpus.toml"
    )
