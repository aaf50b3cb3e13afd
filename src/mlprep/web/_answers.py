"""Answers: Run and Submit of code (judge jobs, polled) and grading of written answers."""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import time
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from ._guard import BadRequest

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from mlprep.content import Question

    from ._context import WebApp

__all__ = ["routes"]

MAX_CUSTOM_INPUT = 20_000
# How long a submit request waits for its verdict before answering "running" instead.
VERDICT_WAIT_S = 0.8
# How long a poll for a running job waits for it to finish before answering (the page
# asks again 0.2 s later): fewer round trips for an answer that waits in a queue.
POLL_WAIT_S = 2.0
SEALED_MESSAGE = "Submitted and recorded. Results are shown when the assessment ends."


def routes(web: WebApp) -> list[Route]:
    return [
        Route("/q/{qid}/{mode:str}", web.bind(answer), methods=["POST"]),
        Route("/jobs/{job_id}.json", web.bind(job_json)),
        Route("/jobs/{job_id}/growth", web.bind(job_growth)),
        Route("/jobs/{job_id}", web.bind(job)),
    ]


async def answer(web: WebApp, request: Request) -> Response:
    """Run or submit code (a job), or grade a written answer (inline).

    Every store read and write runs in the thread pool: the checks of a running
    mock or assessment, the enqueue (the submission and its job, one transaction),
    the inline grading (the attempt and its review, one transaction) and the
    fragment's reads. Only the waits for a verdict stay on the event loop.
    """
    question = web.question(request.path_params["qid"])
    form = await web.form(request)
    mode = request.path_params["mode"]
    if mode not in ("run", "submit"):
        raise HTTPException(404, "There is no such page.")
    submission = form.get("submission", "")
    time_spent = _elapsed(form.get("opened", ""))
    from ._team_learner import refuse_outside, sealed

    def rules() -> tuple[int | None, str, bool]:
        mock_id, mock_note = live_mock(web, form.get("mock", ""), question)
        refuse_outside(web, question.id, mock_id)
        # An assessment that shows results only at its end hides them here.
        return mock_id, mock_note, sealed(web, mock_id)

    mock_id, mock_note, hide = await run_in_threadpool(rules)
    if mode == "submit":
        from mlprep.study import not_attempted

        # Not an answer: nothing is judged or recorded (no attempt, no review).
        field = "source" if question.is_coding else "answer"
        reason = not_attempted(question, form.get(field, ""))
        if reason is not None:
            raise BadRequest(400, f"Not attempted: {reason}.")
    if question.is_coding:
        source = form.get("source", "")
        if not source.strip():
            raise BadRequest(400, "The editor is empty: write your solution first.")
        custom = None
        if mode == "run":
            custom = _parse_custom_input(form.get("custom_input", ""), question)
        job, _new = await run_in_threadpool(
            functools.partial(
                web.jobs.submit,
                question.id,
                source,
                mode="submit" if mode == "submit" else "run",
                submission=_dedupe_key(submission, mode, source, form.get("custom_input", "")),
                custom_args=custom,
                time_spent_s=time_spent,
                mock_id=mock_id,
                core=web.core,
                sealed=hide,
            )
        )
        # A quick verdict comes back in this response; a slow one shows as running.
        await web.jobs.wait(job, VERDICT_WAIT_S, lambda j: j.done)
        return await run_in_threadpool(job_fragment, web, job.id, mock_note)
    if mode != "submit":
        raise BadRequest(400, "Written answers are submitted, not run.")
    text = form.get("answer", "")
    if not text.strip():
        raise BadRequest(400, "The answer box is empty: write your answer first.")
    submission = _dedupe_key(submission, "grade", web.core.learner, text)
    if web.jobs.queues_grading:  # team mode on workers: graded by the grade queue
        job, _new = await run_in_threadpool(
            functools.partial(
                web.jobs.submit_grade,
                question.id,
                text,
                grader=web.grader,
                submission=submission,
                time_spent_s=time_spent,
                mock_id=mock_id,
                core=web.core,
                sealed=hide,
            )
        )
        await web.jobs.wait(job, VERDICT_WAIT_S, lambda j: j.done)
        return await run_in_threadpool(job_fragment, web, job.id, mock_note)

    def grade_inline() -> str:
        report = web.core.grade(
            question.id,
            text,
            grader=web.grader,
            origin="web",
            time_spent_s=time_spent,
            mock_id=mock_id,
        )
        if hide:
            return web.fragment("_message.html", kind="ok", message=SEALED_MESSAGE).body.decode()
        return web.env.get_template("_grade.html").render(
            q=question, report=report, note=mock_note, rate=mock_id is None
        )

    if not submission:
        return HTMLResponse(await run_in_threadpool(grade_inline))
    return HTMLResponse(await web.graded.once(submission, lambda: run_in_threadpool(grade_inline)))


