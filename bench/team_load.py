"""Team mode under load: simulated learners against `mlprep serve --team` and PostgreSQL.

    .venv/bin/python bench/team_load.py [--learners 200] [--seconds 120]
        [--configs here:1 workers:1 workers:2] [--worker-jobs 2]

Everything is on loopback: a throwaway PostgreSQL cluster (the one tests/pg starts,
or MLPREP_BENCH_PG_URL, an admin URL of a server you run), the server, and the
learners as asyncio tasks with their own cookies. Each configuration (``JUDGE:N``:
``here`` judges in the server process, ``workers`` queues for one `mlprep worker`
taking ``--worker-jobs`` jobs at a time; N server processes, ``--processes``) gets
a fresh database and server, one after the other, so the rows printed at the end
come from one run on one machine. Each learner signs in, then until the time is up
browses (catalogue, assignments, a question, progress) with a few seconds of
thinking between pages and now and then submits a written answer or code, polled to
its verdict. Every submission carries a unique marker; at the end the database must
hold each one the server accepted exactly once (a failed request is retried once
with the same submission id, which must not record it twice). Prints p50/p95 page
times, submissions per second, the exactly-once check, the load average, and how
many page views a per-account page cache could at most have served (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "load test password"
WRITTEN, CODING = "bias-variance", "mse-mae"
PAGES = ["/", "/assignments", f"/q/{WRITTEN}", f"/q/{CODING}", "/progress"]
CACHE_BUCKET_S = 30  # the clock bucket of solo mode's page cache (web/_cache.py)
POLL_LIMIT_S = 600
ANSWER = (
    "Bias is the error of wrong assumptions and variance the sensitivity to the sample; "
    "more capacity lowers bias and raises variance, so choose it on validation error. "
)


@dataclass
class Tally:
    page_ms: list[float] = field(default_factory=list)
    sign_in_ms: list[float] = field(default_factory=list)
    submit_ms: list[float] = field(default_factory=list)
    accepted: set[str] = field(default_factory=set)  # markers the server took
    tried: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    retries: int = 0
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


def _serve(db: str, home: Path, judge_on: str, processes: int) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "MLPREP_HOME": str(home)}
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


def _worker(db: str, home: Path, jobs: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MLPREP_HOME": str(home)}
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
    n: int, client: Any, token: str, deadline: float, tally: Tally, solution: str
) -> None:
    import httpx

    rng = random.Random(n)
    seen: dict[str, int] = {}  # path -> clock bucket of its last view since a write
    await asyncio.sleep(rng.uniform(0, 6))  # not all at once
    while time.monotonic() < deadline:
        if rng.random() < 0.2:
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
                tally.errors.append(f"page {type(exc).__name__}")
                continue
            tally.page_ms.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                tally.errors.append(f"page {response.status_code}")
        await asyncio.sleep(rng.uniform(2.0, 6.0))  # reading, thinking, typing


async def _submit(client: Any, token: str, rng: random.Random, tally: Tally, solution: str) -> None:
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
    for attempt in range(2):  # one retry, with the same submission id
        try:
            response = await client.post(url, data=form)
            break
        except httpx.HTTPError:
            tally.retries += attempt == 0
    if response is None or response.status_code != 200:
        tally.errors.append(f"submit {getattr(response, 'status_code', 'timeout')}")
        return
    text = response.text
    give_up = time.monotonic() + POLL_LIMIT_S
    while 'class="running"' in text and time.monotonic() < give_up:  # poll to the verdict
        job = re.search(r'data-job="([^"]+)"', text)
        assert job is not None
        try:
            polled = await client.get(f"/jobs/{job.group(1)}")
        except httpx.HTTPError:
            continue
        if polled.status_code != 200:
            tally.errors.append(f"poll {polled.status_code}")
            return
        text = polled.text
    tally.submit_ms.append((time.perf_counter() - started) * 1000)
    tally.accepted.add(marker)


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


def _one_run(admin: str, config: str, args: argparse.Namespace, solution: str) -> Run:
    judge_on, _, processes = config.partition(":")
    load_before = os.getloadavg()[0]
    db = _database(admin)
    t0 = time.monotonic()
    _seed(db, args.learners)
    print(f"[{config}] seeded {args.learners} learners in {time.monotonic() - t0:.1f} s")
    home = Path(tempfile.mkdtemp(prefix="mlprep-load-"))
    proc = worker = None
    tally = Tally()
    timing: dict[str, float] = {}
    try:
        proc, url = _serve(db, home, judge_on, int(processes or 1))
        if judge_on == "workers":
            worker = _worker(db, home, args.worker_jobs)
        time.sleep(3.0)  # the warm judge (or the worker) starts in the background

        async def everyone() -> None:
            import httpx

            clients = [
                httpx.AsyncClient(base_url=url, timeout=60.0, follow_redirects=True)
                for _ in range(args.learners)
            ]
            gate = asyncio.Semaphore(8)
            signing = time.monotonic()
            tokens = await asyncio.gather(
                *(_sign_in(c, n, gate, tally) for n, c in enumerate(clients))
            )
            timing["sign_in"] = time.monotonic() - signing
            timing["start"] = time.monotonic()
            deadline = timing["start"] + args.seconds
            await asyncio.gather(
                *(
                    _learner(n, c, t, deadline, tally, solution)
                    for n, (c, t) in enumerate(zip(clients, tokens, strict=True))
                    if t is not None
                )
            )
            timing["end"] = time.monotonic()
            for c in clients:
                await c.aclose()

        asyncio.run(everyone())
    finally:
        _stop(proc)
        _stop(worker)
    print(
        f"[{config}] sign-in of {args.learners} learners, 8 at a time: "
        f"{timing['sign_in']:.0f} s (p50 {_pct(tally.sign_in_ms, 0.5):.0f} ms each)"
    )
    counts = _count_markers(db, tally.tried)
    load = (load_before, os.getloadavg()[0])
    return Run(config, args.learners, timing["end"] - timing["start"], tally, counts, load)


def _report(run: Run) -> str:
    """One table row (docs/benchmarks.md's columns)."""
    t, counts = run.tally, run.counts
    once = sum(1 for m in t.tried if counts[m] == 1)
    twice = sum(1 for m in t.tried if counts[m] > 1)
    lost = sum(1 for m in t.accepted if counts[m] == 0)
    failed_pages = sum(1 for e in t.errors if e.startswith("page"))
    views = len(t.page_ms) + failed_pages
    return (
        f"| {run.config} | {run.learners}, {run.elapsed:.0f} s | {len(t.page_ms)} | "
        f"{_pct(t.page_ms, 0.5) / 1000:.1f} s / {_pct(t.page_ms, 0.95) / 1000:.1f} s | "
        f"{len(t.accepted)} / {len(t.tried)} ({t.retries} retried) | "
        f"{len(t.accepted) / run.elapsed:.2f} | "
        f"{_pct(t.submit_ms, 0.5) / 1000:.1f} s / {_pct(t.submit_ms, 0.95) / 1000:.1f} s | "
        f"{once} of {len(t.tried)} ({twice} twice, {lost} lost) | {failed_pages} | "
        f"{t.cacheable / views if views else 0:.0%} | {run.load[0]:.1f} / {run.load[1]:.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument(
        "--configs",
        nargs="+",
        default=["here:1"],
        help="JUDGE:PROCESSES runs, one after the other (here:1 workers:1 workers:2)",
    )
    parser.add_argument("--worker-jobs", type=int, default=2, help="the worker's --concurrency")
    args = parser.parse_args()
    for config in args.configs:
        judge, _, n = config.partition(":")
        if judge not in ("here", "workers") or not n.isdigit() or (judge == "here" and n != "1"):
            raise SystemExit(f"bad configuration '{config}': here:1 or workers:N")
    admin, cluster = _pg_admin_url()
    solution = (REPO / "src/mlprep/bank/coding" / CODING / "solution.py").read_text()
    runs = []
    try:
        for config in args.configs:
            run = _one_run(admin, config, args, solution)
            runs.append(run)
            print(_report(run), flush=True)
            if run.tally.errors:
                print(f"[{config}] errors: {sorted(set(run.tally.errors))[:6]}")
    finally:
        if cluster is not None:
            cluster.stop()
    print(
        "\n| judge:processes | learners, window | pages | page p50 / p95 | submissions "
        "answered / sent | per s | to the verdict p50 / p95 | recorded exactly once | "
        "failed page requests | cacheable views | load 1-min before / after |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        print(_report(run))


if __name__ == "__main__":
    main()
