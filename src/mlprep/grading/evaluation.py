"""Evaluation of graders on independently written, labelled answers.

The evaluation set (tests/grading/heldout/) was written by people who saw only each
question's prompt, at eight levels of quality, and labelled 0-4 before any grader
ran; no grader is trained or tuned on it. This module reads such a set, grades it and
computes the figures the grading issue sets floors for:

- quadratic weighted kappa between the labels and the machine score read on the same
  0-4 scale (``label_of_score``), and Spearman between the labels and the raw score;
- strong-over-weak: per question, whether the ``strong`` answer outscores the ``weak``;
- the mean score of ``fluent-wrong``, ``keywords`` and ``off-topic`` answers, and how
  many of them pass;
- the share of ``expert-short`` answers (two or three dense sentences) that pass;
- the same kappa on the questions whose claims were left out of the claim model's
  training (``UNSEEN_QUESTIONS``): how the grader does on content it never saw.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ._report import PASS_MARK
from .calibration import quadratic_weighted_kappa, spearman

__all__ = [
    "HELDOUT_TARGETS",
    "LEVELS",
    "UNSEEN_QUESTIONS",
    "HeldoutAnswer",
    "HeldoutFigures",
    "grade_heldout",
    "heldout_figures",
    "label_of_score",
    "load_heldout",
]

LEVELS = (
    "strong",
    "good",
    "partial",
    "weak",
    "fluent-wrong",
    "keywords",
    "off-topic",
    "expert-short",
)

# Left out of the claim model's training and of every tuned number, so that the
# figures on them say how the grader does on content it has never seen.
UNSEEN_QUESTIONS = frozenset(
    {
        "maximum-likelihood",
        "support-vector-machines",
        "missing-birthdays",
        "same-algorithm-different-scores",
        "occupancy-rate-evaluation",
        "job-recs-approach",
        "nested-cross-validation",
        "high-cardinality-categorical",
    }
)

# Floors from the grading issue (#13). "max" keys are ceilings.
HELDOUT_TARGETS: dict[str, float] = {
    "qwk": 0.85,
    "spearman": 0.85,
    "strong_over_weak": 0.98,
    "fluent_wrong_mean_max": 0.20,
    "fluent_wrong_passed_max": 0,
    "keywords_mean_max": 0.15,
    "off_topic_mean_max": 0.10,
    "expert_short_pass": 0.90,
    "unseen_qwk": 0.75,
}

# How an interviewer reads a score on the labels' 0-4 scale, fixed before any
# evaluation ran: 3 ("good, passes") starts at the pass mark.
_BAND_EDGES = (0.15, 0.35, PASS_MARK, 0.8)


def label_of_score(score: float) -> int:
    """The 0-4 label a score stands for: 0 below 0.15, 1 below 0.35, 2 below the
    pass mark (0.6), 3 below 0.8, 4 from 0.8."""
    return int(sum(score >= edge for edge in _BAND_EDGES))


@dataclass(frozen=True)
class HeldoutAnswer:
    question_id: str
    level: str
    label: int
    text: str
    writer: str
    path: Path


def load_heldout(folder: Path) -> list[HeldoutAnswer]:
    """Every answer of every ``<question-id>.toml`` in ``folder``, in a stable order."""
    answers: list[HeldoutAnswer] = []
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        for item in data["answer"]:
            if item["level"] not in LEVELS or not 0 <= int(item["label"]) <= 4:
                raise ValueError(f"{path}: bad level or label in {item.get('level')!r}")
            answers.append(
                HeldoutAnswer(
                    question_id=data["question"],
                    level=item["level"],
                    label=int(item["label"]),
                    text=item["text"],
                    writer=str(data.get("writer", "")),
                    path=path,
                )
            )
    return answers


@dataclass(frozen=True)
class HeldoutFigures:
    grader: str
    questions: int
    answers: int
    qwk: float
    spearman: float
    strong_over_weak: float
    fluent_wrong_mean: float
    fluent_wrong_passed: int
    keywords_mean: float
    off_topic_mean: float
    expert_short_pass: float
    unseen_questions: int
    unseen_qwk: float
    unseen_spearman: float
    level_means: dict[str, float]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def failures(self, targets: dict[str, float] = HELDOUT_TARGETS) -> list[str]:
        """The targets these figures miss, as readable lines."""
        out: list[str] = []
        for key, target in targets.items():
            if key.endswith("_max"):
                value = getattr(self, key.removesuffix("_max"))
                if value > target:
                    out.append(f"{key.removesuffix('_max')} {value:.3f} > {target}")
            else:
                value = getattr(self, key)
                if value < target:
                    out.append(f"{key} {value:.3f} < {target}")
        return out


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return float(np.mean(items)) if items else 0.0


def heldout_figures(
    answers: list[HeldoutAnswer], scores: list[float], *, grader: str
) -> HeldoutFigures:
    """The issue's figures for one grader's ``scores`` of ``answers`` (same order)."""
    by_level: dict[str, list[float]] = {level: [] for level in LEVELS}
    strong: dict[str, float] = {}
    weak: dict[str, float] = {}
    for answer, score in zip(answers, scores, strict=True):
        by_level[answer.level].append(score)
        if answer.level == "strong":
            strong[answer.question_id] = score
        elif answer.level == "weak":
            weak[answer.question_id] = score
    paired = [q for q in strong if q in weak]
    unseen = [
        (a, s) for a, s in zip(answers, scores, strict=True) if a.question_id in UNSEEN_QUESTIONS
    ]
    return HeldoutFigures(
        grader=grader,
        questions=len({a.question_id for a in answers}),
        answers=len(answers),
        qwk=quadratic_weighted_kappa(
            [a.label for a in answers], [label_of_score(s) for s in scores]
        ),
        spearman=spearman([a.label for a in answers], scores),
        strong_over_weak=_mean(strong[q] > weak[q] for q in paired) if paired else 1.0,
        fluent_wrong_mean=_mean(by_level["fluent-wrong"]),
        fluent_wrong_passed=sum(s >= PASS_MARK for s in by_level["fluent-wrong"]),
        keywords_mean=_mean(by_level["keywords"]),
        off_topic_mean=_mean(by_level["off-topic"]),
        expert_short_pass=_mean(s >= PASS_MARK for s in by_level["expert-short"]),
        unseen_questions=len({a.question_id for a, _ in unseen}),
        unseen_qwk=quadratic_weighted_kappa(
            [a.label for a, _ in unseen], [label_of_score(s) for _, s in unseen]
        ),
        unseen_spearman=spearman([a.label for a, _ in unseen], [s for _, s in unseen]),
        level_means={level: _mean(values) for level, values in by_level.items()},
    )


def grade_heldout(
    answers: list[HeldoutAnswer], grade: Callable[[str, str], float], *, grader: str
) -> HeldoutFigures:
    """Grade every answer with ``grade(question_id, text) -> score`` and compute figures."""
    return heldout_figures(answers, [grade(a.question_id, a.text) for a in answers], grader=grader)
