"""The hostile corpus: every submission ends in its clear verdict and the judge stays up.

Each file in hostile/ names its expected verdict on its first line (``# expect: X``).
They are judged concurrently through one warm judge, each followed by a correct
submission that must still be accepted; again on the cold path (a fresh sandbox per
judgement, as ``mlprep judge`` does); and in the explicit rlimits-only mode.
"""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mlprep.judging import VERDICTS
from mlprep.judging._results import RESULTS_MAX_BYTES

CORPUS = sorted((Path(__file__).parent / "hostile").glob("*.py"))


def expected_verdicts(path: Path) -> set[str]:
    first = path.read_text(encoding="utf-8").removeprefix("\ufeff").splitlines()[0]
    assert first.startswith("# expect: "), path
    verdicts = {v.strip() for v in first.removeprefix("# expect: ").split("|")}
    assert verdicts <= set(VERDICTS), path
    return verdicts


@pytest.fixture(scope="module")
def corpus_results(warm, vector_sum):
    def run(path: Path):
        start, cpu_start = time.perf_counter(), time.thread_time()
        result = warm.judge(vector_sum, path.read_text(), seed=7, measure=False)
        # the trusted side's own work (decoding frames, say) is CPU time in this thread;
        # the wall clock only shows that nothing hangs (it grows with the machine's load)
        seconds = (time.thread_time() - cpu_start, time.perf_counter() - start)
        # the next learner on the same warm judge gets a correct verdict after each attack
        clean = warm.judge(vector_sum, vector_sum.read("solution.py"), seed=3, measure=False)
        return path.name, (result, seconds, clean)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(run, CORPUS))


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 30


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_hostile_submission_gets_its_verdict(corpus_results, warm, path):
    if warm.isolation != "bwrap" and path.name in FALLBACK_SKIP:
        pytest.skip("only namespaces stop this one; bubblewrap is not available here")
    result, seconds, clean = corpus_results[path.name]
    want = expected_verdicts(path)
    assert result.verdict in want, (result.verdict, result.message)
    assert_sound_document(result)
    cpu, wall = seconds
    assert cpu < 15, f"{path.name} cost the trusted side {cpu:.1f} s of CPU"
    assert wall < 120, f"{path.name} took {wall:.1f} s"
    assert clean.accepted, (path.name, clean.message)


def assert_sound_document(result) -> None:
    """Complete, valid, standard JSON, bounded and printable, whatever the submission did."""
    doc = result.to_dict()
    assert doc["accepted"] == (result.verdict == "accepted")
    assert type(result).from_dict(doc) == result

    def no_constants(name: str) -> None:
        raise AssertionError(f"non-standard JSON constant {name}")

    text = json.dumps(doc)
    assert json.loads(text, parse_constant=no_constants) == json.loads(text)
    assert len(text) <= RESULTS_MAX_BYTES
    json.dumps(doc, ensure_ascii=False).encode("utf-8")  # no lone surrogates anywhere
    for test in result.tests:
        assert len(test.output.encode("utf-8")) <= 4096
        for value in (test.time_ms, test.reference_time_ms):
            assert value is None or 0 <= value < 1e9


def test_flooded_output_is_cut_by_the_trusted_side(corpus_results):
    result = corpus_results["frame_flood_stdout.py"][0]
    assert result.accepted and result.setup_output.startswith("\x1b]0;pwned")
    shown = [t for t in result.tests if t.kind != "hidden"]
    assert all(t.output_truncated and len(t.output) == 4096 for t in shown)
    # a hidden test's output is never shown (it could echo the hidden input)
    assert all(t.output == "" for t in result.tests if t.kind == "hidden")


def test_sandbox_hides_content_and_user_files(corpus_results, warm):
    if warm.isolation != "bwrap":
        pytest.skip("only bubblewrap hides the file system")
    write = corpus_results["write_outside_tmp.py"][0]
    assert write.tests[0].error is not None and "Read-only file system" in (
        write.tests[0].error.message
    )
    for name in ("read_content.py", "read_user_files.py"):
        result = corpus_results[name][0]
        failing = [t for t in result.tests if t.error is not None] or [result]
        error = failing[0].error
        assert error is not None and error.type in ("ModuleNotFoundError", "FileNotFoundError"), (
            name,
            result.message,
        )


