"""The validator: the shipped bank passes; every broken fixture fails at file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlprep.content import builtin_bank_root, check_content, load_bank

BROKEN = Path(__file__).resolve().parents[1] / "content" / "broken"
EXEMPLAR = builtin_bank_root() / "theory" / "bias-variance"


def test_shipped_bank_is_valid() -> None:
    report = check_content([builtin_bank_root()])
    assert report.errors == []
    assert report.checked >= 12


def test_shipped_bank_has_every_category() -> None:
    bank = load_bank([builtin_bank_root()])
    categories = {q.category.value for q in bank}
    assert categories == {"theory", "case-study", "applied", "system-design", "recsys", "coding"}


@pytest.mark.parametrize("case", sorted(p.name for p in BROKEN.iterdir()))
def test_broken_fixture_is_reported_at_its_line(case: str) -> None:
    folder = BROKEN / case
    expected = [line for line in (folder / "expected.txt").read_text().splitlines() if line.strip()]
    report = check_content([folder])
    assert not report.ok
    rendered = [
        str(e.path.relative_to(folder)) + f":{e.line}:{e.column}: {e.message}"
        for e in report.errors
    ]
    for want in expected:
        assert any(r.startswith(want) or want in r for r in rendered), (want, rendered)


def _copy_exemplar(tmp_path: Path) -> Path:
    target = tmp_path / "q"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(EXEMPLAR, target)
    return target


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(["question.toml", "rubric.toml", "samples.toml", "hints.md", "prompt.md"]),
    garbage=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)),
)
def test_garbage_never_crashes_the_validator(tmp_path: Path, name: str, garbage: bytes) -> None:
    folder = _copy_exemplar(tmp_path / str(abs(hash((name, garbage)))))
    (folder / name).write_bytes(garbage)
    report = check_content([folder])
    for error in report.errors:
        assert error.line >= 1 and error.column >= 1
        assert error.path.name in {name, "samples.toml", "rubric.toml", "question.toml"}
        assert error.message


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(key=st.from_regex(r"[a-z_]{3,12}", fullmatch=True), value=st.integers())
def test_unknown_keys_are_named(tmp_path: Path, key: str, value: int) -> None:
    known = {
        "id",
        "title",
        "category",
        "difficulty",
        "tags",
        "covers",
        "minutes",
        "followups",
        "prerequisites",
        "coding",
    }
    if key in known:
        return
    folder = _copy_exemplar(tmp_path / f"{key}{value}")
    toml = folder / "question.toml"
    lines = toml.read_text().splitlines()
    lines.insert(1, f"{key} = {value}")
    toml.write_text("\n".join(lines) + "\n")
    report = check_content([folder])
    assert any(e.line == 2 and f"unknown key '{key}'" in e.message for e in report.errors), (
        report.errors
    )


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    report = check_content([tmp_path])
    assert [e.message for e in report.errors] == [
        "no question folder (one with a question.toml) in here"
    ]


def test_a_folder_checked_alone_resolves_prerequisites_against_the_bank(tmp_path: Path) -> None:
    folder = _copy_exemplar(tmp_path / "theory")
    meta = folder / "question.toml"
    text = meta.read_text().replace('id = "bias-variance"', 'id = "my-bias-variance"')
    meta.write_text(
        text + '\nprerequisites = ["regularization"]\n' if "prerequisites" not in text else text
    )
    assert check_content([folder]).errors == []
    meta.write_text(meta.read_text().replace('"regularization"', '"no-such-question"'))
    assert [e.message for e in check_content([folder]).errors] == [
        "no question with id 'no-such-question'"
    ]


def test_a_category_unlike_its_folder_is_refused(tmp_path: Path) -> None:
    folder = _copy_exemplar(tmp_path / "applied")
    meta = folder / "question.toml"
    meta.write_text(meta.read_text().replace('id = "bias-variance"', 'id = "my-bv"'))
    messages = [e.message for e in check_content([folder.parent]).errors]
    assert messages == ["category 'theory' but the folder is under 'applied/'"]


def test_an_escaped_currency_sign_in_rubric_strings_reads_as_a_dollar() -> None:
    """Rubric strings and follow-ups are printed as they are (terminal, web, notebook, grade
    report), so the Markdown escape ``\\$`` that prompt, hints and answer need reads as ``$``."""
    from mlprep.content._models import Criterion, Misconception, QuestionMeta

    criterion = Criterion.model_validate(
        {
            "id": "capped",
            "points": 1,
            "text": "Never above the \\$600 maximum.",
            "claims": ["A forest never predicts above the \\$600 training maximum."],
            "concepts": [["\\$600"]],
            "feedback": "Say it is capped at \\$600.",
        }
    )
    assert criterion.text == "Never above the $600 maximum."
    assert criterion.claims == ["A forest never predicts above the $600 training maximum."]
    assert criterion.feedback == "Say it is capped at $600."
    assert criterion.concepts == [["\\$600"]]  # matched against answers, not shown: as written
    wrong = Misconception.model_validate(
        {
            "id": "no-cap",
            "text": "Says \\$900.",
            "claim": "It predicts \\$900.",
            "phrases": ["x"],
            "penalty": 1,
        }
    )
    assert (wrong.text, wrong.claim) == ("Says $900.", "It predicts $900.")
    meta = QuestionMeta.model_validate(
        {
            "id": "a-b",
            "title": "T",
            "category": "theory",
            "difficulty": "easy",
            "minutes": 5,
            "followups": ["A floor of \\$150?"],
        }
    )
    assert meta.followups == ["A floor of $150?"]
    # the bank writes it both ways; what a learner is shown never has the backslash
    question = load_bank([builtin_bank_root()]).get("forest-extrapolation-pricing")
    assert question is not None
    shown = [c.text for c in question.rubric.criterion] + [
        c.feedback for c in question.rubric.criterion
    ]
    assert any("$600" in s for s in shown) and not any("\\$" in s for s in shown)
