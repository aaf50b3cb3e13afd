"""The request context every route shares (``WebApp``).

Routes live in one module per area (``_catalogue``, ``_questions``, ``_answers``,
``_practice``, ``_mock``, ``_progress``, ``_settings``, ``_team_*``); each is a
function ``handler(web, request)`` that parses the request, calls the core through
``web`` and renders a template. Nothing that reads or writes the store runs on the
event loop: a page that only reads and renders is a plain ``def`` (run in the thread
pool, see ``WebApp.bind``); a handler that must await (a form body, a long poll) is
``async def`` and hands its store work to ``run_in_threadpool`` in one call, so a
write stays one transaction. Judging runs in ``JudgeJobs`` (or on workers). The app
and its route table are ``_app.create_app``.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, cast

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from mlprep.errors import UnknownQuestion

from ._cache import database_version
from ._guard import BadRequest, CsrfTokens, read_form
from ._jobs import JudgeJobs
from ._names import Names
from ._once import Answers
from ._templates import environment

if TYPE_CHECKING:
    from mlprep._core import Mlprep
    from mlprep.content import Question
    from mlprep.store import MockSession
    from mlprep.store._team_schema import Account

    from ._queued_jobs import QueuedJobs
    from ._team_auth import TeamMode

__all__ = ["CATEGORIES", "DIFFICULTIES", "WebApp"]

log = logging.getLogger("mlprep.web")
CATEGORIES = ("theory", "case-study", "applied", "system-design", "recsys", "coding")
DIFFICULTIES = ("easy", "medium", "hard")
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
Handler = Callable[["WebApp", Request], Awaitable[Response]]
SyncHandler = Callable[["WebApp", Request], Response]

# Team mode: the account a request acts as, and the core over that account's learner
# row (set by ``_team_auth.TeamGate``; unset in solo mode and outside requests).
_acting: ContextVar[tuple[Account, Mlprep] | None] = ContextVar("mlprep_acting", default=None)


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
        self.env = environment()
        self.graded = Answers()
        # Fragments that hold nothing of any learner (a question's catalogue cells),
        # rendered once per process: (kind, key) -> (what it was made from, html).
        self.static_html: dict[tuple[str, str], tuple[object, Markup]] = {}
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

    def bind(self, handler: Handler | SyncHandler) -> Callable[[Request], Awaitable[Response]]:
        """The route's endpoint: an ``async def`` handler runs on the event loop; a plain
        ``def`` handler (a page that only reads the store and renders) runs in
        Starlette's thread pool, as Starlette runs sync endpoints, so one slow query
        holds its own thread, not every request of the process. The request's
        context (the acting account, its CSRF token) goes with it into the thread."""
        if inspect.iscoroutinefunction(handler):

            async def endpoint(request: Request) -> Response:
                return await handler(self, request)  # type: ignore[misc]

        elif self.team is not None:
            # A team page's reads share one transaction: one pooled connection, one
            # health ping, one BEGIN and COMMIT, instead of one each per store call
            # (a question page made five round trips of each to PostgreSQL).
            sync = cast("SyncHandler", handler)

            def one_transaction(request: Request) -> Response:
                return self.core.store.atomically(lambda: sync(self, request))

            async def endpoint(request: Request) -> Response:
                response: Response = await run_in_threadpool(one_transaction, request)
                return response

        else:

            async def endpoint(request: Request) -> Response:
                response: Response = await run_in_threadpool(handler, self, request)
                return response

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


def _default_phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