@pytest.fixture(scope="module")
def cold_results(vector_sum):
    from mlprep.judging import judge

    def run(path: Path):
        return path.name, judge(vector_sum, path.read_text(), seed=7, measure=False)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, CORPUS))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_hostile_submission_on_the_cold_path(cold_results, warm, path):
    if warm.isolation != "bwrap" and path.name in FALLBACK_SKIP:
        pytest.skip("only namespaces stop this one; bubblewrap is not available here")
    result = cold_results[path.name]
    assert result.verdict in expected_verdicts(path), (result.verdict, result.message)
    assert_sound_document(result)


def test_times_and_memory_are_measured_from_outside(corpus_results, cold_results):
    # forged_clocks.py patches every clock and resets its own peak memory; the parent's
    # measurements still see the ~30 ms and the 8 MB of each call
    for result in (corpus_results["forged_clocks.py"][0], cold_results["forged_clocks.py"]):
        assert result.accepted, result.message
        for test in result.tests:
            assert test.time_ms is not None and 25 <= test.time_ms < 5000, test
            assert test.memory_kb is not None and test.memory_kb >= 0, test
        # the first call's 8 MB is new memory (later calls reuse what the allocator kept)
        assert result.tests[0].memory_kb >= 7000, result.tests[0]
        assert result.memory.peak_kb >= 7000
        assert 0 < result.timing.total_ms < 1e6


def test_hidden_inputs_are_never_shown(corpus_results, cold_results):
    for result in (
        corpus_results["hidden_inputs_echoed.py"][0],
        cold_results["hidden_inputs_echoed.py"],
    ):
        text = json.dumps(result.to_dict())
        assert "-1.5, -2.5" not in text and "-1.5,-2.5" not in text
        hidden = [t for t in result.tests if t.kind == "hidden"]
        assert hidden and all(t.output == "" and t.input is None for t in hidden)
        # a visible test's output is still shown
        assert any("INPUT" in t.output for t in result.tests if t.kind == "visible")


def test_judge_still_works_after_the_corpus(corpus_results, warm, vector_sum):
    result = warm.judge(vector_sum, vector_sum.read("solution.py"), seed=1, measure=False)
    assert result.accepted, result.message


def test_no_file_escaped_the_private_tmp(corpus_results):
    assert not os.path.exists("/tmp/pwned")
    assert not os.path.exists("/usr/lib/mlprep-judge-escape-test")


# Without bubblewrap (macOS, containers without user namespaces) the same corpus must
# still end in the same verdicts, with rlimits, seccomp and the parent's clock. Files
# that only namespaces can stop (writing to /usr as root, seeing user files) are left out.
FALLBACK_SKIP = {
    "write_outside_tmp.py",
    "read_user_files.py",
    "read_parent_memory.py",
    "fill_tmp.py",
    "read_sibling_memory.py",
    # per-job namespaces: the job's own read-only /proc, its own uid map and pids, and
    # fresh inode-limited /tmp and /dev/shm (without them these would fill the host's)
    "proc_sys_knobs.py",
    "host_uid.py",
    "see_other_processes.py",
    "tmp_inode_flood.py",
    "locked_folders_left_behind.py",
}


@pytest.fixture(scope="module")
def fallback_results(vector_sum):
    from mlprep.judging import WarmJudge

    mp = pytest.MonkeyPatch()
    mp.setenv("MLPREP_JUDGE_SANDBOX", "rlimits")
    judge = WarmJudge().start()
    mp.undo()
    paths = [p for p in CORPUS if p.name not in FALLBACK_SKIP]

    def run(path: Path):
        return path.name, judge.judge(vector_sum, path.read_text(), seed=7, measure=False)

    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = dict(pool.map(run, paths))
    finally:
        judge.close()
    return results


@pytest.mark.parametrize(
    "path", [p for p in CORPUS if p.name not in FALLBACK_SKIP], ids=lambda p: p.stem
)
def test_hostile_submission_without_bubblewrap(fallback_results, path):
    result = fallback_results[path.name]
    assert result.verdict in expected_verdicts(path), (result.verdict, result.message)
    if result.verdict not in ("syntax_error",) and not result.message.startswith("This question"):
        assert result.isolation.startswith("rlimits")
