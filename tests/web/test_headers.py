"""Response headers: CSP without inline script, no framing, static caching and gzip."""

from __future__ import annotations

import re

import pytest

from mlprep.web._headers import CONTENT_SECURITY_POLICY

from .conftest import CODING, WRITTEN, Browserless

PAGES = ["/", f"/q/{CODING}", f"/q/{WRITTEN}", "/practice", "/mock", "/progress", "/settings"]


@pytest.mark.parametrize("url", [*PAGES, "/nowhere", "/static/app.js"])
def test_every_answer_carries_the_security_headers(web: Browserless, url: str) -> None:
    response = web.client.get(url)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY  # no 'unsafe-inline' for scripts
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_no_inline_script(web: Browserless, url: str) -> None:
    html = web.page(url)
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag  # every script is a file the CSP allows
    assert re.search(r"\son[a-z]+\s*=", html) is None  # no inline event handlers
    assert "javascript:" not in html


def test_static_files_are_cached_and_compressed(web: Browserless) -> None:
    vendor = web.client.get("/static/vendor/editor.js", headers={"accept-encoding": "gzip"})
    assert vendor.status_code == 200
    assert vendor.headers["cache-control"] == "public, max-age=86400"
    assert vendor.headers["content-encoding"] == "gzip"
    own = web.client.get("/static/app.css", headers={"accept-encoding": "gzip"})
    assert own.headers["cache-control"] == "no-cache" and own.headers.get("etag")
    again = web.client.get("/static/app.css", headers={"if-none-match": own.headers["etag"]})
    assert again.status_code == 304
    page = web.client.get("/", headers={"accept-encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip"


def test_csrf_token_can_be_refreshed_by_the_page(web: Browserless) -> None:
    token = web.token()
    response = web.client.get("/csrf")
    assert response.json() == {"token": token}
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-type"] == "application/json"


def test_cached_pages_stay_valid_under_compression(web: Browserless) -> None:
    # The page cache sits inside gzip: a cached answer must not carry a stale encoding.
    for accept in ("gzip", "gzip", "identity", "gzip"):
        response = web.client.get("/progress", headers={"accept-encoding": accept})
        assert response.status_code == 200 and "<h1>Progress</h1>" in response.text


def test_a_response_cut_short_is_not_cached() -> None:
    """A client leaving mid-download must not leave a truncated file in the page cache."""
    import asyncio

    from mlprep.web._cache import PageCache

    calls = 0

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"part one ", "more_body": True})
        if calls == 1:
            return  # the client went away: the rest was never sent
        await send({"type": "http.response.body", "body": b"part two", "more_body": False})

    cache = PageCache(app, version=lambda: 1)
    scope = {"type": "http", "method": "GET", "path": "/static/app.js", "headers": []}

    async def fetch() -> bytes:
        body: list[bytes] = []

        async def send(message):  # type: ignore[no-untyped-def]
            if message["type"] == "http.response.body":
                body.append(message.get("body", b""))

        await cache(dict(scope), None, send)  # type: ignore[arg-type]
        return b"".join(body)

    assert asyncio.run(fetch()) == b"part one "
    assert asyncio.run(fetch()) == b"part one part two"  # rendered again, not the cut copy
    assert asyncio.run(fetch()) == b"part one part two" and calls == 2  # now cached


def test_the_500_page_carries_the_security_headers(core, monkeypatch) -> None:
    """Starlette answers a bug outside the middleware list: the headers must still be there."""
    from starlette.testclient import TestClient

    from mlprep.web import create_app

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(core, "progress", broken)
    app = create_app(core, workers=2)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        response = client.get("/progress")
    assert response.status_code == 500 and "mlprep hit a bug" in response.text
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-frame-options"] == "DENY"
