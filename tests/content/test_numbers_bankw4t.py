"""Every derived figure of the written questions added by helper bankw4t (issue 18: theory,
deep-learning and language-model keys, and the theory side of the K keys) is computed here and
must appear, formatted as written, in the files that print it.

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
    text = text.replace("{,}", ",").replace("\\%", "%").replace("\\$", "$")
    return " ".join(text.split())  # a figure may be wrapped over two lines


def _shows(qid: str, *pairs: tuple[str, str]) -> None:
    """Each (file, formatted figure) pair: the figure occurs in that file."""
    missing = [(name, figure) for name, figure in pairs if figure not in _text(qid, name)]
    assert not missing, f"{qid}: derived figures not found as written: {missing}"


def test_a_figure_off_in_its_last_digit_fails() -> None:
    _shows("gene-selection-cv-bias", ("answer.md", "about **96 genes**"))
    with pytest.raises(AssertionError, match="not found"):
        _shows("gene-selection-cv-bias", ("answer.md", "about **97 genes**"))


def test_gene_selection_cv_bias() -> None:
    qid = "gene-selection-cv-bias"
    n, genes = 200, 20_000
    null_sd = 1 / math.sqrt(n - 1)
    z = 0.2 / null_sd
    tail = 2 * (1 - NormalDist().cdf(z))
    above_02 = tail * genes
    above_025 = 2 * (1 - NormalDist().cdf(0.25 / null_sd)) * genes
    se = math.sqrt(0.7 * 0.3 / n)
    se_chance = math.sqrt(0.25 / n)
    _shows(
        qid,
        ("answer.md", f"\\frac{{1}}{{\\sqrt{{{n - 1}}}}} \\approx {null_sd:.3f}"),  # 0.071
        ("answer.md", f"\\approx {z:.2f}$ standard deviations"),  # 2.82
        ("answer.md", f"probability about {tail:.4f}"),  # 0.0048
        ("answer.md", f"about **{above_02:.0f} genes**"),  # 96
        ("answer.md", f"about {above_025:.0f} above 0.25"),  # 8
        ("answer.md", f"\\approx {se:.3f}$"),  # 0.032
        ("answer.md", f"±{1.96 * se * 100:.1f} points"),  # 6.4
        ("answer.md", f"({0.7 - 1.96 * se:.2f} to {0.7 + 1.96 * se:.2f})"),  # 0.64 to 0.76
        ("answer.md", f"\\approx {se_chance:.3f}$"),  # 0.035
        ("answer.md", f"up to about {0.5 + 1.96 * se_chance:.2f}"),  # 0.57
        ("rubric.toml", f"about {null_sd:.3f}"),
        ("rubric.toml", f"roughly {above_02:.0f} of 20,000"),
        ("rubric.toml", f"about {se:.3f}"),
        ("rubric.toml", f"roughly {1.96 * se * 100:.1f} points"),
        ("samples.toml", f"1/sqrt({n - 1}) = {null_sd:.3f}"),
        ("samples.toml", f"{z:.1f} sigma event, probability about {tail:.1%}"),  # 2.8, 0.5%
        ("samples.toml", f"roughly {above_02:.0f} of the 20,000"),
        ("samples.toml", f"= {se:.3f}, so about +/-{1.96 * se * 100:.1f} points"),
    )
    assert 50 < above_02  # the top 50 of pure noise all clear |r| = 0.2
