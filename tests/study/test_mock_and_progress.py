"""Mock interviews scored on fixed attempts; stats; plots that are not blank."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mlprep import Mlprep
from mlprep.store import AttemptInput
from mlprep.study import TRACKS, Rating, plan_mock, review, write_progress_plot

T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def core(tmp_path: Path) -> Mlprep:
    return Mlprep(db=tmp_path / "p.db")


# docs/practice.md's table: (coding, burst, last) per track; a mock under 45 minutes
# is a screen (coding + 2 burst questions, no last question).
DOC_MIX = {
    "ml-engineer": ({"coding"}, {"theory"}, 3, {"system-design", "recsys"}),
    "data-scientist": ({"coding"}, {"theory", "applied"}, 3, {"case-study"}),
    "research": ({"coding"}, {"theory"}, 4, {"applied"}),
}
DOC_CODING_LEVELS = {
    "ml-engineer": {"medium", "hard"},
    "data-scientist": {"easy", "medium"},
    "research": {"medium", "hard"},
}


@pytest.mark.parametrize("minutes", [30, 45, 60])
@pytest.mark.parametrize("track", sorted(TRACKS))
def test_mock_mix_matches_the_documented_table(core: Mlprep, track: str, minutes: int) -> None:
    coding, burst, burst_count, last = DOC_MIX[track]
    for seed in range(6):
        plan = plan_mock(core, track, minutes, seed=seed)
        questions = [core.question(q) for q in plan.question_ids]
        categories = [q.category.value for q in questions]
        assert categories[0] in coding
        assert questions[0].difficulty.value in DOC_CODING_LEVELS[track]
        if minutes < 45:
            assert len(questions) == 3, categories
            assert all(c in burst for c in categories[1:]), categories
        else:
            assert len(questions) == 2 + burst_count, categories
            assert all(c in burst for c in categories[1:-1]), categories
            assert categories[-1] in last, categories
        assert sum(q.meta.minutes for q in questions) <= minutes, (seed, categories)
        assert len(set(plan.question_ids)) == len(plan.question_ids)
        assert plan_mock(core, track, minutes, seed=seed) == plan


def test_mock_scorecard_from_fixed_attempts(core: Mlprep) -> None:
    row, plan = core.start_mock("ml-engineer", 45, seed=3)
    coding_id, *theory_ids, design_id = plan.question_ids
    store = core.store
    store.record_attempt(
        AttemptInput(
            coding_id,
            "coding",
            "code",
            verdict="wrong_answer",
            mock_id=row.id,
            result={"tests": [{"verdict": "accepted"}, {"verdict": "wrong_answer"}]},
            created_at=row.started_at + timedelta(minutes=10),
        )
    )
    store.record_attempt(
        AttemptInput(
            coding_id,
            "coding",
            "code2",
            verdict="accepted",
            mock_id=row.id,
            created_at=row.started_at + timedelta(minutes=20),
        )
    )
    store.record_attempt(
        AttemptInput(
            theory_ids[0],
            "written",
            "a",
            score=0.5,
            hints_used=2,
            mock_id=row.id,
            created_at=row.started_at + timedelta(minutes=30),
        )
    )
    card = core.finish_mock(row.id, now=row.started_at + timedelta(minutes=50))
    by_id = {q["id"]: q for q in card["questions"]}
    assert by_id[coding_id]["score"] == 1.0 and by_id[coding_id]["submissions"] == 2
    assert by_id[theory_ids[0]]["score"] == 0.5 and by_id[theory_ids[0]]["hints_used"] == 2
    assert by_id[design_id]["answered"] is False and by_id[design_id]["score"] == 0.0
    assert card["total"] == pytest.approx((1.0 + 0.5) / len(plan.question_ids), abs=1e-3)
    assert card["categories"]["coding"] == 1.0
    assert card["minutes_used"] == 50.0 and card["over_time"] is True
    assert card["weakest_topics"] and card["study_next"]
    assert not set(card["study_next"]) & set(plan.question_ids)
    # A second mock is compared with the first.
    row2, plan2 = core.start_mock("ml-engineer", 45, seed=4)
    store.record_attempt(
        AttemptInput(plan2.question_ids[0], "coding", "c", verdict="accepted", mock_id=row2.id)
    )
    card2 = core.finish_mock(row2.id)
    assert card2["previous_total"] == card["total"]
    assert card2["change"] == pytest.approx(card2["total"] - card["total"], abs=1e-3)
    assert [m["total"] for m in core.progress().to_dict()["mocks"]] == [
        card["total"],
        card2["total"],
    ]


def test_stats_streaks_due_counts_and_mastery(core: Mlprep) -> None:
    for day in range(5):
        when = T0 + timedelta(days=day)
        core.store.record_attempt(
            AttemptInput("bias-variance", "written", "x", score=0.9, created_at=when)
        )
        review(core.store, "bias-variance", Rating.GOOD, when)
    data = core.progress(T0 + timedelta(days=4, hours=1)).to_dict()
    assert data["streak"] == {"current": 5, "longest": 5}
    theory = data["categories"]["theory"]
    assert 0 < theory["mastery"] < 1 and theory["trend_7d"] > 0
    assert data["categories"]["coding"]["mastery"] == 0
    later = core.progress(T0 + timedelta(days=200)).to_dict()
    assert later["categories"]["theory"]["mastery"] < theory["mastery"]  # forgetting
    assert later["streak"]["current"] == 0 and later["due"]["now"] == 1


def test_plot_is_written_and_not_blank(core: Mlprep, tmp_path: Path) -> None:
    from matplotlib.image import imread

    for day in range(10):
        core.store.record_attempt(
            AttemptInput(
                "k-means",
                "coding",
                "x",
                verdict="accepted",
                score=1.0,
                created_at=T0 + timedelta(days=day),
            )
        )
        review(core.store, "k-means", Rating.GOOD, T0 + timedelta(days=day))
    row, _ = core.start_mock("research", 30, seed=0)
    core.finish_mock(row.id)
    path = write_progress_plot(core.progress(T0 + timedelta(days=10)), tmp_path / "p.png")
    pixels = imread(path)
    assert pixels.shape[0] > 500 and pixels.shape[1] > 800
    rgb = pixels[..., :3]
    assert rgb.std() > 0.05  # not one flat colour
    # The mastery line for coding is drawn in its colour (#937860) somewhere.
    target = np.array([0x93, 0x78, 0x60]) / 255
    assert (np.abs(rgb - target).sum(axis=2) < 0.05).sum() > 50
    # The activity calendar has green cells.
    greens = (rgb[..., 1] > rgb[..., 0] + 0.15) & (rgb[..., 1] > rgb[..., 2] + 0.1)
    assert greens.sum() > 100


def test_export_import_round_trip_is_lossless(core: Mlprep, tmp_path: Path) -> None:
    from mlprep.study import export_progress, import_progress

    store = core.store
    row, plan = core.start_mock("data-scientist", 30, seed=2)
    store.record_attempt(
        AttemptInput(
            plan.question_ids[0],
            "coding",
            "code",
            verdict="accepted",
            mock_id=row.id,
            result={"verdict": "accepted", "tests": []},
        )
    )
    core.finish_mock(row.id)
    store.record_attempt(
        AttemptInput(
            "bias-variance",
            "written",
            "ünïcode ✓",
            score=0.42,
            hints_used=2,
            solution_seen=True,
            created_at=T0,
        )
    )
    core.next_hint("pca-vs-lda") if "pca-vs-lda" in core.bank else core.next_hint("k-means")
    review(store, "bias-variance", Rating.HARD, T0)
    store.set_note("bias-variance", "remember: U-shaped test error")
    store.save_draft("bias-variance", "half an answer, unsent ✓")
    store.save_draft("bias-variance", "inside a mock", scope=f"mock-{row.id}")
    first = export_progress(core, T0)
    assert [d["text"] for d in first["drafts"]] == ["half an answer, unsent ✓"]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(first))

    fresh = Mlprep(db=tmp_path / "fresh.db")
    added = import_progress(fresh, path)
    assert added["attempts"] == 2 and added["mocks"] == 1 and added["notes"] == 1
    assert added["drafts"] == 1
    assert fresh.store.draft("bias-variance").text == "half an answer, unsent ✓"
    second = export_progress(fresh, T0)
    assert second == first
    again = import_progress(fresh, path)
    assert sum(again.values()) == 0
    assert export_progress(fresh, T0) == first


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "not a JSON file"),
        (b"\xff\xfe\x00", "not a JSON file"),
        (b'{"schema": "anki.deck", "version": 1}', "not an mlprep export"),
        (b'{"schema": "mlprep.export", "version": 7}', "export version 7"),
    ],
)
def test_import_of_a_bad_file_says_why_and_changes_nothing(
    core: Mlprep, tmp_path: Path, content: bytes, message: str
) -> None:
    from mlprep.errors import UsageError
    from mlprep.study import export_progress, import_progress

    core.store.record_attempt(
        AttemptInput("k-means", "coding", "x", verdict="accepted", created_at=T0)
    )
    before = export_progress(core, T0)
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(UsageError, match=message):
        import_progress(core, path)
    assert export_progress(core, T0) == before


def test_import_that_fails_half_way_changes_nothing(core: Mlprep, tmp_path: Path) -> None:
    from mlprep.errors import UsageError
    from mlprep.study import export_progress, import_progress

    other = Mlprep(db=tmp_path / "other.db")
    other.store.record_attempt(
        AttemptInput("k-means", "coding", "x", verdict="accepted", created_at=T0)
    )
    doc = export_progress(other, T0)
    doc["attempts"].append(dict(doc["attempts"][0], created_at="yesterday"))
    path = tmp_path / "half.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(UsageError, match=r"attempts\.1\.created_at"):
        import_progress(core, path)
    assert core.store.attempts() == []


@pytest.fixture(scope="module")
def two_graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The export of two graded answers, made once: each test below spoils a copy."""
    from mlprep.study import export_progress

    folder = tmp_path_factory.mktemp("graded")
    with pytest.MonkeyPatch.context() as env:  # a home of its own, as each test has
        env.setenv("MLPREP_HOME", str(folder))
        other = Mlprep(db=folder / "other.db")
        other.grade("bias-variance", "bias underfits, variance overfits the sample", now=T0)
        other.grade(
            "pca-mechanics", "eigenvectors of the covariance matrix", now=T0 + timedelta(hours=1)
        )
        doc = export_progress(other, T0)
        other.store.close()
    return doc


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda doc: doc["attempts"][1].update(score=1.5), r"attempts\.1\.score"),
        (lambda doc: doc["attempts"][0].update(score=-0.1), r"attempts\.0\.score"),
        (
            lambda doc: doc["attempts"][1].update(question_id="no-such-question"),
            r"attempts\.1\.question_id: no loaded content has a question 'no-such-question'",
        ),
        (lambda doc: doc["review_log"][0].update(rating=9), r"review_log\.0\.rating"),
    ],
)
def test_cli_import_refuses_impossible_rows_all_or_nothing(
    tmp_path: Path, two_graded: dict[str, Any], change: Any, where: str
) -> None:
    import copy
    import subprocess
    import sys

    doc = copy.deepcopy(two_graded)
    change(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    db = tmp_path / "target.db"
    proc = subprocess.run(
        [sys.executable, "-m", "mlprep", "--db", str(db), "import", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert re.search(where, proc.stderr), proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    target = Mlprep(db=db)
    assert target.store.attempts() == [] and target.store.review_logs() == []


def test_a_file_from_before_drafts_were_exported_still_imports(
    core: Mlprep, tmp_path: Path
) -> None:
    from mlprep.study import export_progress, import_progress

    core.store.set_note("bias-variance", "kept")
    doc = export_progress(core, T0)
    del doc["drafts"]  # as files written before drafts were exported
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc))
    fresh = Mlprep(db=tmp_path / "fresh.db")
    added = import_progress(fresh, path)
    assert added["notes"] == 1 and added["drafts"] == 0
