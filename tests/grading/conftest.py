"""Fixtures of the grading tests: the bank, read at test time."""

from __future__ import annotations

import pytest

from mlprep.content import Bank, Question, load_bank
from mlprep.grading import Grader, get_grader
from mlprep.grading.calibration import LabelledAnswer, labelled_answers


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="session")
def bias_variance(bank: Bank) -> Question:
    return bank.get("bias-variance")


@pytest.fixture(scope="session")
def written(bank: Bank) -> list[Question]:
    return [q for q in bank if not q.is_coding and q.samples]


@pytest.fixture(scope="session")
def default_grader() -> Grader:
    return get_grader("lexical")  # the lexical grader's own tests (the default is hybrid)


@pytest.fixture(scope="session")
def holdout(bank: Bank) -> list[LabelledAnswer]:
    """The held-out part of the bank's labelled samples."""
    return labelled_answers(bank, "holdout")


@pytest.fixture(scope="session")
def lexical_holdout_scores(holdout: list[LabelledAnswer], default_grader: Grader) -> list[float]:
    """The lexical grader's score of each held-out sample, graded once for every test
    that needs them (calibration, own-words samples)."""
    return [default_grader.grade(a.question, a.sample.text).score for a in holdout]
