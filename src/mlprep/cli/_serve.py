"""`mlprep serve`: the local web app on 127.0.0.1."""

from __future__ import annotations

from typing import Any

import typer

from ._common import state

LOOPBACK = ("127.0.0.1", "localhost", "::1")


WILDCARDS = ("0.0.0.0", "::", "")


def browser_url(host: str, port: int) -> str:
    """An address a browser on this machine can open: a wildcard bind (0.0.0.0, ::)
    is listened to on loopback too, but is no address to browse to."""
    if host in WILDCARDS:
        host = "127.0.0.1" if host != "::" else "::1"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def lan_urls(host: str, port: int) -> list[str]:
    """Where other machines reach a server bound to every interface (best effort)."""
    if host not in WILDCARDS:
        return []
    import socket

    try:
        names = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return []
    addresses = sorted({str(info[4][0]) for info in names} - {"127.0.0.1", "127.0.1.1"})
    return [f"http://{address}:{port}/" for address in addresses]


def serve_command(
    ctx: typer.Context,
    host: str = typer.Option(
        "127.0.0.1", "--host", help="Address to bind; anything but loopback exposes your progress."
    ),
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port (0 picks a free one)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser tab."),
    team: bool = typer.Option(
        False, "--team", help="Team mode: sign-in, cohorts, assignments (docs/team.md)."
    ),
    team_db: str | None = typer.Option(
        None,
        "--db",
        help="With --team: the team database (postgresql+psycopg://...; an SQLite file to try).",
    ),
    judge_on: str = typer.Option(
        "here",
        "--judge-on",
        help="here: judge in this process; workers: queue submissions for `mlprep worker` "
        "processes (team mode on PostgreSQL; docs/judge-workers.md).",
    ),
    processes: int = typer.Option(
        1,
        "--processes",
        min=1,
        max=64,
        help="With --team --judge-on workers: this many server processes share the port "
        "(uvicorn's workers; docs/team.md). Default 1.",
    ),
) -> None:
    """Start the web app: catalogue, editor and judge, grading, practice, mocks, progress."""
    import socket
    import threading
    import webbrowser

    import uvicorn

    from mlprep.errors import UsageError
    from mlprep.web import create_app

    core = state(ctx).core
    if team_db is not None and not team:
        raise UsageError(
            "serve --db names a team database: add --team (or use mlprep --db FILE serve)"
        )
    if judge_on not in ("here", "workers"):
        raise UsageError(f"unknown --judge-on '{judge_on}' (choose from here, workers)")
    if processes > 1 and (not team or judge_on != "workers"):
        raise UsageError(
            "--processes N needs --team --judge-on workers: judge jobs of the in-process "
            "judge live in one process's memory"
        )
    if team:
        core = _team_core(ctx, team_db)
    if judge_on == "workers":
        from mlprep.workers import require_postgres

        if not team:
            raise UsageError("--judge-on workers is for team mode: add --team --db postgresql+...")
        require_postgres(str(core.store.url))
    core.bank  # noqa: B018 - content errors surface before the server starts
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    bound_port = sock.getsockname()[1]
    url = browser_url(host, bound_port)
    allowed = None if host in LOOPBACK else ["*"]
    if allowed and not team:
        typer.echo(
            f"warning: listening on {host}: anyone who can reach it sees your progress", err=True
        )
    if processes > 1:
        others = lan_urls(host, bound_port)
        _serve_processes(core, sock, url, others, allowed, judge_on, processes, no_browser)
        return
    app = create_app(core, allowed_hosts=allowed, team=team, judge_on=judge_on)
    # Listening before the address is printed: a browser (or test) that connects while
    # the app still starts waits in the backlog instead of being refused.
    sock.listen(2048)
    typer.echo(f"mlprep is running at {url}  (Ctrl+C to stop)", err=False)
    for other in lan_urls(host, bound_port):
        typer.echo(f"  from other machines: {other}")
    if not no_browser:
        threading.Timer(0.8, lambda: webbrowser.open(url)).start()
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_keep_alive=KEEP_ALIVE_S if team else 5,  # 5: uvicorn's own default
    )
    server = uvicorn.Server(config)
    server.run(sockets=[sock])


