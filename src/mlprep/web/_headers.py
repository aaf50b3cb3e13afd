"""Response headers every answer carries: a strict CSP, no framing, no sniffing.

The pages load only their own scripts (no inline script, no inline event handler),
so ``script-src 'self'`` holds; inline *styles* stay allowed because KaTeX,
CodeMirror and the category colours set them. Static files are cached: vendored
files for a day, our own script and stylesheet revalidated on every load (they
change with the package, and StaticFiles answers 304 when they have not).
"""

from __future__ import annotations

from ._guard import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CONTENT_SECURITY_POLICY", "SecurityHeaders"]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
_COMMON = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
VENDOR_CACHE = b"public, max-age=86400"
OWN_STATIC_CACHE = b"no-cache"


class SecurityHeaders:
    """Pure ASGI middleware adding the headers above to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        cache: bytes | None = None
        if path.startswith("/static/vendor/"):
            cache = VENDOR_CACHE
        elif path.startswith("/static/"):
            cache = OWN_STATIC_CACHE

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {name for name, _ in _COMMON}
                ]
                headers.extend(_COMMON)
                if cache is not None:
                    headers.append((b"cache-control", cache))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, add_headers)
