"""`mlprep judge` and `mlprep content verify` as a learner runs them (real processes)."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

from mlprep.judging import JudgeResult
from mlprep.store import Store

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
    # a --seed replay is a run, not a submission: nothing recorded
    assert Store(db).attempts() == []

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


def test_odd_source_files(tmp_path):
    """A BOM is not code; long names, big, binary or NUL-holding files are one line, exit 2."""
    db = tmp_path / "p.db"
    good = (QUESTIONS / "vector-sum" / "solution.py").read_bytes()
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + good.replace(b"\n", b"\r\n"))
    run = mlprep("judge", "vector-sum", str(bom), "--json", db=db)  # recorded: no --seed
    assert run.returncode == 0, run.stdout[-500:] + run.stderr
    piped = mlprep("judge", "vector-sum", "-", "--run", stdin="\ufeff" + good.decode(), db=db)
    assert piped.returncode == 0, piped.stdout[-500:] + piped.stderr

    big = tmp_path / "big.py"
    big.write_bytes(good + b"#" * (256 * 1024))
    cases = {
        "a" * 300 + ".py": "cannot read",  # longer than any file system allows
        str(tmp_path / ("b" * 300 + ".py")): "cannot read",
        str(big): "256 KB",
        str(tmp_path): "is a folder",
    }
    latin = tmp_path / "latin1.py"
    latin.write_bytes("# caf\xe9\n".encode("latin-1") + good)
    cases[str(latin)] = "not valid UTF-8 text (byte 0xe9 at offset 5)"
    nul = tmp_path / "nul.py"
    nul.write_bytes(good + b"\x00")
    cases[str(nul)] = "NUL character"
    for name, words in cases.items():
        bad = mlprep("judge", "vector-sum", name, db=db)
        assert bad.returncode == 2, (name[-40:], bad.stderr[-800:])
        assert bad.stderr.count("\n") == 1 and words in bad.stderr, bad.stderr
        assert "Traceback" not in bad.stderr and len(bad.stderr) < 300
    huge = mlprep("judge", "vector-sum", "-", stdin="#" * (300 * 1024), db=db)
    assert huge.returncode == 2 and "256 KB" in huge.stderr
    # nothing above was judged, so nothing was recorded (the BOM submission was)
    from mlprep.store import Store

    assert [a.verdict for a in Store(db).attempts()] == ["accepted"]


def test_the_core_checks_a_source_before_judging_it(tmp_path):
    import pytest

    from mlprep._core import Mlprep
    from mlprep.errors import UsageError

    core = Mlprep(content=[FIXTURES], db=tmp_path / "p.db")
    seen: list[str] = []

    def judge_fn(question, source, **kw):
        seen.append(source)
        raise RuntimeError("stop here")

    for source, words in (("#" * (256 * 1024 + 1), "256 KB"), ("x = 1\x00", "NUL")):
        with pytest.raises(UsageError, match=words):
            core.judge("vector-sum", source, judge_fn=judge_fn)
    assert not seen
    with pytest.raises(RuntimeError):
        core.judge("vector-sum", "\ufeffx = 1\n", judge_fn=judge_fn)
    assert seen == ["x = 1\n"]


def test_growth_follows_the_printed_verdict_and_is_recorded(tmp_path):
    # the verdict is printed before growth is measured (a learner waits for the verdict,
    # not for the exponents); the growth line follows it and the attempt keeps it
    db = tmp_path / "p.db"
    good = QUESTIONS / "vector-sum" / "solution.py"
    done = mlprep("judge", "vector-sum", str(good), db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Accepted  vector-sum")
    verdict, _, growth = done.stdout.partition("peak memory")
    assert "estimated from CPU time at sizes" not in verdict
    assert "estimated from CPU time at sizes" in " ".join(growth.split())
    (attempt,) = Store(db).attempts()
    recorded = json.loads(attempt.result_json)
    assert recorded["verdict"] == "accepted"
    assert recorded["complexity"]["sizes"] == [20000, 40000, 80000, 160000]
    assert recorded["complexity"]["summary"] in " ".join(growth.split())
    # a rejected submission is not measured: no growth line, none recorded
    wrong = mlprep("judge", "vector-sum", "-", stdin="def vector_sum(v):\n    return 1.0\n", db=db)
    assert wrong.returncode == 1 and "estimated from CPU time" not in wrong.stdout
    assert json.loads(Store(db).attempts()[-1].result_json)["complexity"] is None


SLOW_TO_MEASURE = """
import time
def vector_sum(values):
    if len(values) >= 20000:  # only growth's inputs are this long
        time.sleep(0.3)
    return float(sum(values))
"""


def test_the_verdict_is_on_stdout_before_growth_is_measured(tmp_path):
    # growth's runs of this solution sleep: if the verdict waited for them, the growth
    # line would come in the same write as the verdict's last line
    src = tmp_path / "slow.py"
    src.write_text(SLOW_TO_MEASURE)
    cmd = [str(Path(sys.executable).parent / "mlprep"), "--content", str(FIXTURES)]
    proc = subprocess.Popen(
        [*cmd, "--db", str(tmp_path / "p.db"), "judge", "vector-sum", str(src)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        out = b""
        while b"peak memory" not in out or not out.endswith(b"\n"):
            chunk = os.read(proc.stdout.fileno(), 65536)
            assert chunk, (out, proc.stderr.read())
            out += chunk
        assert out.startswith(b"Accepted  vector-sum")
        waiting, _, _ = select.select([proc.stdout], [], [], 0)
        assert waiting == [], "the verdict was printed together with the growth line"
        rest = proc.stdout.read()
    finally:
        proc.wait(timeout=120)
    assert proc.returncode == 0
    assert b"estimated from CPU time at sizes" in b" ".join(rest.split())


def test_the_attempt_is_recorded_while_growth_is_measured(tmp_path, warm, vector_sum):
    # Core.judge(then=...): the attempt is written while growth is measured (the CLI
    # waits for growth there), then growth is added to it; an interrupted measurement
    # leaves the attempt as recorded, without growth
    import time

    import pytest

    from mlprep._core import Mlprep

    db = tmp_path / "p.db"
    core = Mlprep(content=[FIXTURES], db=db)
    measured = warm.judge(vector_sum, vector_sum.read("solution.py"))
    assert measured.complexity is not None
    verdict = measured.model_copy(update={"complexity": None})
    seen: list[object] = []

    def meanwhile(result):
        assert result is verdict
        deadline = time.monotonic() + 60
        while not Store(db).attempts() and time.monotonic() < deadline:
            time.sleep(0.01)
        (attempt,) = Store(db).attempts()  # recorded before growth is known
        seen.append(json.loads(attempt.result_json)["complexity"])
        return result.model_copy(update={"complexity": measured.complexity})

    def judged(*_args, **_kw):
        return verdict

    final = core.judge("vector-sum", GOOD_SUM, judge_fn=judged, then=meanwhile)
    assert seen == [None]
    assert final.complexity == measured.complexity
    (attempt,) = Store(db).attempts()
    recorded = json.loads(attempt.result_json)
    assert recorded["complexity"] == measured.complexity.model_dump(mode="json")
    assert attempt.verdict == "accepted"

    def interrupted(result):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        core.judge("vector-sum", GOOD_SUM, judge_fn=judged, then=interrupted)
    second = Store(db).attempts()[-1]
    assert second.id != attempt.id and second.verdict == "accepted"
    assert json.loads(second.result_json)["complexity"] is None


GOOD_SUM = "def vector_sum(values):\n    return float(sum(values))\n"
