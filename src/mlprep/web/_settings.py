"""Settings: the content folders and the progress database of this server process."""

from __future__ import annotations

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

    from ._app import WebApp

__all__ = ["routes"]


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/settings", web.bind(settings)),
        Route("/settings", web.bind(settings_save), methods=["POST"]),
    ]


def settings_context(web: WebApp) -> dict[str, Any]:
    from mlprep.content import content_roots

    core = web.core
    return {
        "content_roots": content_roots(core.content_folders),
        "extra_content": "\n".join(str(p) for p in core.content_folders),
        "db_url": core.store.url,
        "bank_errors": [str(e) for e in core.bank.errors],
        "questions": len(core.bank),
    }


async def settings(web: WebApp, request: Request) -> Response:
    return web.render(request, "settings.html", **settings_context(web))


async def settings_save(web: WebApp, request: Request) -> Response:
    from mlprep._core import Mlprep

    form = await web.form(request)
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
        folder = Path(data_dir).expanduser()
        if not folder.is_dir():
            raise BadRequest(400, f"The data folder does not exist: {data_dir}")
        db = folder / "progress.db"

    def reopen() -> Mlprep:
        fresh = Mlprep(content=folders, db=db, learner=web.core.learner)
        fresh.bank  # noqa: B018 - load now, so errors show here rather than later
        fresh.store  # noqa: B018
        return fresh

    try:
        fresh = await run_in_threadpool(reopen)
    except MlprepError as exc:
        raise BadRequest(400, str(exc)) from None
    with web.core_lock:
        web.core = fresh
        web.jobs.core = fresh
    return web.render(request, "settings.html", saved=True, **settings_context(web))
