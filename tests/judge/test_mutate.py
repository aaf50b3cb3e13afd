"""Mutation testing: the mutator, the fail-fast mutant judge, mutants.toml and the CLI.

One small fixture question (clipped-mean) is mutated with the real sandbox: its
tests kill every mutant but the two listed as equivalent, and the same question
with a generator that never leaves the clipping range lets exactly the mutants of
the clipping branches survive (the gap the issue describes).
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlprep.content import check_content, load_question
from mlprep.content._mutate import mutants
from mlprep.judging import DEFAULT_VERIFY_SEED, MutantJudge, mutation_report

from .conftest import QUESTIONS

CLIPPED = QUESTIONS / "clipped-mean"

SAMPLE = '''"""A docstring the mutator leaves alone."""
import numpy as np


def f(x, k):
    """Also left alone."""
    a = np.asarray(x, dtype=float)
    total = a.sum(axis=0)
    total += 1
    for i in range(1, k):
        if a[i] < 0 and i != 2:
            break
    return np.sqrt(np.maximum(total - k, 0.5))
'''


def test_every_kind_of_mistake_is_generated_once_per_place() -> None:
    found = mutants(SAMPLE)
    kinds = {m.kind for m in found}
    assert {
        "binop",
        "augassign",
        "compare",
        "boolop",
        "number",
        "range",
        "axis",
        "drop",
        "swap",
        "unwrap",
        "twin",
    } <= kinds
    keys = [m.key for m in found]
    assert len(keys) == len(set(keys))
    sources = {m.source for m in found}
    assert len(sources) == len(found)  # every key names a different program
    original = ast.unparse(ast.parse(SAMPLE))
    for m in found:
        ast.parse(m.source)
        assert m.source != original
        assert "dtype=float" in m.source  # dtype= is not mutated
        assert "A docstring the mutator leaves alone" in m.source
    changes = {m.key.split(" ", 1)[1] for m in found}
    assert "axis axis=0 -> axis=1" in changes
    assert "axis axis=0 dropped" in changes
    assert "range start + 1" in changes
    assert "range stop - 1" in changes
    assert "compare < -> <=" in changes
    assert "boolop and -> or" in changes
    assert "augassign += -> =" in changes
    assert "twin maximum -> minimum" in changes
    assert "unwrap sqrt(x, ...) -> x" in changes
    assert "drop statement removed" in changes
    assert mutants(SAMPLE) == found  # deterministic: the keys are stable


def test_early_return_moves_a_return_into_the_loop_before_it() -> None:
    source = "def g(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n"
    (early,) = [m for m in mutants(source) if m.kind == "early"]
    tree = ast.parse(early.source)
    loop = tree.body[0].body[1]  # type: ignore[attr-defined]
    assert isinstance(loop.body[-1], ast.Return)


@pytest.fixture(scope="module")
def clipped():
    return load_question(CLIPPED)


def test_the_fixture_tests_kill_every_mutant_but_the_equivalent_ones(warm, clipped) -> None:
    report = mutation_report(clipped, warm, seed=DEFAULT_VERIFY_SEED)
    assert report.ok, report.problems
    assert report.survived == 0
    assert report.equivalent == 2
    assert report.killed == report.mutants - 2 > 5
    assert report.kill_rate == 1.0
    by_key = {o.mutant: o for o in report.outcomes}
    assert by_key["4:11 compare < -> <="].status == "equivalent"
    # dropping the lower clip is caught by the prompt example (-5 clipped to -1)
    assert by_key["4:8 drop statement removed"].test == "prompt example"
    # a killed mutant is rejected by the full judge too, and an equivalent one accepted
    variants = {m.key: m for m in mutants(clipped.read("solution.py"))}
    for key in ("6:8 drop statement removed", "9:46 number 0.0 -> 1.0"):
        full = warm.judge(clipped, variants[key].source, seed=DEFAULT_VERIFY_SEED, measure=False)
        assert not full.accepted, key
    equivalent = variants["6:13 compare > -> >="].source
    assert warm.judge(clipped, equivalent, seed=DEFAULT_VERIFY_SEED, measure=False).accepted


def test_a_generator_that_never_reaches_the_clipping_range_lets_mutants_survive(
    warm, tmp_path: Path
) -> None:
    folder = tmp_path / "coding" / "clipped-mean"
    shutil.copytree(CLIPPED, folder)
    tests = folder / "tests.py"
    weak = tests.read_text(encoding="utf-8")
    weak = weak.replace("rng.normal(0.0, 3.0, size=size)", "rng.uniform(-0.5, 1.5, size=size)")
    # and a visible example that clips nothing
    weak = weak.replace("([-5.0, 0.5, 9.0], -1.0, 2.0)", "([0.0, 0.5, 1.0], -1.0, 2.0)")
    tests.write_text(weak, encoding="utf-8")
    question = load_question(folder)
    report = mutation_report(question, warm, seed=DEFAULT_VERIFY_SEED)
    assert not report.ok
    survived = {o.mutant for o in report.outcomes if o.status == "survived"}
    assert survived == {"4:8 drop statement removed", "6:8 drop statement removed"}


def test_the_mutant_judge_stops_at_the_first_failing_test(warm, clipped) -> None:
    judge = MutantJudge(warm, clipped, DEFAULT_VERIFY_SEED)
    assert len(judge.tests) == 6  # 1 visible + 1 hidden + 4 random, as a submission
    broken = "def clipped_mean(values, low, high):\n    return 1.0\n"
    verdict = judge.judge(broken)
    assert verdict.killed and verdict.tests_run == 1
    assert verdict.test == "prompt example" and verdict.verdict == "wrong_answer"
    fine = judge.judge(clipped.read("answer.md").split("```python\n")[1].split("```")[0])
    assert not fine.killed and fine.tests_run == 6
    loops = "def clipped_mean(values, low, high):\n    while True:\n        pass\n"
    stuck = judge.judge(loops)
    assert stuck.killed and stuck.verdict == "time_limit_exceeded" and stuck.tests_run == 1


def _check_errors(folder: Path) -> list[str]:
    return [e.message for e in check_content([folder.parent.parent]).errors]


def test_content_check_validates_mutants_toml(tmp_path: Path) -> None:
    folder = tmp_path / "coding" / "clipped-mean"
    shutil.copytree(CLIPPED, folder)
    assert _check_errors(folder) == []
    record = folder / "mutants.toml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("4:11 compare", "5:11 compare"), encoding="utf-8")
    (message,) = _check_errors(folder)
    assert "no mutant '5:11 compare < -> <='" in message
    record.write_text(text + "\n[run]\nseed = 1\nmutants = 3\nkilled = 1\n", encoding="utf-8")
    assert any("equivalent" in m for m in _check_errors(folder))  # missing keys
    run = "\n[run]\nseed = 1\nmutants = 5\nkilled = 1\nequivalent = 2\nsurvived = 2\n"
    record.write_text(text + run, encoding="utf-8")
    (message,) = _check_errors(folder)
    assert "[run] counts 5 mutants, solution.py has 11 today" in message
    record.write_text(text + "\nsurprise = 1\n", encoding="utf-8")
    assert any("surprise" in m for m in _check_errors(folder))


def test_cli_mutate_writes_the_run_and_keeps_the_equivalents(tmp_path: Path) -> None:
    content = tmp_path / "content" / "coding"
    shutil.copytree(CLIPPED, content / "clipped-mean")
    home = tmp_path / "home"
    env = {"MLPREP_HOME": str(home), "PATH": "/usr/bin:/bin"}
    base = [sys.executable, "-m", "mlprep", "--content", str(content.parent)]
    done = subprocess.run(
        [*base, "content", "mutate", "clipped-mean", "--json", "--write"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    (report,) = document["questions"]
    assert document["ok"] is True
    assert (report["mutants"], report["equivalent"], report["survived"]) == (11, 2, 0)
    written = (content / "clipped-mean" / "mutants.toml").read_text(encoding="utf-8")
    assert "mutants = 11" in written and "killed = 9" in written
    assert "a value equal to low is replaced by low" in written
    assert check_content([content.parent]).ok
    unknown = subprocess.run(
        [*base, "content", "mutate", "no-such-question"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert unknown.returncode == 2
    assert "Traceback" not in unknown.stderr
