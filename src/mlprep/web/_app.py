"""The ASGI app: the shared request context (``WebApp``) and the route table.

Routes live in one module per area (``_catalogue``, ``_questions``, ``_answers``,
``_practice``, ``_mock``, ``_progress``, ``_settings``); each is a function
``async def handler(web, request)`` that parses the request, calls the core through
``web`` and renders a template. Judging runs in ``JudgeJobs`` off the event loop.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mlprep.errors import MlprepError, UnknownQuestion

from ._cache import PageCache, database_version
from ._guard import MAX_BODY_BYTES, ASGIApp, BadRequest, BodyLimit, CsrfTokens, read_form
from ._headers import SecurityHeaders
from ._jobs import JudgeJobs

if TYPE_CHECKING:
    from ._queued_jobs import QueuedJobs
from ._markup import CATEGORY_COLOURS
from ._names import Names

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from mlprep._core import Mlprep
    from mlprep.content import Question
    from mlprep.store import MockSession
    from mlprep.store._team_schema import Account

    from ._team_auth import TeamMode

__all__ = ["WebApp", "create_app"]

log = logging.getLogger("mlprep.web")
HERE = Path(__file__).parent
CATEGORIES = ("theory", "case-study", "applied", "system-design", "recsys", "coding")
DIFFICULTIES = ("easy", "medium", "hard")
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]

Handler = Callable[["WebApp", Request], Awaitable[Response]]

# Team mode: the account a request acts as, and the core over that account's learner
# row (set by ``_team_auth.TeamGate``; unset in solo mode and outside requests).
_acting: ContextVar[tuple[Account, Mlprep] | None] = ContextVar("mlprep_acting", default=None)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from ._literal import pasteable
    from ._markup import markdown

    env.filters["markdown"] = markdown
    env.filters["literal"] = pasteable
    env.filters["pct"] = lambda v: "–" if v is None else f"{float(v):.0%}"
    env.filters["ms"] = lambda v: "–" if v is None else f"{float(v):.1f} ms"
    env.filters["kb"] = _memory
    env.filters["label"] = lambda v: str(v).replace("_", " ").capitalize()
    env.globals["colours"] = CATEGORY_COLOURS
    env.globals["growth_reliable"] = _growth_reliable
    return env


class Answers:
    """What a repeated submission id got the first time (double submits record once)."""

    def __init__(self, size: int = 500) -> None:
        self._seen: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, submission: str) -> str | None:
        with self._lock:
            return self._seen.get(submission)

    def put(self, submission: str, html: str) -> None:
        with self._lock:
            self._seen[submission] = html
            while len(self._seen) > self._size:
                self._seen.popitem(last=False)


class WebApp:
    """The request context every route shares: the core, judge jobs, CSRF secret, settings.

    In team mode ``core`` is the core of the signed-in account (its own learner row
    over the shared bank and store) for the duration of a request, so a route that
    reads ``web.core`` cannot see another learner's data; ``account`` says who it is.
    """

    def __init__(
        self,
        core: Mlprep,
        *,
        warm_judge: bool = True,
        workers: int | None = None,
        allowed_hosts: list[str] | None = None,
        team: TeamMode | None = None,
        judge_on: str = "here",
    ) -> None:
        self._core = core
        self.team = team
        self.jobs: JudgeJobs | QueuedJobs
        if judge_on == "workers":
            from ._queued_jobs import QueuedJobs

            self.jobs = QueuedJobs(core)
        else:
            self.jobs = JudgeJobs(core, warm=warm_judge, workers=workers)
        self.csrf = CsrfTokens(team.csrf_for("") if team is not None else None)
        self.env = _environment()
        self.graded = Answers()
        self.core_lock = threading.Lock()
        self.allowed_hosts = allowed_hosts or LOOPBACK_HOSTS
        # The written-answer grader chosen in settings: this server process's in solo
        # mode; the team's (a row every server process reads) in team mode.
        self._grader = "default"

    @property
    def core(self) -> Mlprep:
        acting = _acting.get()
        return acting[1] if acting is not None else self._core

    @core.setter
    def core(self, value: Mlprep) -> None:
        self._core = value

    @property
    def grader(self) -> str:
        if self.team is not None:
            return self.team.accounts.grader()
        return self._grader

    @grader.setter
    def grader(self, name: str) -> None:
        if self.team is not None:
            self.team.accounts.set_grader(name)
        else:
            self._grader = name

    @property
    def account(self) -> Account | None:
        """The signed-in account (team mode), else None."""
        acting = _acting.get()
        return acting[0] if acting is not None else None

    @contextmanager
    def acting_as(self, account: Account, csrf_token: str) -> Iterator[None]:
        """Make the current request act as ``account`` (team mode)."""
        from mlprep._core import Mlprep
        from mlprep.team import learner_name

        base = self._core
        core = Mlprep(
            content=base.content_folders,
            db=base.db_target,
            learner=learner_name(account.id),
            bank=base.bank,
            store=base.store,
        )
        acting = _acting.set((account, core))
        csrf = self.csrf.bind(csrf_token)
        try:
            yield
        finally:
            self.csrf.unbind(csrf)
            _acting.reset(acting)

    @property
    def names(self) -> Names:
        return Names.of(self.core)

    # -- plumbing ------------------------------------------------------------------

    def render(self, request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        page = self.env.get_template(name).render(
            request=request,
            csrf=self.csrf.token,
            path=request.url.path,
            names=self.names,
            account=self.account,
            team=self.team is not None,
            **ctx,
        )
        return HTMLResponse(page, status_code=status)

    def fragment(self, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(csrf=self.csrf.token, names=self.names, **ctx)
        return HTMLResponse(html, status_code=status)

    async def form(self, request: Request) -> dict[str, str]:
        form = await read_form(request)
        if not self.csrf.check(request, form):
            if self.csrf.foreign(request, form):
                # Another site's request: its text is not the learner's, so it is not shown.
                raise BadRequest(
                    403, "This request came from another site, so it was not accepted."
                )
            raise BadRequest(
                403,
                "This form came from an earlier session of mlprep, so it was not accepted. "
                "Your text is kept: check it and send it again.",
                form=form,
            )
        return form

    def question(self, question_id: str) -> Question:
        try:
            return self.core.question(question_id)
        except UnknownQuestion:
            raise HTTPException(404, f"There is no question with the id '{question_id}'.") from None

    def require_coach(self) -> Account:
        """The signed-in coach; anyone else is refused (team pages)."""
        account = self.account
        if self.team is None or account is None:
            raise HTTPException(404, "There is no such page.")
        if account.role != "coach":
            raise HTTPException(403, "Only a coach can open this page.")
        return account

    def mock_row(self, mock_id: int) -> MockSession:
        for row in self.core.store.mocks(learner=self.core.learner):
            if row.id == mock_id:
                return row
        raise HTTPException(404, f"There is no mock interview number {mock_id}.")

    def page_version(self) -> Any:
        """What every GET page depends on besides the clock (see ``_cache``)."""
        store = self.core.store
        if store.engine.dialect.name != "sqlite" or self.team is not None:
            return None
        return (id(self.core), self.grader, database_version(store.engine.url.database))

    @staticmethod
    def hx(request: Request) -> bool:
        return request.headers.get("hx-request") == "true"

    def bind(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            return await handler(self, request)

        endpoint.__name__ = handler.__name__
        return endpoint

    # -- errors ----------------------------------------------------------------------

    async def on_bad_request(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BadRequest)
        return self.error_response(request, exc.status, exc.message, exc.form)

    async def on_http(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        messages = {
            404: "There is no such page.",
            405: "That address does not take this kind of request.",
        }
        detail = (
            exc.detail
            if exc.detail and exc.detail != _default_phrase(exc.status_code)
            else messages.get(exc.status_code, "The request was refused.")
        )
        return self.error_response(request, exc.status_code, str(detail), {})

    async def on_mlprep_error(self, request: Request, exc: Exception) -> Response:
        from mlprep.team import NotYours

        # Someone else's cohort or answer is "not found", like a page that is not there.
        status = 404 if isinstance(exc, UnknownQuestion | NotYours) else 400
        return self.error_response(request, status, str(exc), {})

    async def on_error(self, request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return self.error_response(
            request,
            500,
            f"mlprep hit a bug ({type(exc).__name__}); details are in the "
            "server's log. Your text is kept below.",
            {},
        )

    def error_response(
        self, request: Request, status: int, message: str, form: dict[str, str]
    ) -> Response:
        kept = {
            k: v
            for k, v in form.items()
            if k in ("source", "answer", "note", "custom_input") and v.strip()
        }
        if self.hx(request):
            return self.fragment(
                "_message.html", status=status, kind="error", message=message, kept=kept
            )
        return self.render(
            request, "error.html", status=status, status_code=status, message=message, kept=kept
        )


async def csrf_token(web: WebApp, request: Request) -> Response:
    """The current token, for a page opened before the server restarted (same origin only:
    another site cannot read this answer, and ``nosniff`` stops it loading as a script)."""
    return JSONResponse({"token": web.csrf.token}, headers={"cache-control": "no-store"})


def _memory(kb: int | None) -> str:
    if kb is None:
        return "–"
    return f"{kb} kB" if kb < 1024 else f"{kb / 1024:.1f} MB"


def _default_phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


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


def _growth_reliable(series: Any) -> bool:
    """The growth row shows an exponent only when its fit is reliable (docs/judge.md)."""
    from mlprep.judging import growth_reliable

    return series.exponent is not None and growth_reliable(series.times_ms, series.fit_r2)