# Seconds a server process may take to answer the supervisor's health check (above).
HEALTHCHECK_S = 20
# Seconds a team server keeps an idle connection open. uvicorn's 5 s is shorter than a
# learner's pause between two pages, so most pages opened a new connection, and a
# request sent on a connection just as the server closed it failed ("server
# disconnected"): the load bench's learners saw it several times a minute.
KEEP_ALIVE_S = 75


def _serve_processes(
    core: Any,
    sock: Any,
    url: str,
    others: list[str],
    allowed: list[str] | None,
    judge_on: str,
    processes: int,
    no_browser: bool,
) -> None:
    """Serve the team app from ``processes`` children of uvicorn's supervisor.

    The supervisor restarts a child that dies and stops them all on SIGINT/SIGTERM.
    Each child builds its app from the spec in the environment (``web._processes``).
    """
    import os
    import threading
    import webbrowser

    import uvicorn
    from uvicorn.config import STARTUP_FAILURE
    from uvicorn.supervisors import Multiprocess

    from mlprep.web._processes import ENV, ServeSpec

    spec = ServeSpec(
        db=core.store.url,
        content=[str(p) for p in core.content_folders],
        allowed_hosts=allowed,
        judge_on=judge_on,
    )
    core.store.close()  # the children open their own connections
    # Listen now: a browser that connects while the children are still starting waits in
    # the backlog instead of being refused.
    sock.listen(2048)
    os.environ[ENV] = spec.to_env()
    config = uvicorn.Config(
        "mlprep.web._processes:team_app",
        factory=True,
        workers=processes,
        log_level="warning",
        access_log=False,
        lifespan="on",
        # The supervisor kills and replaces a child that does not answer its health
        # check in time, dropping every connection the child holds. uvicorn's 5 s is
        # short for a child that is only busy (200 learners on 2 cores: its answering
        # thread waits for the CPU and the GIL): a precaution, the load bench has not seen
        # such a kill; a hung child is still replaced within 20 s. With 60 s a
        # child that could not start was reported after a minute (tests/workers).
        timeout_worker_healthcheck=HEALTHCHECK_S,
        timeout_keep_alive=KEEP_ALIVE_S,
    )
    typer.echo(f"mlprep is running at {url}  ({processes} processes; Ctrl+C to stop)")
    for other in others:
        typer.echo(f"  from other machines: {other}")
    if not no_browser:
        threading.Timer(0.8, lambda: webbrowser.open(url)).start()
    supervisor = Multiprocess(config, sockets=[sock])
    supervisor.run()
    if any(p.exitcode == STARTUP_FAILURE for p in supervisor.processes):
        # uvicorn stops every process when one cannot start (its error is logged above).
        typer.echo("error: a server process could not start (its error is above)", err=True)
        raise typer.Exit(1)


def _team_core(ctx: typer.Context, db: str | None) -> Any:
    """The core over a team database that ``mlprep team init`` has set up."""
    from mlprep._core import Mlprep
    from mlprep.errors import UsageError
    from mlprep.team import Accounts

    if db is None:
        raise UsageError("serve --team needs the team database: --db postgresql+psycopg://...")
    core = Mlprep(content=state(ctx).content, db=db)
    if not Accounts(core.store).initialised():
        raise UsageError(
            f"no team in that database yet: run `mlprep team init --db {db} ...` first"
        )
    if core.store.engine.dialect.name == "sqlite":
        typer.echo(
            "note: a team on SQLite is for trying team mode out; use PostgreSQL for a real "
            "team (docs/team.md)",
            err=True,
        )
    return core


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
