"""How fast the CLI starts, against a bare interpreter, measured side by side.

usage: .venv/bin/python bench/cli_startup.py [--runs N]

Runs each command N times, interleaved (so machine noise hits all alike), and
prints medians and their ratio to `python -c pass`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import numpy'": [sys.executable, "-c", "import numpy"],
    "mlprep --help": [sys.executable, "-m", "mlprep", "--help"],
    "mlprep list --json": [sys.executable, "-m", "mlprep", "list", "--json"],
    "mlprep show k-means": [sys.executable, "-m", "mlprep", "show", "k-means"],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ, MLPREP_HOME=tempfile.mkdtemp())
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, cmd in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times["python -c pass"])
    print(f"{'command':28} {'median ms':>10} {'x bare python':>14}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:28} {median * 1000:10.1f} {median / base:14.1f}")


if __name__ == "__main__":
    main()