def live_mock(web: WebApp, value: str, question: Question) -> tuple[int | None, str]:
    """The mock id an answer belongs to, if that mock is still running."""
    if not value:
        return None, ""
    try:
        row = web.mock_row(int(value))
    except (ValueError, HTTPException):
        return None, "That mock interview no longer exists: saved as ordinary practice."
    if row.finished_at is not None:
        return None, "That mock interview had already finished: saved as ordinary practice."
    if question.id not in json.loads(row.plan_json)["questions"]:
        return None, "This question is not part of that mock: saved as ordinary practice."
    from datetime import timedelta

    from mlprep.store import utcnow
    from mlprep.team._assignments import ASSESSMENT_TRACK

    # A timed assessment ends at its time limit, Finish pressed or not: from then on its
    # hints and results are no longer held back, so a later answer is not part of it.
    if row.track == ASSESSMENT_TRACK and utcnow() >= row.started_at + timedelta(
        minutes=row.minutes
    ):
        return None, "The assessment's time was up: saved as ordinary practice, not part of it."
    return row.id, ""


def job_fragment(web: WebApp, job_id: str, note: str = "") -> HTMLResponse:
    job = web.jobs.get(job_id, web.core.learner)
    if job is None:
        return web.fragment(
            "_message.html",
            status=404,
            kind="error",
            message="That run is no longer known to the server (it was restarted?). "
            "Your code is still in the editor: run it again.",
        )
    if not job.done:
        return web.fragment("_job_running.html", job=job, ahead=web.jobs.position(job), note=note)
    if job.sealed:
        return web.fragment("_message.html", kind="ok", message=SEALED_MESSAGE)
    if job.kind == "grade":
        if job.report is None:
            return web.fragment("_message.html", kind="error", message=job.error or "")
        return web.fragment(
            "_grade.html",
            q=web.question(job.question_id),
            report=job.report,
            note=note,
            rate=not job.in_mock,
        )
    return web.fragment("_verdict.html", job=job, r=job.result, note=note)


async def job(web: WebApp, request: Request) -> Response:
    # Long poll: answer as soon as the verdict is in, or after a short wait.
    job_id = request.path_params["job_id"]
    found = await run_in_threadpool(web.jobs.get, job_id, web.core.learner)
    if found is not None:
        await web.jobs.wait(found, POLL_WAIT_S, lambda j: j.done)
    return await run_in_threadpool(job_fragment, web, job_id)


async def job_growth(web: WebApp, request: Request) -> Response:
    """The growth row of a verdict, once measured (long poll, like ``job``)."""
    found = await run_in_threadpool(web.jobs.get, request.path_params["job_id"], web.core.learner)
    if found is None or found.sealed:
        raise HTTPException(404, "unknown job")
    found = await web.jobs.wait(found, POLL_WAIT_S, lambda j: j.growth_state != "measuring")
    return web.fragment("_growth_row.html", job=found)


def job_json(web: WebApp, request: Request) -> Response:
    found = web.jobs.get(request.path_params["job_id"], web.core.learner)
    if found is None:
        raise HTTPException(404, "unknown job")
    if found.sealed:
        return JSONResponse({"id": found.id, "state": found.state, "sealed": True})
    return JSONResponse(
        {
            "id": found.id,
            "state": found.state,
            "error": found.error,
            "judge_ms": round((found.finished_at - found.started_at) * 1000, 1)
            if found.finished_at is not None and found.started_at is not None
            else None,
            "result": found.result.to_dict() if found.result else None,
        }
    )


def _dedupe_key(submission: str, *parts: str) -> str:
    """Same form, same text: a double submit. Edited text from the same form is new."""
    if not submission:
        return ""
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:16]
    return f"{submission}:{digest}"


def _elapsed(opened: str) -> float | None:
    """Seconds since the form was rendered, when that is plausible."""
    try:
        spent = time.time() - float(opened)
    except ValueError:
        return None
    return round(spent, 1) if 0 <= spent <= 6 * 3600 else None


def _parse_custom_input(text: str, question: Question) -> tuple[Any, ...] | None:
    """The learner's own input: Python literals, one per parameter, separated by commas."""
    if not text.strip():
        return None
    if len(text) > MAX_CUSTOM_INPUT:
        raise BadRequest(413, "That input is too long for a quick run.")
    try:
        value = ast.literal_eval("(" + text + ",)")
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        raise BadRequest(
            400,
            "Your input must be Python literals (numbers, strings, lists, tuples, dicts), "
            "one per parameter, separated by commas.",
            form={"custom_input": text},
        ) from None
    expected = len(question.meta.coding.parameters) if question.meta.coding else 0
    if len(value) != expected:
        names = ", ".join(question.meta.coding.parameters) if question.meta.coding else ""
        raise BadRequest(
            400, f"Give {expected} values, one for each of: {names}.", form={"custom_input": text}
        )
    return tuple(value)
