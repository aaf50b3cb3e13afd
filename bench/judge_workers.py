"""Judge workers on a queue: throughput, queue-to-verdict times, and what queueing costs.

    .venv/bin/python bench/judge_workers.py [--submissions 120] [--workers 1,2,4]

Everything is on loopback and bounded: a throwaway PostgreSQL cluster (the one
tests/pg starts, or MLPREP_BENCH_PG_URL, an admin URL of a server you run), and
``mlprep worker --concurrency 1`` processes on this machine. For each worker count:

- burst: ``--submissions`` submissions queued at once; submissions per second from
  the first enqueue to the last verdict, and p50/p95 queue-to-verdict (long: they wait);
- paced: submissions arriving at half the measured burst rate; p50/p95 queue-to-verdict
  (what a learner waits when the workers keep up).

Then the cost of the queue against the in-process warm judge on the same sources
and seeds: the enqueue call (one transaction: the row and the job), the pick-up
(enqueue to a worker starting it) and queue-to-verdict with one idle worker.
The per-job cost printed here is what docs/judge-workers.md scales from.
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from team_load import _database, _pg_admin_url

REPO = Path(__file__).resolve().parents[1]
BANK = REPO / "src" / "mlprep" / "bank" / "coding"
QUESTIONS = ("ab-test-sample-size", "layer-norm-forward", "information-measures")
READY_TIMEOUT_S = 180
RUN_TIMEOUT_S = 900


def _pool() -> list[tuple[str, str]]:
    pool = []
    for qid in QUESTIONS:
        pool.append((qid, (BANK / qid / "solution.py").read_text()))
        for wrong in sorted((BANK / qid / "wrong").iterdir()):
            pool.append((qid, wrong.read_text()))
    return pool


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


class Bench:
    def __init__(self, admin_url: str, home: Path) -> None:
        self.admin_url = admin_url
        self.home = home
        self.processes: list[subprocess.Popen[bytes]] = []

    def fresh(self) -> tuple[str, Any, Any]:
        from mlprep._core import Mlprep
        from mlprep.workers import ensure_queue_schema, make_app

        url = _database(self.admin_url)
        core = Mlprep(db=url)
        core.store  # noqa: B018 - migrated
        ensure_queue_schema(url)
        return url, core, make_app(url)

    def start_workers(self, url: str, count: int) -> None:
        env = {**os.environ, "MLPREP_HOME": str(self.home)}
        for n in range(count):
            log = open(self.home / f"worker-{count}-{n}.log", "wb")  # noqa: SIM115
            self.processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "mlprep",
                        "worker",
                        "--db",
                        url,
                        "--concurrency",
                        "1",
                        "--heartbeat",
                        "2",
                        "--stall-timeout",
                        "10",
                        "--name",
                        f"b{count}-{n}",
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env=env,
                    cwd=REPO,
                )
            )

    def stop_workers(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()


def _enqueue(core: Any, app: Any, qid: str, source: str, seed: int) -> tuple[str, float]:
    from mlprep.workers import NewSubmission, enqueue

    t0 = time.perf_counter()
    sid, _ = enqueue(core.store, app, "bench", NewSubmission("judge", qid, source, seed=seed))
    return sid, (time.perf_counter() - t0) * 1000


def _rows(core: Any, ids: list[str]) -> list[Any]:
    from sqlalchemy import select

    from mlprep.store._queue_schema import Submission

    with core.store.transaction() as s:
        return list(s.scalars(select(Submission).where(Submission.id.in_(ids))))


def _wait_done(core: Any, ids: list[str], timeout: float) -> list[Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = _rows(core, ids)
        if all(r.state in ("done", "failed") for r in rows) and len(rows) == len(ids):
            return rows
        time.sleep(0.1)
    raise SystemExit(f"timed out: submissions still not judged after {timeout:.0f} s")


def _warm_up(core: Any, app: Any, count: int, pool: list[tuple[str, str]]) -> None:
    """One submission per worker, so every process has started before timing."""
    ids = [_enqueue(core, app, *pool[0], seed=1)[0] for _ in range(count * 2)]
    _wait_done(core, ids, READY_TIMEOUT_S)


def run_counts(bench: Bench, counts: list[int], submissions: int) -> list[dict[str, float]]:
    pool = _pool()
    out = []
    for count in counts:
        url, core, app = bench.fresh()
        bench.start_workers(url, count)
        try:
            _warm_up(core, app, count, pool)
            t0 = time.monotonic()
            ids = [
                _enqueue(core, app, *pool[n % len(pool)], seed=100 + n)[0]
                for n in range(submissions)
            ]
            rows = _wait_done(core, ids, RUN_TIMEOUT_S)
            last = max(r.finished_at for r in rows)
            first = min(r.created_at for r in rows)
            wall = (last - first).total_seconds()
            rate = len(rows) / wall
            burst_wait = [(r.finished_at - r.created_at).total_seconds() * 1000 for r in rows]
            job_ms = [(r.finished_at - r.started_at).total_seconds() * 1000 for r in rows]
            # Paced: arrivals at half the burst rate, so the workers keep up.
            paced_n = max(10, submissions // 3)
            gap = 2.0 / rate
            paced_ids = []
            for n in range(paced_n):
                paced_ids.append(_enqueue(core, app, *pool[n % len(pool)], seed=5000 + n)[0])
                time.sleep(gap)
            paced = _wait_done(core, paced_ids, RUN_TIMEOUT_S)
            paced_wait = [(r.finished_at - r.created_at).total_seconds() * 1000 for r in paced]
            out.append(
                {
                    "workers": count,
                    "per_s": rate,
                    "burst_p50": _pct(burst_wait, 0.5),
                    "burst_p95": _pct(burst_wait, 0.95),
                    "paced_p50": _pct(paced_wait, 0.5),
                    "paced_p95": _pct(paced_wait, 0.95),
                    "job_ms": statistics.mean(job_ms),
                    "seconds": time.monotonic() - t0,
                }
            )
            failed = [r.id for r in rows + paced if r.state != "done"]
            if failed:
                raise SystemExit(f"{len(failed)} submissions failed: {failed[:3]}")
        finally:
            bench.stop_workers()
            core.store.close()
    return out


def overhead(bench: Bench, samples: int) -> dict[str, float]:
    """The queue's cost against judging in this process, on the same sources and seeds."""
    from mlprep.judging import WarmJudge

    pool = _pool()
    url, core, app = bench.fresh()
    in_process = []
    with WarmJudge() as warm:
        warm.judge(core.question(pool[0][0]), pool[0][1], seed=1, measure=False)
        for n in range(samples):
            qid, source = pool[n % len(pool)]
            t0 = time.perf_counter()
            warm.judge(core.question(qid), source, seed=900 + n, measure=False)
            in_process.append((time.perf_counter() - t0) * 1000)
    bench.start_workers(url, 1)
    try:
        _warm_up(core, app, 1, pool)
        enqueue_ms, pickup_ms, verdict_ms = [], [], []
        for n in range(samples):
            qid, source = pool[n % len(pool)]
            sid, spent = _enqueue(core, app, qid, source, seed=900 + n)
            enqueue_ms.append(spent)
            (row,) = _wait_done(core, [sid], RUN_TIMEOUT_S)
            pickup_ms.append((row.started_at - row.created_at).total_seconds() * 1000)
            verdict_ms.append((row.finished_at - row.created_at).total_seconds() * 1000)
    finally:
        bench.stop_workers()
        core.store.close()
    return {
        "in_process_p50": _pct(in_process, 0.5),
        "in_process_p95": _pct(in_process, 0.95),
        "enqueue_p50": _pct(enqueue_ms, 0.5),
        "enqueue_p95": _pct(enqueue_ms, 0.95),
        "pickup_p50": _pct(pickup_ms, 0.5),
        "pickup_p95": _pct(pickup_ms, 0.95),
        "queued_p50": _pct(verdict_ms, 0.5),
        "queued_p95": _pct(verdict_ms, 0.95),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=120)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--samples", type=int, default=20, help="for the overhead table")
    args = parser.parse_args()
    counts = [int(c) for c in args.workers.split(",") if c.strip()]
    admin_url, cluster = _pg_admin_url()
    home = Path(tempfile.mkdtemp(prefix="mlprep-bench-workers-"))
    bench = Bench(admin_url, home)
    try:
        rows = run_counts(bench, counts, args.submissions)
        cost = overhead(bench, args.samples)
    finally:
        bench.stop_workers()
        if cluster is not None:
            cluster.stop()
    base = rows[0]["per_s"]
    print(
        f"\njudge workers on this machine ({os.cpu_count()} cores), "
        f"{args.submissions} submissions a burst"
    )
    print(
        f"{'workers':>7} {'subm/s':>7} {'vs 1':>5} {'burst p50':>10} {'burst p95':>10} "
        f"{'paced p50':>10} {'paced p95':>10} {'job ms':>7}"
    )
    for r in rows:
        print(
            f"{r['workers']:>7} {r['per_s']:>7.2f} {r['per_s'] / base:>5.2f} "
            f"{r['burst_p50']:>8.0f}ms {r['burst_p95']:>8.0f}ms "
            f"{r['paced_p50']:>8.0f}ms {r['paced_p95']:>8.0f}ms {r['job_ms']:>7.0f}"
        )
    print("\nthe queue against the in-process warm judge (ms, p50 / p95)")
    print(
        f"  in-process judge            {cost['in_process_p50']:>7.1f} / "
        f"{cost['in_process_p95']:.1f}"
    )
    print(f"  enqueue (row + job, 1 txn)  {cost['enqueue_p50']:>7.1f} / {cost['enqueue_p95']:.1f}")
    print(f"  enqueue to worker start     {cost['pickup_p50']:>7.1f} / {cost['pickup_p95']:.1f}")
    print(f"  enqueue to verdict          {cost['queued_p50']:>7.1f} / {cost['queued_p95']:.1f}")
    ratio = cost["queued_p50"] / cost["in_process_p50"]
    print(f"  queued / in-process (p50)   {ratio:>7.2f}x")


if __name__ == "__main__":
    main()
