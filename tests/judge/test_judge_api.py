"""The judge through its Python API: modes, seeds, checkers, mutation, measurement."""

from __future__ import annotations

import json

import pytest

from mlprep.judging import (
    RESULTS_SCHEMA,
    VERDICTS,
    JudgeResult,
    judge,
    verify_question,
)

GOOD = "def vector_sum(values):\n    return float(sum(float(v) for v in values))\n"


def test_cold_judge_accepts_the_reference_and_measures(vector_sum):
    result = judge(vector_sum, vector_sum.read("solution.py"), seed=11)
    assert result.accepted and result.verdict == "accepted"
    assert result.seed == 11
    assert [t.kind for t in result.tests] == [
        "visible",
        "visible",
        "hidden",
        "random",
        "random",
        "random",
    ]
    assert result.timing is not None and result.timing.ratio is not None
    assert result.memory is not None and result.memory.limit_mb == 256
    assert result.complexity is not None
    assert result.complexity.reference.exponent is not None
    assert 0.5 < result.complexity.reference.exponent < 1.6


def test_growth_tells_quadratic_from_linear(warm, vector_sum):
    # CPU time that grows exactly like n^2 (a busy wait), so the fit is not at the mercy
    # of the machine's load
    source = (
        "import math\nimport time\n\ndef vector_sum(values):\n"
        "    end = time.thread_time() + len(values) ** 2 * 1.5e-11\n"
        "    while time.thread_time() < end:\n"
        "        pass\n"
        "    return math.fsum(values)\n"
    )
    result = warm.judge(vector_sum, source, seed=3)
    assert result.accepted, result.message
    assert result.complexity is not None
    yours = result.complexity.yours.exponent
    ref = result.complexity.reference.exponent
    assert yours is not None and ref is not None, result.complexity
    assert 1.3 < yours < 2.4 and yours > ref + 0.3, result.complexity
    assert "n^" in result.complexity.summary


def test_seed_replays_the_same_random_inputs(warm, vector_sum):
    a = warm.judge(vector_sum, GOOD, seed=1234, measure=False)
    b = warm.judge(vector_sum, GOOD, seed=1234, measure=False)
    c = warm.judge(vector_sum, GOOD, seed=4321, measure=False)
    inputs = lambda r: [t.input for t in r.tests if t.kind == "random"]  # noqa: E731
    assert inputs(a) == inputs(b) and inputs(a) != inputs(c)
    assert warm.judge(vector_sum, GOOD, measure=False).seed is not None


def test_run_mode_uses_visible_tests_only(warm, vector_sum):
    result = warm.judge(vector_sum, GOOD, mode="run")
    assert result.accepted and {t.kind for t in result.tests} == {"visible"}
    assert result.complexity is None


def test_run_mode_with_custom_input_gets_expected_from_the_reference(warm, vector_sum):
    result = warm.judge(
        vector_sum,
        "def vector_sum(values):\n    return 1.0\n",
        mode="run",
        custom_args=([2.0, 2.5],),
    )
    assert not result.accepted and len(result.tests) == 1
    test = result.tests[0]
    assert test.name == "your input" and test.expected == "4.5" and test.got == "1.0"


def test_hidden_tests_never_show_inputs_or_expected_values(warm, vector_sum):
    result = warm.judge(
        vector_sum, "def vector_sum(values):\n    return -7.25\n", seed=2, measure=False
    )
    hidden = [t for t in result.tests if t.kind == "hidden"]
    assert hidden and all(t.input is None and t.expected is None and t.got is None for t in hidden)
    assert all("-4.0" not in t.message for t in hidden)  # the hidden expected sum
    assert hidden[0].note == "an array of negative numbers"
    visible = result.tests[0]
    assert visible.input is not None and visible.expected == "6.5" and visible.got == "-7.25"


def test_checker_accepts_any_valid_answer(warm, find_index):
    first = (
        "def find_index(values, target):\n    return values.index(target) if target in "
        "values else -1\n"
    )
    last = (
        "def find_index(values, target):\n"
        "    for i in range(len(values) - 1, -1, -1):\n"
        "        if values[i] == target:\n            return i\n    return -1\n"
    )
    assert warm.judge(find_index, first, seed=5).accepted
    assert warm.judge(find_index, last, seed=5).accepted
    bad = warm.judge(find_index, "def find_index(values, target):\n    return 0\n", seed=5)
    assert bad.verdict == "wrong_answer"
    crashing_checker = warm.judge(
        find_index, "def find_index(values, target):\n    return 'zero'\n", seed=5
    )
    assert crashing_checker.verdict == "wrong_answer"


