from __future__ import annotations

from pathlib import Path

import pytest

from mlprep.content import load_question

HERE = Path(__file__).parent
QUESTIONS = HERE / "questions" / "coding"


@pytest.fixture(scope="session")
def vector_sum():
    return load_question(QUESTIONS / "vector-sum")


@pytest.fixture(scope="session")
def find_index():
    return load_question(QUESTIONS / "find-index")


@pytest.fixture(scope="session")
def warm():
    from mlprep.judging import WarmJudge

    judge = WarmJudge().start()
    yield judge
    judge.close()


@pytest.fixture(scope="session")
def broken_reference():
    return load_question(QUESTIONS / "broken-reference")
