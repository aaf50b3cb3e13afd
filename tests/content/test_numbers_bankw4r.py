"""Every derived figure of the recsys and search questions of issue 18's helper bankw4r is
computed here and must appear, formatted as written, in the files that print it.

Given figures (a scenario's inputs) are not checked; everything computed from them is. Each test
names the question it checks.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import pytest

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()


def _text(qid: str, name: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    text = (folder / name).read_text(encoding="utf-8")
    text = text.replace("{,}", ",").replace("\\%", "%").replace("\\$", "")
    text = text.replace("$", "")  # math delimiters: "$= 12.5$ random" reads "= 12.5 random"
    return " ".join(text.split())  # a figure may be wrapped over two lines


def _shows(qid: str, *pairs: tuple[str, str]) -> None:
    """Each (file, formatted figure) pair: the figure occurs in that file."""
    missing = [(name, figure) for name, figure in pairs if figure not in _text(qid, name)]
    assert not missing, f"{qid}: derived figures not found as written: {missing}"


def test_a_figure_off_in_its_last_digit_fails() -> None:
    _shows("search-ranking-metrics-disagree", ("answer.md", "10.823"))
    with pytest.raises(AssertionError, match="not found"):
        _shows("search-ranking-metrics-disagree", ("answer.md", "10.824"))


# --- search-ranking-metrics-disagree (K16) ---------------------------------------------------


def _dcg(grades: list[int]) -> float:
    return sum(float(2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def test_search_ranking_metrics_disagree() -> None:
    qid = "search-ranking-metrics-disagree"
    grade = {"r1": 3, "r2": 2, "r3": 2, "r4": 1, "r5": 0, "r6": 0, "r7": 0}
    ranker_a = ["r2", "r5", "r1", "r4", "r6"]
    ranker_b = ["r1", "r6", "r7", "r5", "r3"]
    ideal = _dcg(sorted(grade.values(), reverse=True)[:5])
    relevant = [d for d, g in grade.items() if g >= 1]

    def metrics(ranking: list[str]) -> tuple[float, float, float, float, float]:
        grades = [grade[d] for d in ranking]
        dcg = _dcg(grades)
        first = next(i for i, g in enumerate(grades) if g >= 2)
        hits, precisions = 0, []
        for i, g in enumerate(grades):
            if g >= 1:
                hits += 1
                precisions.append(hits / (i + 1))
        ap = sum(precisions) / min(len(relevant), 5)
        recall = hits / len(relevant)
        own_ideal = _dcg(sorted(grades, reverse=True))
        return dcg, 1 / (first + 1), ap, recall, own_ideal

    dcg_a, rr_a, ap_a, recall_a, own_a = metrics(ranker_a)
    dcg_b, rr_b, ap_b, recall_b, own_b = metrics(ranker_b)
    assert rr_a == rr_b == 1
    assert dcg_b / ideal > dcg_a / ideal and ap_a > ap_b and recall_a > recall_b
    figures = [
        f"{ideal:.3f}",  # 10.823
        f"{dcg_a:.3f}",  # 6.931
        f"{dcg_b:.3f}",  # 8.161
        f"{dcg_a / ideal:.3f}",  # 0.640
        f"{dcg_b / ideal:.3f}",  # 0.754
        f"{ap_a:.3f}",  # 0.604
        f"{ap_b:.3f}",  # 0.350
        f"{recall_a:.2f}",  # 0.75
        f"{recall_b:.1f}",  # 0.5
        f"{dcg_a / own_a:.3f}",  # 0.738
        f"{dcg_b / own_b:.3f}",  # 0.918
    ]
    _shows(qid, *[("answer.md", f) for f in figures])
    _shows(
        qid,
        ("answer.md", f"{own_a:.3f}"),  # 9.393
        ("answer.md", f"{own_b:.3f}"),  # 8.893
        ("answer.md", f"{3 / math.log2(3):.3f}"),  # 1.893
        ("answer.md", f"{3 / math.log2(6):.3f}"),  # 1.161
        ("answer.md", f"{1 / math.log2(5):.3f}"),  # 0.431
        ("rubric.toml", f"{dcg_a / own_a:.3f}"),
        ("rubric.toml", f"{dcg_b / own_b:.3f}"),
        ("rubric.toml", f"{ideal:.3f}"),
        ("samples.toml", f"{dcg_a / own_a:.3f}"),
        ("samples.toml", f"{ideal:.3f}"),
    )
    for f in figures[3:9]:
        _shows(qid, ("rubric.toml", f), ("samples.toml", f))
    discounts = ", ".join(f"{1 / math.log2(i + 2):.3g}" for i in range(5))
    _shows(qid, ("answer.md", discounts.replace("1, ", "1, ", 1)))  # 1, 0.631, 0.5, 0.431, 0.387
    _shows(qid, ("hints.md", "3, 0, 7, 1, 0"), ("hints.md", "7, 0, 0, 0, 3"))
    assert [2 ** grade[d] - 1 for d in ranker_a] == [3, 0, 7, 1, 0]
    assert [2 ** grade[d] - 1 for d in ranker_b] == [7, 0, 0, 0, 3]
    # the voice assistant's bar of grade 3: success@1 and reciprocal rank of each ranker
    perfect_a = next(i for i, d in enumerate(ranker_a) if grade[d] == 3) + 1
    perfect_b = next(i for i, d in enumerate(ranker_b) if grade[d] == 3) + 1
    assert (perfect_a, perfect_b) == (3, 1)
    success_a, success_b = int(perfect_a == 1), int(perfect_b == 1)
    _shows(
        qid,
        ("answer.md", f"B scores {success_b} (r1 first)"),
        ("answer.md", f"A {success_a} on success@1 (reciprocal rank 1/{perfect_a}, r1 third)"),
    )


# --- news-near-duplicates-minhash (T16) ------------------------------------------------------


def test_news_near_duplicates_minhash() -> None:
    qid = "news-near-duplicates-minhash"
    n, microsecond, hashes = 2_000_000, 1e-6, 100
    pairs = n * (n - 1) // 2
    cpu_days = pairs * microsecond / 86_400
    sd = math.sqrt(0.8 * 0.2 / hashes)

    def candidate(s: float, b: int, r: int) -> float:
        return 1 - (1 - s**r) ** b

    wide = [f"{candidate(s, 20, 5):.4f}" for s in (0.8, 0.7, 0.5, 0.3)]
    deep = [f"{candidate(s, 10, 10):.4f}" for s in (0.8, 0.7, 0.5, 0.3)]
    assert wide == ["0.9996", "0.9748", "0.4701", "0.0475"]
    threshold_wide, threshold_deep = (1 / 20) ** (1 / 5), (1 / 10) ** (1 / 10)
    missed_per_10k = round(10_000 * (1 - candidate(0.8, 20, 5)))
    _shows(
        qid,
        ("answer.md", f"{pairs:,}"),
        ("answer.md", f"about {cpu_days:.1f} CPU-days"),  # 23.1
        ("answer.md", f"= {sd:.2f}"),  # 0.04
        ("answer.md", f"between {0.8 - 2 * sd:.2f} and {0.8 + 2 * sd:.2f}"),
        ("answer.md", f"{hashes * 4} bytes per article, {n * hashes * 4 / 1e9:.1f} GB"),
        ("answer.md", "| " + " | ".join(wide) + " |"),
        ("answer.md", "| " + " | ".join(deep) + " |"),
        ("answer.md", f"{threshold_wide:.3f}"),  # 0.549
        ("answer.md", f"{threshold_deep:.3f}"),  # 0.794
        ("answer.md", f"missed {missed_per_10k} times in 10,000"),
        ("rubric.toml", f"{pairs:,}"),
        ("rubric.toml", f"about {cpu_days:.1f} CPU-days"),
        ("rubric.toml", f"{sd:.2f}"),
        ("rubric.toml", f"{threshold_wide:.3f}"),
        ("rubric.toml", f"{threshold_deep:.3f}"),
        ("samples.toml", f"{threshold_wide:.3f}"),
        ("samples.toml", f"{threshold_deep:.3f}"),
        ("samples.toml", f"{100 * candidate(0.8, 10, 10):.0f}%"),  # 68%
    )
    for figure in wide:
        _shows(qid, ("rubric.toml", figure), ("samples.toml", figure))
    # "a third of the pairs at exactly 0.8 are missed" with 10 x 10
    assert round(3 * (1 - candidate(0.8, 10, 10))) == 1
    # "about half the pairs at 0.5 are flagged" with 20 x 5
    assert round(2 * candidate(0.5, 20, 5)) == 1
    # "a third of the pairs at exactly 0.8", one hour of articles ~ 80,000 in the corpus
    assert round(n / 24, -4) == 80_000


# --- implicit-als-music-scale (K18) ----------------------------------------------------------


def _sci(x: float) -> str:
    """1.31e11 -> '1.31 x 10^{11}' (LaTeX in answer.md) is checked via its mantissa and power."""
    exponent = math.floor(math.log10(x))
    return f"{x / 10**exponent:.2f} \\times 10^{{{exponent}}}"


def test_implicit_als_music_scale() -> None:
    qid = "implicit-als-music-scale"
    users, tracks, nnz, k, alpha = 40_000_000, 8_000_000, 3_000_000_000, 128, 40
    naive_per_user = tracks * k**2
    naive = naive_per_user * users
    build = nnz * k**2
    solve_users = users * k**3
    user_half = build + solve_users
    track_half = build + tracks * k**3
    figures = {
        "naive_per_user": _sci(naive_per_user),  # 1.31 x 10^11
        "naive": _sci(naive),  # 5.24 x 10^18
        "build": _sci(build),  # 4.92 x 10^13
        "solve": _sci(solve_users),  # 8.39 x 10^13
        "user_half": _sci(user_half),  # 1.33 x 10^14
        "track_half": _sci(track_half),  # 6.59 x 10^13
        "cells": f"{users * tracks / 1e14:.1f} \\times 10^{{14}}",  # 3.2 x 10^14
    }
    for figure in figures.values():
        _shows(qid, ("answer.md", figure))
    ratio = naive / user_half
    assert 38_500 < ratio < 39_500
    _shows(
        qid,
        ("answer.md", f"some {round(ratio, -3):,.0f} times"),  # 39,000
        ("answer.md", f"1 + {alpha} \\times 10 = {1 + alpha * 10}"),  # 401
        ("answer.md", f"{users * k * 4 / 1e9:.2f} GB"),  # 20.48
        ("answer.md", f"{tracks * k * 4 / 1e9:.3f} GB"),  # 4.096
        ("answer.md", f"{k * k * 4 / 1e3:.1f} KB"),  # 65.5
        ("hints.md", f"({nnz // users} on average"),  # 75
        ("rubric.toml", f"{1 + alpha * 10}"),
        ("rubric.toml", f"{users * k * 4 / 1e9:.2f} GB"),
        ("rubric.toml", f"{tracks * k * 4 / 1e9:.3f} GB"),
        ("rubric.toml", f"{round(ratio, -3):,.0f} times"),
        ("samples.toml", f"{1 + alpha * 10}"),
        ("samples.toml", f"{users * k * 4 / 1e9:.2f} GB"),
    )
    plain = {  # rubric and samples write 4.92 x 10^13 or 4.92e13
        "naive_per_user": (naive_per_user, "1.31"),
        "naive": (naive, "5.24"),
        "build": (build, "4.92"),
        "solve": (solve_users, "8.39"),
        "user_half": (user_half, "1.33"),
    }
    for value, mantissa in plain.values():
        exponent = math.floor(math.log10(value))
        assert f"{value / 10**exponent:.2f}" == mantissa
        _shows(qid, ("samples.toml", f"{mantissa}e{exponent}"))
    for key in ("naive", "build", "solve", "user_half"):
        value, mantissa = plain[key]
        exponent = math.floor(math.log10(value))
        _shows(qid, ("rubric.toml", f"{mantissa} x 10^{exponent}"))
    _shows(qid, ("answer.md", f"{tracks // 10**6}\\text{{M}} \\times 128^2"))
    assert 12 * k**2 + k**3 < 3_000_000  # "milliseconds" for the fold-in solve


# --- similar-items-visual-blend (S06) --------------------------------------------------------


def _binomial_tail(n: int, p: float, at_least: int) -> float:
    return sum(math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(at_least, n + 1))


def test_similar_items_visual_blend() -> None:
    qid = "similar-items-visual-blend"
    listings, dims, code_bytes, prior = 30_000_000, 256, 32, 20
    slots, pass_rate, fetched, over_fetched = 20, 0.10, 100, 300
    raw_gb = listings * dims * 4 / 1e9
    pq_gb = listings * code_bytes / 1e9
    w5, w100 = 5 / (5 + prior), 100 / (100 + prior)
    full_100 = _binomial_tail(fetched, pass_rate, slots)
    full_300 = _binomial_tail(over_fetched, pass_rate, slots)
    assert full_100 < 0.0025 and full_300 > 0.98
    figures = [
        f"{raw_gb:.2f} GB",  # 30.72
        f"{pq_gb:.2f} GB",  # 0.96
        f"{w5:.1f}",  # 0.2
        f"{w100:.3f}",  # 0.833
        f"about {100 * full_100:.1f}%",  # 0.2%
        f"about {100 * full_300:.1f}%",  # 98.3%
    ]
    for figure in figures:
        _shows(qid, ("answer.md", figure), ("samples.toml", figure))
    _shows(
        qid,
        ("answer.md", f"{dims * 4 // code_bytes} times smaller"),  # 32
        ("answer.md", f"{fetched * pass_rate:.0f} on average"),  # 10
        ("answer.md", f"{slots}/{pass_rate:g} = {slots / pass_rate:.0f}"),  # 200
        ("answer.md", f"{5 + prior}"),
        ("answer.md", f"{100 + prior}"),
        ("rubric.toml", f"{raw_gb:.2f} GB"),
        ("rubric.toml", f"{pq_gb:.2f} GB"),
        ("rubric.toml", f"{w100:.3f}"),
        ("rubric.toml", f"{100 * full_100:.1f}%"),
        ("rubric.toml", f"{100 * full_300:.1f}%"),
        ("hints.md", f"mean is {fetched * pass_rate:.0f}"),
    )


# --- search-interleaving-team-draft (S04) ----------------------------------------------------


def _team_draft(a: list[str], b: list[str], a_first: list[bool]) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for first_is_a in a_first:
        order = [("A", a), ("B", b)] if first_is_a else [("B", b), ("A", a)]
        for team, ranking in order:
            taken = {doc for doc, _ in shown}
            shown.append((next(d for d in ranking if d not in taken), team))
    return shown


def test_search_interleaving_team_draft() -> None:
    qid = "search-interleaving-team-draft"
    p1, lift, per_day = 0.45, 0.01, 40_000
    p2 = p1 * (1 + lift)
    # the prompt's hint and the answer use the rounded quantiles 1.96 and 0.84, as interviews do
    z_a, z_b = NormalDist().inv_cdf(0.975), NormalDist().inv_cdf(0.8)
    assert (round(z_a, 2), round(z_b, 2)) == (1.96, 0.84)
    n = math.ceil((1.96 + 0.84) ** 2 * (p1 * (1 - p1) + p2 * (1 - p2)) / (p2 - p1) ** 2)
    interleaved = _team_draft(["a", "b", "c", "d"], ["b", "e", "a", "f"], [True, False])
    assert interleaved == [("a", "A"), ("b", "B"), ("e", "B"), ("c", "A")]
    wins_b, wins_a, ties = 2_650, 2_350, 5_000
    decided = wins_a + wins_b
    sd = math.sqrt(decided / 4)
    z = (wins_b - decided / 2) / sd
    p = 2 * (1 - NormalDist().cdf(z))
    _shows(
        qid,
        ("answer.md", f"{p2 - p1:.4f}"),  # 0.0045
        ("answer.md", f"{p2:.4f}"),  # 0.4545
        ("answer.md", f"{1 - p2:.4f}"),  # 0.5455
        ("answer.md", f"{n:,}"),  # 192,029
        ("answer.md", f"about {n / per_day:.1f} days"),  # 4.8
        ("answer.md", f"= {sd:.2f}"),  # 35.36
        ("answer.md", f"= {z:.2f}"),  # 4.24
        ("answer.md", f"p \\approx {p * 1e5:.1f} \\times 10^{{-5}}"),  # 2.2e-5
        ("answer.md", f"{(wins_b - wins_a) / (wins_a + wins_b + ties):.2f}"),  # 0.03
        ("answer.md", "The list is a, b, e, c"),
        ("rubric.toml", f"{n:,}"),
        ("rubric.toml", f"about {n / per_day:.1f} days"),
        ("rubric.toml", f"{sd:.2f} = {z:.2f}"),
        ("rubric.toml", f"{p * 1e5:.1f} x 10^-5"),
        ("samples.toml", f"{n:,}"),
        ("samples.toml", f"that's {n / per_day:.1f} days"),
        ("samples.toml", f"{sd:.2f} = {z:.2f}"),
        ("samples.toml", f"{p * 1e5:.1f}e-5"),
        ("hints.md", f"{decided:,} decided"),
    )


# --- podcast-popularity-feedback-loop (S07) --------------------------------------------------


def test_podcast_popularity_feedback_loop() -> None:
    qid = "podcast-popularity-feedback-loop"
    impressions, epsilon, shows = 50_000_000, 0.05, 200_000
    head_impressions, head_organic = 0.60, 0.40
    rate, half_width = 0.02, 0.005
    per_show = impressions * epsilon / shows
    needed = 1.96**2 * rate * (1 - rate) / half_width**2
    days = needed / per_show
    over = head_impressions / head_organic
    _shows(
        qid,
        ("answer.md", f"= {per_show:g} random impressions"),  # 12.5
        ("answer.md", f"\\approx {round(needed):,} impressions"),  # 3,012
        ("answer.md", f"about {round(days)} days"),  # 241
        ("answer.md", f"60/40 = {over:.1f} times"),  # 1.5
        ("answer.md", f"{impressions * epsilon / 1e6:.1f} million impressions a day"),  # 2.5
        ("rubric.toml", f"{per_show:g} random impressions"),
        ("rubric.toml", f"about {round(needed):,} impressions"),
        ("rubric.toml", f"roughly {round(days)} days"),
        ("rubric.toml", f"{over:.1f} times"),
        ("samples.toml", f"= {per_show:g} random impressions"),
        ("samples.toml", f"about {round(needed):,}, so about {round(days)} days"),
        ("samples.toml", f"{over:.1f}x"),
    )


# --- query-autocomplete-trie-serving (K23) ---------------------------------------------------


def test_query_autocomplete_trie_serving() -> None:
    qid = "query-autocomplete-trie-serving"
    nodes, top_k, id_bytes, half_life = 40_000_000, 10, 4, 7
    lists_gb = nodes * top_k * id_bytes / 1e9
    old = 1_000 * 0.5 ** (28 / half_life)
    recent = 200 * 0.5 ** (1 / half_life)
    assert 28 / half_life == 4 and round(1_000 / old) == 16
    assert round(recent / old) == 3 and 1_000 // 200 == 5  # "about three to one", "five to one"
    _shows(
        qid,
        ("answer.md", f"= {lists_gb:.1f} GB"),  # 1.6
        ("answer.md", f"1,000 / 16 = {old:g}"),  # 62.5
        ("answer.md", f"= {recent:.1f}"),  # 181.1
        ("rubric.toml", f"{lists_gb:.1f} GB"),
        ("rubric.toml", f"= {old:g}"),
        ("rubric.toml", f"{recent:.1f}"),
        ("samples.toml", f"= {lists_gb:.1f} GB"),
        ("samples.toml", f"= {old:g}"),
        ("samples.toml", f"= {recent:.1f}"),
        ("hints.md", f"{nodes // 1_000_000} million nodes x {top_k} ids x {id_bytes} bytes"),
    )


# --- artwork-thompson-vs-ab (K19) ------------------------------------------------------------


def _beta_logpdf(x: float, a: float, b: float) -> float:
    log_norm = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    return (a - 1) * math.log(x) + (b - 1) * math.log1p(-x) - log_norm


def _probability_best(posteriors: list[tuple[int, int]], lo: float, hi: float) -> list[float]:
    """P(arm i has the largest rate) = integral of f_i(x) prod_j F_j(x), on a midpoint grid."""
    steps = 6_000
    dx = (hi - lo) / steps
    grid = [lo + (k + 0.5) * dx for k in range(steps)]
    pdfs = [[math.exp(_beta_logpdf(x, a, b)) for x in grid] for a, b in posteriors]
    cdfs = []
    for pdf in pdfs:
        running, cdf = 0.0, []
        for value in pdf:
            running += value * dx
            cdf.append(running - value * dx / 2)
        cdfs.append(cdf)
    out = []
    for i, pdf in enumerate(pdfs):
        total = 0.0
        for k, value in enumerate(pdf):
            others = math.prod(cdfs[j][k] for j in range(len(pdfs)) if j != i)
            total += value * others * dx
        out.append(total)
    return out


def _thompson_regret(seed: int) -> float:
    """Expected plays lost over the remaining impressions, posteriors updated every 10,000."""
    import numpy as np

    rates = np.array([0.05, 0.055, 0.045, 0.06])
    rng = np.random.default_rng(seed)
    a = np.array([501.0, 551.0, 451.0, 601.0])
    b = np.array([9_501.0, 9_451.0, 9_551.0, 9_401.0])
    regret, left = 0.0, 1_360_000
    while left:
        batch = min(10_000, left)
        chosen = np.argmax(rng.beta(a[:, None], b[:, None], size=(4, batch)), axis=0)
        shown = np.bincount(chosen, minlength=4)
        plays = rng.binomial(shown, rates)
        a += plays
        b += shown - plays
        regret += float(np.sum(shown * (rates.max() - rates)))
        left -= batch
    return regret


def test_artwork_thompson_vs_ab() -> None:
    qid = "artwork-thompson-vs-ab"
    rates = {"A": 0.050, "B": 0.055, "C": 0.045, "D": 0.060}
    per_day, days, test_days = 200_000, 7, 2
    total = per_day * days
    best = max(rates.values())
    gaps = [best - r for r in rates.values()]
    equal_split = total / 4 * sum(gaps)
    commit = per_day * test_days / 4 * sum(gaps)
    se = math.sqrt(0.06 * 0.94 / 100_000 + 0.055 * 0.945 / 100_000)
    plays, shown = [500, 550, 450, 600], 10_000
    posteriors = [(1 + s, 1 + shown - s) for s in plays]
    p_best = _probability_best(posteriors, 0.03, 0.08)
    assert abs(sum(p_best) - 1) < 1e-4
    sds = [math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1))) for a, b in posteriors]
    assert all(round(100 * sd, 2) in (0.21, 0.22, 0.23, 0.24) for sd in sds)
    first = shown * sum(gaps)
    _shows(
        qid,
        ("answer.md", f"{total:,}"),  # 1,400,000
        ("answer.md", f"= {total * best:,.0f} plays"),  # 84,000
        ("answer.md", f"{total // 4:,} impressions"),  # 350,000
        ("answer.md", f"= {equal_split:,.0f} plays, {equal_split / (total * best):.1%}"),
        ("answer.md", f"{per_day * test_days // 4:,} \\times {sum(gaps):.3f} = {commit:,.0f}"),
        ("answer.md", f"about {0.005 / se:.1f} standard errors"),  # 4.8
        ("answer.md", f"{shown:,} \\times {sum(gaps):.3f} = {first:,.0f} plays"),  # 300
        ("answer.md", f"about {p_best[3]:.1%} for D, {p_best[1]:.1%} for B, {p_best[0]:.2%} for A"),
        ("answer.md", f"{total - 4 * shown:,}"),  # 1,360,000
        ("rubric.toml", f"= {equal_split:,.0f} plays"),
        ("rubric.toml", f"{commit:,.0f} plays"),
        ("rubric.toml", f"{p_best[3]:.1%}"),
        ("rubric.toml", f"{p_best[1]:.1%}"),
        ("samples.toml", f"= {equal_split:,.0f} plays"),
        ("samples.toml", f"= {commit:,.0f}"),
        ("samples.toml", f"D about {p_best[3]:.1%}, B about {p_best[1]:.1%}"),
    )
    assert p_best[2] < 1e-5  # "essentially never C"
    for a, b in posteriors:
        _shows(qid, ("answer.md", f"Beta({a}, {b:,})"), ("rubric.toml", f"Beta({a}, {b:,})"))
    # "only a few dozen more plays on average" after the first 40,000 impressions
    mean_regret = sum(_thompson_regret(seed) for seed in range(6)) / 6
    assert 12 < mean_regret < 100, mean_regret


# --- calibrated-recs-kl-genres (K24) ---------------------------------------------------------


def test_calibrated_recs_kl_genres() -> None:
    qid = "calibrated-recs-kl-genres"
    p, alpha = (0.7, 0.2, 0.1), 0.01

    def smoothed(q: tuple[float, ...]) -> list[float]:
        return [(1 - alpha) * qi + alpha * pi for qi, pi in zip(q, p, strict=True)]

    def kl(q: tuple[float, ...]) -> float:
        return sum(pi * math.log(pi / qi) for pi, qi in zip(p, smoothed(q), strict=True))

    def entropy_bits(q: tuple[float, ...]) -> float:
        return -sum(qi * math.log2(qi) for qi in q if qi > 0) + 0.0

    rows = {
        "10 comedies": (1.0, 0.0, 0.0),
        "7 / 2 / 1": (0.7, 0.2, 0.1),
        "8 / 2 / 0": (0.8, 0.2, 0.0),
        "4 / 3 / 3": (0.4, 0.3, 0.3),
    }
    for label, q in rows.items():
        q_tilde = ", ".join(f"{x:.3f}".rstrip("0").rstrip(".") for x in smoothed(q))
        value = kl(q)
        shown = "0" if abs(value) < 1e-12 else f"{value:.3f}"
        _shows(qid, ("answer.md", f"| {label} |"), ("answer.md", f"({q_tilde}) | {shown} |"))
    kls = [kl(q) for q in rows.values()]
    ents = [entropy_bits(q) for q in rows.values()]
    comedy = smoothed(rows["10 comedies"])
    terms = [pi * math.log(pi / qi) for pi, qi in zip(p, comedy, strict=True)]
    _shows(
        qid,
        ("answer.md", " + ".join(f"{t:.3f}" for t in terms).replace("+ -", "- ")),
        ("answer.md", f"0 bits; 7/2/1: {ents[1]:.3f} bits; 8/2/0: {ents[2]:.3f} bits"),
        ("answer.md", f"4/3/3: {ents[3]:.3f} bits"),
        ("answer.md", f"= {math.log2(3):.3f}"),  # 1.585
        ("answer.md", f"({kls[3]:.3f} nats against"),
        ("answer.md", f"loses {kls[2]:.3f} nats"),
        ("hints.md", "(" + ", ".join(f"{x:.3f}" for x in smoothed(rows["10 comedies"])) + ")"),
        ("rubric.toml", f"{kls[0]:.3f} nats for all comedy, 0 for 7/2/1, {kls[2]:.3f} for 8/2/0"),
        ("rubric.toml", f"{kls[3]:.3f} for 4/3/3"),
        ("rubric.toml", f"0, {ents[1]:.3f}, {ents[2]:.3f} and {ents[3]:.3f} bits"),
        ("samples.toml", f"= {kls[0]:.3f} nats"),
        ("samples.toml", f"8/2/0 gives {kls[2]:.3f}, 4/3/3 gives {kls[3]:.3f}"),
        ("samples.toml", f"0 bits, {ents[1]:.3f}, {ents[2]:.3f} and {ents[3]:.3f}"),
        ("corpus.toml", f"= {kls[0]:.3f}"),
    )
    # "60% of the row in genres they watch 30% of the time"
    assert round(1 - rows["4 / 3 / 3"][0], 9) == 0.6 and round(1 - p[0], 9) == 0.3


# --- search-spelling-correction (K22) --------------------------------------------------------


def _levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def test_search_spelling_correction() -> None:
    qid = "search-spelling-correction"
    counts = {"iphone": 2_000_000, "phone": 800_000, "nike": 5_000_000, "nikon": 300_000}
    channel = {0: 0.95, 1: 0.01, 2: 0.0001}
    assert _levenshtein("iphne", "iphone") == 1 and _levenshtein("iphne", "phone") == 2
    assert _levenshtein("nikon", "nike") == 2
    scores = {
        "iphone": counts["iphone"] * channel[1],
        "phone": counts["phone"] * channel[2],
        "iphne": 50 * channel[0],
    }
    total = sum(scores.values())
    keep = counts["nikon"] * channel[0]
    switch = counts["nike"] * channel[2]
    deletions = math.comb(8, 1) + math.comb(8, 2)
    terms = 2_000_000
    _shows(
        qid,
        ("answer.md", f"= {scores['iphone']:,.0f} | {scores['iphone'] / total:.1%}"),
        ("answer.md", f"= {scores['phone']:,.0f} | {scores['phone'] / total:.1%}"),
        ("answer.md", f"= {scores['iphne']:g} | {scores['iphne'] / total:.1%}"),
        ("answer.md", f"= {keep:,.0f}"),  # 285,000
        ("answer.md", f"= {switch:,.0f} for"),  # 500
        ("answer.md", f"keeps {keep / (keep + switch):.1%}"),  # 99.8%
        ("answer.md", f"= 8 + 28 = {deletions}"),
        ("answer.md", f"{terms:,} \\times {deletions} = {terms * deletions // 10**6} million"),
        ("rubric.toml", f"= {scores['iphone']:,.0f}, about {scores['iphone'] / total:.1%}"),
        ("rubric.toml", f"{keep / (keep + switch):.1%}"),
        ("rubric.toml", f"= {keep:,.0f} against {switch:,.0f}"),
        ("rubric.toml", f"{deletions} per 8-letter term and about 72 million"),
        ("samples.toml", f"= {scores['iphone']:,.0f}"),
        ("samples.toml", f"= {scores['phone']:,.0f}"),
        ("samples.toml", f"{scores['iphone'] / total:.1%}"),
        ("samples.toml", f"= {keep:,.0f} vs"),
        ("samples.toml", f"{keep / (keep + switch):.1%}"),
        ("samples.toml", f"= {deletions} per"),
    )


# --- session-next-item-attention (D05) -------------------------------------------------------


def test_session_next_item_attention() -> None:
    qid = "session-next-item-attention"
    items, dims, sessions, length, negatives = 1_000_000, 64, 256, 50, 4_096
    positions = sessions * length
    full = positions * items * dims
    sampled = positions * negatives * dims
    logits_gb = positions * items * 4 / 1e9
    table_mb = items * dims * 4 / 1e6
    _shows(
        qid,
        ("answer.md", f"= {positions:,} positions"),
        ("answer.md", f"{full / 1e11:.2f} \\times 10^{{11}}"),  # 8.19
        ("answer.md", f"{sampled / 1e9:.2f} \\times 10^{{9}}"),  # 3.36
        ("answer.md", f"{full / sampled:.0f} times less"),  # 244
        ("answer.md", f"{logits_gb:.1f} GB"),  # 51.2
        ("answer.md", f"= {table_mb:.0f} MB"),  # 256
        ("answer.md", f"add {2 * table_mb:.0f} MB, {3 * table_mb:.0f} MB in all"),
        ("rubric.toml", f"{full / 1e11:.2f} x 10^11"),
        ("rubric.toml", f"{sampled / 1e9:.2f} x 10^9"),
        ("rubric.toml", f"{full / sampled:.0f} times less"),
        ("rubric.toml", f"{logits_gb:.1f} GB"),
        ("rubric.toml", f"{table_mb:.0f} MB"),
        ("rubric.toml", f"{3 * table_mb:.0f} MB"),
        ("samples.toml", f"= {positions:,} positions"),
        ("samples.toml", f"= {full / 1e11:.2f} x 10^11"),
        ("samples.toml", f"{sampled / 1e9:.2f} x 10^9, {full / sampled:.0f} times"),
        ("samples.toml", f"add {2 * table_mb:.0f} MB, {3 * table_mb:.0f} MB total"),
        ("samples.toml", f"{logits_gb:.1f} GB"),
    )
    assert (length * length) == 2_500  # the corpus's "50 x 50 attention matrix, 2,500 scores"


# --- sponsored-slots-feed-value (S02) --------------------------------------------------------


def test_sponsored_slots_feed_value() -> None:
    qid = "sponsored-slots-feed-value"
    commission, order, user_cost = 0.12, 40, 0.01
    organic = 0.005 * order * commission
    ad_click, ad_sale = 0.015, 0.003 * order * commission
    ad_gross = ad_click * 1.20 + ad_sale
    ad_net = ad_gross - user_cost
    assert ad_gross > organic > ad_net
    gap = organic + user_cost - ad_sale
    break_even = gap / ad_click
    at_150 = ad_click * 1.50 + ad_sale - user_cost
    inflated_clicks = ad_click * 1.5
    inflated = inflated_clicks * 1.20 + ad_sale - user_cost
    assert inflated > organic > ad_net  # the over-prediction flips the slot
    _shows(
        qid,
        ("answer.md", f"= {organic:.3f}"),  # 0.024
        ("answer.md", f"= {ad_click * 1.20:.3f}"),  # 0.018
        ("answer.md", f"= {ad_sale:.4f}"),  # 0.0144
        ("answer.md", f"{ad_gross:.4f} without the user cost"),  # 0.0324
        ("answer.md", f"= {ad_net:.4f}"),  # 0.0224
        ("answer.md", f"b \\ge {gap:.4f} / {ad_click} = {break_even:.2f} ({break_even:.4f})"),
        ("answer.md", f"= {at_150:.4f}"),  # 0.0269
        ("answer.md", f"({100 * inflated_clicks:.2f}% instead of {100 * ad_click:.1f}%)"),
        ("answer.md", f"= {inflated_clicks * 1.20:.3f}"),  # 0.027
        ("answer.md", f"value {inflated:.4f}"),  # 0.0314
        ("rubric.toml", f"{organic:.3f}"),
        ("rubric.toml", f"{ad_sale:.4f}"),
        ("rubric.toml", f"{ad_gross:.4f}"),
        ("rubric.toml", f"{ad_net:.4f}"),
        ("rubric.toml", f"{gap:.4f} / {ad_click} = {break_even:.2f}"),
        ("rubric.toml", f"{inflated:.4f}"),
        ("samples.toml", f"{ad_gross:.4f}"),
        ("samples.toml", f"{ad_net:.4f}"),
        ("samples.toml", f"b >= {gap:.4f} / {ad_click} = {break_even:.2f}"),
        ("samples.toml", f"{inflated:.4f}"),
        ("hints.md", f"{ad_sale:.4f} - {user_cost:.2f} \\ge {organic:.3f}"),
    )


# --- query-category-naive-bayes (K21) --------------------------------------------------------


def test_query_category_naive_bayes() -> None:
    qid = "query-category-naive-bayes"
    vocabulary = 5_000
    departments = {  # prior, words in the department's queries, word counts
        "Phones": (0.40, 10_000, {"apple": 500, "case": 20}),
        "Accessories": (0.35, 8_000, {"apple": 300, "case": 900}),
        "Groceries": (0.25, 6_000, {"apple": 400, "case": 10, "pie": 150}),
    }

    def word_p(department: str, word: str) -> float:
        _, words, counts = departments[department]
        return (counts.get(word, 0) + 1) / (words + vocabulary)

    def posterior(query: str) -> list[float]:
        logs = [
            math.log(prior) + sum(math.log(word_p(d, w)) for w in query.split())
            for d, (prior, _, _) in departments.items()
        ]
        top = max(logs)
        weights = [math.exp(v - top) for v in logs]
        return [w / sum(weights) for w in weights]

    rows = {q: posterior(q) for q in ("apple", "apple case", "apple pie")}
    for query, probs in rows.items():
        cells = " | ".join(f"{p:.1%}" for p in probs)
        _shows(qid, ("answer.md", f'| "{query}" | {cells} |'))
    apple_scores = [prior * word_p(d, "apple") for d, (prior, _, _) in departments.items()]
    case_ratio = word_p("Accessories", "case") / word_p("Phones", "case")
    pie_ratio = word_p("Groceries", "pie") / word_p("Phones", "pie")
    _shows(
        qid,
        ("answer.md", f"= {apple_scores[0]:.5f}"),  # 0.01336
        ("answer.md", f"= {apple_scores[1]:.5f}"),  # 0.00810
        ("answer.md", f"= {apple_scores[2]:.5f}"),  # 0.00911
        ("answer.md", f"is about {round(case_ratio)} times"),  # 50
        ("answer.md", f"is about {round(pie_ratio)} times"),  # 206
        ("answer.md", "15,000 for Phones, 13,000 for Accessories and 11,000 for Groceries"),
        ("answer.md", f"({rows['apple'][0]:.1%})"),
        ("rubric.toml", f"'apple' {' / '.join(f'{p:.1%}' for p in rows['apple'])}"),
        ("rubric.toml", f"'apple case' {' / '.join(f'{p:.1%}' for p in rows['apple case'])}"),
        ("rubric.toml", f"'apple pie' {' / '.join(f'{p:.1%}' for p in rows['apple pie'])}"),
        ("samples.toml", f"= {apple_scores[0]:.5f}"),
        ("samples.toml", f"{rows['apple'][0]:.1%} Phones, {rows['apple'][1]:.1%} Accessories"),
        ("samples.toml", ", ".join(f"{p:.1%}" for p in rows["apple case"])),
        ("samples.toml", ", ".join(f"{p:.1%}" for p in rows["apple pie"])),
        ("corpus.toml", f"{rows['apple case'][1]:.1%}"),
    )
    assert rows["apple"][0] < 0.5  # "less than half the probability"


# --- hybrid-retrieval-rank-fusion (L05) ------------------------------------------------------


def test_hybrid_retrieval_rank_fusion() -> None:
    qid = "hybrid-retrieval-rank-fusion"
    bm25 = {"d1": 17.8, "d2": 15.2, "d3": 14.9, "d4": 12.1, "d5": 11.7}
    dense = {"d6": 0.83, "d3": 0.81, "d7": 0.79, "d1": 0.78, "d8": 0.74}
    relevant = {"d1", "d2", "d3", "d6", "d9"}
    summed: dict[str, float] = {}
    fused: dict[str, float] = {}
    for scores in (bm25, dense):
        for rank, (doc, score) in enumerate(scores.items(), 1):
            summed[doc] = summed.get(doc, 0.0) + score
            fused[doc] = fused.get(doc, 0.0) + 1 / (60 + rank)
    by_sum = sorted(summed, key=lambda d: -summed[d])
    by_rrf = sorted(fused, key=lambda d: (-fused[d], d))

    def recall(top: list[str]) -> float:
        return len(relevant & set(top[:5])) / len(relevant)

    assert by_sum[:5] == ["d1", "d3", "d2", "d4", "d5"]
    assert by_rrf[:5] == ["d1", "d3", "d6", "d2", "d7"]
    sums = ", ".join(f"{d} {summed[d]:g}" for d in by_sum[:5])
    _shows(
        qid,
        ("answer.md", f"The sums are {sums}"),
        ("answer.md", ", ".join(f"{d} {summed[d]:g}" for d in by_sum[5:])),
        ("answer.md", f"1/61 + 1/64 = {fused['d1']:.5f}"),
        ("answer.md", f"1/63 + 1/62 = {fused['d3']:.5f}"),
        ("answer.md", f"1/61 = {fused['d6']:.5f}"),
        ("answer.md", f"1/62 = {fused['d2']:.5f}"),
        ("answer.md", f"1/63 = {fused['d7']:.5f}"),
        ("answer.md", f"1/64 = {fused['d4']:.5f}"),
        ("answer.md", f"1/65 = {fused['d5']:.5f}"),
        ("answer.md", "The fused top five is " + ", ".join(by_rrf[:5])),
        ("answer.md", f"d1, d2, d3: {recall(list(bm25)):.1f}"),
        ("answer.md", f"d6, d3, d1: {recall(list(dense)):.1f}"),
        ("answer.md", f"d1, d3, d2: {recall(by_sum):.1f}"),
        ("answer.md", f"d1, d3, d6, d2: {recall(by_rrf):.1f}"),
        ("rubric.toml", f"d1 {fused['d1']:.5f}, d3 {fused['d3']:.5f}, d6 {fused['d6']:.5f}"),
        ("rubric.toml", f"d2 {fused['d2']:.5f}, d7 {fused['d7']:.5f}"),
        ("rubric.toml", f"score sum {recall(by_sum):.1f}, RRF {recall(by_rrf):.1f}"),
        ("samples.toml", sums.replace(f"d1 {summed['d1']:g}", f"d1 {summed['d1']:.2f}")),
        (
            "samples.toml",
            f"d1 = 1/61 + 1/64 = {fused['d1']:.5f}, d3 = 1/63 + 1/62 = {fused['d3']:.5f}",
        ),
        ("samples.toml", f"the sum {recall(by_sum):.1f}, RRF {recall(by_rrf):.1f}"),
    )


# --- hotel-search-position-bias-swaps (S04) --------------------------------------------------


def test_hotel_search_position_bias_swaps() -> None:
    qid = "hotel-search-position-bias-swaps"
    swapped_ctr = {1: 0.12, 2: 0.084, 3: 0.06, 5: 0.036}
    propensity = {k: ctr / swapped_ctr[1] for k, ctr in swapped_ctr.items()}
    hotel_a = 0.09 / propensity[1]
    hotel_b = 0.03 / propensity[5]
    assert hotel_b > hotel_a
    shown = [f"{propensity[k]:.1f}".rstrip("0").rstrip(".") for k in (1, 2, 3, 5)]
    assert shown == ["1", "0.7", "0.5", "0.3"]
    weights = {k: 1 / propensity[k] for k in (2, 3, 5)}
    _shows(
        qid,
        ("answer.md", "| relative propensity | " + " | ".join(shown) + " |"),
        ("answer.md", f"9% / 1 = {hotel_a:.0%}"),
        ("answer.md", f"3% / 0.3 = {hotel_b:.0%}"),
        ("answer.md", f"1/0.7 = {weights[2]:.2f}"),
        ("answer.md", f"1/0.5 = {weights[3]:g}"),
        ("answer.md", f"1/0.3 = {weights[5]:.2f}"),
        ("rubric.toml", f"3% / 0.3 = {hotel_b:.0%}"),
        (
            "rubric.toml",
            f"({weights[2]:.2f}, {weights[3]:g}, {weights[5]:.2f} at positions 2, 3, 5)",
        ),
        ("samples.toml", f"8.4/12 = {propensity[2]:.1f} at position 2"),
        ("samples.toml", f"6/12 = {propensity[3]:.1f} at 3, 3.6/12 = {propensity[5]:.1f} at 5"),
        ("samples.toml", f"3%/0.3 = {hotel_b:.0%}"),
        (
            "samples.toml",
            f"{weights[2]:.2f} at position 2, {weights[3]:g} at 3, {weights[5]:.2f} at 5",
        ),
        ("corpus.toml", f"= {propensity[2]:.1f} at position 2"),
    )
    # the logs' 3.6% / 12% is the same 0.3 ratio, as the answer's parenthesis notes
    assert round(0.036 / 0.12, 9) == round(propensity[5], 9)


# --- lambdamart-gbdt-search (B01) ------------------------------------------------------------


def test_lambdamart_gbdt_search() -> None:
    qid = "lambdamart-gbdt-search"
    grades = [1, 0, 3, 0, 2]
    rows, features, bins = 50_000_000, 200, 255
    ideal = _dcg(sorted(grades, reverse=True))
    dcg = _dcg(grades)

    def delta(i: int, j: int) -> float:  # positions counted from 1
        swing = (2 ** grades[i - 1] - 2 ** grades[j - 1]) * (
            1 / math.log2(i + 1) - 1 / math.log2(j + 1)
        )
        return abs(swing) / ideal

    wrong = [
        (i + 1, j + 1)
        for i in range(len(grades))
        for j in range(i + 1, len(grades))
        if grades[i] < grades[j]
    ]
    assert wrong == [(1, 3), (1, 5), (2, 3), (2, 5), (4, 5)]
    ratio = delta(1, 3) / delta(4, 5)
    pairs = [f"{delta(*p):.3f}" for p in ((1, 3), (2, 3), (4, 5))]
    _shows(
        qid,
        ("answer.md", f"= 1 + 3.5 + {3 / math.log2(6):.3f} = {dcg:.3f}"),
        ("answer.md", f"= {ideal:.3f}"),
        ("answer.md", f"NDCG@5 = {dcg:.3f} / {ideal:.3f} = {dcg / ideal:.3f}"),
        ("answer.md", f"(4, 5): {len(wrong)} pairs"),
        ("answer.md", f"3/{ideal:.3f} = {pairs[0]}"),
        ("answer.md", f"about {round(ratio)} times"),
        ("answer.md", f"{rows * features:.0e}".replace("1e+10", "10^{10}")),
        ("answer.md", f"{features} \\times {bins} = {features * bins:,}"),
        (
            "answer.md",
            f"{rows * features / 1e9:.0f} GB instead of {rows * features * 4 / 1e9:.0f} GB",
        ),
        ("hints.md", f"DCG {ideal:.3f}"),
        ("rubric.toml", f"{dcg:.3f} / {ideal:.3f} = {dcg / ideal:.3f}"),
        ("rubric.toml", f"{len(wrong)} mis-ordered pairs"),
        ("rubric.toml", f"{features} x {bins} = {features * bins:,}"),
        ("rubric.toml", f"about {round(ratio)} times"),
        ("samples.toml", f"NDCG@5 = {dcg / ideal:.3f}"),
        ("samples.toml", f"{features} x {bins} = {features * bins:,}"),
        ("samples.toml", f"~{round(ratio)} times"),
    )
    for figure in pairs:
        _shows(
            qid, ("answer.md", f"| {figure} |"), ("rubric.toml", figure), ("samples.toml", figure)
        )


# --- taste-segments-cold-start (B06) ---------------------------------------------------------


def test_taste_segments_cold_start() -> None:
    qid = "taste-segments-cold-start"
    a, b = 0.42, 0.60
    silhouette = (b - a) / max(a, b)
    by_k = {8: 0.21, 12: 0.24, 20: 0.19}
    best_k = max(by_k, key=lambda k: by_k[k])
    assert best_k == 12
    _shows(
        qid,
        ("answer.md", f"(0.60 - 0.42)/0.60 = {silhouette:.1f}"),
        ("answer.md", f"peaks at k = {best_k} ({by_k[best_k]})"),
        ("rubric.toml", f"(0.60 - 0.42) / 0.60 = {silhouette:.1f}"),
        ("rubric.toml", f"k = {best_k}"),
        ("samples.toml", f"(0.60 - 0.42)/0.60 = {silhouette:.1f}"),
        ("samples.toml", f"k = {best_k} ({by_k[best_k]})"),
        ("corpus.toml", f"= {silhouette:.1f}"),
    )
