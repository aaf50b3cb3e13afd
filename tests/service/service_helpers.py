"""Helpers for the service tests: real services in temporary homes, real clients.

Every client runs through ``CLIENT``, a tiny script that calls the real entry point
(``mlprep.cli.main``) and, at exit, writes which heavy libraries its own process
imported: a served command imports none of them, an in-process one imports Typer.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PY = sys.executable
HEAVY = ("typer", "pydantic", "sqlalchemy", "rich")
START_TIMEOUT_S = 240.0  # the service loads the bank, the grader and a sandbox: slow when loaded
CLIENT = f"""
import atexit, json, os, sys
def _report():
    with open(os.environ["MODULES_OUT"], "w") as out:
        json.dump(sorted(m for m in {HEAVY!r} if m in sys.modules), out)
atexit.register(_report)
sys.argv = ["mlprep", *sys.argv[1:]]
from mlprep.cli import main
main()
"""


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: bytes
    heavy: list[str]

    @property
    def served(self) -> bool:
        return self.heavy == []


@dataclass
class Home:
    """A data folder, the environment its clients get, and its service if any."""

    path: Path
    env: dict[str, str]
    started: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.path / "service"

    @property
    def socket(self) -> Path:
        return self.folder / "mlprep.sock"

    def pid(self) -> int | None:
        try:
            return int((self.folder / "service.pid").read_text())
        except (OSError, ValueError):
            return None

    def start(self, code: str | None = None, **env: str) -> int:
        """Start a service in the foreground of this test and wait until it serves."""
        before = self.pid()
        cmd = [PY, "-m", "mlprep._service"] if code is None else [PY, "-c", code]
        self.folder.mkdir(mode=0o700, exist_ok=True)
        log = open(self.folder / "service.log", "ab")  # noqa: SIM115 - the child holds it
        proc = subprocess.Popen(
            cmd,
            env={**self.env, **env},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
            cwd="/",
        )
        log.close()
        self.started.append(proc)
        return self.wait_for_service(other_than=before, proc=proc)

    def wait_for_service(
        self, other_than: int | None = None, proc: subprocess.Popen[bytes] | None = None
    ) -> int:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            pid = self.pid()
            if pid is not None and pid != other_than and self.socket.exists() and alive(pid):
                return pid
            if proc is not None and proc.poll() is not None:
                raise AssertionError(f"the service exited: {self.log()}")
            time.sleep(0.1)
        raise AssertionError(f"no service came up: {self.log()}")

    def log(self) -> str:
        with contextlib.suppress(OSError):
            return (self.folder / "service.log").read_text()[-3000:]
        return ""

    def run(
        self,
        *args: str,
        stdin: bytes | None = None,
        cwd: Path | None = None,
        **env: str,
    ) -> Run:
        out = self.path / f".modules-{os.getpid()}-{time.monotonic_ns()}.json"
        proc = subprocess.run(
            [PY, "-c", CLIENT, *args],
            input=stdin if stdin is not None else b"",
            capture_output=True,
            env={**self.env, "MODULES_OUT": str(out), **env},
            cwd=cwd or self.path,
            timeout=600,
            check=False,
        )
        heavy = json.loads(out.read_text()) if out.exists() else ["?"]
        out.unlink(missing_ok=True)
        return Run(proc.returncode, proc.stdout, proc.stderr, heavy)

    def stop(self) -> None:
        pid = self.pid()
        pids = {p.pid for p in self.started} | ({pid} if pid else set())
        for each in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(each, signal.SIGTERM)
        for proc in self.started:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        deadline = time.monotonic() + 60
        while pid and alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if pid and alive(pid):
            os.kill(pid, signal.SIGKILL)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def services_of(home: Path) -> list[int]:
    """Running service processes (not their workers) whose MLPREP_HOME is ``home``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            environ = (entry / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        ours = f"MLPREP_HOME={home}".encode() in environ
        if b"mlprep._service" in cmdline and ours and alive(int(entry.name)):
            found.append(int(entry.name))
    return [pid for pid in found if parent_of(pid) not in found]


def parent_of(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def children_of(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found += [int(c) for c in (task / "children").read_text().split()]
    return found


def make_home(tmp: Path) -> Home:
    tmp.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("MLPREP_NO_SERVICE", "MLPREP_CONTENT")}
    env.update(MLPREP_HOME=str(tmp), MLPREP_NO_PROGRESS="1", COLUMNS="100", TZ="UTC")
    return Home(tmp, env)
