"""Team mode's front door: who is asking, sign-in and sign-out, one-time links.

``TeamGate`` runs before every route. It reads the session cookie (a random token,
signed with the team's key and dated by itsdangerous; HttpOnly, SameSite=Lax, and
Secure over HTTPS), finds the signed-in account in the database and makes the
request act as that account: ``web.core`` is then a core over the account's own
learner row, so every page, fragment and JSON answer reads only that learner's
attempts, notes, drafts and mocks. Nobody signed in: pages redirect to the sign-in
form and anything else is answered 401. The CSRF token becomes one per session.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.routing import Route

from mlprep.errors import UsageError
from mlprep.team import SESSION_HOURS, Accounts, SignInRefused

from ._guard import BadRequest

if TYPE_CHECKING:
    from starlette.responses import Response

    from mlprep.store._team_schema import Account

    from ._context import WebApp
    from ._guard import ASGIApp, Receive, Scope, Send

__all__ = ["COOKIE", "PUBLIC_PATHS", "TeamGate", "TeamMode", "routes"]

COOKIE = "mlprep_session"
# Reachable without signing in: the forms that sign in, and the static files.
PUBLIC_PATHS = ("/sign-in", "/welcome/", "/static/")


@dataclass
class TeamMode:
    """What the app knows in team mode: the accounts and the key that signs cookies."""

    accounts: Accounts
    key: str

    def signer(self) -> object:
        from itsdangerous import TimestampSigner

        return TimestampSigner(self.key, salt="mlprep-session")

    def cookie_value(self, token: str) -> str:
        signer = self.signer()
        return str(signer.sign(token).decode())  # type: ignore[attr-defined]

    def token_of(self, cookie: str) -> str | None:
        from itsdangerous import BadSignature

        try:
            value = self.signer().unsign(cookie, max_age=SESSION_HOURS * 3600)  # type: ignore[attr-defined]
        except BadSignature:
            return None
        return str(value.decode())

    def csrf_for(self, token: str) -> str:
        """One CSRF token per session, derived so that nothing more is stored.

        ``csrf_for("")`` is the token of the forms shown before signing in (sign-in,
        welcome links): the same in every server process, as a per-process random one
        would refuse a sign-in whose form another process rendered.
        """
        mac = hmac.new(self.key.encode(), b"csrf:" + token.encode(), hashlib.sha256)
        return mac.hexdigest()[:40]


def _public(path: str) -> bool:
    return path == "/sign-in" or any(path.startswith(p) for p in PUBLIC_PATHS[1:])


class TeamGate:
    """Pure ASGI middleware: sign-in required; the request acts as its account."""

    def __init__(self, app: ASGIApp, web: WebApp) -> None:
        self.app = app
        self.web = web

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        team = self.web.team
        if scope["type"] != "http" or team is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        token = team.token_of(request.cookies.get(COOKIE, ""))
        account = None
        if token is not None:
            account = await run_in_threadpool(team.accounts.session_account, token)
        if account is None or token is None:
            if _public(request.url.path):
                await self.app(scope, receive, send)
                return
            await _refuse(request, scope, receive, send)
            return
        with self.web.acting_as(account, team.csrf_for(token)):
            await self.app(scope, receive, send)


async def _refuse(request: Request, scope: Scope, receive: Receive, send: Send) -> None:
    wants_page = request.method == "GET" and "text/html" in request.headers.get("accept", "")
    response: Response
    if wants_page and request.headers.get("hx-request") != "true":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        response = RedirectResponse(f"/sign-in?next={quote(target)}", status_code=303)
    else:
        response = PlainTextResponse("Sign in first.", status_code=401)
    await response(scope, receive, send)


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/sign-in", web.bind(sign_in_page)),
        Route("/sign-in", web.bind(sign_in), methods=["POST"]),
        Route("/sign-out", web.bind(sign_out), methods=["POST"]),
        Route("/welcome/{token}", web.bind(welcome_page)),
        Route("/welcome/{token}", web.bind(welcome), methods=["POST"]),
    ]


def _team(web: WebApp) -> TeamMode:
    if web.team is None:
        raise BadRequest(404, "There is no such page.")
    return web.team


def _next(value: str) -> str:
    """Where to go after signing in: only a path on this site."""
    return value if value.startswith("/") and not value.startswith("//") else "/"


async def sign_in_page(web: WebApp, request: Request) -> Response:
    _team(web)
    if web.account is not None:
        return RedirectResponse("/", status_code=303)
    return web.render(request, "sign_in.html", next=_next(request.query_params.get("next", "/")))


async def sign_in(web: WebApp, request: Request) -> Response:
    team = _team(web)
    form = await web.form(request)
    address = request.client.host if request.client else "unknown"
    target = _next(form.get("next", "/"))
    try:
        account, token = await run_in_threadpool(
            team.accounts.sign_in, form.get("login", ""), form.get("password", ""), address
        )
    except SignInRefused as exc:
        status = 429 if exc.throttled else 401
        return web.render(
            request,
            "sign_in.html",
            status=status,
            error=str(exc),
            login=form.get("login", ""),
            next=target,
        )
    return _signed_in(request, team, token, target, account)


def _signed_in(
    request: Request, team: TeamMode, token: str, target: str, account: Account
) -> Response:
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        COOKIE,
        team.cookie_value(token),
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    return response


async def sign_out(web: WebApp, request: Request) -> Response:
    team = _team(web)
    await web.form(request)
    token = team.token_of(request.cookies.get(COOKIE, ""))
    if token is not None:
        await run_in_threadpool(team.accounts.sign_out, token)
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax")
    return response


async def welcome_page(web: WebApp, request: Request) -> Response:
    team = _team(web)
    account = await run_in_threadpool(team.accounts.link_account, request.path_params["token"])
    if account is None:
        return web.render(
            request,
            "welcome.html",
            status=410,
            error="This link has expired or was already used; ask your coach for a new one.",
        )
    return web.render(request, "welcome.html", person=account)


async def welcome(web: WebApp, request: Request) -> Response:
    team = _team(web)
    form = await web.form(request)
    link = request.path_params["token"]
    account = await run_in_threadpool(team.accounts.link_account, link)
    if account is None:
        return web.render(
            request,
            "welcome.html",
            status=410,
            error="This link has expired or was already used; ask your coach for a new one.",
        )
    password = form.get("password", "")
    if password != form.get("again", ""):
        return web.render(
            request,
            "welcome.html",
            status=400,
            person=account,
            error="The two passwords differ: type the same one twice.",
        )
    try:
        await run_in_threadpool(team.accounts.use_link, link, password)
        account, token = await run_in_threadpool(
            team.accounts.sign_in,
            account.email,
            password,
            request.client.host if request.client else "unknown",
        )
    except UsageError as exc:
        return web.render(request, "welcome.html", status=400, person=account, error=str(exc))
    return _signed_in(request, team, token, "/", account)
