"""The ASGI app: routes parse the request, call the core, render a template.

Pages are server-rendered with Jinja2; htmx swaps in partials (hints, the model
answer, notes, verdicts, grades). Judging runs in ``JudgeJobs`` off the event loop.
"""

from __future__ import annotations

import ast
import asyncio
import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mlprep.errors import MlprepError, UnknownQuestion

from ._cache import PageCache, database_version
from ._guard import MAX_BODY_BYTES, BadRequest, BodyLimit, CsrfTokens, read_form
from ._jobs import JudgeJobs
from ._markup import CATEGORY_COLOURS, activity_svg, bars_svg, lines_svg, markdown
from ._status import STATUSES, question_statuses

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from mlprep._core import Mlprep
    from mlprep.content import Question
    from mlprep.store import MockSession

__all__ = ["create_app"]

log = logging.getLogger("mlprep.web")
HERE = Path(__file__).parent
CATEGORIES = ("theory", "case-study", "applied", "system-design", "recsys", "coding")
DIFFICULTIES = ("easy", "medium", "hard")
MAX_CUSTOM_INPUT = 20_000
PRACTICE_SHOWN = 40
# How long a submit request waits for its verdict before answering "running" instead.
VERDICT_WAIT_S = 0.8
# How long a poll for a running job waits for it to finish before answering.
POLL_WAIT_S = 1.0
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["markdown"] = markdown
    env.filters["pct"] = lambda v: "–" if v is None else f"{float(v):.0%}"
    env.filters["ms"] = lambda v: "–" if v is None else f"{float(v):.1f} ms"
    env.filters["kb"] = _memory
    env.filters["label"] = lambda v: str(v).replace("_", " ").capitalize()
    env.globals["colours"] = CATEGORY_COLOURS
    return env


class _Answers:
    """What a repeated submission id got the first time (double submits record once)."""

    def __init__(self, size: int = 500) -> None:
        self._seen: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, submission: str) -> str | None:
        with self._lock:
            return self._seen.get(submission)

    def put(self, submission: str, html: str) -> None:
        with self._lock:
            self._seen[submission] = html
            while len(self._seen) > self._size:
                self._seen.popitem(last=False)


