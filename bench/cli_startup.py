"""How fast the CLI's commands start, each beside its floor, measured in one run.

usage: .venv/bin/python bench/cli_startup.py [--runs N] [--starts M] [--only NAME]

Runs every command N times in process (MLPREP_NO_SERVICE=1, one home) and N times
served by a warm resident service (another home), rounds interleaved with the
floors (machine noise hits all alike), and prints medians and each command's ratio
to its floor, with the issue-17 target. Then it times the service's cold start M
times: stop it, run one command (in process; it starts the service at exit), and
wait until the new service answers.

* `judge k-means` against a sandboxed interpreter importing NumPy (bubblewrap with
  the judge's binds): <= 3x. Its stdout is read through a pipe: the time to its first
  output (the verdict; growth is measured after it) is printed beside the command's end.
* `show`, `hint`, `answer`, `list` against `python -c 'import typer'`: <= 2x
* `due`, `stats` against the same: <= 3x
* `grade` against the default grader's load (a fresh interpreter importing and
  loading it) + 2x its per-answer time (measured in that process): <= 1x
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
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


def service_pid(home: Path) -> int | None:
    try:
        pid = int((home / "service" / "service.pid").read_text())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid if (home / "service" / "mlprep.sock").exists() else None


def wait_for_service(home: Path, other_than: int | None = None, timeout: float = 600) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid = service_pid(home)
        if pid is not None and pid != other_than:
            return pid
        time.sleep(0.02)
    raise SystemExit(f"no service in {home}")


def stop_service(home: Path) -> int | None:
    pid = service_pid(home)
    if pid is not None:
        os.kill(pid, signal.SIGTERM)
        while True:
            try:
                os.kill(pid, 0)
            except OSError:
                break
            time.sleep(0.02)
    return pid


def ready_seconds(home: Path) -> float:
    """The service's own 'ready in X s' (its loading time), from its last log line."""
    found = re.findall(r"ready in ([0-9.]+) s", (home / "service" / "service.log").read_text())
    return float(found[-1])


