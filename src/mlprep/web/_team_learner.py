"""A learner's side of team mode: their assignments, what is done and what is due."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse
from starlette.routing import Route

from mlprep.store import utcnow
from mlprep.team import Assignments
from mlprep.team._assignments import ASSESSMENT_TRACK

from ._guard import BadRequest

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from mlprep.store._team_schema import Account

    from ._context import WebApp

__all__ = ["refuse_help", "refuse_outside", "routes", "sealed"]


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/assignments", web.bind(assignments_page)),
        Route("/assignments/{aid:int}/start", web.bind(start_assessment), methods=["POST"]),
    ]


def _signed_in(web: WebApp) -> Account:
    account = web.account
    if account is None:  # the gate lets nobody through without an account
        raise HTTPException(404, "There is no such page.")
    return account


def assignments_page(web: WebApp, request: Request) -> Response:
    account = _signed_in(web)
    items = Assignments(web.core.store).for_learner(account)
    now = utcnow()
    titles = {q.id: q.title for q in web.core.bank}
    return web.render(request, "assignments.html", items=items, now=now, titles=titles)


async def start_assessment(web: WebApp, request: Request) -> Response:
    account = _signed_in(web)
    await web.form(request)
    # NotYours (not this learner's assignment) is a 404, other refusals a 400 (_app).
    mock_id = await run_in_threadpool(
        Assignments(web.core.store).start_assessment, account, request.path_params["aid"]
    )
    return RedirectResponse(f"/mock/{mock_id}", status_code=303)


# -- the rules of a running timed assessment --------------------------------------------


def _running_assessments(web: WebApp) -> list[dict[str, Any]]:
    """Plans of the signed-in learner's assessments still running (team mode only)."""
    if web.team is None or web.account is None:
        return []
    from datetime import timedelta

    now = utcnow()
    plans = []
    for row in web.core.store.mocks(learner=web.core.learner):
        if row.track != ASSESSMENT_TRACK or row.finished_at is not None:
            continue
        if now >= row.started_at + timedelta(minutes=row.minutes):
            continue
        plans.append({**json.loads(row.plan_json), "mock_id": row.id})
    return plans


def refuse_help(web: WebApp, question_id: str) -> None:
    """No hint or model answer for a question of a running assessment that allows none.

    Checked on every page, not only inside the assessment: the same question opened
    as practice in another tab must not give its hints away either.
    """
    for plan in _running_assessments(web):
        if question_id in plan["questions"] and not plan.get("hints_allowed", True):
            raise BadRequest(403, "Hints and the model answer are not allowed in this assessment.")


def refuse_outside(web: WebApp, question_id: str, mock_id: int | None) -> None:
    """No feedback elsewhere on a question of a running assessment that seals its results.

    Otherwise the same question answered as practice in another tab would give away
    what the assessment keeps for its end.
    """
    for plan in _running_assessments(web):
        if (
            question_id in plan["questions"]
            and not plan.get("feedback_before_end", True)
            and plan["mock_id"] != mock_id
        ):
            raise BadRequest(
                403, "This question is part of an assessment you are sitting: answer it there."
            )


def sealed(web: WebApp, mock_id: int | None) -> bool:
    """Whether answers in this mock get their result only when it ends."""
    if mock_id is None:
        return False
    return any(
        plan["mock_id"] == mock_id and not plan.get("feedback_before_end", True)
        for plan in _running_assessments(web)
    )
