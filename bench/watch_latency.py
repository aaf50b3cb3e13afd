"""From a save to the verdict on the screen: `judge --watch` beside the cold command.

usage: .venv/bin/python bench/watch_latency.py [--runs N] [ID ...]

For each question (default: string-shift and k-means), starts `mlprep judge ID FILE
--watch` in a pseudo-terminal, then N times: saves the reference solution (a new
file renamed over the old one, as editors do, with a changed comment so it is judged
again) and waits until the redrawn screen shows the new check's verdict and its
footer. Interleaved with each save, runs the cold `mlprep judge ID FILE` once.
Prints medians and their ratio. Targets (issue 17): <= 50 ms for string-shift and
<= 150 ms for k-means after the save.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

BANK = Path(__file__).resolve().parents[1] / "src" / "mlprep" / "bank" / "coding"
TARGET_MS = {"string-shift": 50.0, "k-means": 150.0}


def save(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def bench(qid: str, runs: int, home: Path) -> tuple[list[float], list[float]]:
    source = (BANK / qid / "solution.py").read_text()
    path = home / f"{qid}.py"
    path.write_text(source)
    # the cold judge in process: the resident service is measured by cli_startup.py
    env = dict(os.environ, MLPREP_HOME=str(home), TERM="dumb", COLUMNS="120", MLPREP_NO_SERVICE="1")
    mlprep = [sys.executable, "-m", "mlprep"]
    child = pexpect.spawn(
        mlprep[0], [*mlprep[1:], "judge", qid, str(path), "--watch"], env=env, timeout=60
    )
    child.setwinsize(60, 160)
    child.expect(b"check #1")
    child.expect(b"watching ")
    warm: list[float] = []
    cold: list[float] = []
    try:
        for i in range(2, runs + 2):
            time.sleep(0.3)  # let the previous redraw and the file events settle
            start = time.perf_counter()
            save(path, f"{source}\n# save {i}\n")
            child.expect(f"check #{i} ".encode())
            child.expect(b"Accepted")
            child.expect(b"watching ")
            warm.append(time.perf_counter() - start)
            start = time.perf_counter()
            subprocess.run(
                [*mlprep, "judge", qid, str(path)], env=env, stdout=subprocess.DEVNULL, check=True
            )
            cold.append(time.perf_counter() - start)
    finally:
        child.sendintr()
        child.expect(pexpect.EOF)
        child.close()
    return warm, cold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("ids", nargs="*", default=["string-shift", "k-means"])
    args = parser.parse_args()
    print(f"{'question':14} {'watch ms':>9} {'target':>7} {'cold ms':>8} {'cold/watch':>11}")
    for qid in args.ids:
        home = Path(tempfile.mkdtemp(prefix="mlprep-watch-bench-"))
        warm, cold = bench(qid, args.runs, home)
        w, c = statistics.median(warm) * 1000, statistics.median(cold) * 1000
        target = TARGET_MS.get(qid)
        mark = "" if target is None else ("ok" if w <= target else "MISSED")
        print(f"{qid:14} {w:9.1f} {target or 0:7.0f} {c:8.1f} {c / w:11.1f}  {mark}")


if __name__ == "__main__":
    main()
