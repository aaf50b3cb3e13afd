"""The catalogue: every question, filtered in place (htmx) and by address."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from starlette.routing import Route

from ._context import CATEGORIES, DIFFICULTIES
from ._guard import BadRequest
from ._status import STATUSES, question_statuses

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from mlprep.content import Question

    from ._context import WebApp

__all__ = ["routes"]


def routes(web: WebApp) -> list[Route]:
    return [Route("/", web.bind(catalogue))]


def catalogue(web: WebApp, request: Request) -> Response:
    # A plain def: it reads the store, so it runs in the thread pool (WebApp.bind).
    params = request.query_params
    category = params.get("category") or None
    difficulty = params.get("difficulty") or None
    key = (params.get("key") or "").strip() or None
    status = params.get("status") or None
    kind = params.get("kind") or None
    search = (params.get("q") or "").strip()
    if (
        category not in (None, *CATEGORIES)
        or difficulty not in (None, *DIFFICULTIES)
        or (status not in (None, *STATUSES))
        or kind not in (None, "coding", "written")
    ):
        raise BadRequest(400, "Unknown filter value.")
    core = web.core
    questions = core.questions(category=category, difficulty=difficulty, key=key, kind=kind)
    statuses = question_statuses(core)
    if status:
        questions = [q for q in questions if statuses.get(q.id, "new") == status]
    if search:
        names = web.names
        words = search.lower().split()
        questions = [q for q in questions if all(w in _haystack(q, names) for w in words)]
    ctx: dict[str, Any] = {
        "questions": questions,
        "statuses": statuses,
        "total": len(core.bank),
        "filters": {
            "category": category or "",
            "difficulty": difficulty or "",
            "key": key or "",
            "status": status or "",
            "kind": kind or "",
            "q": search,
        },
        "categories": CATEGORIES,
        "difficulties": DIFFICULTIES,
        "status_names": STATUSES,
        "row": lambda question: row_cells(web, question),
    }
    if web.hx(request) and request.headers.get("hx-target") == "results":
        return web.fragment("_catalogue_rows.html", **ctx)
    return web.render(request, "catalogue.html", **ctx)


def row_cells(web: WebApp, question: Question) -> Markup:
    """A question's catalogue cells but its status, rendered once per question object.

    They hold nothing of the learner (title, category, difficulty, kind, topic names,
    minutes), so every learner's catalogue shares them; the status cell, the one
    that is the learner's, is rendered per request. Rendering the whole bank's rows
    on every request was most of the page's time (docs/benchmarks.md)."""
    kept = web.static_html.get(("catalogue-row", question.id))
    if kept is not None and kept[0] is question:
        return kept[1]
    html = Markup(web.env.get_template("_catalogue_cells.html").render(q=question, names=web.names))
    web.static_html[("catalogue-row", question.id)] = (question, html)
    return html


def _haystack(question: Question, names: Any) -> str:
    return " ".join(
        [
            question.id,
            question.title,
            *question.meta.tags,
            *question.covers,
            *(names.topic(k) for k in question.covers),
            question.category.value,
        ]
    ).lower()
