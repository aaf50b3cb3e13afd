"""The dashboard: streaks, due counts, mastery, and the server-drawn SVG charts."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from starlette.routing import Route

from ._markup import activity_svg, bars_svg, lines_svg

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from ._context import WebApp

__all__ = ["routes"]


def routes(web: WebApp) -> list[Route]:
    return [Route("/progress", web.bind(progress))]


def progress(web: WebApp, request: Request) -> Response:
    data = web.core.progress().to_dict()
    today = datetime.fromisoformat(data["now"]).date()
    charts = {
        "mastery": lines_svg(data["history"]["days"], data["history"]["mastery"]),
        "activity": activity_svg(data["activity"], today),
        "mocks": bars_svg(
            [f"#{m['id']}" for m in data["mocks"]], [m["total"] for m in data["mocks"]]
        )
        if data["mocks"]
        else "",
    }
    return web.render(request, "progress.html", p=data, charts=charts)