class WebApp:
    """Routes and the state they share: the core, the judge jobs, the CSRF secret."""

    def __init__(
        self,
        core: Mlprep,
        *,
        warm_judge: bool = True,
        workers: int | None = None,
        allowed_hosts: list[str] | None = None,
    ) -> None:
        self.core = core
        self.jobs = JudgeJobs(core, warm=warm_judge, workers=workers)
        self.csrf = CsrfTokens()
        self.env = _environment()
        self.graded = _Answers()
        self.core_lock = threading.Lock()
        self.allowed_hosts = allowed_hosts or LOOPBACK_HOSTS

    # -- plumbing ------------------------------------------------------------------

    def render(self, request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        page = self.env.get_template(name).render(
            request=request, csrf=self.csrf.token, path=request.url.path, **ctx
        )
        return HTMLResponse(page, status_code=status)

    def fragment(self, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(csrf=self.csrf.token, **ctx)
        return HTMLResponse(html, status_code=status)

    async def form(self, request: Request) -> dict[str, str]:
        form = await read_form(request)
        if not self.csrf.check(request, form):
            raise BadRequest(
                403,
                "This form came from an earlier session of mlprep (or from another site), "
                "so it was not accepted. Your text is kept below: check it and send it again.",
                form=form,
            )
        return form

    def question(self, question_id: str) -> Question:
        try:
            return self.core.question(question_id)
        except UnknownQuestion:
            raise HTTPException(404, f"There is no question with the id '{question_id}'.") from None

    def mock_row(self, mock_id: int) -> MockSession:
        for row in self.core.store.mocks(learner=self.core.learner):
            if row.id == mock_id:
                return row
        raise HTTPException(404, f"There is no mock interview number {mock_id}.")

    def page_version(self) -> Any:
        """What every GET page depends on besides the clock (see ``_cache``)."""
        store = self.core.store
        if store.engine.dialect.name != "sqlite":
            return None
        return (id(self.core), database_version(store.engine.url.database))

    @staticmethod
    def hx(request: Request) -> bool:
        return request.headers.get("hx-request") == "true"

    # -- catalogue -------------------------------------------------------------------

    async def catalogue(self, request: Request) -> HTMLResponse:
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
        questions = self.core.questions(
            category=category, difficulty=difficulty, key=key, kind=kind
        )
        statuses = question_statuses(self.core)
        if status:
            questions = [q for q in questions if statuses.get(q.id, "new") == status]
        if search:
            words = search.lower().split()
            questions = [q for q in questions if all(w in _haystack(q) for w in words)]
        ctx: dict[str, Any] = {
            "questions": questions,
            "statuses": statuses,
            "total": len(self.core.bank),
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
        }
        if self.hx(request) and request.headers.get("hx-target") == "results":
            return self.fragment("_catalogue_rows.html", **ctx)
        return self.render(request, "catalogue.html", **ctx)

    # -- question page -----------------------------------------------------------------

    def question_context(
        self, question: Question, mock: MockSession | None = None
    ) -> dict[str, Any]:
        store = self.core.store
        attempts = store.attempts(learner=self.core.learner, question_id=question.id)
        if question.is_coding:
            last_code = next((a.answer for a in reversed(attempts) if a.kind == "coding"), None)
            draft = last_code if last_code is not None else question.read("starter.py")
        else:
            draft = ""
        return {
            "q": question,
            "hints": self.core.hints(question.id),
            "note": store.note(question.id, learner=self.core.learner),
            "attempts": attempts[-5:][::-1],
            "draft": draft,
            "mock": mock,
            "params": question.meta.coding.parameters if question.meta.coding else [],
        }

    async def question_page(self, request: Request) -> HTMLResponse:
        question = self.question(request.path_params["qid"])
        return self.render(request, "question.html", **self.question_context(question))

    async def hint(self, request: Request) -> HTMLResponse:
        question = self.question(request.path_params["qid"])
        await self.form(request)
        hints = self.core.next_hint(question.id)
        return self.fragment("_hints.html", q=question, hints=hints)

    async def solution(self, request: Request) -> HTMLResponse:
        question = self.question(request.path_params["qid"])
        await self.form(request)
        self.core.reveal_solution(question.id)
        return self.fragment("_solution.html", q=question)

    async def note(self, request: Request) -> HTMLResponse:
        question = self.question(request.path_params["qid"])
        form = await self.form(request)
        text = form.get("note", "")
        self.core.store.set_note(question.id, text, learner=self.core.learner)
        return self.fragment("_note_saved.html", saved_at=datetime.now().strftime("%H:%M:%S"))

    async def answer(self, request: Request) -> HTMLResponse:
        """Run or submit code (a job), or grade a written answer (inline)."""
        question = self.question(request.path_params["qid"])
        form = await self.form(request)
        mode = request.path_params["mode"]
        if mode not in ("run", "submit"):
            raise HTTPException(404, "There is no such page.")
        submission = form.get("submission", "")
        time_spent = _elapsed(form.get("opened", ""))
        mock_id, mock_note = self.live_mock(form.get("mock", ""), question)
        if question.is_coding:
            source = form.get("source", "")
            if not source.strip():
                raise BadRequest(400, "The editor is empty: write your solution first.")
            custom = None
            if mode == "run":
                custom = _parse_custom_input(form.get("custom_input", ""), question)
            job, _new = self.jobs.submit(
                question.id,
                source,
                mode="submit" if mode == "submit" else "run",
                submission=_dedupe_key(submission, mode, source, form.get("custom_input", "")),
                custom_args=custom,
                time_spent_s=time_spent,
                mock_id=mock_id,
            )
            # A quick verdict comes back in this response; a slow one shows as running.
            deadline = time.monotonic() + VERDICT_WAIT_S
            while not job.done and time.monotonic() < deadline:
                await asyncio.sleep(0.005)
            return self.job_fragment(job.id, note=mock_note)
        if mode != "submit":
            raise BadRequest(400, "Written answers are submitted, not run.")
        text = form.get("answer", "")
        if not text.strip():
            raise BadRequest(400, "The answer box is empty: write your answer first.")
        submission = _dedupe_key(submission, "grade", text)
        if submission and (seen := self.graded.get(submission)) is not None:
            return HTMLResponse(seen)
        report = await run_in_threadpool(
            self.core.grade,
            question.id,
            text,
            origin="web",
            time_spent_s=time_spent,
            mock_id=mock_id,
        )
        html = self.env.get_template("_grade.html").render(
            q=question, report=report, note=mock_note
        )
        if submission:
            self.graded.put(submission, html)
        return HTMLResponse(html)

    def live_mock(self, value: str, question: Question) -> tuple[int | None, str]:
        """The mock id an answer belongs to, if that mock is still running."""
        if not value:
            return None, ""
        try:
            row = self.mock_row(int(value))
        except (ValueError, HTTPException):
            return None, "That mock interview no longer exists: saved as ordinary practice."
        if row.scorecard_json:
            return None, "That mock interview had already finished: saved as ordinary practice."
        if question.id not in json.loads(row.plan_json)["questions"]:
            return None, "This question is not part of that mock: saved as ordinary practice."
        return row.id, ""

    def job_fragment(self, job_id: str, note: str = "") -> HTMLResponse:
        job = self.jobs.get(job_id)
        if job is None:
            return self.fragment(
                "_message.html",
                status=404,
                kind="error",
                message="That run is no longer known to the server (it was restarted?). "
                "Your code is still in the editor: run it again.",
            )
        if not job.done:
            return self.fragment(
                "_job_running.html", job=job, ahead=self.jobs.position(job), note=note
            )
        return self.fragment("_verdict.html", job=job, r=job.result, note=note)

    async def job(self, request: Request) -> HTMLResponse:
        # Long poll: answer as soon as the verdict is in, or after a short wait.
        job = self.jobs.get(request.path_params["job_id"])
        deadline = time.monotonic() + POLL_WAIT_S
        while job is not None and not job.done and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        return self.job_fragment(request.path_params["job_id"])

    async def job_growth(self, request: Request) -> HTMLResponse:
        """The growth row of a verdict, once measured (long poll, like ``job``)."""
        job = self.jobs.get(request.path_params["job_id"])
        if job is None:
            raise HTTPException(404, "unknown job")
        deadline = time.monotonic() + POLL_WAIT_S
        while job.growth_state == "measuring" and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        return self.fragment("_growth_row.html", job=job)

    async def job_json(self, request: Request) -> JSONResponse:
        job = self.jobs.get(request.path_params["job_id"])
        if job is None:
            raise HTTPException(404, "unknown job")
        return JSONResponse(
            {
                "id": job.id,
                "state": job.state,
                "error": job.error,
                "judge_ms": round((job.finished_at - job.started_at) * 1000, 1)
                if job.finished_at is not None and job.started_at is not None
                else None,
                "result": job.result.to_dict() if job.result else None,
            }
        )

    # -- practice, mock, progress ------------------------------------------------------

    async def practice(self, request: Request) -> HTMLResponse:
        params = request.query_params
        category = params.get("category") or None
        difficulty = params.get("difficulty") or None
        minutes_text = params.get("minutes") or ""
        if category not in (None, *CATEGORIES) or difficulty not in (None, *DIFFICULTIES):
            raise BadRequest(400, "Unknown filter value.")
        try:
            minutes = int(minutes_text) if minutes_text else None
        except ValueError:
            raise BadRequest(400, "Minutes must be a whole number.") from None
        if minutes is not None and not 1 <= minutes <= 600:
            raise BadRequest(400, "Minutes must be between 1 and 600.")
        items = self.core.practice_queue(category=category, difficulty=difficulty, minutes=minutes)
        shown = items if params.get("all") == "1" else items[:PRACTICE_SHOWN]
        prereqs = {
            i.question.id: self.core.prerequisite_for(i.question.id) for i in shown if i.leech
        }
        return self.render(
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

    async def mock_home(self, request: Request) -> HTMLResponse:
        from mlprep.study import TRACKS

        mocks = self.core.store.mocks(learner=self.core.learner)[::-1]
        return self.render(
            request,
            "mock_home.html",
            tracks=list(TRACKS),
            mocks=mocks,
            cards={m.id: json.loads(m.scorecard_json) for m in mocks if m.scorecard_json},
        )

    async def mock_start(self, request: Request) -> Response:
        from mlprep.study import TRACKS

        form = await self.form(request)
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
        if submission and (seen := self.graded.get("mock:" + submission)):
            return RedirectResponse(seen, status_code=303)
        row, _plan = await run_in_threadpool(self.core.start_mock, track, minutes)
        url = f"/mock/{row.id}"
        if submission:
            self.graded.put("mock:" + submission, url)
        return RedirectResponse(url, status_code=303)

    async def mock_page(self, request: Request) -> HTMLResponse:
        row = self.mock_row(_int_param(request.path_params["mock_id"]))
        plan = json.loads(row.plan_json)
        questions = [self.core.bank.questions.get(qid) for qid in plan["questions"]]
        if row.scorecard_json:
            card = json.loads(row.scorecard_json)
            return self.render(request, "mock_scorecard.html", mock=row, card=card)
        try:
            index = int(request.query_params.get("n", "0"))
        except ValueError:
            index = 0
        index = max(0, min(index, len(questions) - 1))
        current = questions[index]
        answered = {
            a.question_id
            for a in self.core.store.attempts(learner=self.core.learner)
            if a.mock_id == row.id
        }
        ctx = self.question_context(current, mock=row) if current else {"mock": row}
        ends_at = row.started_at.replace(tzinfo=row.started_at.tzinfo or UTC).timestamp() + (
            row.minutes * 60
        )
        return self.render(
            request,
            "mock.html",
            questions=questions,
            index=index,
            answered=answered,
            ends_at=int(ends_at),
            **ctx,
        )

    async def mock_finish(self, request: Request) -> Response:
        row = self.mock_row(_int_param(request.path_params["mock_id"]))
        await self.form(request)
        if not row.scorecard_json:  # finishing twice keeps the first scorecard
            await run_in_threadpool(self.core.finish_mock, row.id)
        return RedirectResponse(f"/mock/{row.id}", status_code=303)

    async def progress(self, request: Request) -> HTMLResponse:
        data = (await run_in_threadpool(self.core.progress)).to_dict()
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
        return self.render(request, "progress.html", p=data, charts=charts)

    # -- settings ----------------------------------------------------------------------

    def settings_context(self) -> dict[str, Any]:
        from mlprep.content import content_roots

        core = self.core
        return {
            "content_roots": content_roots(core.content_folders),
            "extra_content": "\n".join(str(p) for p in core.content_folders),
            "db_url": core.store.url,
            "bank_errors": [str(e) for e in core.bank.errors],
            "questions": len(core.bank),
        }

    async def settings(self, request: Request) -> HTMLResponse:
        return self.render(request, "settings.html", **self.settings_context())

    async def settings_save(self, request: Request) -> HTMLResponse:
        from mlprep._core import Mlprep

        form = await self.form(request)
        folders = [
            Path(line.strip()).expanduser()
            for line in form.get("content", "").splitlines()
            if line.strip()
        ]
        missing = [str(f) for f in folders if not f.is_dir()]
        if missing:
            raise BadRequest(400, "These content folders do not exist: " + ", ".join(missing))
        data_dir = form.get("data", "").strip()
        db: str | Path | None = self.core.db_target
        if data_dir:
            folder = Path(data_dir).expanduser()
            if not folder.is_dir():
                raise BadRequest(400, f"The data folder does not exist: {data_dir}")
            db = folder / "progress.db"

        def reopen() -> Mlprep:
            fresh = Mlprep(content=folders, db=db, learner=self.core.learner)
            fresh.bank  # noqa: B018 - load now, so errors show here rather than later
            fresh.store  # noqa: B018
            return fresh

        try:
            fresh = await run_in_threadpool(reopen)
        except MlprepError as exc:
            raise BadRequest(400, str(exc)) from None
        with self.core_lock:
            self.core = fresh
            self.jobs.core = fresh
        return self.render(request, "settings.html", saved=True, **self.settings_context())

    # -- errors ----------------------------------------------------------------------

    async def on_bad_request(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BadRequest)
        return self.error_response(request, exc.status, exc.message, exc.form)

    async def on_http(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        messages = {
            404: "There is no such page.",
            405: "That address does not take this kind of request.",
        }
        detail = (
            exc.detail
            if exc.detail and exc.detail != _default_phrase(exc.status_code)
            else messages.get(exc.status_code, "The request was refused.")
        )
        return self.error_response(request, exc.status_code, str(detail), {})

    async def on_mlprep_error(self, request: Request, exc: Exception) -> Response:
        status = 404 if isinstance(exc, UnknownQuestion) else 400
        return self.error_response(request, status, str(exc), {})

    async def on_error(self, request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return self.error_response(
            request,
            500,
            f"mlprep hit a bug ({type(exc).__name__}); details are in the "
            "server's log. Your text is kept below.",
            {},
        )

    def error_response(
        self, request: Request, status: int, message: str, form: dict[str, str]
    ) -> Response:
        kept = {
            k: v
            for k, v in form.items()
            if k in ("source", "answer", "note", "custom_input") and v.strip()
        }
        if self.hx(request):
            return self.fragment(
                "_message.html", status=status, kind="error", message=message, kept=kept
            )
        return self.render(
            request, "error.html", status=status, status_code=status, message=message, kept=kept
        )


def _memory(kb: int | None) -> str:
    if kb is None:
        return "–"
    return f"{kb} kB" if kb < 1024 else f"{kb / 1024:.1f} MB"


def _default_phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _dedupe_key(submission: str, *parts: str) -> str:
    """Same form, same text: a double submit. Edited text from the same form is new."""
    if not submission:
        return ""
    digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:16]
    return f"{submission}:{digest}"


def _haystack(question: Question) -> str:
    return " ".join(
        [
            question.id,
            question.title,
            *question.meta.tags,
            *question.covers,
            question.category.value,
        ]
    ).lower()


def _int_param(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise HTTPException(404, "There is no such mock interview.") from None


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


def create_app(
    core: Mlprep,
    *,
    warm_judge: bool = True,
    workers: int | None = None,
    allowed_hosts: list[str] | None = None,
) -> Starlette:
    """The web app over ``core``. ``warm_judge=False`` judges cold (slower; for tests)."""
    web = WebApp(core, warm_judge=warm_judge, workers=workers, allowed_hosts=allowed_hosts)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Warm the judge in the background: the first pages must not wait for it.
        loop = asyncio.get_running_loop()
        warming = loop.run_in_executor(None, web.jobs.warm_up)
        try:
            yield
        finally:
            try:
                await asyncio.wait_for(asyncio.shield(warming), 10)
            except Exception:  # a failed warm-up already shows up when judging
                log.debug("warm-up did not finish cleanly", exc_info=True)
            web.jobs.close()

    routes = [
        Route("/", web.catalogue),
        Route("/q/{qid}", web.question_page),
        Route("/q/{qid}/hint", web.hint, methods=["POST"]),
        Route("/q/{qid}/solution", web.solution, methods=["POST"]),
        Route("/q/{qid}/note", web.note, methods=["POST"]),
        Route("/q/{qid}/{mode:str}", web.answer, methods=["POST"]),
        Route("/jobs/{job_id}.json", web.job_json),
        Route("/jobs/{job_id}/growth", web.job_growth),
        Route("/jobs/{job_id}", web.job),
        Route("/practice", web.practice),
        Route("/mock", web.mock_home),
        Route("/mock", web.mock_start, methods=["POST"]),
        Route("/mock/{mock_id}", web.mock_page),
        Route("/mock/{mock_id}/finish", web.mock_finish, methods=["POST"]),
        Route("/progress", web.progress),
        Route("/settings", web.settings),
        Route("/settings", web.settings_save, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(BodyLimit, limit=MAX_BODY_BYTES),
            Middleware(TrustedHostMiddleware, allowed_hosts=web.allowed_hosts),
            Middleware(PageCache, version=web.page_version),
        ],
        exception_handlers={
            BadRequest: web.on_bad_request,
            HTTPException: web.on_http,
            MlprepError: web.on_mlprep_error,
            Exception: web.on_error,
        },
    )
    app.state.web = web
    return app
