"""Team mode under load: simulated learners against `mlprep serve --team` and PostgreSQL.

    .venv/bin/python bench/team_load.py [--learners 200] [--seconds 120]
        [--configs here:1 workers:1 workers:2 workers:2@before] [--worker-jobs 2]
        [--src before=/path/to/other/checkout/src] [--pace busy|paced] [--client-nice 10]

Everything is on loopback: a throwaway PostgreSQL cluster (the one tests/pg starts,
or MLPREP_BENCH_PG_URL, an admin URL of a server you run), the server, and the
learners as asyncio tasks with their own cookies. Each configuration (``JUDGE:N``:
``here`` judges in the server process, ``workers`` queues for one `mlprep worker`
taking ``--worker-jobs`` jobs at a time; N server processes, ``--processes``) gets
a fresh database and server, one after the other, so the rows printed at the end
come from one run on one machine. Each learner signs in, then until the time is up
browses (catalogue, assignments, a question, progress) with a few seconds of
thinking between pages and now and then submits a written answer or code, polled to
its verdict. Every submission carries a unique marker and a submission id; a request
that fails (a timeout, a dropped connection, a 5xx) is sent again with the same id,
with backoff, until the server answers (at most SUBMIT_TRIES times), and a poll that
fails is polled again. After the window the bench waits for the queue to drain
before it stops the worker; then it counts, for every submission the clients made,
how many attempts the database holds: sent, answered, recorded once, recorded twice,
lost (sent, never recorded) and failed (ended "failed" on the queue, with a reason).
``@NAME`` after a configuration runs the server and worker from another source tree
(``--src NAME=PATH``), for a before/after in one run. Prints p50/p95 page times,
submissions per second, those counts, the load average, and how many page views a
per-account page cache could at most have served (docs/benchmarks.md).

The learners run in a process of their own (``--client-nice N`` lowers its priority),
and the table says how many cores each party used during the window: the clients,
the server processes, the worker, PostgreSQL, and everything else on the machine
(``others``: other people's work on a shared machine). A failed page request is
counted by kind and by how long it had waited (a 60 s timeout or a dropped
connection). ``--pace`` picks the learners' profile (PACES below).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import multiprocessing
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "load test password"
WRITTEN, CODING = "bias-variance", "mse-mae"
PAGES = ["/", "/assignments", f"/q/{WRITTEN}", f"/q/{CODING}", "/progress"]
CACHE_BUCKET_S = 30  # the clock bucket of solo mode's page cache (web/_cache.py)
POLL_LIMIT_S = 600
# Learner profiles (--pace): seconds of thinking between actions (uniform, low to
# high) and the share of actions that are a submission. "busy", the profile of every
# figure before 2026-12-04: an action every 4 s on average, one in five a submission
# (a learner submitting every 20 s, code or a written answer). "paced": an action
# every 10 s, one in ten a submission (about one answer per learner in the 2 minutes),
# nearer a cohort working through an assignment.
CPU_COLUMNS = ("clients", "server", "worker", "postgres", "others")
PACES = {"busy": (2.0, 6.0, 0.2), "paced": (5.0, 15.0, 0.1)}
# A submission's request is sent this many times at most (same submission id), the
# waits between tries doubling from 1 s to at most 30 s: about 4 minutes in all.
SUBMIT_TRIES = 10
DRAIN_LIMIT_S = 600
ANSWER = (
    "Bias is the error of wrong assumptions and variance the sensitivity to the sample; "
    "more capacity lowers bias and raises variance, so choose it on validation error. "
)


@dataclass
class Tally:
    page_ms: list[float] = field(default_factory=list)
    sign_in_ms: list[float] = field(default_factory=list)
    submit_ms: list[float] = field(default_factory=list)
    accepted: set[str] = field(default_factory=set)  # markers answered with a verdict
    tried: set[str] = field(default_factory=set)  # every marker a client sent
    errors: list[str] = field(default_factory=list)
    retries: int = 0  # submissions sent more than once
    resends: int = 0  # the extra requests, all told
    # A per-account cache (key: account, path, 30 s clock bucket; dropped by the
    # account's own writes) could have served these page views at most.
    cacheable: int = 0


def _pg_admin_url() -> tuple[str, Any]:
    given = os.environ.get("MLPREP_BENCH_PG_URL")
    if given:
        return given, None
    spec = importlib.util.spec_from_file_location("pg_fixtures", REPO / "tests/pg/conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pg_fixtures"] = module
    spec.loader.exec_module(module)
    bin_dir = module.find_pg_bin()
    if bin_dir is None:
        raise SystemExit("no PostgreSQL binaries: apt-get install postgresql")
    cluster = module._Cluster(bin_dir)
    cluster.init()
    cluster.start()
    return cluster.admin_url.render_as_string(hide_password=False), cluster


def _database(admin_url: str) -> str:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(admin_url)
    name = f"mlprep_load_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=url.database,
        autocommit=True,
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)


def _seed(db: str, learners: int) -> None:
    from datetime import timedelta

    from mlprep._core import Mlprep
    from mlprep.store import utcnow
    from mlprep.team import Accounts, Assignments, AssignmentSpec, Cohorts

    core = Mlprep(db=db)
    accounts = Accounts(core.store)
    coach = accounts.init("coach@example.org", "Coach").account
    cohort = Cohorts(core.store).create("Load", coach)
    now = utcnow()
    spec = AssignmentSpec(
        "Week", now - timedelta(hours=1), now + timedelta(days=1), ids=(WRITTEN, CODING)
    )
    Assignments(core.store).create(cohort.id, spec, [WRITTEN, CODING], coach)
    for n in range(learners):
        Cohorts(core.store).invite(cohort.id, f"l{n}@example.org", f"Learner {n}", coach)
    # One Argon2 hash for all, with light parameters: sign-in happens before the measured
    # window, and 200 verifications at the real cost (64 MiB, 3 passes) would take
    # minutes of a shared 2-core machine without telling anything about pages.
    from argon2 import PasswordHasher
    from sqlalchemy import update

    from mlprep.store._team_schema import Account

    light = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSWORD)
    with core.store.transaction() as s:
        s.execute(update(Account).values(password_hash=light))
    core.store.close()


def _env(home: Path, src: str | None) -> dict[str, str]:
    env = {**os.environ, "MLPREP_HOME": str(home)}
    if src is not None:
        env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def _serve(
    db: str, home: Path, judge_on: str, processes: int, src: str | None
) -> tuple[subprocess.Popen[str], str]:
    env = _env(home, src)
    log = open(home / "server.log", "w")  # noqa: SIM115 - closed with the server
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mlprep",
            "serve",
            "--team",
            "--db",
            db,
            "--no-browser",
            "--port",
            "0",
            "--judge-on",
            judge_on,
            "--processes",
            str(processes),
        ],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("the server did not start: " + (home / "server.log").read_text())
        found = re.search(r"running at (http://\S+)", line)
        if found:
            return proc, found.group(1).rstrip("/")


def _worker(db: str, home: Path, jobs: int, src: str | None) -> subprocess.Popen[bytes]:
    env = _env(home, src)
    with open(home / "worker.log", "wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "mlprep", "worker", "--db", db, "--concurrency", str(jobs)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )


def _stop(proc: subprocess.Popen[Any] | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(30)


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    return found.group(1) if found else ""


async def _sign_in(client: Any, n: int, gate: asyncio.Semaphore, tally: Tally) -> str | None:
    """Sign in before the measured window (Argon2 is slow on purpose: not what is measured)."""
    async with gate:
        started = time.perf_counter()
        page = await client.get("/sign-in")
        form = {"csrf": _csrf(page.text), "login": f"l{n}@example.org", "password": PASSWORD}
        done = await client.post("/sign-in", data={**form, "next": "/"})
        tally.sign_in_ms.append((time.perf_counter() - started) * 1000)
    if done.status_code != 200 or "signed-in-as" not in done.text:
        tally.errors.append(f"sign-in {done.status_code}")
        return None
    return _csrf(done.text)


async def _learner(
    n: int, client: Any, token: str, deadline: float, tally: Tally, solution: str, pace: str
) -> None:
    import httpx

    rng = random.Random(n)
    seen: dict[str, int] = {}  # path -> clock bucket of its last view since a write
    think_low, think_high, submit_share = PACES[pace]
    await asyncio.sleep(rng.uniform(0, think_high))  # not all at once
    while time.monotonic() < deadline:
        if rng.random() < submit_share:
            seen.clear()  # the learner's own write changes their pages
            await _submit(client, token, rng, tally, solution)
        else:
            path = rng.choice(PAGES)
            bucket = int(time.time() // CACHE_BUCKET_S)
            tally.cacheable += seen.get(path) == bucket
            seen[path] = bucket
            started = time.perf_counter()
            try:
                response = await client.get(path)
            except httpx.HTTPError as exc:
                waited = time.perf_counter() - started
                tally.errors.append(f"page {type(exc).__name__} after {_span(waited)}")
                continue  # the learner asks again at once (as a reload would)
            tally.page_ms.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                tally.errors.append(f"page {response.status_code}")
        await asyncio.sleep(rng.uniform(think_low, think_high))  # reading, thinking, typing


def _span(seconds: float) -> str:
    """A coarse bucket of how long a failed request had waited."""
    for limit, name in ((1, "< 1 s"), (10, "1-10 s"), (55, "10-55 s")):
        if seconds < limit:
            return name
    return ">= 55 s"


def _backoff(attempt: int, rng: random.Random) -> float:
    return float(min(30, 2**attempt)) * rng.uniform(0.5, 1.0)


async def _submit(client: Any, token: str, rng: random.Random, tally: Tally, solution: str) -> None:
    """Send one submission until the server answers it, then poll it to its verdict."""
    import httpx

    marker = f"m{uuid.uuid4().hex}"
    coding = rng.random() < 0.4
    if coding:
        url, form = f"/q/{CODING}/submit", {"source": f"{solution}\n# {marker}\n"}
    else:
        url, form = f"/q/{WRITTEN}/submit", {"answer": f"{ANSWER}({marker})"}
    form |= {"csrf": token, "submission": marker, "opened": str(time.time() - 60)}
    tally.tried.add(marker)
    started = time.perf_counter()
    response = None
    for attempt in range(SUBMIT_TRIES):  # the same submission id every time
        if attempt:
            tally.resends += 1
            tally.retries += attempt == 1
            await asyncio.sleep(_backoff(attempt - 1, rng))
        try:
            response = await client.post(url, data=form)
        except httpx.HTTPError:
            response = None
            continue
        if response.status_code < 500:
            break  # an answer (a 4xx is a refusal, counted below)
    if response is None or response.status_code != 200:
        tally.errors.append(f"submit {getattr(response, 'status_code', 'timeout')}")
        return
    text = response.text
    give_up = time.monotonic() + POLL_LIMIT_S
    failures = 0
    while 'class="running"' in text and time.monotonic() < give_up:  # poll to the verdict
        job = re.search(r'data-job="([^"]+)"', text)
        assert job is not None
        try:
            polled = await client.get(f"/jobs/{job.group(1)}")
        except httpx.HTTPError:
            polled = None
        if polled is None or polled.status_code >= 500:
            failures += 1
            await asyncio.sleep(_backoff(min(failures, 5), rng))
            continue
        if polled.status_code != 200:
            tally.errors.append(f"poll {polled.status_code}")
            return
        text = polled.text
    if 'class="running"' in text:
        tally.errors.append("poll gave up")
        return
    tally.submit_ms.append((time.perf_counter() - started) * 1000)
    tally.accepted.add(marker)


def _drive(
    pipe: Any, url: str, learners: int, seconds: float, pace: str, solution: str, nice: int
) -> None:
    """The simulated learners (a process of its own): sign in, then the window.

    Sends ("start", seconds signing in) when the window opens, then (tally, timing)."""
    import httpx

    if nice:
        os.nice(nice)
    tally = Tally()
    timing: dict[str, float] = {}

    async def everyone() -> None:
        clients = [
            httpx.AsyncClient(base_url=url, timeout=60.0, follow_redirects=True)
            for _ in range(learners)
        ]
        gate = asyncio.Semaphore(8)
        signing = time.monotonic()
        tokens = await asyncio.gather(*(_sign_in(c, n, gate, tally) for n, c in enumerate(clients)))
        pipe.send(("start", time.monotonic() - signing))
        timing["start"] = time.monotonic()
        deadline = timing["start"] + seconds
        await asyncio.gather(
            *(
                _learner(n, c, t, deadline, tally, solution, pace)
                for n, (c, t) in enumerate(zip(clients, tokens, strict=True))
                if t is not None
            )
        )
        timing["end"] = time.monotonic()
        for c in clients:
            await c.aclose()

    asyncio.run(everyone())
    pipe.send((tally, timing))
    pipe.close()


def _tree_cpu(pid: int | None) -> float:
    """CPU seconds of a process and its descendants, the reaped ones included."""
    import psutil

    if pid is None:
        return 0.0
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for proc in procs:
        try:
            t = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


def _machine_busy() -> float:
    """CPU seconds every process of the machine has used (all cores), since boot."""
    import psutil

    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


class _Meter:
    """Cores used during the window: the clients, the server processes, the worker,
    PostgreSQL, and everything else on the machine (other agents)."""

    def __init__(self, client: int | None, server: int, worker: int | None, pg: int | None) -> None:
        self.pids = {"clients": client, "server": server, "worker": worker, "postgres": pg}
        self.before: dict[str, float] = {}
        self.started = 0.0

    def _snapshot(self) -> dict[str, float]:
        found = {name: _tree_cpu(pid) for name, pid in self.pids.items()}
        found["machine"] = _machine_busy()
        return found

    def start(self) -> None:
        self.before = self._snapshot()
        self.started = time.monotonic()
        self._done = threading.Event()
        self._seen: set[int] = set()
        self._watch = threading.Thread(target=self._watch_server, daemon=True)
        self._watch.start()

    def _watch_server(self) -> None:
        """Every server process seen in the window (uvicorn's supervisor replaces a
        child that misses its health check: its connections drop)."""
        import psutil

        while not self._done.wait(0.5):
            try:
                for child in psutil.Process(self.pids["server"]).children():
                    # uvicorn's workers, not multiprocessing's resource tracker
                    if "spawn_main" in " ".join(child.cmdline()):
                        self._seen.add(child.pid)
            except psutil.NoSuchProcess:
                return

    def stop(self) -> dict[str, float]:
        after = self._snapshot()
        seconds = time.monotonic() - self.started
        self._done.set()
        self._watch.join()
        used = {k: max(0.0, after[k] - self.before[k]) / seconds for k in after}
        used["others"] = max(0.0, used.pop("machine") - sum(used.values()))
        return used

    @property
    def server_processes(self) -> int:
        """Server processes seen in the window (more than --processes: some replaced)."""
        return len(self._seen)


def _drain(db: str) -> tuple[float, int]:
    """Wait until no submission is queued or running: (seconds waited, left over)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    started = time.monotonic()
    left = 0
    try:
        while time.monotonic() - started < DRAIN_LIMIT_S:
            with engine.connect() as conn:
                left = int(
                    conn.execute(
                        text("SELECT count(*) FROM submission WHERE state IN ('queued', 'running')")
                    ).scalar()
                    or 0
                )
            if not left:
                break
            time.sleep(1.0)
    finally:
        engine.dispose()
    return time.monotonic() - started, left


