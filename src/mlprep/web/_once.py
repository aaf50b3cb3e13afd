"""Double submits record once: a repeated submission id gets the first one's answer."""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable

__all__ = ["Answers"]


class Answers:
    """What a repeated submission id got the first time (double submits record once).

    ``once`` also covers a repeat that arrives while the first is still being worked
    on (a client whose request timed out sends it again): it waits for the first
    one's answer instead of grading, and recording, the same answer a second time.
    One server process judges in process, so this process sees every repeat.
    """

    def __init__(self, size: int = 500) -> None:
        self._seen: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size
        self._running: dict[str, asyncio.Future[None]] = {}

    async def once(self, submission: str, work: Callable[[], Awaitable[str]]) -> str:
        """``work()``'s answer for ``submission``, run at most once at a time and kept."""
        while (seen := self.get(submission)) is None:
            running = self._running.get(submission)
            if running is None:
                break
            await asyncio.wait({running})  # then: its answer, or (it failed) our turn
        if seen is not None:
            return seen
        finished: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._running[submission] = finished
        try:
            answer = await work()
            self.put(submission, answer)
            return answer
        finally:
            del self._running[submission]
            finished.set_result(None)

    def get(self, submission: str) -> str | None:
        with self._lock:
            return self._seen.get(submission)

    def put(self, submission: str, html: str) -> None:
        with self._lock:
            self._seen[submission] = html
            while len(self._seen) > self._size:
                self._seen.popitem(last=False)
