"""`mlprep worker`: judge and grade queued submissions (team mode on PostgreSQL)."""

from __future__ import annotations

import typer

from ._common import state


def worker_command(
    ctx: typer.Context,
    db: str = typer.Option(
        ...,
        "--db",
        envvar="MLPREP_WORKER_DB",
        help="The team's PostgreSQL database: postgresql+psycopg://user:password@host/db "
        "(or MLPREP_WORKER_DB).",
    ),
    concurrency: int = typer.Option(
        1, "--concurrency", help="Jobs at a time (one per core is the rule; 1 to 64)."
    ),
    queues: str = typer.Option(
        "judge,grade", "--queues", help="Which queues to take jobs from: judge, grade or both."
    ),
    heartbeat: float = typer.Option(
        5.0, "--heartbeat", help="Seconds between this worker's heartbeats."
    ),
    stall_timeout: float = typer.Option(
        30.0,
        "--stall-timeout",
        help="Seconds without a heartbeat after which a worker's jobs are given to another.",
    ),
    shutdown_timeout: float = typer.Option(
        30.0,
        "--shutdown-timeout",
        help="On SIGTERM/SIGINT, seconds to finish running jobs before releasing them.",
    ),
    max_tries: int = typer.Option(
        5, "--max-tries", help="Starts of one submission before it is marked failed."
    ),
    name: str | None = typer.Option(
        None, "--name", help="This worker's name in the database (default: host:pid)."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log every job."),
) -> None:
    """Take judge and grade jobs from the team database's queue until stopped."""
    import logging

    from mlprep._core import Mlprep
    from mlprep.store import Store
    from mlprep.workers import WorkerOptions, link_options, parse_queues, run_worker

    options = WorkerOptions(
        db=db,
        concurrency=concurrency,
        queues=parse_queues(queues),
        heartbeat_s=heartbeat,
        stall_timeout_s=stall_timeout,
        shutdown_timeout_s=shutdown_timeout,
        max_tries=max_tries,
        name=name,
    )
    options.check()
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("mlprep.workers").setLevel(logging.INFO)
    # Migrated (and its errors shown) before any job; link timeouts notice a cut link.
    store = Store(db, connect_args=link_options(db))
    core = Mlprep(content=state(ctx).content, db=db, store=store)
    raise typer.Exit(run_worker(options, core))


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_command)