def test_printed_output_is_shown_capped_and_never_parsed(warm, vector_sum):
    source = (
        "def vector_sum(values):\n    print('debug', len(values))\n"
        "    print('x' * 10000)\n    return float(sum(values))\n"
    )
    result = warm.judge(vector_sum, source, seed=1, measure=False)
    assert result.accepted
    out = result.tests[0].output
    assert out.startswith("debug 3\n") and len(out) <= 4096 and result.tests[0].output_truncated


def test_traceback_is_trimmed_to_the_learners_lines(warm, vector_sum):
    source = (
        "import numpy as np\n\ndef helper(v):\n    return np.linalg.inv(v)\n\n"
        "def vector_sum(values):\n    return helper(np.ones((2, 3)))\n"
    )
    result = warm.judge(vector_sum, source, seed=1, measure=False)
    assert result.verdict == "runtime_error"
    error = result.tests[0].error
    assert error is not None and error.type == "LinAlgError"
    assert [f.line for f in error.traceback] == [7, 4]
    assert [f.function for f in error.traceback] == ["vector_sum", "helper"]


def test_mutated_numpy_input_is_caught_and_does_not_corrupt_later_tests(warm, vector_sum):
    source = (
        "import numpy as np\n\ndef vector_sum(values):\n    total = float(sum(values))\n"
        "    if isinstance(values, np.ndarray):\n        values *= 0\n    return total\n"
    )
    result = warm.judge(vector_sum, source, seed=8, measure=False)
    assert result.verdict == "wrong_answer"
    mutated = [t for t in result.tests if "modified its input" in t.message]
    assert mutated
    assert all(t.verdict == "accepted" for t in result.tests if t not in mutated)


def test_reference_failure_is_an_internal_error(warm, broken_reference):
    result = warm.judge(broken_reference, GOOD, seed=1, measure=False)
    assert result.verdict == "internal_error"
    assert "not your fault" in result.message


def test_results_document_shape(warm, vector_sum):
    result = warm.judge(vector_sum, GOOD, seed=9)
    doc = result.to_dict()
    assert list(doc)[:8] == [
        "schema",
        "version",
        "question",
        "mode",
        "verdict",
        "accepted",
        "message",
        "seed",
    ]
    assert doc["schema"] == RESULTS_SCHEMA and doc["version"] == 1
    assert doc["verdict"] in VERDICTS
    for test in doc["tests"]:
        assert {"name", "kind", "verdict", "message", "time_ms"} <= set(test)
        assert test["kind"] in ("visible", "hidden", "random") and test["verdict"] in VERDICTS
    assert set(doc["timing"]) == {
        "total_ms",
        "reference_total_ms",
        "ratio",
        "time_limit_ms",
        "wall_ms",
    }
    assert set(doc["memory"]) == {"peak_kb", "reference_peak_kb", "limit_mb"}
    assert set(doc["counts"]) == {"total", "passed", "failed", "not_run"}
    json.dumps(doc, allow_nan=False)
    assert JudgeResult.from_dict(json.loads(json.dumps(doc))) == result


def test_rendering_in_terminal_and_notebook(warm, vector_sum):
    from rich.console import Console

    result = warm.judge(
        vector_sum, "def vector_sum(values):\n    return 0.5\n", seed=1, measure=False
    )
    console = Console(record=True, width=100)
    console.print(result)
    text = console.export_text()
    assert "Wrong answer" in text and "example" in text and "expected: 6.5" in text
    html = result._repr_html_()
    assert "Wrong answer" in html and "<table>" in html and "<script" not in html


