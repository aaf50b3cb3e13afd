"""Mock interviews: start one, answer its questions against the clock, the scorecard."""

from __future__ import annotations

import json
from datetime import UTC
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse
from starlette.routing import Route

from ._guard import BadRequest
from ._questions import question_context

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from ._context import WebApp

__all__ = ["routes"]


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/mock", web.bind(mock_home)),
        Route("/mock", web.bind(mock_start), methods=["POST"]),
        Route("/mock/{mock_id}", web.bind(mock_page)),
        Route("/mock/{mock_id}/finish", web.bind(mock_finish), methods=["POST"]),
    ]


def mock_home(web: WebApp, request: Request) -> Response:
    from mlprep.study import TRACKS

    mocks = web.core.store.mocks(learner=web.core.learner)[::-1]
    return web.render(
        request,
        "mock_home.html",
        tracks=list(TRACKS),
        mocks=mocks,
        cards={m.id: json.loads(m.scorecard_json) for m in mocks if m.scorecard_json},
    )


async def mock_start(web: WebApp, request: Request) -> Response:
    from mlprep.study import TRACKS

    form = await web.form(request)
    track = form.get("track", "")
    if track not in TRACKS:
        raise BadRequest(400, f"Unknown track '{track}'.")
    try:
        minutes = int(form.get("minutes", "45"))
    except ValueError:
        raise BadRequest(400, "Minutes must be a whole number.") from None
    if not 5 <= minutes <= 240:
        raise BadRequest(400, "A mock interview lasts 5 to 240 minutes.")
    # A double click on "Start" must not open two interviews.
    submission = form.get("submission", "")

    async def start() -> str:
        row, _plan = await run_in_threadpool(web.core.start_mock, track, minutes)
        return f"/mock/{row.id}"

    url = await (web.graded.once("mock:" + submission, start) if submission else start())
    return RedirectResponse(url, status_code=303)


def mock_page(web: WebApp, request: Request) -> Response:
    row = web.mock_row(_int_param(request.path_params["mock_id"]))
    plan = json.loads(row.plan_json)
    questions = [web.core.bank.questions.get(qid) for qid in plan["questions"]]
    if row.finished_at is not None:
        card = json.loads(row.scorecard_json) if row.scorecard_json else None
        return web.render(request, "mock_scorecard.html", mock=row, card=card)
    try:
        index = int(request.query_params.get("n", "0"))
    except ValueError:
        index = 0
    index = max(0, min(index, len(questions) - 1))
    current = questions[index]
    answered = {
        a.question_id
        for a in web.core.store.attempts(learner=web.core.learner)
        if a.mock_id == row.id
    }
    ctx = question_context(web, current, mock=row) if current else {"mock": row}
    ends_at = row.started_at.replace(tzinfo=row.started_at.tzinfo or UTC).timestamp() + (
        row.minutes * 60
    )
    return web.render(
        request,
        "mock.html",
        questions=questions,
        index=index,
        answered=answered,
        ends_at=int(ends_at),
        **ctx,
    )


async def mock_finish(web: WebApp, request: Request) -> Response:
    mock_id = _int_param(request.path_params["mock_id"])
    row = await run_in_threadpool(web.mock_row, mock_id)
    await web.form(request)
    if row.finished_at is None:  # finishing twice keeps the first scorecard
        await run_in_threadpool(web.core.finish_mock, row.id)
    return RedirectResponse(f"/mock/{row.id}", status_code=303)


def _int_param(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise HTTPException(404, "There is no such mock interview.") from None
