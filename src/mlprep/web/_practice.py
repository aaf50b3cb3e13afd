"""Practice: the queue, and a session that walks it one question at a time.

A session is its plan in the address (``/practice/session?ids=a,b,c&due=1&since=T&n=0``):
the question ids chosen when it started (due reviews first, then new questions, within
the time budget), how many of them are reviews, and when it started. Nothing is kept
on the server, so a session survives a restart; the summary reads the attempts made
since the start from the store.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse
from starlette.routing import Route

from ._context import CATEGORIES, DIFFICULTIES
from ._guard import BadRequest

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from ._context import WebApp

__all__ = ["routes"]

PRACTICE_SHOWN = 40


SESSION_MINUTES = 30
MAX_SESSION = 30


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/practice", web.bind(practice)),
        Route("/practice/session", web.bind(session)),
    ]


def _filters(params: object) -> tuple[str | None, str | None, int | None, str]:
    get = params.get  # type: ignore[attr-defined]
    category = get("category") or None
    difficulty = get("difficulty") or None
    minutes_text = get("minutes") or ""
    if category not in (None, *CATEGORIES) or difficulty not in (None, *DIFFICULTIES):
        raise BadRequest(400, "Unknown filter value.")
    try:
        minutes = int(minutes_text) if minutes_text else None
    except ValueError:
        raise BadRequest(400, "Minutes must be a whole number.") from None
    if minutes is not None and not 1 <= minutes <= 600:
        raise BadRequest(400, "Minutes must be between 1 and 600.")
    return category, difficulty, minutes, minutes_text


def practice(web: WebApp, request: Request) -> Response:
    params = request.query_params
    category, difficulty, minutes, minutes_text = _filters(params)
    core = web.core
    items = core.practice_queue(category=category, difficulty=difficulty, minutes=minutes)
    shown = items if params.get("all") == "1" else items[:PRACTICE_SHOWN]
    prereqs = {i.question.id: core.prerequisite_for(i.question.id) for i in shown if i.leech}
    return web.render(
        request,
        "practice.html",
        items=items,
        shown=shown,
        show_all_url="/practice?" + urlencode([*params.multi_items(), ("all", "1")]),
        prereqs=prereqs,
        filters={
            "category": category or "",
            "difficulty": difficulty or "",
            "minutes": minutes_text,
        },
        categories=CATEGORIES,
        difficulties=DIFFICULTIES,
    )


def session(web: WebApp, request: Request) -> Response:
    """Start a session (no ``ids`` yet), show its question ``n``, or its summary."""
    params = request.query_params
    core = web.core
    if "ids" not in params:
        category, difficulty, minutes, _text = _filters(params)
        items = core.practice_queue(
            category=category, difficulty=difficulty, minutes=minutes or SESSION_MINUTES
        )[:MAX_SESSION]
        if not items:
            raise BadRequest(400, "Nothing to practise with these filters.")
        plan = {
            "ids": ",".join(i.question.id for i in items),
            "due": str(sum(1 for i in items if i.reason == "due")),
            "since": str(int(time.time())),
            "n": "0",
        }
        return RedirectResponse("/practice/session?" + urlencode(plan), status_code=303)
    ids = [qid for qid in params.get("ids", "").split(",") if qid][:MAX_SESSION]
    try:
        due = int(params.get("due", "0"))
        since = datetime.fromtimestamp(int(params.get("since", "0")), UTC)
        n = int(params.get("n", "0"))
    except (ValueError, OverflowError, OSError):
        raise BadRequest(400, "This practice session's address is damaged.") from None
    if not ids or not 0 <= n <= len(ids):
        raise HTTPException(404, "There is no such step in this practice session.")
    base = {"ids": ",".join(ids), "due": str(due), "since": params.get("since", "0")}

    def step_url(k: int) -> str:
        return "/practice/session?" + urlencode({**base, "n": str(k)})

    if n == len(ids):
        return web.render(
            request,
            "practice_summary.html",
            rows=_summary(web, ids, due, since),
            again="/practice/session",
            minutes=_minutes_since(since),
        )
    from ._questions import question_context

    question = web.question(ids[n])
    return web.render(
        request,
        "practice_session.html",
        step=n,
        total=len(ids),
        reason="due review" if n < due else "new question",
        next_url=step_url(n + 1),
        back_url=step_url(n - 1) if n else None,
        end_url=step_url(len(ids)),
        **question_context(web, question),
    )


def _minutes_since(since: datetime) -> int:
    return max(0, round((datetime.now(UTC) - since).total_seconds() / 60))


def _summary(web: WebApp, ids: list[str], due: int, since: datetime) -> list[dict[str, Any]]:
    core = web.core
    attempts = [a for a in core.store.attempts(learner=core.learner) if a.created_at >= since]
    rows = []
    for k, qid in enumerate(ids):
        mine = [a for a in attempts if a.question_id == qid]
        scores = [a.score for a in mine if a.score is not None]
        rows.append(
            {
                "id": qid,
                "title": web.names.title(qid),
                "reason": "review" if k < due else "new",
                "attempts": len(mine),
                "best": max(scores) if scores else None,
                "verdict": mine[-1].verdict if mine else None,
                "answered": bool(mine),
            }
        )
    return rows
