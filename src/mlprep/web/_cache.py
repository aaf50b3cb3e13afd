"""A response cache for GET pages, invalidated by any write to the progress database.

Pages are pure functions of the bank, the database and the clock. The database is
SQLite in WAL mode, so every committed write changes the ``-wal`` file (or, after a
checkpoint, the main file): their size and mtime, plus a coarse clock bucket for the
time-dependent parts (due reviews, streaks), make a version that is cheap to compute
and changes whenever a page could. Writes from the CLI or a notebook count too.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from ._guard import ASGIApp, Message, Receive, Scope, Send

__all__ = ["PageCache", "database_version"]

CLOCK_BUCKET_S = 30
MAX_ENTRIES = 256
MAX_BODY = 2_000_000


def database_version(path: str | None) -> Hashable:
    """Size and mtime of the database and its WAL file; None when not a file database."""
    if not path:
        return None
    stats: list[tuple[int, int] | None] = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
        except OSError:
            stats.append(None)
        else:
            stats.append((st.st_mtime_ns, st.st_size))
    return tuple(stats)


class PageCache:
    """Serve repeated GETs of unchanged pages from memory (pure ASGI middleware)."""

    def __init__(
        self,
        app: ASGIApp,
        version: Callable[[], Hashable],
        skip_prefixes: tuple[str, ...] = ("/jobs/",),
    ) -> None:
        self.app = app
        self.version = version
        self.skip = skip_prefixes
        self._entries: OrderedDict[Hashable, tuple[int, list[Any], bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self._inflight: dict[Hashable, asyncio.Event] = {}

    def _key(self, scope: Scope) -> Hashable | None:
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        path: str = scope["path"]
        if path.startswith(self.skip):
            return None
        headers = dict(scope.get("headers") or [])
        if b"range" in headers or b"if-none-match" in headers or b"if-modified-since" in headers:
            return None
        version = self.version()
        if version is None:
            return None
        return (
            path,
            scope.get("query_string", b""),
            headers.get(b"hx-request"),
            headers.get(b"hx-target"),
            version,
            int(time.time() // CLOCK_BUCKET_S),
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        hit = self._lookup(key)
        if hit is None and key in self._inflight:
            # Many clients missing at once (say, when the clock bucket turns) wait for one
            # render instead of each rendering the same page.
            await self._inflight[key].wait()
            hit = self._lookup(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": list(headers)})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message | None = None
        chunks: list[bytes] = []
        cacheable = True
        # Only a body sent to its end is kept: a client that leaves mid-transfer (a
        # navigation while a script downloads) ends the response early, and caching
        # that would serve a truncated file to everyone after.
        complete = False

        async def capture(message: Message) -> None:
            nonlocal start, cacheable, complete
            if message["type"] == "http.response.start":
                # A copy: outer middleware (gzip) edits the headers of the message it is sent.
                start = {**message, "headers": list(message.get("headers", []))}
                cacheable = message["status"] == 200
            elif message["type"] == "http.response.body" and cacheable:
                chunks.append(message.get("body", b""))
                if sum(len(c) for c in chunks) > MAX_BODY:
                    cacheable = False
                complete = not message.get("more_body", False)
            await send(message)

        rendered = self._inflight.setdefault(key, asyncio.Event())
        try:
            await self.app(scope, receive, capture)
            if start is not None and cacheable and complete:
                with self._lock:
                    self._entries[key] = (start["status"], list(start["headers"]), b"".join(chunks))
                    while len(self._entries) > MAX_ENTRIES:
                        self._entries.popitem(last=False)
        finally:
            rendered.set()
            if self._inflight.get(key) is rendered:
                del self._inflight[key]

    def _lookup(self, key: Hashable) -> tuple[int, list[Any], bytes] | None:
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                self._entries.move_to_end(key)
            return hit