def test_html_escapes_learner_output(warm, vector_sum):
    source = "def vector_sum(values):\n    print('<script>alert(1)</script>')\n    return 0.0\n"
    html = warm.judge(vector_sum, source, seed=1, measure=False)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_verify_question(warm, vector_sum, find_index, broken_reference):
    report = verify_question(vector_sum, judge=warm)
    assert report.ok and len(report.wrong) == 3 and all(w.rejected for w in report.wrong)
    assert verify_question(find_index, judge=warm).ok
    broken = verify_question(broken_reference, judge=warm)
    assert not broken.ok and any("reference" in p for p in broken.problems)
    assert broken.to_dict()["question"] == "broken-reference"


def test_written_questions_are_refused():
    from mlprep.content import load_bank
    from mlprep.errors import UsageError

    question = load_bank().get("bias-variance")
    with pytest.raises(UsageError):
        judge(question, GOOD)


def test_custom_input_the_reference_rejects_is_explained(warm, vector_sum):
    result = warm.judge(vector_sum, GOOD, mode="run", custom_args=(["a", "b"],))
    assert result.verdict == "internal_error"
    assert "outside the input rules" in result.message and "not your fault" not in result.message


def test_verify_judges_wrong_files_at_the_learners_limit(warm, vector_sum, tmp_path):
    """A wrong file that is only slow fails on time at the question's own limit (not at
    the mutant rule's shorter one); a 'wrong' file that is correct is reported, after
    the full judge confirmed it; a wrong file caught only by the last tests is caught."""
    import shutil

    from mlprep.content import load_question

    folder = tmp_path / "vector-sum"
    shutil.copytree(vector_sum.path, folder)
    wrong = folder / "wrong"
    # 0.65 s of CPU per call: past the mutant rule's 0.5 s, inside the 1 s limit, so
    # not wrong at all
    (wrong / "slower.py").write_text(
        "import time\n"
        "def vector_sum(values):\n"
        "    start = time.process_time()\n"
        "    while time.process_time() - start < 0.65:\n"
        "        pass\n"
        "    return sum(float(v) for v in values)\n"
    )
    (wrong / "spins.py").write_text("def vector_sum(values):\n    while True:\n        pass\n")
    question = load_question(folder)
    report = verify_question(question, judge=warm)
    checks = {w.file: w for w in report.wrong}
    assert checks["wrong/spins.py"].verdict == "time_limit_exceeded"
    assert checks["wrong/slower.py"].verdict == "accepted"
    assert not checks["wrong/slower.py"].rejected
    assert report.problems == ["wrong/slower.py is ACCEPTED: the tests do not catch it"]
    for name in ("mutates-input.py", "returns-int.py", "skips-first.py"):
        assert checks[f"wrong/{name}"].rejected


def test_a_result_reads_well_at_a_python_prompt(warm, vector_sum):
    """repr and str are the verdict as the CLI prints it, not pydantic's field dump."""
    result = warm.judge(vector_sum, GOOD, seed=1, measure=False)
    text = repr(result)
    assert text == str(result)
    assert "Accepted" in text and "vector-sum" in text
    assert "JudgeResult(" not in text and "schema_=" not in text and "\x1b[" not in text


SLOW_TO_MEASURE = (
    "import time\n\ndef vector_sum(values):\n"
    "    if len(values) >= 20000:  # only growth's inputs are this long\n"
    "        time.sleep(0.2)\n"
    "    return float(sum(values))\n"
)


def test_judge_then_measure_gives_the_verdict_and_growth_from_one_judgement(
    warm, vector_sum, monkeypatch
):
    # what `mlprep judge` shows: the verdict at once, growth measured meanwhile from the
    # same judgement (its suite and seed), not planned or loaded a second time
    from mlprep.judging import _judge

    looked_up: list[str] = []
    real = _judge.load_suite
    monkeypatch.setattr(
        _judge, "load_suite", lambda q, load: looked_up.append(q.id) or real(q, load)
    )
    result, measuring = warm.judge_then_measure(vector_sum, SLOW_TO_MEASURE, seed=7)
    assert result.accepted and result.seed == 7
    assert result.complexity is None  # the verdict did not wait for growth
    assert measuring is not None and not measuring.done()
    growth = measuring.result(timeout=300)
    assert growth is not None and growth.sizes == [20000, 40000, 80000, 160000]
    assert looked_up == ["vector-sum"]
    # rejected: nothing to measure
    wrong, none = warm.judge_then_measure(vector_sum, "def vector_sum(values):\n    return 1.0\n")
    assert not wrong.accepted and none is None
