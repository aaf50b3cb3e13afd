"""`mlprep content check` of the bank, before and after a change, side by side in one run.

usage: .venv/bin/python bench/content_check.py [--before COMMIT] [--runs N] [FOLDER]

Extracts ``src/`` of COMMIT (default 3a85b8f, main before the check was made fast)
with ``git archive`` into a temporary folder, then runs ``python -m mlprep content
check FOLDER --json`` (default: this checkout's bank, so both check the same
questions) N times each way, rounds interleaved (machine noise hits all alike): with
COMMIT's source, with this checkout's in one process (``-j1``) and in two (``-j2``;
the default on two idle cores). Prints each run's wall time and CPU time (user + system, worker
processes included: for the one-process runs on a loaded machine, close to what the
wall time would be on an idle one), the medians and their ratios to COMMIT's, and
checks that every way reports the same result. Then, once per tree, the time of each
phase in one process: loading the bank, the rubric-concept check, importing the
coding questions' tests.py, and generating their mutants (mutants.toml's check).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

PHASES = """
import json, sys, time
t0 = time.perf_counter()
from mlprep.content import load_bank
from mlprep.content._coding import load_tests
from mlprep.content._mutants_file import check_mutants_file
from mlprep.grading.rubric_check import unmatched_concepts
t1 = time.perf_counter()
bank = load_bank([__import__("pathlib").Path(sys.argv[1])], thorough=True)
t2 = time.perf_counter()
for q in bank:
    unmatched_concepts(q)
t3 = time.perf_counter()
coding = [q for q in bank if q.is_coding]
for q in coding:
    load_tests(q)
t4 = time.perf_counter()
for q in coding:
    check_mutants_file(q)
t5 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "load the bank": t2 - t1, "rubric concepts": t3 - t2,
                  "import tests.py": t4 - t3, "mutants": t5 - t4}))
"""


def run_check(
    src: Path, folder: Path, home: Path, options: list[str]
) -> tuple[float, float, dict[str, object]]:
    env = dict(os.environ, PYTHONPATH=str(src), MLPREP_HOME=str(home), MLPREP_NO_SERVICE="1")
    env.pop("MLPREP_CONTENT", None)
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [PY, "-m", "mlprep", "content", "check", str(folder), "--json", *options],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
    )
    elapsed = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    report = json.loads(done.stdout)
    return (
        elapsed,
        cpu,
        {"ok": report["ok"], "checked": report["checked"], "errors": report["errors"]},
    )


def phases(src: Path, folder: Path, home: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(src), MLPREP_HOME=str(home), MLPREP_NO_SERVICE="1")
    done = subprocess.run(
        [PY, "-c", PHASES, str(folder)], capture_output=True, text=True, env=env, check=True
    )
    return dict(json.loads(done.stdout))


def load_average() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "src" / "mlprep" / "bank")
    parser.add_argument("--before", default="3a85b8f")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mlprep-bench-") as tmp:
        before = Path(tmp) / "before"
        before.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.before, "src"],
            capture_output=True,
            check=True,
        )
        subprocess.run(["tar", "-x", "-C", str(before)], input=archive.stdout, check=True)
        home = Path(tmp) / "home"
        home.mkdir()
        runs: dict[str, tuple[Path, list[str]]] = {
            f"before ({args.before})": (before / "src", []),
            "after, in one process (-j1)": (ROOT / "src", ["-j1"]),
            "after, in two processes (-j2)": (ROOT / "src", ["-j2"]),
        }
        trees = {f"before ({args.before})": before / "src", "after": ROOT / "src"}
        times: dict[str, list[float]] = {name: [] for name in runs}
        cpus: dict[str, list[float]] = {name: [] for name in runs}
        results: dict[str, dict[str, object]] = {}
        print(f"load average at the start: {load_average()}")
        for round_ in range(1, args.runs + 1):
            for name, (src, options) in runs.items():
                elapsed, cpu, result = run_check(src, args.folder, home, options)
                times[name].append(elapsed)
                cpus[name].append(cpu)
                if name in results and results[name] != result:
                    sys.exit(f"{name}: the result changed between runs")
                results[name] = result
                print(
                    f"round {round_}: {name}: {elapsed:.1f} s, CPU {cpu:.1f} s (ok={result['ok']})",
                    flush=True,
                )
        first, *others = (statistics.median(t) for t in times.values())
        print()
        print("| source | wall time, runs (s) | median (s) | CPU time, median (s) |")
        print("| --- | --- | ---: | ---: |")
        for name, values in times.items():
            runs = ", ".join(f"{v:.1f}" for v in values)
            cpu = statistics.median(cpus[name])
            print(f"| {name} | {runs} | {statistics.median(values):.1f} | {cpu:.1f} |")
        ratios = ", ".join(f"{other / first:.2f}" for other in others)
        print(f"\nafter / before, medians: {ratios}; load average at the end: {load_average()}")
        same = len({json.dumps(r, sort_keys=True) for r in results.values()}) == 1
        print(f"same report both ways: {same}")
        print("\nphases, in one process each (s):")
        for name, src in trees.items():
            parts = phases(src, args.folder, home)
            print(f"  {name}: " + ", ".join(f"{k} {v:.2f}" for k, v in parts.items()))
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
