"""What a learner at a terminal sees, through the real `mlprep` process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlprep._math_text import markdown_math_to_text, math_to_text

MLPREP = [str(Path(sys.executable).parent / "mlprep")]


def mlprep(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MLPREP, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show"], "error: Missing argument 'ID'. (see `mlprep show --help`)"),
        (["list", "--bogus"], "error: No such option: --bogus (see `mlprep list --help`)"),
        (["nosuch"], "error: No such command 'nosuch'. (see `mlprep --help`)"),
        (["list", "-c", "astrology"], "error: unknown category 'astrology'"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = mlprep(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith(message), result.stderr


def test_list_piped_is_one_whole_row_per_question() -> None:
    result = mlprep("list")
    assert result.returncode == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    ids = [row[0] for row in rows]
    assert "learning-curves-diagnosis" in ids and "k-means" in ids
    assert all(len(row) == 6 for row in rows)
    json_ids = {
        line.split('"')[3]
        for line in mlprep("list", "--json").stdout.splitlines()
        if line.strip().startswith('"id"')
    }
    assert set(ids) == json_ids


def test_show_starter_prints_the_starter_file_only(tmp_path: Path) -> None:
    from mlprep.content import load_bank

    result = mlprep("show", "k-means", "--starter")
    assert result.returncode == 0
    assert result.stdout == load_bank().get("k-means").read("starter.py")
    written = mlprep("show", "bias-variance", "--starter")
    assert written.returncode == 2
    assert "written question" in written.stderr


def test_shell_completion_completes_question_ids() -> None:
    result = mlprep(
        env={
            "_MLPREP_COMPLETE": "complete_bash",
            "COMP_WORDS": "mlprep show k-me",
            "COMP_CWORD": "2",
        }
    )
    assert result.returncode == 0
    assert result.stdout.split() == ["k-means", "k-means-method"]


def test_exhausted_hints_name_the_question(tmp_path: Path) -> None:
    env = {"MLPREP_HOME": str(tmp_path)}
    for _ in range(6):
        result = mlprep("hint", "bias-variance", env=env)
        assert result.returncode == 0
    assert "`mlprep answer bias-variance`" in result.stdout
    assert "mlprep answer ID" not in result.stdout


def test_math_reads_as_unicode_in_the_terminal() -> None:
    assert math_to_text(r"Z_1 = X W_1 + b_1") == "Z₁ = X W₁ + b₁"
    assert math_to_text(r"\hat{y} = \sigma(w^\top x + b)") == "ŷ = σ(wᵀ x + b)"
    assert math_to_text(r"\frac{1}{1+e^{-z}}") == "1/(1+e^(-z))"
    assert math_to_text(r"\lambda \sum_j |w_j|") == "λ∑ⱼ |wⱼ|"
    assert math_to_text(r"\|w\|_2^2") == "‖w‖₂²"
    # macros pylatexenc drops without a trace (count-min-sketch read "((a x + b) P)")
    assert math_to_text(r"h_r(x) = ((a\,x + b) \bmod P) \bmod \texttt{width}") == (
        "hᵣ(x) = ((a x + b) mod P) mod width"
    )
    assert math_to_text(r"y \ne c") == "y ≠ c"
    assert math_to_text(r"\neg a") == "¬a"
    # an escaped dollar inside a formula does not end it (rare-defects-threshold's hint)
    assert markdown_math_to_text(r"ship, $p \times \$500$, exceeds") == "ship, p ×$500, exceeds"
    converted = markdown_math_to_text("Cost \\$5. Loss $L_i$ and `$x$` in code.\n\n$$a^2$$\n")
    assert "Loss Lᵢ and `$x$` in code." in converted
    assert "Cost \\$5." in converted and "    a²" in converted
    # formulas a paragraph apart are consecutive lines of one block, set off by one blank
    # line (an indented block keeps blank lines: they showed as 4-6 empty lines)
    two = markdown_math_to_text("so:\n\n$$a^2$$\n\n$$b_1$$\n\nthen")
    assert two == "so:\n\n    a²\n    b₁\n\nthen"


def test_show_renders_formulas_not_latex() -> None:
    result = mlprep("show", "gaussian-naive-bayes", env={"COLUMNS": "120"})
    assert result.returncode == 0
    assert "\\frac" not in result.stdout and "$$" not in result.stdout
    assert "log π" in result.stdout


def _parameters_without_help() -> list[str]:
    import typer.main

    from mlprep.cli import app

    missing: list[str] = []

    def walk(command: object, path: list[str]) -> None:
        for param in getattr(command, "params", []):
            if not getattr(param, "help", None) and param.name != "help":
                missing.append(" ".join([*path, param.name or "?"]))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), ["mlprep"])
    return missing


def test_every_option_and_argument_has_help() -> None:
    assert _parameters_without_help() == []


def test_bracketed_help_text_is_not_eaten_as_markup() -> None:
    result = mlprep("grade", "--help", env={"COLUMNS": "200"})
    assert "mlprep[semantic]" in result.stdout


def test_answer_rubric_shows_currency_without_the_markdown_escape() -> None:
    # rubric.toml writes "\\$600"; the rubric table is plain text, so a backslash showed
    result = mlprep("answer", "forest-extrapolation-pricing", env={"COLUMNS": "200"})
    assert result.returncode == 0
    assert "$600 training maximum" in result.stdout and "\\$" not in result.stdout
