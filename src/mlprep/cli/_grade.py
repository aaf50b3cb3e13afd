"""``mlprep grade``: grade a written answer against its rubric, offline."""

from __future__ import annotations

import typer

from ._common import JsonOption, console, emit_json, read_source, state
from ._progress import slow


def _grade_watch(
    ctx: typer.Context, question_id: str, answer: str, grader: str, submit_on_accept: bool
) -> None:
    """`grade --watch`: the grader is loaded once; checks are not recorded, submissions are."""
    import time

    from mlprep.errors import UsageError
    from mlprep.grading import PASS_MARK, get_grader, grade

    from ._watch import Checker, watch

    core = state(ctx).core
    question = core.question(question_id)
    if question.is_coding:
        raise UsageError(f"'{question.id}' is a coding question: use judge, not grade")
    with slow(f"loading the {grader} grader"):
        get_grader(grader)  # the model loads once, before the first check
    core.open_store_in_background()
    started = time.monotonic()

    def check(text: str) -> tuple[object, bool]:
        report = grade(question, text, grader=grader)
        return report, report.score >= PASS_MARK

    def submit(text: str) -> object:
        return core.grade(question_id, text, grader=grader, time_spent_s=time.monotonic() - started)

    watch(answer, Checker("grade", question_id, check, submit), submit_on_accept=submit_on_accept)


def register(app: typer.Typer) -> None:
    @app.command("grade")
    def grade_answer(
        ctx: typer.Context,
        question_id: str = typer.Argument(
            ..., help="Id of a written question (see `mlprep list`)."
        ),
        answer: str = typer.Argument(..., help="File with your answer; '-' reads standard input."),
        grader: str = typer.Option(
            "default",
            "--grader",
            "-g",
            # The registry's names (mlprep.grading.available_graders; a test keeps this
            # list equal to it): importing the registry here would cost every command
            # pydantic's import.
            help=(
                "default (= hybrid; lexical if the claim model cannot load) | hybrid | lexical "
                "| claims | semantic (needs mlprep\\[semantic])."
            ),
        ),
        as_json: bool = JsonOption,
        watch: bool = typer.Option(
            False,
            "--watch",
            "-w",
            help="Grade again on every save, the grader loaded once; s submits, q quits.",
        ),
        submit_on_accept: bool = typer.Option(
            False, "--submit-on-accept", help="With --watch: record each passing version."
        ),
    ) -> None:
        """Grade a written answer: score, per-criterion feedback and misconceptions.

        Exit code 0 when the answer passes, 1 when not yet, 2 for a usage error
        (as judge).
        """
        from mlprep.errors import UsageError

        if watch:
            if as_json:
                raise UsageError("--watch redraws a terminal screen; it has no --json")
            _grade_watch(ctx, question_id, answer, grader, submit_on_accept)
            return
        if submit_on_accept:
            raise UsageError("--submit-on-accept goes with --watch")
        text = read_source(answer)
        with slow(f"grading {question_id}"):
            report = state(ctx).core.grade(question_id, text, grader=grader)
        if as_json:
            emit_json("grade", report.to_dict())
        else:
            out = console()
            out.print(report)
            out.print(
                f"Disagree with the grade? Read the model answer (`mlprep answer "
                f"{question_id}`), then `mlprep rate {question_id} again|hard|good|easy`: your "
                "rating, not the grade's, then sets the next review.",
                style="dim",
                markup=False,
                highlight=False,
            )
        raise typer.Exit(0 if report.passed else 1)

    @app.command("rate")
    def rate(
        ctx: typer.Context,
        question_id: str = typer.Argument(
            ..., help="Id of the written question you just answered."
        ),
        rating: str = typer.Argument(..., help="again | hard | good | easy (or 1-4)."),
        as_json: bool = JsonOption,
    ) -> None:
        """Rate your own answer just graded: your rating, not the grade's, sets the review.

        For the open sitting of a written question (after `mlprep grade`, before you move
        on); hints and the model answer read before answering still lower it. Exit code 0,
        or 2 when there is nothing to rate.
        """
        result = state(ctx).core.rate(question_id, rating)
        if as_json:
            emit_json("rating", result.to_dict())
            return
        console().print(
            f"{result.question_id}: {result.summary()}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