def _failed_markers(db: str) -> set[str]:
    """Markers of submissions the queue gave up on (state failed, with a reason)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    found: set[str] = set()
    with engine.connect() as conn:
        if conn.execute(text("SELECT to_regclass('submission')")).scalar() is not None:
            for (body,) in conn.execute(text("SELECT body FROM submission WHERE state = 'failed'")):
                found.update(re.findall(r"m[0-9a-f]{32}", body))
    engine.dispose()
    return found


def _count_markers(db: str, markers: set[str]) -> dict[str, int]:
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    counts = dict.fromkeys(markers, 0)
    with engine.connect() as conn:
        for (answer,) in conn.execute(text("SELECT answer FROM attempt")):
            for found in re.findall(r"m[0-9a-f]{32}", answer):
                if found in counts:
                    counts[found] += 1
    engine.dispose()
    return counts


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass
class Run:
    config: str
    learners: int
    elapsed: float
    tally: Tally
    counts: dict[str, int]
    load: tuple[float, float]  # one-minute load average before and after
    drain: tuple[float, int] = (0.0, 0)  # seconds the queue took to drain, left over
    failed: set[str] = field(default_factory=set)  # markers ended failed on the queue
    cpu: dict[str, float] = field(default_factory=dict)  # cores used in the window, by whom
    pace: str = "busy"


def _one_run(
    admin: str, config: str, args: argparse.Namespace, solution: str, pg_pid: int | None
) -> Run:
    setup, _, source = config.partition("@")
    judge_on, _, processes = setup.partition(":")
    src = args.src[source] if source else None
    load_before = os.getloadavg()[0]
    db = _database(admin)
    t0 = time.monotonic()
    _seed(db, args.learners)
    print(f"[{config}] seeded {args.learners} learners in {time.monotonic() - t0:.1f} s")
    home = Path(tempfile.mkdtemp(prefix="mlprep-load-"))
    proc = worker = None
    timing: dict[str, float] = {}
    try:
        proc, url = _serve(db, home, judge_on, int(processes or 1), src)
        if judge_on == "workers":
            worker = _worker(db, home, args.worker_jobs, src)
        time.sleep(3.0)  # the warm judge (or the worker) starts in the background

        # The learners run in a process of their own (at --client-nice), so the CPU
        # they take is measured apart from the server's, PostgreSQL's and the worker's.
        ctx = multiprocessing.get_context("fork")
        receiving, sending = ctx.Pipe(duplex=False)
        client = ctx.Process(
            target=_drive,
            args=(sending, url, args.learners, args.seconds, args.pace, solution, args.client_nice),
        )
        client.start()
        sending.close()
        meter = _Meter(client.pid, proc.pid, worker.pid if worker else None, pg_pid)
        message = receiving.recv()  # "start": the window opens
        timing["sign_in"] = message[1]
        meter.start()
        tally, window = receiving.recv()  # the window has closed
        cpu = meter.stop()
        print(f"[{config}] server processes seen in the window: {meter.server_processes}")
        client.join(60)
        timing.update(window)
        if worker is not None:  # what is still queued is judged before the worker stops
            timing["drain"], timing["left"] = _drain(db)
            print(
                f"[{config}] queue drained in {timing['drain']:.0f} s"
                + (f", {timing['left']:.0f} left" if timing["left"] else "")
            )
    finally:
        _stop(proc)
        _stop(worker)
    print(
        f"[{config}] sign-in of {args.learners} learners, 8 at a time: "
        f"{timing['sign_in']:.0f} s (p50 {_pct(tally.sign_in_ms, 0.5):.0f} ms each)"
    )
    counts = _count_markers(db, tally.tried)
    load = (load_before, os.getloadavg()[0])
    return Run(
        config,
        args.learners,
        timing["end"] - timing["start"],
        tally,
        counts,
        load,
        (timing.get("drain", 0.0), int(timing.get("left", 0))),
        _failed_markers(db) & tally.tried,
        cpu,
        args.pace,
    )


def _time(ms: float) -> str:
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.1f} s"


def _report(run: Run) -> str:
    """One table row (docs/benchmarks.md's columns)."""
    t, counts = run.tally, run.counts
    once = sum(1 for m in t.tried if counts[m] == 1)
    twice = sum(1 for m in t.tried if counts[m] > 1)
    # Lost: sent by a client, never recorded, and not ended "failed" with a reason.
    lost = sum(1 for m in t.tried if counts[m] == 0 and m not in run.failed)
    failed_pages = sum(1 for e in t.errors if e.startswith("page"))
    views = len(t.page_ms) + failed_pages
    return (
        f"| {run.config}, {run.pace} | {run.learners}, {run.elapsed:.0f} s | {len(t.page_ms)} | "
        f"{_time(_pct(t.page_ms, 0.5))} / {_time(_pct(t.page_ms, 0.95))} | "
        f"{len(t.tried)} / {len(t.accepted)} ({t.retries} resent, {t.resends} resends) | "
        f"{len(t.accepted) / run.elapsed:.2f} | "
        f"{_time(_pct(t.submit_ms, 0.5))} / {_time(_pct(t.submit_ms, 0.95))} | "
        f"{once} / {twice} / {lost} / {len(run.failed)} | {run.drain[0]:.0f} s | "
        f"{failed_pages} | "
        f"{t.cacheable / views if views else 0:.0%} | {run.load[0]:.1f} / {run.load[1]:.1f} | "
        + " / ".join(f"{run.cpu.get(k, 0.0):.2f}" for k in CPU_COLUMNS)
        + " |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument(
        "--configs",
        nargs="+",
        default=["here:1"],
        help="JUDGE:PROCESSES[@SRC] runs, one after the other (here:1 workers:1 workers:2)",
    )
    parser.add_argument("--worker-jobs", type=int, default=2, help="the worker's --concurrency")
    parser.add_argument(
        "--pace",
        choices=sorted(PACES),
        default="busy",
        help="learner profile: busy (an action every 2-6 s, 20%% submissions; the earlier "
        "figures) or paced (every 5-15 s, 10%% submissions)",
    )
    parser.add_argument(
        "--client-nice",
        type=int,
        default=0,
        metavar="N",
        help="run the simulated learners' process at this nice value (10: the server "
        "processes, PostgreSQL and the worker come first for the CPU)",
    )
    parser.add_argument(
        "--src",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="a source tree (its src folder) that configurations ending in @NAME run",
    )
    args = parser.parse_args()
    sources = {}
    for item in args.src:
        name, _, path = item.partition("=")
        if not name or not (Path(path) / "mlprep" / "__init__.py").is_file():
            raise SystemExit(f"bad --src '{item}': NAME=PATH, PATH a folder holding mlprep/")
        sources[name] = str(Path(path).resolve())
    args.src = sources
    for config in args.configs:
        setup, _, source = config.partition("@")
        judge, _, n = setup.partition(":")
        if judge not in ("here", "workers") or not n.isdigit() or (judge == "here" and n != "1"):
            raise SystemExit(f"bad configuration '{config}': here:1 or workers:N, then @NAME")
        if source and source not in sources:
            raise SystemExit(f"configuration '{config}' names no --src {source}=PATH")
    admin, cluster = _pg_admin_url()
    pg_pid = None
    if cluster is not None:
        pg_pid = int((cluster.data / "postmaster.pid").read_text().split()[0])
    solution = (REPO / "src/mlprep/bank/coding" / CODING / "solution.py").read_text()
    runs = []
    try:
        for config in args.configs:
            run = _one_run(admin, config, args, solution, pg_pid)
            runs.append(run)
            print(_report(run), flush=True)
            if run.tally.errors:
                kinds = Counter(run.tally.errors).most_common()
                print(f"[{config}] errors: " + "; ".join(f"{n} x {e}" for e, n in kinds))
    finally:
        if cluster is not None:
            cluster.stop()
    print(
        "\n| judge:processes, pace | learners, window | pages | page p50 / p95 | submissions "
        "sent / answered | answered per s | to the verdict p50 / p95 | recorded once / "
        "twice / lost / failed | queue drained in | failed page requests | cacheable views | "
        "load 1-min before / after | CPU cores in the window: " + " / ".join(CPU_COLUMNS) + " |"
    )
    print(
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    for run in runs:
        print(_report(run))


if __name__ == "__main__":
    main()
