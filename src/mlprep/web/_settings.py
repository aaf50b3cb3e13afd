"""Settings: the content folders, the progress database and the grader of this server.

In team mode only a coach opens them, the database URL is shown without its
password, and the folders and database are fixed by the command that started the
server (one learner must not move everyone's records).

Changes last for the running server (permanent ones are command-line options); in team
mode the grader is the team's, kept in the database so that every server process (and
the next start) grades with it. A data
folder is checked before switching: one that cannot hold a database gets a one-line
reason, and one without progress is named before the learner switches to it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from mlprep.errors import MlprepError

from ._guard import BadRequest

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from mlprep._core import Mlprep

    from ._context import WebApp

__all__ = ["routes"]


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/settings", web.bind(settings)),
        Route("/settings", web.bind(settings_save), methods=["POST"]),
        Route("/settings/grader", web.bind(grader_save), methods=["POST"]),
    ]


def settings_context(web: WebApp) -> dict[str, Any]:
    from mlprep.content import content_roots
    from mlprep.grading import available_graders
    from mlprep.store._target import where

    core = web.core
    return {
        "content_roots": content_roots(core.content_folders),
        "extra_content": "\n".join(str(p) for p in core.content_folders),
        "db_url": where(core.store.engine.url) if web.team else core.store.url,
        "bank_errors": [str(e) for e in core.bank.errors],
        "questions": len(core.bank),
        "graders": available_graders(),
        "grader": web.grader,
    }


def _coach_only(web: WebApp) -> None:
    if web.team is not None:
        web.require_coach()


def settings(web: WebApp, request: Request) -> Response:
    _coach_only(web)
    return web.render(request, "settings.html", **settings_context(web))


def unusable_reason(folder: Path) -> str | None:
    """Why ``folder`` cannot hold the progress database, in one line; None if it can."""
    if not folder.exists():
        return f"{folder} does not exist."
    if not folder.is_dir():
        return f"{folder} is a file, not a folder."
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        return f"mlprep cannot write in {folder} ({why.lower()})."
    database = folder / "progress.db"
    if database.exists() and not os.access(database, os.R_OK | os.W_OK):
        return f"mlprep cannot read and write {database}."
    return None


def has_progress(folder: Path) -> bool:
    database = folder / "progress.db"
    return database.is_file() and database.stat().st_size > 0


async def settings_save(web: WebApp, request: Request) -> Response:
    from mlprep._core import Mlprep

    _coach_only(web)
    form = await web.form(request)
    if web.team is not None:
        raise BadRequest(
            403, "A team server's content and database are set when it starts (mlprep serve)."
        )
    folders = [
        Path(line.strip()).expanduser()
        for line in form.get("content", "").splitlines()
        if line.strip()
    ]
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        raise BadRequest(400, "These content folders do not exist: " + ", ".join(missing))
    data_dir = form.get("data", "").strip()
    db: str | Path | None = web.core.db_target
    if data_dir:
        folder = Path(data_dir).expanduser().absolute()
        reason = unusable_reason(folder)
        if reason:
            raise BadRequest(400, f"That data folder cannot be used: {reason}")
        if not has_progress(folder) and form.get("confirm_empty") != str(folder):
            # Say so before switching: an empty folder means starting from nothing.
            return web.render(
                request,
                "settings.html",
                status=200,
                confirm_empty=str(folder),
                pending_content="\n".join(str(f) for f in folders),
                **settings_context(web),
            )
        db = folder / "progress.db"

    def reopen() -> Mlprep:
        fresh = Mlprep(content=folders, db=db, learner=web.core.learner)
        fresh.bank  # noqa: B018 - load now, so errors show here rather than later
        fresh.store  # noqa: B018
        return fresh

    try:
        fresh = await run_in_threadpool(reopen)
    except MlprepError as exc:
        raise BadRequest(400, str(exc).splitlines()[0]) from None
    except Exception as exc:  # a database driver's error: one line, not its traceback
        raise BadRequest(
            400, f"That data folder cannot be used: {type(exc).__name__} opening the database."
        ) from None
    with web.core_lock:
        web.core = fresh
        web.jobs.core = fresh
    return web.render(request, "settings.html", saved=True, **settings_context(web))


async def grader_save(web: WebApp, request: Request) -> Response:
    from mlprep.grading import available_graders, get_grader

    _coach_only(web)
    form = await web.form(request)
    name = form.get("grader", "")
    if name not in available_graders():
        raise BadRequest(400, f"There is no grader named '{name}'.")
    try:
        await run_in_threadpool(get_grader, name)  # load it now: a missing extra shows here
    except MlprepError as exc:
        raise BadRequest(400, str(exc).splitlines()[0]) from None

    def save() -> Response:
        web.grader = name
        return web.render(request, "settings.html", grader_saved=True, **settings_context(web))

    return await run_in_threadpool(save)
