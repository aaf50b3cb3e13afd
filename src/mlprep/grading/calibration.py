"""Calibration of graders against the human-scored sample answers of the bank.

The labelled set is every written question's ``samples.toml``. It is split by
question, with a stable hash of the question id, into a tuning part (used to fit a
grader's few numbers) and a held-out part (used only to report). The figures:

- Spearman correlation of machine score with the human total (over all samples);
- quadratic weighted kappa after mapping both to the 0-4 scale (``score_band``);
- strong-over-weak: for each question, every pair of a ``strong`` sample and a
  ``weak`` or ``wrong`` one; the share where the machine scores the strong one higher;
- pass agreement: how often machine and human agree that the answer reaches
  ``PASS_MARK`` of the points;
- mean gap: |machine mean - human mean| in standard deviations of the human scores.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from ._report import PASS_MARK, score_band

if TYPE_CHECKING:
    from mlprep.content import Bank, Question, Sample

    from ._registry import Grader

__all__ = [
    "TARGETS",
    "Figures",
    "LabelledAnswer",
    "evaluate",
    "figures",
    "labelled_answers",
    "quadratic_weighted_kappa",
    "spearman",
    "split_of",
]

Split = Literal["tune", "holdout"]

# Floors from the grading issue, per grader.
TARGETS: dict[str, dict[str, float]] = {
    "default": {"qwk": 0.7, "strong_over_weak": 0.95, "pass_agreement": 0.85, "mean_gap_sd": 0.15},
    "lexical": {"qwk": 0.7, "strong_over_weak": 0.95, "pass_agreement": 0.85, "mean_gap_sd": 0.15},
    "semantic": {"qwk": 0.8, "strong_over_weak": 0.95, "pass_agreement": 0.85, "mean_gap_sd": 0.15},
}
HOLDOUT_SHARE = 0.3


def split_of(question_id: str) -> Split:
    """Stable assignment of a question to the tuning or held-out part (about 30% held out)."""
    digest = hashlib.sha256(f"mlprep-grading:{question_id}".encode()).digest()
    return "holdout" if int.from_bytes(digest[:4], "big") / 2**32 < HOLDOUT_SHARE else "tune"


@dataclass(frozen=True)
class LabelledAnswer:
    question: Question
    sample: Sample

    @property
    def human(self) -> float:
        """The human total as a share of the rubric's points."""
        return min(1.0, self.sample.total / self.question.max_points)


def labelled_answers(bank: Bank, split: Split | None = None) -> list[LabelledAnswer]:
    """Every scored sample of every written question, optionally of one split only."""
    out: list[LabelledAnswer] = []
    for question in sorted(bank, key=lambda q: q.id):
        if question.is_coding or not question.samples:
            continue
        if split is not None and split_of(question.id) != split:
            continue
        out.extend(LabelledAnswer(question, sample) for sample in question.samples)
    return out


def _ranks(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values), dtype=float)
    sorted_values = values[order]
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and sorted_values[j + 1] == sorted_values[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0  # ties share their mean rank
        i = j + 1
    return ranks


def spearman(a: Iterable[float], b: Iterable[float]) -> float:
    """Spearman rank correlation (Pearson correlation of tie-averaged ranks)."""
    x, y = _ranks(np.asarray(list(a), float)), _ranks(np.asarray(list(b), float))
    if len(x) < 2 or x.std() == 0 or y.std() == 0:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


def quadratic_weighted_kappa(a: Iterable[int], b: Iterable[int], levels: int = 5) -> float:
    """Cohen's kappa with quadratic disagreement weights, for ratings 0..levels-1."""
    x, y = np.asarray(list(a), int), np.asarray(list(b), int)
    if len(x) == 0:
        return 0.0
    observed = np.zeros((levels, levels))
    for i, j in zip(x, y, strict=True):
        observed[i, j] += 1
    expected = np.outer(observed.sum(1), observed.sum(0)) / len(x)
    grid = np.arange(levels)
    weights = (grid[:, None] - grid[None, :]) ** 2 / (levels - 1) ** 2
    denom = float((weights * expected).sum())
    if denom == 0:
        return 1.0 if np.array_equal(x, y) else 0.0
    return 1.0 - float((weights * observed).sum()) / denom


@dataclass(frozen=True)
class Figures:
    grader: str
    split: str
    questions: int
    answers: int
    spearman: float
    qwk: float
    strong_over_weak: float
    pairs: int
    pass_agreement: float
    human_mean: float
    machine_mean: float
    mean_gap_sd: float
    mean_abs_error: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def failures(self, targets: dict[str, float] | None = None) -> list[str]:
        """The targets these figures miss, as readable lines."""
        targets = targets or TARGETS.get(self.grader, TARGETS["default"])
        out = []
        for key in ("qwk", "strong_over_weak", "pass_agreement"):
            if getattr(self, key) < targets[key]:
                out.append(f"{key} {getattr(self, key):.3f} < {targets[key]}")
        if self.mean_gap_sd > targets["mean_gap_sd"]:
            out.append(f"mean_gap_sd {self.mean_gap_sd:.3f} > {targets['mean_gap_sd']}")
        return out


def figures(
    answers: list[LabelledAnswer], machine: list[float], *, grader: str, split: str
) -> Figures:
    human = np.array([a.human for a in answers])
    got = np.array(machine, float)
    by_question: dict[str, list[tuple[str, float]]] = {}
    for a, m in zip(answers, got, strict=True):
        by_question.setdefault(a.question.id, []).append((a.sample.quality, float(m)))
    wins = pairs = 0
    for items in by_question.values():
        for q_strong, s_strong in items:
            if q_strong != "strong":
                continue
            for q_low, s_low in items:
                if q_low in ("weak", "wrong"):
                    pairs += 1
                    wins += s_strong > s_low
    sd = float(human.std()) if len(human) > 1 else 0.0
    gap = abs(float(got.mean()) - float(human.mean())) if len(human) else 0.0
    return Figures(
        grader=grader,
        split=split,
        questions=len(by_question),
        answers=len(answers),
        spearman=spearman(got, human),
        qwk=quadratic_weighted_kappa([score_band(v) for v in got], [score_band(v) for v in human]),
        strong_over_weak=wins / pairs if pairs else 1.0,
        pairs=pairs,
        pass_agreement=float(np.mean((got >= PASS_MARK) == (human >= PASS_MARK)))
        if len(human)
        else 1.0,
        human_mean=float(human.mean()) if len(human) else 0.0,
        machine_mean=float(got.mean()) if len(got) else 0.0,
        mean_gap_sd=gap / sd if sd > 0 else 0.0,
        mean_abs_error=float(np.abs(got - human).mean()) if len(human) else 0.0,
    )


def evaluate(
    grader: Grader, answers: list[LabelledAnswer], *, split: str = "", threads: int = 1
) -> Figures:
    """Grade every labelled answer with ``grader`` and compare with the human totals.

    ``threads`` > 1 grades that many answers at a time: the graders are safe to share
    between threads, and the claim model's inference (most of the default grader's
    time) runs outside the GIL, so two cores grade nearly twice as fast; the scores are
    the same (each inference still runs on one thread).
    """

    def score(answer: LabelledAnswer) -> float:
        return grader.grade(answer.question, answer.sample.text).score

    if threads > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=threads) as pool:
            machine = list(pool.map(score, answers))
    else:
        machine = [score(a) for a in answers]
    return figures(answers, machine, grader=grader.name, split=split)
