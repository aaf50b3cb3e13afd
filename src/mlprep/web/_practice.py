"""The practice queue: due reviews first, then new questions, within a time budget."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.routing import Route

from ._app import CATEGORIES, DIFFICULTIES
from ._guard import BadRequest

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from ._app import WebApp

__all__ = ["routes"]

PRACTICE_SHOWN = 40


def routes(web: WebApp) -> list[Route]:
    return [Route("/practice", web.bind(practice))]


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


async def practice(web: WebApp, request: Request) -> Response:
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