def timed(
    cmd: list[str], env: dict[str, str], first_output: bool
) -> tuple[float, float | None, int]:
    """(seconds to the end, seconds to the first byte on stdout or None, exit code)."""
    start = time.perf_counter()
    if not first_output:
        done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        return time.perf_counter() - start, None, done.returncode
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None
    first = None
    with proc.stdout:
        while os.read(proc.stdout.fileno(), 65536):
            if first is None:
                first = time.perf_counter() - start
    code = proc.wait()
    return time.perf_counter() - start, first, code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--starts", type=int, default=3, help="cold starts of the service")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="measure only the commands whose name starts with NAME (repeatable), e.g. judge",
    )
    args = parser.parse_args()
    from mlprep.judging._bwrap import child_env

    home = Path(tempfile.mkdtemp(prefix="mlprep-startup-"))
    served_home = Path(tempfile.mkdtemp(prefix="mlprep-served-"))
    base = {k: v for k, v in os.environ.items() if k != "MLPREP_NO_SERVICE"}
    env = dict(base, MLPREP_HOME=str(home), MLPREP_NO_SERVICE="1")
    served_env = dict(base, MLPREP_HOME=str(served_home), MLPREP_SERVICE_IDLE="3600")
    answer = home / "answer.txt"
    answer.write_text(ANSWER)
    kmeans = str(BANK / "coding" / "k-means" / "solution.py")
    theory = BANK / "theory" / "bias-variance"
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
    # name -> (command, floor name, target ratio or 0 for none)
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
        # no target in the issue; measured because it was the slowest everyday command
        "stats --plot": ([*MLPREP, "stats", "--plot", str(home / "plot.png")], typer_floor, 0),
        "grade bias-variance": (
            [*MLPREP, "grade", "bias-variance", str(answer)],
            "grader load (fresh interpreter)",
            1,
        ),
    }
    if args.only:
        commands = {k: v for k, v in commands.items() if k.startswith(tuple(args.only))}
        if not commands:
            parser.error(f"no command starts with {' or '.join(args.only)}")
    per_answer = json.loads(
        subprocess.run(
            [PY, "-c", GRADER_LOAD, str(theory), ANSWER],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
    )["per_answer"]
    # the warm service: the second command run in a data folder starts it at exit
    for _ in range(2):
        subprocess.run([*MLPREP, "list"], env=served_env, stdout=subprocess.DEVNULL, check=True)
    service = wait_for_service(served_home)
    served = {f"{name} (served)": cmd for name, (cmd, _f, _t) in commands.items()}
    times: dict[str, list[float]] = {name: [] for name in [*floors, *commands, *served]}
    verdict_times: dict[str, list[float]] = {}  # judge: until its first output (the verdict)
    for _ in range(args.runs):
        runs = [*floors.items(), *((n, c[0]) for n, c in commands.items()), *served.items()]
        for name, cmd in runs:
            run_env = child_env() if name.startswith("sandboxed") else env
            if name.endswith("(served)"):
                run_env = served_env
            took, first, code = timed(cmd, run_env, name.startswith("judge"))
            times[name].append(took)
            if first is not None:
                verdict_times.setdefault(name, []).append(first)
            if code not in (0, 1):
                raise SystemExit(f"{name} failed with exit code {code}")
    if service_pid(served_home) != service:
        raise SystemExit("the service was replaced during the runs: the served times are mixed")
    # cold starts: no service, one command (in process, starts it at exit), until ready
    first: list[float] = []
    until_ready: list[float] = []
    loading: list[float] = []
    for _ in range(args.starts):
        old = stop_service(served_home)
        start = time.perf_counter()
        subprocess.run(
            [*MLPREP, "show", "k-means"], env=served_env, stdout=subprocess.DEVNULL, check=True
        )
        first.append(time.perf_counter() - start)
        wait_for_service(served_home, other_than=old)
        until_ready.append(time.perf_counter() - start)
        loading.append(ready_seconds(served_home))
    stop_service(served_home)
    median = {name: statistics.median(values) for name, values in times.items()}
    # the grade budget: the grader's load, plus two answers' grading
    grade_floor = median["grader load (fresh interpreter)"] + 2 * per_answer
    print(f"{args.runs} interleaved runs; grader per-answer time {per_answer * 1000:.1f} ms")
    print(f"{'':36} {'median ms':>10}")
    for name in floors:
        print(f"{name:36} {median[name] * 1000:10.1f}")
    print(
        f"\n{'command':24} {'in process':>10} {'served':>8} {'floor':>30} "
        f"{'ratio':>6} {'served':>7} {'target':>7}"
    )
    for name, (_cmd, floor, target) in commands.items():
        base = grade_floor if name.startswith("grade") else median[floor]
        label = "grader load + 2 x per answer" if name.startswith("grade") else floor
        ratio = median[name] / base
        warm = median[f"{name} (served)"]
        mark = "" if not target else "ok" if warm / base <= target else "MISSED"
        goal = f"{target:6.0f}x" if target else f"{'-':>7}"
        print(
            f"{name:24} {median[name] * 1000:10.1f} {warm * 1000:8.1f} {label:>30} "
            f"{ratio:6.2f} {warm / base:7.2f} {goal} {mark}"
        )
    if verdict_times:
        print(
            "\njudge: the verdict on stdout (its first output) and the command's end; "
            "growth is measured after the verdict is printed"
        )
        for name, values in verdict_times.items():
            (floor,) = {f for n, (_c, f, _t) in commands.items() if name.startswith(n)}
            verdict = statistics.median(values)
            # what follows the verdict (growth, the record), paired run by run
            after = statistics.median(e - v for e, v in zip(times[name], values, strict=True))
            print(
                f"{name:32} verdict {verdict * 1000:7.1f} ms = {verdict / median[floor]:5.2f}x "
                f"its floor; end {median[name] * 1000:7.1f} ms = "
                f"{median[name] / median[floor]:5.2f}x; after the verdict {after * 1000:6.1f} ms"
            )
    if first:  # --starts 0 skips the cold starts
        print(
            f"\nservice cold start ({args.starts} times): first command with no service "
            f"{statistics.median(first) * 1000:.0f} ms (in process, starts the service at exit); "
            f"service answering {statistics.median(until_ready):.2f} s after that command began; "
            f"its own loading {statistics.median(loading):.2f} s"
        )
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
