"""The independent fitting answers (grading/training/independent): written like the held-out
sets, from the prompts alone, and kept apart from every set that measures the grader."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from mlprep.content import load_bank
from mlprep.grading.evaluation import LEVELS, UNSEEN_QUESTIONS, HeldoutAnswer, load_heldout
from mlprep.grading.training import EXCLUDED_QUESTIONS, INDEPENDENT_DIR

HELDOUT_SETS = [Path(__file__).with_name(name) for name in ("heldout", "heldout2", "heldout3")]
# The third set (session 12) is not graded by any test: it is kept unread for the next
# candidate grader (its README), so only its shape is checked here.
HELDOUT3 = HELDOUT_SETS[2]
# Fixed by the writers' instructions before they wrote (as in the held-out sets).
LABEL_OF_LEVEL = {
    "strong": 4,
    "good": 3,
    "partial": 2,
    "weak": 1,
    "fluent-wrong": 0,
    "keywords": 0,
    "off-topic": 0,
    "expert-short": 4,
}


def _check_levels(answers: list[HeldoutAnswer], writer_prefix: str) -> None:
    """One answer per level for every question, each with its level's fixed label."""
    by_question: dict[str, Counter[str]] = {}
    for a in answers:
        assert a.label == LABEL_OF_LEVEL[a.level], (a.path.name, a.level)
        assert a.text.strip() and a.writer.startswith(writer_prefix), a.path.name
        assert a.path.stem == a.question_id
        by_question.setdefault(a.question_id, Counter())[a.level] += 1
    for question_id, levels in by_question.items():
        assert levels == Counter(LEVELS), question_id


def test_every_question_has_one_answer_per_level_with_its_fixed_label() -> None:
    answers = load_heldout(INDEPENDENT_DIR)
    assert len({a.question_id for a in answers}) >= 20
    assert set(LABEL_OF_LEVEL) == set(LEVELS)
    _check_levels(answers, "tune-")


def test_the_questions_are_written_ones_of_the_bank_and_in_no_measuring_set() -> None:
    bank = load_bank(None)
    measured = {a.question_id for folder in HELDOUT_SETS for a in load_heldout(folder)}
    assert measured  # the held-out sets are where they are expected
    for question_id in {a.question_id for a in load_heldout(INDEPENDENT_DIR)}:
        question = bank.get(question_id)
        assert question is not None and not question.is_coding, question_id
        assert question_id not in measured, question_id
        assert question_id not in UNSEEN_QUESTIONS | EXCLUDED_QUESTIONS, question_id


def test_the_third_held_out_set_has_one_answer_per_level_and_its_own_questions() -> None:
    answers = load_heldout(HELDOUT3)
    questions = {a.question_id for a in answers}
    assert len(questions) >= 30
    _check_levels(answers, "heldout3")
    earlier = {a.question_id for folder in HELDOUT_SETS[:2] for a in load_heldout(folder)}
    assert not questions & earlier
    assert not questions & UNSEEN_QUESTIONS
