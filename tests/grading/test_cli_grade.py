"""`mlprep grade` through Typer's in-process runner."""

from __future__ import annotations

import json
from pathlib import Path

from grading_texts import sample
from typer.testing import CliRunner

from mlprep.cli import app
from mlprep.content import Question
from mlprep.errors import UsageError

runner = CliRunner()


def test_grade_file_prints_a_report(tmp_path: Path, bias_variance: Question) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(sample(bias_variance, "strong"), encoding="utf-8")
    result = runner.invoke(app, ["grade", "bias-variance", str(answer)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "defines-bias" in result.output and "score" in result.output


def test_grade_stdin_json(bias_variance: Question) -> None:
    text = next(s.text for s in bias_variance.samples if s.quality == "strong")
    result = runner.invoke(
        app, ["grade", "bias-variance", "-", "--json"], input=text, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["schema"] == "mlprep.grade" and doc["version"] == 2
    assert doc["score"] > 0.8 and doc["grader"] == "hybrid"  # what `default` is
    assert doc["criteria"][0]["id"] == "defines-bias"


def test_grade_errors_are_usage_errors(tmp_path: Path) -> None:
    # main() turns a UsageError into one line and exit code 2; the runner shows the exception.
    cases = [
        (["grade", "bias-variance", str(tmp_path / "nope.txt")], None, "no such file"),
        (["grade", "bias-variance", "-", "--grader", "nope"], "x", "unknown grader"),
        (["grade", "bias-variance", "-"], b"\xff\xfe bias", "not valid UTF-8"),
        (["grade", "no-such-question", "-"], "x", "no question"),
    ]
    for args, stdin, message in cases:
        result = runner.invoke(app, args, input=stdin)
        assert isinstance(result.exception, UsageError), (args, result.exception)
        assert message in str(result.exception)
        assert result.exception.exit_code == 2


def test_the_grader_option_names_every_registered_grader() -> None:
    import re

    import typer

    from mlprep.grading import available_graders

    command = typer.main.get_command(app).commands["grade"]  # type: ignore[attr-defined]
    (option,) = [p for p in command.params if p.name == "grader"]
    named = set(re.findall(r"[a-z]+(?= \(=| \||\s*$| \(needs)", option.help))
    assert named == set(available_graders()), option.help
