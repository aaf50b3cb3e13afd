"""A coach's side of team mode: cohorts, invitations, assignments, the gradebook.

Every handler starts from ``web.require_coach()`` and reaches a cohort, a learner
or an answer only through ``Cohorts.require_coach`` / ``learner_in`` (the core's
checks), so another coach's cohort is a 404 like a page that does not exist.
Pages are plain ``def`` handlers (the thread pool); a form's handler reads the form
on the event loop, then does its checks and its one write in a thread.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mlprep.team import (
    Accounts,
    Assignments,
    AssignmentSpec,
    Cohorts,
    gradebook,
    gradebook_csv,
    learner_name,
    override_grade,
    overrides_export,
    question_stats,
    resolve_questions,
)

from ._guard import BadRequest

if TYPE_CHECKING:
    from starlette.requests import Request

    from mlprep.team._accounts import Link

    from ._context import WebApp

__all__ = ["routes"]


def routes(web: WebApp) -> list[Route]:
    c = "/team/cohorts/{cid:int}"
    return [
        Route("/team", web.bind(home)),
        Route("/team/cohorts", web.bind(create_cohort), methods=["POST"]),
        Route(c, web.bind(cohort_page)),
        Route(c + "/invite", web.bind(invite), methods=["POST"]),
        Route(c + "/assignments", web.bind(create_assignment), methods=["POST"]),
        Route(c + "/gradebook", web.bind(gradebook_page)),
        Route(c + "/gradebook.csv", web.bind(gradebook_export)),
        Route(c + "/learners/{aid:int}", web.bind(learner_page)),
        Route(c + "/learners/{aid:int}/reset", web.bind(reset_link), methods=["POST"]),
        Route("/team/attempts/{attempt_id:int}/override", web.bind(override), methods=["POST"]),
        Route("/team/overrides.jsonl", web.bind(overrides_download)),
    ]


def home(web: WebApp, request: Request) -> Response:
    coach = web.require_coach()
    cohorts = Cohorts(web.core.store).of(coach, role="coach")
    return web.render(request, "team_home.html", cohorts=cohorts)


async def create_cohort(web: WebApp, request: Request) -> Response:
    coach = web.require_coach()
    form = await web.form(request)
    cohort = await run_in_threadpool(Cohorts(web.core.store).create, form.get("name", ""), coach)
    return RedirectResponse(f"/team/cohorts/{cohort.id}", status_code=303)


def cohort_page(web: WebApp, request: Request) -> Response:
    coach = web.require_coach()
    cohorts = Cohorts(web.core.store)
    cohort = cohorts.require_coach(coach, request.path_params["cid"])
    from ._context import CATEGORIES, DIFFICULTIES

    return web.render(
        request,
        "team_cohort.html",
        cohort=cohort,
        learners=cohorts.members(cohort.id),
        coaches=cohorts.members(cohort.id, role="coach"),
        assignments=Assignments(web.core.store).of_cohort(cohort.id),
        categories=CATEGORIES,
        difficulties=DIFFICULTIES,
        loads=json.loads,
    )


def _link_page(web: WebApp, request: Request, link: Link, cohort_id: int) -> Response:
    url = str(request.base_url).rstrip("/") + link.path()
    return web.render(request, "team_link.html", link=link, url=url, cohort_id=cohort_id)


async def invite(web: WebApp, request: Request) -> Response:
    coach = web.require_coach()
    form = await web.form(request)
    cid = request.path_params["cid"]
    invited = await run_in_threadpool(
        Cohorts(web.core.store).invite, cid, form.get("email", ""), form.get("name", ""), coach
    )
    if invited.link is None:
        return RedirectResponse(f"/team/cohorts/{cid}", status_code=303)
    return _link_page(web, request, invited.link, cid)


async def reset_link(web: WebApp, request: Request) -> Response:
    coach = web.require_coach()
    await web.form(request)
    cid, aid = request.path_params["cid"], request.path_params["aid"]

    def issue() -> Link:
        cohorts = Cohorts(web.core.store)
        cohorts.require_coach(coach, cid)
        learner = cohorts.learner_in(coach, aid)
        return Accounts(web.core.store).issue_link(learner.id, "reset", created_by=coach.id)

    link = await run_in_threadpool(issue)
    return _link_page(web, request, link, cid)


def _words(value: str) -> tuple[str, ...]:
    return tuple(w for w in value.replace(",", " ").split() if w)


def _when(value: str, label: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadRequest(
            400, f"The {label} date is not a date and time (2026-03-02T09:00)."
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _number(value: str, label: str) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise BadRequest(400, f"The {label} must be a whole number.") from None


async def create_assignment(web: WebApp, request: Request) -> Response:
    from ._context import CATEGORIES, DIFFICULTIES

    coach = web.require_coach()
    form = await web.form(request)
    cid = request.path_params["cid"]
    await run_in_threadpool(Cohorts(web.core.store).require_coach, coach, cid)
    categories, difficulties = (
        _words(form.get("categories", "")),
        _words(form.get("difficulty", "")),
    )
    for value, known in ((categories, CATEGORIES), (difficulties, DIFFICULTIES)):
        unknown = [v for v in value if v not in known]
        if unknown:
            raise BadRequest(
                400, f"Unknown: {', '.join(unknown)} (choose from {', '.join(known)})."
            )
    spec = AssignmentSpec(
        title=form.get("title", ""),
        opens_at=_when(form.get("opens", ""), "opening"),
        due_at=_when(form.get("due", ""), "due"),
        ids=_words(form.get("ids", "")),
        keys=_words(form.get("keys", "")),
        categories=categories,
        difficulties=difficulties,
        limit=_number(form.get("limit", ""), "number of questions"),
        time_limit_min=_number(form.get("time_limit", ""), "time limit"),
        hints_allowed=form.get("hints") == "on",
        feedback_before_end=form.get("feedback") == "on",
    )
    ids = resolve_questions(web.core.bank, spec)
    await run_in_threadpool(Assignments(web.core.store).create, cid, spec, ids, coach)
    return RedirectResponse(f"/team/cohorts/{cid}", status_code=303)


def gradebook_page(web: WebApp, request: Request) -> Response:
    coach = web.require_coach()
    cid = request.path_params["cid"]
    book = gradebook(web.core.store, coach, cid, web.core.bank)
    return web.render(
        request, "team_gradebook.html", book=book, cohort_id=cid, stats=question_stats(book)
    )


def gradebook_export(web: WebApp, request: Request) -> Response:
    coach = web.require_coach()
    cid = request.path_params["cid"]
    book = gradebook(web.core.store, coach, cid, web.core.bank)
    return Response(
        gradebook_csv(book),
        media_type="text/csv; charset=utf-8",
        headers={
            "content-disposition": f'attachment; filename="gradebook-{cid}.csv"',
            "cache-control": "no-store",
        },
    )


def learner_page(web: WebApp, request: Request) -> Response:
    """Drill-down: one learner's attempts and answers at the cohort's assigned questions."""
    coach = web.require_coach()
    cid, aid = request.path_params["cid"], request.path_params["aid"]
    cohorts = Cohorts(web.core.store)
    cohorts.require_coach(coach, cid)
    learner = cohorts.learner_in(coach, aid)
    book = gradebook(web.core.store, coach, cid, web.core.bank)
    if learner.id not in {a.id for a in book.learners}:
        raise HTTPException(404, "That learner is not in this cohort.")
    cells = [(qid, book.cell(learner, qid)) for qid in book.questions]
    return web.render(
        request,
        "team_learner.html",
        learner=learner,
        cohort_id=cid,
        cells=cells,
        loads=json.loads,
        learner_row=learner_name(learner.id),
    )


async def override(web: WebApp, request: Request) -> Response:
    coach = web.require_coach()
    form = await web.form(request)
    try:
        score = float(form.get("score", ""))
    except ValueError:
        raise BadRequest(400, "The grade must be a number from 0 to 1.") from None
    await run_in_threadpool(
        override_grade,
        web.core.store,
        coach,
        request.path_params["attempt_id"],
        score,
        form.get("reason", ""),
    )
    back = form.get("back", "/team")
    return RedirectResponse(back if back.startswith("/team/") else "/team", status_code=303)


def overrides_download(web: WebApp, request: Request) -> Response:
    coach = web.require_coach()
    rows = overrides_export(web.core.store, coach)
    body = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return Response(
        body,
        media_type="application/x-ndjson; charset=utf-8",
        headers={
            "content-disposition": 'attachment; filename="grade-overrides.jsonl"',
            "cache-control": "no-store",
        },
    )
