"""`mlprep judge` and `mlprep content verify` as a learner runs them (real processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mlprep.judging import JudgeResult

from .conftest import QUESTIONS

FIXTURES = QUESTIONS.parent


def mlprep(*args: str, stdin: str | None = None, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(Path(sys.executable).parent / "mlprep"),
            "--content",
            str(FIXTURES),
            "--db",
            str(db),
            *args,
        ],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_judge_exit_codes_json_and_stdin(tmp_path):
    db = tmp_path / "p.db"
    good = QUESTIONS / "vector-sum" / "solution.py"
    ok = mlprep("judge", "vector-sum", str(good), "--json", "--seed", "5", db=db)
    assert ok.returncode == 0, ok.stderr
    doc = json.loads(ok.stdout)
    assert (
        doc["verdict"] == "accepted" and doc["seed"] == 5 and doc["schema"] == "mlprep.judge-result"
    )
    JudgeResult.from_dict(doc)  # --json prints exactly the results document

    wrong = mlprep(
        "judge", "vector-sum", "-", stdin="def vector_sum(values):\n    return 1.0\n", db=db
    )
    assert wrong.returncode == 1
    assert "Wrong answer" in wrong.stdout and "expected: 6.5" in wrong.stdout

    run = mlprep("judge", "vector-sum", str(good), "--run", "--json", db=db)
    assert run.returncode == 0 and {t["kind"] for t in json.loads(run.stdout)["tests"]} == {
        "visible"
    }


def test_judge_usage_errors_exit_2(tmp_path):
    db = tmp_path / "p.db"
    unknown = mlprep("judge", "no-such-question", "x.py", db=db)
    assert unknown.returncode == 2 and "no-such-question" in unknown.stderr
    missing = mlprep("judge", "vector-sum", str(tmp_path / "missing.py"), db=db)
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_content_verify(tmp_path):
    db = tmp_path / "p.db"
    good = mlprep("content", "verify", "vector-sum", "find-index", "--json", db=db)
    assert good.returncode == 0, good.stderr
    doc = json.loads(good.stdout)
    assert doc["ok"] and [q["question"] for q in doc["questions"]] == ["vector-sum", "find-index"]
    bad = mlprep("content", "verify", "broken-reference", db=db)
    assert bad.returncode == 1 and "FAIL" in bad.stdout and "reference" in bad.stdout
