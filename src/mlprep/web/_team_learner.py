"""A learner's side of team mode: their assignments, what is done and what is due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse
from starlette.routing import Route

from mlprep.store import utcnow
from mlprep.team import Assignments

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from mlprep.store._team_schema import Account

    from ._app import WebApp

__all__ = ["routes"]


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/assignments", web.bind(assignments_page)),
        Route("/assignments/{aid:int}/start", web.bind(start_assessment), methods=["POST"]),
    ]


def _signed_in(web: WebApp) -> Account:
    account = web.account
    if account is None:  # the gate lets nobody through without an account
        raise HTTPException(404, "There is no such page.")
    return account


async def assignments_page(web: WebApp, request: Request) -> Response:
    account = _signed_in(web)
    items = await run_in_threadpool(Assignments(web.core.store).for_learner, account)
    now = utcnow()
    titles = {q.id: q.title for q in web.core.bank}
    return web.render(request, "assignments.html", items=items, now=now, titles=titles)


async def start_assessment(web: WebApp, request: Request) -> Response:
    account = _signed_in(web)
    await web.form(request)
    # NotYours (not this learner's assignment) is a 404, other refusals a 400 (_app).
    mock_id = await run_in_threadpool(
        Assignments(web.core.store).start_assessment, account, request.path_params["aid"]
    )
    return RedirectResponse(f"/mock/{mock_id}", status_code=303)
