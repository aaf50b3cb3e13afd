"""A question's page and its small actions: hints, the model answer, notes."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from starlette.routing import Route

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from mlprep.content import Question
    from mlprep.store import MockSession

    from ._app import WebApp

__all__ = ["question_context", "routes"]


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/q/{qid}", web.bind(question_page)),
        Route("/q/{qid}/hint", web.bind(hint), methods=["POST"]),
        Route("/q/{qid}/solution", web.bind(solution), methods=["POST"]),
        Route("/q/{qid}/note", web.bind(note), methods=["POST"]),
    ]


def question_context(
    web: WebApp, question: Question, mock: MockSession | None = None
) -> dict[str, Any]:
    core = web.core
    store = core.store
    attempts = store.attempts(learner=core.learner, question_id=question.id)
    if question.is_coding:
        last_code = next((a.answer for a in reversed(attempts) if a.kind == "coding"), None)
        draft = last_code if last_code is not None else question.read("starter.py")
    else:
        draft = ""
    return {
        "q": question,
        "hints": core.hints(question.id),
        "note": store.note(question.id, learner=core.learner),
        "attempts": attempts[-5:][::-1],
        "draft": draft,
        "mock": mock,
        "params": question.meta.coding.parameters if question.meta.coding else [],
    }


async def question_page(web: WebApp, request: Request) -> Response:
    question = web.question(request.path_params["qid"])
    return web.render(request, "question.html", **question_context(web, question))


async def hint(web: WebApp, request: Request) -> Response:
    question = web.question(request.path_params["qid"])
    await web.form(request)
    hints = web.core.next_hint(question.id)
    return web.fragment("_hints.html", q=question, hints=hints)


async def solution(web: WebApp, request: Request) -> Response:
    question = web.question(request.path_params["qid"])
    await web.form(request)
    web.core.reveal_solution(question.id)
    return web.fragment("_solution.html", q=question)


async def note(web: WebApp, request: Request) -> Response:
    question = web.question(request.path_params["qid"])
    form = await web.form(request)
    text = form.get("note", "")
    web.core.store.set_note(question.id, text, learner=web.core.learner)
    return web.fragment("_note_saved.html", saved_at=datetime.now().strftime("%H:%M:%S"))
