"""Request hygiene: body size limit, strict form decoding, CSRF tokens, host checks.

The app serves one learner on loopback, so its threats are other web pages in the
same browser (cross-site form posts, DNS rebinding) and malformed requests. Every
rejection is a clear 4xx; nothing here can turn a bad request into a 500.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from contextvars import ContextVar, Token
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request

__all__ = [
    "MAX_BODY_BYTES",
    "BadRequest",
    "BodyLimit",
    "CsrfTokens",
    "read_form",
]

# A submission is source code or a written answer: 200 kB is far above any honest one.
MAX_BODY_BYTES = 200_000

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BadRequest(Exception):
    """A request the app refuses, with the status and the message shown to the learner."""

    def __init__(self, status: int, message: str, *, form: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.form = form or {}


class BodyLimit:
    """Answer 413 before reading more than ``limit`` bytes of a request body."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                await _plain(send, 400, "Bad Content-Length header.")
                return
            if too_big:
                await _plain(send, 413, _too_large(self.limit))
                return
        seen = 0
        started = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _Oversize
            return message

        try:
            await self.app(scope, counted_receive, guarded_send)
        except _Oversize:
            if not started:
                await _plain(send, 413, _too_large(self.limit))


class _Oversize(Exception):
    pass


def _too_large(limit: int) -> str:
    return f"That submission is too large: the limit is {limit // 1000} kB."


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def read_form(request: Request) -> dict[str, str]:
    """Decode a urlencoded form strictly: invalid UTF-8 is a 400, not mojibake."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/x-www-form-urlencoded", ""):
        raise BadRequest(415, "Forms must be sent as application/x-www-form-urlencoded.")
    body = await request.body()
    try:
        text = body.decode("ascii")
        pairs = parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(400, "The form is not valid UTF-8 text.") from None
    except ValueError:
        raise BadRequest(400, "The form could not be decoded.") from None
    form: dict[str, str] = {}
    for name, value in pairs:
        if "\x00" in value:
            raise BadRequest(400, "The form contains a NUL character.")
        form[name] = value.replace("\r\n", "\n")
    return form


class CsrfTokens:
    """One secret per server process, embedded in every page and required on every POST.

    Another site can make the browser send a POST here but cannot read our pages, so
    it cannot know the token. A form rendered by an earlier server process carries an
    old token: that is a stale form, answered with a fresh copy, not a silent loss.

    In team mode each signed-in session has its own token (``bind`` for the length of
    a request), so one learner's page cannot forge another's requests.
    """

    def __init__(self, server_token: str | None = None) -> None:
        # Team mode passes one derived from the team's key, so that the sign-in form
        # of one server process is accepted by another (several processes share a port).
        self._server_token = server_token or secrets.token_urlsafe(24)
        self._session: ContextVar[str | None] = ContextVar("mlprep_csrf", default=None)

    @property
    def token(self) -> str:
        return self._session.get() or self._server_token

    def bind(self, token: str) -> Token[str | None]:
        return self._session.set(token)

    def unbind(self, previous: Token[str | None]) -> None:
        self._session.reset(previous)

    def check(self, request: Request, form: dict[str, str]) -> bool:
        sent = request.headers.get("x-csrf-token") or form.get("csrf", "")
        return hmac.compare_digest(sent.encode(), self.token.encode())

    @staticmethod
    def foreign(request: Request, form: dict[str, str]) -> bool:
        """Whether a refused request came from another site rather than a stale page.

        Our pages always send a token, and browsers name the sending site in
        ``Sec-Fetch-Site`` and ``Origin``; a request without a token, or from another
        origin, is not the learner's text, so it is never shown back as theirs.
        """
        if not (request.headers.get("x-csrf-token") or form.get("csrf")):
            return True
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return True
        origin = request.headers.get("origin")
        if origin and origin != "null":
            host = origin.split("://", 1)[-1]
            return host != request.headers.get("host", "")
        return origin == "null"
