"""How fast the CLI's commands start, each beside its floor, measured in one run.

usage: .venv/bin/python bench/cli_startup.py [--runs N] [--only NAME ...]

Runs every command N times, rounds interleaved (machine noise hits all alike), and
prints medians and each command's ratio to its floor, with the issue-17 target:

* `judge k-means` against a sandboxed interpreter importing NumPy (bubblewrap with
  the judge's binds): <= 3x
* `show`, `hint`, `answer`, `list` against `python -c 'import typer'`: <= 2x
* `due`, `stats` against the same: <= 3x
* `grade` against the default grader's load (a fresh interpreter importing and
  loading it) + 2x its per-answer time (measured in that process): <= 1x
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "src" / "mlprep" / "bank"
PY = sys.executable
MLPREP = [PY, "-m", "mlprep"]
ANSWER = (
    "Bias is systematic error from a model too simple for the data: it underfits. Variance "
    "is how much the fitted model changes with the training sample: flexible models overfit."
)

GRADER_LOAD = """
import json, sys, time
from mlprep.content import load_question
from mlprep.grading import get_grader, grade
q = load_question(__import__("pathlib").Path(sys.argv[1]))
t = time.perf_counter(); get_grader(); load = time.perf_counter() - t
t = time.perf_counter()
for _ in range(5):
    grade(q, sys.argv[2])
print(json.dumps({"per_answer": (time.perf_counter() - t) / 5}))
"""


def sandboxed_numpy() -> list[str]:
    from mlprep.judging._bwrap import bwrap_command, sys_paths

    paths = sys_paths()
    cmd = bwrap_command(PY, 0, paths).cmd
    tail = cmd.index("--")
    code = f"import sys; sys.path[1:1] = {paths!r}; import numpy"
    return [*cmd[: tail + 1], PY, "-I", "-S", "-B", "-c", code]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    from mlprep.judging._bwrap import child_env

    home = Path(tempfile.mkdtemp(prefix="mlprep-startup-"))
    env = dict(os.environ, MLPREP_HOME=str(home))
    answer = home / "answer.txt"
    answer.write_text(ANSWER)
    kmeans = str(BANK / "coding" / "k-means" / "solution.py")
    theory = BANK / "theory" / "bias-variance"
    # name -> (command, floor name, target ratio)
    floors: dict[str, list[str]] = {
        "python -c 'import typer'": [PY, "-c", "import typer"],
        "sandboxed python importing numpy": sandboxed_numpy(),
        "grader load (fresh interpreter)": [
            PY,
            "-c",
            "from mlprep.grading import get_grader; get_grader()",
        ],
    }
    typer_floor = "python -c 'import typer'"
    commands: dict[str, tuple[list[str], str, float]] = {
        "judge k-means": (
            [*MLPREP, "judge", "k-means", kmeans],
            "sandboxed python importing numpy",
            3,
        ),
        "show k-means": ([*MLPREP, "show", "k-means"], typer_floor, 2),
        "hint bias-variance": ([*MLPREP, "hint", "bias-variance"], typer_floor, 2),
        "answer bias-variance": ([*MLPREP, "answer", "bias-variance"], typer_floor, 2),
        "list": ([*MLPREP, "list"], typer_floor, 2),
        "due": ([*MLPREP, "due"], typer_floor, 3),
        "stats": ([*MLPREP, "stats"], typer_floor, 3),
        "grade bias-variance": (
            [*MLPREP, "grade", "bias-variance", str(answer)],
            "grader load (fresh interpreter)",
            1,
        ),
    }
    per_answer = json.loads(
        subprocess.run(
            [PY, "-c", GRADER_LOAD, str(theory), ANSWER],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
    )["per_answer"]
    times: dict[str, list[float]] = {name: [] for name in [*floors, *commands]}
    for _ in range(args.runs):
        for name, cmd in [*floors.items(), *((n, c[0]) for n, c in commands.items())]:
            run_env = child_env() if name.startswith("sandboxed") else env
            start = time.perf_counter()
            done = subprocess.run(
                cmd, env=run_env, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL
            )
            times[name].append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                raise SystemExit(f"{name} failed with exit code {done.returncode}")
    median = {name: statistics.median(values) for name, values in times.items()}
    # the grade budget: the grader's load, plus two answers' grading
    grade_floor = median["grader load (fresh interpreter)"] + 2 * per_answer
    print(f"{args.runs} interleaved runs; grader per-answer time {per_answer * 1000:.1f} ms")
    print(f"{'':36} {'median ms':>10}")
    for name in floors:
        print(f"{name:36} {median[name] * 1000:10.1f}")
    print(f"\n{'command':24} {'median ms':>10} {'floor':>34} {'ratio':>6} {'target':>7}")
    for name, (_cmd, floor, target) in commands.items():
        base = grade_floor if name.startswith("grade") else median[floor]
        label = "grader load + 2 x per answer" if name.startswith("grade") else floor
        ratio = median[name] / base
        mark = "ok" if ratio <= target else "MISSED"
        print(
            f"{name:24} {median[name] * 1000:10.1f} {label:>34} {ratio:6.2f} {target:6.0f}x {mark}"
        )


if __name__ == "__main__":
    main()
