"""Judge benchmark: the sandbox floor, a cold `mlprep judge`, the warm path and the
naive way, measured side by side in one run (rounds interleaved so that machine load
hits every variant alike).

    .venv/bin/python bench/judge_bench.py [--rounds 5] [--warm 60] [--question string-shift]

Prints a Markdown table for docs/benchmarks.md and, with --json, the raw numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from mlprep.content import load_bank
from mlprep.judging import WarmJudge, _wire
from mlprep.judging._bwrap import bwrap_command as _bwrap_command
from mlprep.judging._bwrap import child_env as _child_env
from mlprep.judging._bwrap import sys_paths as _sys_paths

ROOT = Path(__file__).resolve().parents[1]
MLPREP = str(Path(sys.executable).parent / "mlprep")


def sandboxed(code: str) -> list[str]:
    """bubblewrap with exactly the judge's binds, running ``python -c code``."""
    cmd = _bwrap_command(sys.executable, 0, _sys_paths()).cmd
    tail = cmd.index("--")
    return [*cmd[: tail + 1], sys.executable, "-I", "-S", "-B", "-c", code]


def floor_once() -> float:
    paths = _sys_paths()
    code = f"import sys; sys.path[1:1] = {paths!r}; import numpy"
    start = time.perf_counter()
    subprocess.run(sandboxed(code), check=True, env=_child_env(), stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


def cold_cli_once(question, home: str) -> tuple[float, dict]:
    start = time.perf_counter()
    proc = subprocess.run(
        [MLPREP, "judge", question.id, str(question.file("solution.py")), "--json"],
        capture_output=True,
        text=True,
        # the cold, in-process command (the resident service is measured by cli_startup.py)
        env={**os.environ, "MLPREP_HOME": home, "MLPREP_NO_SERVICE": "1"},
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"cold judge failed: {proc.stdout[-500:]} {proc.stderr[-500:]}")
    return elapsed, json.loads(proc.stdout)


COLD_API = """
import json, sys, time
t = time.perf_counter()
from mlprep.judging import judge, prestart
prestart()
from pathlib import Path
from mlprep.content import load_question
q = load_question(Path(sys.argv[1]))
r = judge(q, q.read("solution.py"))
print(json.dumps({"ok": r.accepted, "s": time.perf_counter() - t}))
"""


def cold_api_once(question) -> float:
    """judge() in a fresh process that loads only the one question (no bank, no store)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", COLD_API, str(question.path)],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    assert json.loads(proc.stdout)["ok"], proc.stdout
    return elapsed


NAIVE_RUNNER = """
import sys, json, time
sys.path[1:1] = {paths!r}
import numpy
sys.path.insert(0, '/judge')
import _wire
job = json.loads(sys.stdin.read())
ns = {{'__name__': 'solution'}}
exec(compile(job['source'], 'solution.py', 'exec'), ns)
args = _wire.decode(job['args'])
t = time.perf_counter()
value = ns[job['entry']](*args)
print(json.dumps({{'value': _wire.encode(value), 'ms': (time.perf_counter() - t) * 1000}}))
"""


def naive_once(question, tests: list[tuple]) -> float:
    """The naive way: a fresh sandboxed interpreter (importing NumPy) for every test."""
    source = question.read("solution.py")
    entry = question.meta.coding.entry_point
    code = NAIVE_RUNNER.format(paths=_sys_paths())
    start = time.perf_counter()
    for args in tests:
        job = json.dumps({"source": source, "entry": entry, "args": _wire.encode(args)})
        proc = subprocess.run(
            sandboxed(code),
            input=job,
            capture_output=True,
            text=True,
            env=_child_env(),
            check=False,
        )
        if proc.returncode != 0:
            raise SystemExit(f"naive run failed: {proc.stderr[-400:]}")
    return time.perf_counter() - start


def planned_args(question, seed: int) -> list[tuple]:
    import numpy as np

    from mlprep.content import load_tests

    suite = load_tests(question)
    spec = question.meta.coding
    rng = np.random.default_rng(seed)
    sizes = spec.random_sizes or [16]
    args = [tuple(c.args) for c in suite.cases]
    args += [tuple(suite.generate(rng, sizes[i % len(sizes)])) for i in range(spec.random_tests)]
    return args


def warm_figures(question, n: int) -> dict[str, float]:
    source = question.read("solution.py")
    with WarmJudge() as warm:
        for _ in range(3):  # warm up caches and the zygote
            warm.judge(question, source, measure=False)
        latencies = []
        for _ in range(n):
            start = time.perf_counter()
            result = warm.judge(question, source, measure=False)
            latencies.append((time.perf_counter() - start) * 1000)
            assert result.accepted, result.message
        run_lat = []
        for _ in range(n):
            start = time.perf_counter()
            warm.judge(question, source, mode="run")
            run_lat.append((time.perf_counter() - start) * 1000)
        figures = {
            "submit_median_ms": statistics.median(latencies),
            "submit_p90_ms": sorted(latencies)[int(0.9 * len(latencies)) - 1],
            "run_median_ms": statistics.median(run_lat),
        }
        for threads in (2, 4):
            done = []
            lock = threading.Lock()
            per_thread = max(4, n // threads)

            def worker(
                per_thread: int = per_thread, done: list = done, lock: threading.Lock = lock
            ) -> None:
                for _ in range(per_thread):
                    warm.judge(question, source, measure=False)
                    with lock:
                        done.append(1)

            start = time.perf_counter()
            pool = [threading.Thread(target=worker) for _ in range(threads)]
            for t in pool:
                t.start()
            for t in pool:
                t.join()
            figures[f"submissions_per_s_{threads}_threads"] = len(done) / (
                time.perf_counter() - start
            )
        figures["tests_per_submission"] = len(result.tests)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--warm", type=int, default=40)
    parser.add_argument("--question", default="string-shift", help="the small problem for warm")
    parser.add_argument("--json", action="store_true")
    opts = parser.parse_args()
    bank = load_bank()
    kmeans = bank.get("k-means")
    small = bank.get(opts.question)
    naive_tests = planned_args(small, 1)
    floors, colds, naives, solution_ms, growth_ms, ref_ms, ntests = [], [], [], [], [], [], 0
    apis, inside = [], []
    with tempfile.TemporaryDirectory() as home:
        cold_cli_once(kmeans, home)  # first run creates the database: not a cold judge
        for _ in range(opts.rounds):
            floors.append(floor_once())
            elapsed, doc = cold_cli_once(kmeans, home)
            colds.append(elapsed)
            inside.append(doc["timing"]["wall_ms"] / 1000)
            apis.append(cold_api_once(kmeans))
            solution_ms.append(doc["timing"]["total_ms"])
            ref_ms.append(doc["timing"]["reference_total_ms"] or 0.0)
            growth = doc.get("complexity") or {}
            # up to two passes over the sizes plus a warm-up call each: an upper bound
            growth_ms.append(3 * sum(t or 0 for t in growth.get("yours", {}).get("times_ms", [])))
            ntests = doc["counts"]["total"]
            naives.append(naive_once(small, naive_tests))
    warm = warm_figures(small, opts.warm)
    floor = statistics.median(floors)
    cold = statistics.median(colds)
    own = (statistics.median(solution_ms) + statistics.median(growth_ms)) / 1000
    figures = {
        "load_average": os.getloadavg()[0],
        "floor_s": floor,
        "cold_cli_s": cold,
        "cold_api_s": statistics.median(apis),
        "judge_inside_cli_s": statistics.median(inside),
        "cold_tests": ntests,
        "solution_own_s": own,
        "budget_s": 2 * floor + own,
        "naive_s": statistics.median(naives),
        "naive_tests": len(naive_tests),
        **warm,
    }
    if opts.json:
        print(json.dumps(figures, indent=2))
    print(f"""
| measure | median |
|---|---|
| floor: sandboxed interpreter importing NumPy, then exit | {floor * 1000:.0f} ms |
| cold `mlprep judge k-means solution.py` ({ntests} tests + growth) | {cold * 1000:.0f} ms |
| cold `judge()` API in a fresh process (loads only that question; no bank, no store) | \
{statistics.median(apis) * 1000:.0f} ms |
| of the cold CLI: time inside `judge()` (from the result's `timing.wall_ms`) | \
{statistics.median(inside) * 1000:.0f} ms |
| k-means solution's own run time (tests + growth runs, upper bound) | {own * 1000:.0f} ms |
| target: 2 x floor + own run time | {(2 * floor + own) * 1000:.0f} ms |
| warm `{small.id}` submit ({warm["tests_per_submission"]} tests), submission to verdict | \
{warm["submit_median_ms"]:.1f} ms (p90 {warm["submit_p90_ms"]:.1f}) |
| warm `{small.id}` run (visible tests) | {warm["run_median_ms"]:.1f} ms |
| warm throughput, 2 / 4 client threads | {warm["submissions_per_s_2_threads"]:.1f} / \
{warm["submissions_per_s_4_threads"]:.1f} submissions/s |
| naive: fresh sandboxed interpreter per test, `{small.id}` ({len(naive_tests)} tests, \
no reference) | {statistics.median(naives) * 1000:.0f} ms |

rounds: {opts.rounds}; warm samples: {opts.warm}; 1-minute load average at the end: \
{os.getloadavg()[0]:.2f} on {os.cpu_count()} cores.
""")


if __name__ == "__main__":
    main()
