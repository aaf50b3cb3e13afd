"""The learner's own rating of a written sitting (docs/practice.md, "Rating yourself")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mlprep import Mlprep
from mlprep.errors import UsageError
from mlprep.study import SITTING_GAP, Rating, parse_rating

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
# Short and partly right: the grade gives it Again.
THIN = "Bias is error from wrong assumptions; variance is sensitivity to the sample."


@pytest.fixture
def core(tmp_path: Path) -> Mlprep:
    return Mlprep(db=tmp_path / "p.db")


def logged(core: Mlprep, qid: str) -> list[int]:
    return [log.rating for log in core.store.review_logs() if log.question_id == qid]


def test_own_rating_replaces_the_grades_band_in_the_one_review(core: Mlprep) -> None:
    report = core.grade("bias-variance", THIN, now=T0)
    assert report.score < 0.40  # the grade's band: Again
    graded_due = core.store.review("bias-variance").due  # type: ignore[union-attr]
    rated = core.rate("bias-variance", "good", now=T0 + timedelta(minutes=3))
    assert (rated.given, rated.rating, rated.graded) == (Rating.GOOD, Rating.GOOD, Rating.AGAIN)
    # Still one review for the sitting, now Good, and the card is due later than Again's.
    assert logged(core, "bias-variance") == [Rating.GOOD]
    row = core.store.review("bias-variance")
    assert row is not None and row.due == rated.due and row.due > graded_due
    assert rated.to_dict() == {
        "id": "bias-variance",
        "given": "good",
        "rating": "good",
        "graded": "again",
        "due": rated.due.isoformat(),
        "lowered_by": "",
    }


def test_rating_again_after_a_generous_grade_brings_the_question_back_sooner(
    core: Mlprep,
) -> None:
    strong = next(s.text for s in core.question("bias-variance").samples if s.quality == "strong")
    assert core.grade("bias-variance", strong, now=T0).score >= 0.85  # Easy
    easy_due = core.store.review("bias-variance").due  # type: ignore[union-attr]
    rated = core.rate("bias-variance", 1, now=T0 + timedelta(minutes=1))
    assert (rated.rating, rated.graded) == (Rating.AGAIN, Rating.EASY)
    assert rated.due < easy_due
    assert logged(core, "bias-variance") == [Rating.AGAIN]


def test_a_later_answer_in_the_same_sitting_keeps_the_learners_rating(core: Mlprep) -> None:
    core.grade("bias-variance", THIN, now=T0)
    core.rate("bias-variance", "hard", now=T0 + timedelta(minutes=1))
    core.grade("bias-variance", THIN + " Also noise.", now=T0 + timedelta(minutes=2))
    assert logged(core, "bias-variance") == [Rating.HARD]


def test_help_taken_before_answering_still_counts() -> None:
    # Hints and the model answer are stamped with the real clock: so is this test.
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        core = Mlprep(db=Path(folder) / "p.db")
        core.next_hint("bias-variance")
        core.grade("bias-variance", THIN)
        rated = core.rate("bias-variance", "easy")
        assert (rated.given, rated.rating) == (Rating.EASY, Rating.GOOD)  # one hint: one level
        assert rated.lowered_by.startswith("a hint was taken before answering")
        core.reveal_solution("dropout")
        core.grade("dropout", "Dropout zeroes random units while training so they cannot co-adapt.")
        read_first = core.rate("dropout", "easy")
        assert read_first.rating == Rating.AGAIN  # read, then typed
        assert read_first.lowered_by == "the model answer was read before answering: Again"
        core.store.close()


def test_reading_the_model_answer_after_grading_does_not_lower_it(core: Mlprep) -> None:
    core.grade("bias-variance", THIN)
    core.reveal_solution("bias-variance")  # after the deciding answer: as the CLI suggests
    assert core.rate("bias-variance", "good").rating == Rating.GOOD


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("nothing", "no answer to 'bias-variance' to rate: grade one first"),
        ("gap", "no answer to 'bias-variance' to rate: more than 30 minutes have passed"),
        ("moved on", "no answer to 'bias-variance' to rate: you have worked on 'dropout' since"),
        ("hint only", "no answer to 'bias-variance' to rate yet: grade one first"),
    ],
)
def test_nothing_to_rate_is_a_one_line_error_and_changes_nothing(
    core: Mlprep, setup: str, message: str
) -> None:
    when = T0
    if setup in ("gap", "moved on"):
        core.grade("bias-variance", THIN, now=T0)
        when = T0 + SITTING_GAP + timedelta(minutes=1) if setup == "gap" else T0
        if setup == "moved on":
            core.grade("dropout", "Dropout zeroes random units.", now=T0 + timedelta(minutes=1))
            when = T0 + timedelta(minutes=2)
    elif setup == "hint only":
        core.next_hint("bias-variance")
        when = datetime.now(UTC)
    before = logged(core, "bias-variance")
    with pytest.raises(UsageError, match=message):
        core.rate("bias-variance", "good", now=when)
    assert logged(core, "bias-variance") == before


def test_a_mistake_in_the_rating_is_said_before_the_store_is_touched(tmp_path: Path) -> None:
    core = Mlprep(db=tmp_path / "fresh.db")
    for question, rating in (("bias-variance", "gud"), ("mse-mae", "good")):
        with pytest.raises(UsageError):
            core.rate(question, rating)
    assert not (tmp_path / "fresh.db").exists()


def test_coding_questions_and_mock_answers_are_not_rated_by_hand(core: Mlprep) -> None:
    with pytest.raises(UsageError, match="coding question"):
        core.rate("mse-mae", "good")
    mock, plan = core.start_mock(minutes=45, seed=1)
    written = next(q for q in plan.question_ids if not core.question(q).is_coding)
    core.grade(written, THIN, mock_id=mock.id)
    with pytest.raises(UsageError, match="mock interview"):
        core.rate(written, "easy")


@pytest.mark.parametrize(
    ("text", "rating"),
    [("again", Rating.AGAIN), ("Hard", Rating.HARD), (" GOOD ", Rating.GOOD), ("4", Rating.EASY)],
)
def test_ratings_by_name_or_number(text: str, rating: Rating) -> None:
    assert parse_rating(text) == rating


@pytest.mark.parametrize("text", ["", "ok", "0", "5", "goodish"])
def test_other_ratings_are_refused(text: str) -> None:
    with pytest.raises(UsageError, match="again, hard, good or easy"):
        parse_rating(text)
