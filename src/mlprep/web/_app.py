"""The ASGI app: the route table, the middleware and the app's life (``create_app``).

The request context every route shares is ``_context.WebApp``; the routes live in
one module per area (``_catalogue``, ``_questions``, ``_answers``, ``_practice``,
``_mock``, ``_progress``, ``_settings``, ``_team_*``).
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mlprep.errors import MlprepError

from ._cache import PageCache
from ._context import WebApp
from ._guard import MAX_BODY_BYTES, ASGIApp, BadRequest, BodyLimit
from ._headers import SecurityHeaders
from ._templates import HERE

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from mlprep._core import Mlprep

__all__ = ["WebApp", "create_app"]

log = logging.getLogger("mlprep.web")
# Threads that run handlers at once in team mode: SQLAlchemy's pool (5, and 10 more
# under load) is what they share.
STORE_THREADS = 15


async def csrf_token(web: WebApp, request: Request) -> Response:
    """The current token, for a page opened before the server restarted (same origin only:
    another site cannot read this answer, and ``nosniff`` stops it loading as a script)."""
    return JSONResponse({"token": web.csrf.token}, headers={"cache-control": "no-store"})


def create_app(
    core: Mlprep,
    *,
    warm_judge: bool = True,
    workers: int | None = None,
    allowed_hosts: list[str] | None = None,
    team: bool = False,
    judge_on: str = "here",
) -> Starlette:
    """The web app over ``core``. ``warm_judge=False`` judges cold (slower; for tests).

    ``judge_on``: ``"here"`` judges in this process (threads over a warm sandbox);
    ``"workers"`` queues each submission for ``mlprep worker`` processes on the
    team's PostgreSQL (docs/judge-workers.md). Routes see one interface either way.

    ``team``: team mode (docs/team.md) over ``core``'s store, which ``mlprep team
    init`` has set up: every request signs in and acts as its account.
    """
    from . import _answers, _catalogue, _mock, _practice, _progress, _questions, _settings
    from ._team_auth import TeamGate, TeamMode

    mode = None
    if team:
        from mlprep.team import Accounts

        accounts = Accounts(core.store)
        mode = TeamMode(accounts, accounts.secret_key())
    web = WebApp(
        core,
        warm_judge=warm_judge,
        workers=workers,
        allowed_hosts=allowed_hosts,
        team=mode,
        judge_on=judge_on,
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if mode is not None:
            # Pages run in the thread pool and each holds a pooled connection while it
            # reads: more threads than connections would only queue for one (and fail
            # after the pool's 30 s timeout), so they queue here instead, for ever.
            import anyio.to_thread

            anyio.to_thread.current_default_thread_limiter().total_tokens = STORE_THREADS
        # Warm the judge in the background: the first pages must not wait for it.
        loop = asyncio.get_running_loop()
        warming = loop.run_in_executor(None, web.jobs.warm_up)
        try:
            yield
        finally:
            try:
                await asyncio.wait_for(asyncio.shield(warming), 10)
            except Exception:  # a failed warm-up already shows up when judging
                log.debug("warm-up did not finish cleanly", exc_info=True)
            web.jobs.close()

    routes: list[Route | Mount] = []
    for area in (_catalogue, _questions, _answers, _practice, _mock, _progress, _settings):
        routes.extend(area.routes(web))
    if mode is not None:
        from . import _team_auth, _team_coach, _team_learner

        for team_area in (_team_auth, _team_coach, _team_learner):
            routes.extend(team_area.routes(web))
    routes.append(Route("/csrf", web.bind(csrf_token)))
    routes.append(Mount("/static", StaticFiles(directory=HERE / "static"), name="static"))
    app = _Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(GZipMiddleware, minimum_size=500),
            Middleware(BodyLimit, limit=MAX_BODY_BYTES),
            Middleware(TrustedHostMiddleware, allowed_hosts=web.allowed_hosts),
            # Team mode caches no page: one learner's page is never another's.
            *([Middleware(PageCache, version=web.page_version)] if mode is None else []),
            Middleware(TeamGate, web=web),
        ],
        exception_handlers={
            BadRequest: web.on_bad_request,
            HTTPException: web.on_http,
            MlprepError: web.on_mlprep_error,
            Exception: web.on_error,
        },
    )
    app.state.web = web
    return app


class _Starlette(Starlette):
    """Starlette whose every answer, its 500 page included, carries SecurityHeaders.

    Starlette puts its server-error handler outside all user middleware, so a header
    middleware in the list never sees the 500 page; here it wraps the whole stack.
    """

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())
