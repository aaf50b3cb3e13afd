"""Fixtures of the grading tests: the bank, read at test time."""

from __future__ import annotations

import pytest

from mlprep.content import Bank, Question, load_bank
from mlprep.grading import Grader, get_grader


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
