"""What `mlprep judge` and `mlprep grade` tell a person, through the real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mlprep import load_bank

BIN = Path(sys.executable).parent
MLPREP = str(BIN / "mlprep")
KMEANS = Path(__file__).resolve().parents[2] / "src/mlprep/bank/coding/k-means"


def mlprep(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MLPREP, *args], input=stdin, capture_output=True, text=True, timeout=180, check=False
    )


def test_a_hidden_first_failure_is_followed_by_one_with_an_input() -> None:
    # this wrong solution first fails two hidden tests, then random ones
    result = mlprep("judge", "k-means", str(KMEANS / "wrong/empty-cluster-becomes-nan.py"))
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "(hidden): Wrong answer" in out
    shown = out[out.index("(random): Wrong answer") :]
    for label in ("   input: (", "expected: [", "     got: ["):
        assert label in shown, out


@pytest.mark.parametrize("seed", ["-5", "-1", "x"])
def test_a_bad_seed_is_a_usage_error(seed: str) -> None:
    result = mlprep("judge", "k-means", str(KMEANS / "solution.py"), "--seed", seed)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: Invalid value for '--seed'"), lines
    assert "internal" not in result.stderr


def test_grade_exit_codes_match_judge() -> None:
    question = load_bank().get("bias-variance")
    strong = next(s.text for s in question.samples if s.quality == "strong")
    passed = mlprep("grade", "bias-variance", "-", stdin=strong)
    assert passed.returncode == 0, passed.stderr
    assert "pass" in passed.stdout
    weak = mlprep("grade", "bias-variance", "-", "--json", stdin="it depends on the data")
    assert weak.returncode == 1 and weak.stderr == ""
    assert '"passed": false' in weak.stdout
    unknown = mlprep("grade", "no-such-question", "-", stdin="x")
    assert unknown.returncode == 2
