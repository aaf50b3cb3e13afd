"""A question's page and its small actions: hints, the model answer, notes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from ._guard import BadRequest

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from mlprep.content import Question
    from mlprep.store import Draft, MockSession

    from ._context import WebApp

__all__ = ["question_context", "routes"]

ATTEMPTS_SHOWN = 50


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/q/{qid}", web.bind(question_page)),
        Route("/q/{qid}/hint", web.bind(hint), methods=["POST"]),
        Route("/q/{qid}/solution", web.bind(solution), methods=["POST"]),
        Route("/q/{qid}/rate", web.bind(rate), methods=["POST"]),
        Route("/q/{qid}/note", web.bind(note), methods=["POST"]),
        Route("/q/{qid}/draft", web.bind(draft), methods=["POST"]),
        Route("/q/{qid}/attempts/{aid:int}", web.bind(attempt_page)),
    ]


def draft_scope(mock: MockSession | None) -> str:
    """Drafts written inside a mock interview stay inside it."""
    return f"mock-{mock.id}" if mock is not None else "practice"


def question_context(
    web: WebApp, question: Question, mock: MockSession | None = None
) -> dict[str, Any]:
    """What a question page shows; inside a mock, only what happened in that mock."""
    core = web.core
    store = core.store
    attempts = store.attempts(learner=core.learner, question_id=question.id)
    if mock is not None:
        from ._team_learner import sealed

        # An interview shows no history: only what happened inside this mock; an
        # assessment without feedback before the end not even that.
        attempts = [] if sealed(web, mock.id) else [a for a in attempts if a.mock_id == mock.id]
    starter = question.read("starter.py") if question.is_coding else ""
    saved = store.draft(question.id, scope=draft_scope(mock), learner=core.learner)
    if saved is not None:
        text = saved.text
    elif question.is_coding and mock is None:
        last_code = next((a.answer for a in reversed(attempts) if a.kind == "coding"), None)
        text = last_code if last_code is not None else starter
    else:
        text = starter  # a mock starts from the starter code
    return {
        "starter": starter,
        "draft_saved_at": saved.updated_at if saved is not None else None,
        "q": question,
        "hints": core.hints(question.id, mock_id=mock.id if mock else None),
        "note": "" if mock else store.note(question.id, learner=core.learner),
        "attempts": attempts[::-1][:ATTEMPTS_SHOWN],
        "attempts_total": len(attempts),
        "draft": text,
        "mock": mock,
        "params": question.meta.coding.parameters if question.meta.coding else [],
    }


def question_page(web: WebApp, request: Request) -> Response:
    question = web.question(request.path_params["qid"])
    return web.render(request, "question.html", **question_context(web, question))


async def hint(web: WebApp, request: Request) -> Response:
    from ._answers import live_mock
    from ._team_learner import refuse_help

    question = web.question(request.path_params["qid"])
    form = await web.form(request)

    def reveal() -> Response:
        refuse_help(web, question.id)
        # Inside a running mock the hints are the mock's own (hints count per sitting).
        mock_id, _note = live_mock(web, form.get("mock", ""), question)
        hints = web.core.next_hint(question.id, mock_id=mock_id)
        mock = web.mock_row(mock_id) if mock_id is not None else None
        return web.fragment("_hints.html", q=question, hints=hints, mock=mock)

    return await run_in_threadpool(reveal)


async def solution(web: WebApp, request: Request) -> Response:
    from ._team_learner import refuse_help

    question = web.question(request.path_params["qid"])
    await web.form(request)

    def reveal() -> Response:
        refuse_help(web, question.id)
        web.core.reveal_solution(question.id)
        return web.fragment("_solution.html", q=question)

    return await run_in_threadpool(reveal)


async def rate(web: WebApp, request: Request) -> Response:
    """The learner's own rating of the written answer just graded (docs/practice.md)."""
    from mlprep.errors import UsageError

    question = web.question(request.path_params["qid"])
    form = await web.form(request)

    def write() -> Response:
        try:
            rated = web.core.rate(question.id, form.get("rating", ""))
        except UsageError as exc:
            raise BadRequest(409, str(exc)) from None
        return web.fragment("_rated.html", rated=rated)

    return await run_in_threadpool(write)


async def note(web: WebApp, request: Request) -> Response:
    question = web.question(request.path_params["qid"])
    form = await web.form(request)
    text = form.get("note", "")
    await run_in_threadpool(web.core.store.set_note, question.id, text, learner=web.core.learner)
    return web.fragment("_note_saved.html", saved_at=datetime.now().strftime("%H:%M:%S"))


async def draft(web: WebApp, request: Request) -> Response:
    """Autosave of the answer box as the learner types (one row per question and scope)."""
    from ._answers import live_mock

    question = web.question(request.path_params["qid"])
    form = await web.form(request)
    field = "source" if question.is_coding else "answer"
    if field not in form:
        raise BadRequest(400, f"A draft of this question is sent as '{field}'.")

    def save() -> Draft:
        mock_id, _note = live_mock(web, form.get("mock", ""), question)
        mock = web.mock_row(mock_id) if mock_id is not None else None
        return web.core.store.save_draft(
            question.id, form[field], draft_scope(mock), web.core.learner
        )

    row = await run_in_threadpool(save)
    saved = row.updated_at.astimezone().strftime("%H:%M:%S")
    return PlainTextResponse(f"Draft saved at {saved}.")


def attempt_page(web: WebApp, request: Request) -> Response:
    """One past submission: the code or answer as sent, and its verdict or grade."""
    from types import SimpleNamespace

    question = web.question(request.path_params["qid"])
    wanted = request.path_params["aid"]
    found = next(
        (
            a
            for a in web.core.store.attempts(learner=web.core.learner, question_id=question.id)
            if a.id == wanted
        ),
        None,
    )
    if found is None:
        raise HTTPException(404, f"There is no attempt {wanted} on this question.")
    from ._team_learner import sealed

    if sealed(web, found.mock_id):
        raise HTTPException(403, "Results are shown when the assessment ends.")
    doc = json.loads(found.result_json) if found.result_json else None
    result: Any = None
    try:
        if doc is not None and question.is_coding:
            from mlprep.judging import JudgeResult

            result = JudgeResult.from_dict(doc)
        elif doc is not None:
            from mlprep.grading import GradeReport

            fields = GradeReport.model_fields
            result = GradeReport.model_validate({k: v for k, v in doc.items() if k in fields})
    except ValueError:  # a result stored by an older version: show the answer alone
        result = None
    stub = SimpleNamespace(id=f"attempt-{found.id}", error=None, growth_state="none", growth=None)
    return web.render(request, "attempt.html", q=question, a=found, r=result, job=stub)
