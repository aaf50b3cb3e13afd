"""Every derived figure of the recsys and search questions of issue 18's helper bankw4r is
computed here and must appear, formatted as written, in the files that print it.

Given figures (a scenario's inputs) are not checked; everything computed from them is. Each test
names the question it checks.
"""

from __future__ import annotations

import math

import pytest

from mlprep.content import builtin_bank_root

BANK = builtin_bank_root()


def _text(qid: str, name: str) -> str:
    (folder,) = BANK.glob(f"*/{qid}")
    text = (folder / name).read_text(encoding="utf-8")
    text = text.replace("{,}", ",").replace("\\%", "%").replace("\\$", "$")
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
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


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
