"""Shared by the web benchmarks: a real `mlprep serve` on loopback with some progress."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def seed_progress(home: Path) -> None:
    """A few graded answers and a finished mock, so the dashboard has data to draw."""
    from mlprep._core import Mlprep

    core = Mlprep(db=home / "progress.db")
    written = [q for q in core.bank if not q.is_coding][:12]
    for question in written:
        sample = question.samples[0]
        core.grade(question.id, sample.text, origin="web")
    row, plan = core.start_mock("data-scientist", 30, seed=1)
    for qid in plan.question_ids:
        question = core.question(qid)
        if not question.is_coding:
            core.grade(qid, question.samples[-1].text, origin="web", mock_id=row.id)
    core.finish_mock(row.id)


@contextmanager
def running_server(seed: bool = True) -> Iterator[str]:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        if seed:
            os.environ["MLPREP_HOME"] = str(home)
            seed_progress(home)
        env = {**os.environ, "MLPREP_HOME": str(home)}
        # The server's own messages go to a file: a pipe nobody reads would fill and stall it.
        log = open(home / "server.log", "w")  # noqa: SIM115 - closed when the server stops
        proc = subprocess.Popen(
            [sys.executable, "-m", "mlprep", "serve", "--no-browser", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        url = None
        while url is None:
            line = proc.stdout.readline()
            if not line:
                raise SystemExit("the server did not start")
            found = re.search(r"running at (http://\S+)", line)
            url = found.group(1).rstrip("/") if found else None
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/settings", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        time.sleep(1.0)  # let the warm judge finish starting
        try:
            yield url
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()
            errors = (home / "server.log").read_text()
            if errors.strip():
                print("server log:\n" + errors[-3000:], file=sys.stderr)
