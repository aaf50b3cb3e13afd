"""Team mode on several server processes: anything one process hands out, another honours.

Real ``mlprep serve --team --judge-on workers`` processes over the throwaway
PostgreSQL, a real ``mlprep worker``. Two servers on two ports let the test choose
which process answers each request (behind one port the kernel chooses); the
``--processes 2`` test then checks the command itself: two children behind one
port, one restarted when it dies, all stopped on Ctrl+C.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from mlprep._core import Mlprep
from mlprep.team import Accounts, Cohorts

from .conftest import REPO, Workers, wait_until

pytestmark = pytest.mark.pg

PASSWORD = "a long enough password"
CODING, WRITTEN = "mse-mae", "bias-variance"
TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    log: Path

    def client(self, cookies: httpx.Cookies | None = None) -> httpx.Client:
        # No kept-alive connections: behind one port, each request may meet another process.
        return httpx.Client(
            base_url=self.url,
            cookies=cookies,
            timeout=60,
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(30)
        return int(self.process.returncode)


@pytest.fixture
def team_db(queue_db: str) -> Iterator[str]:
    core = Mlprep(db=queue_db)
    accounts = Accounts(core.store)
    cora = accounts.init("cora@example.org", "Cora").account
    accounts.set_password(cora.id, PASSWORD)
    cohorts = Cohorts(core.store)
    cohort = cohorts.create("Cohort", cora)
    for email, name in (("ann@example.org", "Ann"), ("bob@example.org", "Bob")):
        account = cohorts.invite(cohort.id, email, name, cora).account
        accounts.set_password(account.id, PASSWORD)
    core.store.close()
    yield queue_db


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        server.stop()


def _serve(db: str, folder: Path, started: list[Server], *extra: str) -> Server:
    log = folder / f"server-{len(started)}.log"
    env = {**os.environ, "MLPREP_HOME": str(folder / "home")}
    with open(log, "w") as err:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "mlprep", "serve", "--team", "--db", db),
                *("--judge-on", "workers", "--no-browser", "--port", "0", *extra),
            ],
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env=env,
            cwd=REPO,
        )
    assert process.stdout is not None
    line = process.stdout.readline()
    found = re.search(r"running at (http://\S+)", line)
    assert found, f"{line!r}\n{log.read_text()}"
    server = Server(process, found.group(1).rstrip("/"), log)
    started.append(server)
    return server


def _wait_serving(server: Server) -> None:
    def answers() -> bool:
        try:
            return httpx.get(server.url + "/sign-in", timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    wait_until(answers, 120, f"{server.url} to answer")


def _token(html: str) -> str:
    found = TOKEN.search(html)
    assert found, html[:300]
    return found.group(1)


def _sign_in(form_from: Server, post_to: Server, login: str, password: str = PASSWORD) -> Any:
    """Sign in with the form one server rendered, posted to another; the response."""
    with form_from.client() as client:
        token = _token(client.get("/sign-in").text)
    with post_to.client() as client:
        return client.post(
            "/sign-in", data={"csrf": token, "login": login, "password": password, "next": "/"}
        )


def _signed_in(form_from: Server, post_to: Server, login: str) -> httpx.Cookies:
    done = _sign_in(form_from, post_to, login)
    assert done.status_code == 303, done.text[:300]
    cookies = httpx.Cookies()
    cookies.set("mlprep_session", done.cookies["mlprep_session"])
    return cookies


def _poll_done(server: Server, cookies: httpx.Cookies, job: str, workers: Workers) -> Any:
    deadline = time.monotonic() + 180
    with server.client(cookies) as client:
        while time.monotonic() < deadline:
            doc = client.get(f"/jobs/{job}.json").json()
            if doc["state"] == "done":
                return doc
            time.sleep(0.2)
    raise AssertionError(f"job {job} not done:\n{workers.logs()}")


def test_two_server_processes_honour_each_others_sessions_tokens_jobs_and_settings(
    team_db: str, workers: Workers, servers: list[Server], tmp_path: Path
) -> None:
    a = _serve(team_db, tmp_path, servers)
    b = _serve(team_db, tmp_path, servers)
    _wait_serving(a)
    _wait_serving(b)

    # The sign-in form rendered by A is accepted by B; B's session is honoured by A.
    ann = _signed_in(a, b, "ann@example.org")
    with a.client(ann) as at_a:
        home = at_a.get("/")
        assert home.status_code == 200 and "Ann" in home.text
        token = _token(home.text)

    # A submission sent through B with A's page token; polled through A (B does not know
    # it beyond the database); another learner's poll is a 404 on either server.
    source = (REPO / "src/mlprep/bank/coding" / CODING / "solution.py").read_text()
    with b.client(ann) as at_b:
        sent = at_b.post(f"/q/{CODING}/submit", data={"csrf": token, "source": source})
    assert sent.status_code == 200, sent.text[:300]
    job_id = re.search(r'data-job="([0-9a-f]{32})"', sent.text)
    assert job_id, sent.text[:500]
    job = job_id.group(1)
    with a.client(ann) as at_a:
        assert at_a.get(f"/jobs/{job}.json").json()["state"] == "queued"
    bob = _signed_in(b, a, "bob@example.org")
    for server in (a, b):
        with server.client(bob) as as_bob:
            assert as_bob.get(f"/jobs/{job}.json").status_code == 404
    workers.start(0)
    doc = _poll_done(a, ann, job, workers)
    assert doc["result"]["verdict"] == "accepted"
    with b.client(ann) as at_b:
        assert at_b.get(f"/jobs/{job}.json").json()["state"] == "done"

    # The coach's grader choice, saved through A, is the one B shows and grades with.
    cora = _signed_in(a, a, "cora@example.org")
    with a.client(cora) as coach_a:
        coach_token = _token(coach_a.get("/settings").text)
        saved = coach_a.post("/settings/grader", data={"csrf": coach_token, "grader": "lexical"})
        assert saved.status_code == 200
    with b.client(cora) as coach_b:
        shown = coach_b.get("/settings").text
    assert re.search(r'value="lexical"\s+checked', shown), "B does not show the saved grader"
    answer = (REPO / "src/mlprep/bank" / "theory" / WRITTEN / "answer.md").read_text()
    with b.client(ann) as at_b:
        graded = at_b.post(f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": answer})
    assert graded.status_code == 200, graded.text[:300]
    found = re.search(r'data-job="([0-9a-f]{32})"', graded.text)
    page = graded.text
    if found:
        _poll_done(a, ann, found.group(1), workers)
        with a.client(ann) as at_a:
            page = at_a.get(f"/jobs/{found.group(1)}").text
    assert re.search(r'grader-name">lexical<', page), page[:600]

    # Sign-in throttling counts the failures made at both: 5 for one login in the window.
    for n in range(5):
        refused = _sign_in(a if n % 2 else b, b if n % 2 else a, "bob@example.org", "wrong pw")
        assert refused.status_code == 401, refused.text[:200]
    for server in (a, b):
        assert _sign_in(server, server, "bob@example.org").status_code == 429

    # Signing out through B ends the session at A too.
    with b.client(ann) as at_b:
        assert at_b.post("/sign-out", data={"csrf": token}).status_code == 303
    with a.client(ann) as at_a:
        assert at_a.get("/jobs/" + job + ".json").status_code == 401


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"multiprocessing.spawn" in cmdline:
            found.add(int(entry.name))
    return found


def test_serve_processes_runs_n_children_behind_one_port(
    team_db: str, servers: list[Server], tmp_path: Path
) -> None:
    server = _serve(team_db, tmp_path, servers, "--processes", "2")
    _wait_serving(server)
    wait_until(lambda: len(_children(server.process.pid)) == 2, 60, "two server processes")
    first = _children(server.process.pid)
    ann = _signed_in(server, server, "ann@example.org")

    def page(path: str) -> int:
        with server.client(ann) as client:
            response = client.get(path)
        return response.status_code if "Ann" in response.text else -1

    paths = ["/", "/assignments", f"/q/{WRITTEN}", f"/q/{CODING}", "/progress"] * 8
    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(page, paths)) == {200}

    # A child that dies is replaced by uvicorn's supervisor; the port keeps answering.
    os.kill(min(first), signal.SIGKILL)
    wait_until(
        lambda: (
            len(_children(server.process.pid) - first) == 1
            and len(_children(server.process.pid)) == 2
        ),
        120,
        "the supervisor to start a new server process",
    )
    _wait_serving(server)
    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(page, paths)) == {200}

    # Ctrl+C stops the children and the supervisor, cleanly.
    assert server.stop() == 0, server.log.read_text()[-2000:]
    assert _children(server.process.pid) == set()


def test_serve_processes_exits_1_when_its_processes_cannot_start(tmp_path: Path) -> None:
    """The parent checks the database first; should it go away before the children
    connect, they fail at start-up, uvicorn stops them all, and the command says so."""
    script = (
        "import socket, types\n"
        "from mlprep.cli._serve import _serve_processes\n"
        "store = types.SimpleNamespace(url='postgresql+psycopg://nobody:x@127.0.0.1:1/gone',"
        " close=lambda: None)\n"
        "core = types.SimpleNamespace(store=store, content_folders=[])\n"
        "sock = socket.socket(); sock.bind(('127.0.0.1', 0))\n"
        "_serve_processes(core, sock, 'http://127.0.0.1/', [], None, 'workers', 2, True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, "MLPREP_HOME": str(tmp_path)},
    )
    assert done.returncode == 1, done.stdout + done.stderr[-2000:]
    assert "error: a server process could not start" in done.stderr


def test_a_busy_server_process_is_not_taken_for_a_hung_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """uvicorn's supervisor kills a child that misses its health check (5 s by default),
    dropping every connection it holds; a child that is only busy missed it under load
    (docs/benchmarks.md), so ``--processes`` gives it 20 s (no more: a process that
    cannot start is reported once the others answer, test above)."""
    import socket
    import types

    import uvicorn.supervisors

    from mlprep.cli import _serve
    from mlprep.web._processes import ENV

    seen: list[Any] = []

    class Supervisor:
        def __init__(self, config: Any, sockets: list[Any]) -> None:
            seen.append(config)
            self.processes: list[Any] = []

        def run(self) -> None:
            pass

    monkeypatch.setattr(uvicorn.supervisors, "Multiprocess", Supervisor)
    monkeypatch.setenv(ENV, "")
    monkeypatch.setenv("MLPREP_HOME", str(tmp_path))
    store = types.SimpleNamespace(url="postgresql+psycopg://x@127.0.0.1/x", close=lambda: None)
    core = types.SimpleNamespace(store=store, content_folders=[])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        _serve._serve_processes(core, sock, "http://127.0.0.1/", [], None, "workers", 2, True)
    assert seen[0].timeout_worker_healthcheck == _serve.HEALTHCHECK_S >= 20
    # An idle connection outlives a learner's pause between pages (uvicorn's 5 s did not).
    assert seen[0].timeout_keep_alive == _serve.KEEP_ALIVE_S >= 60
