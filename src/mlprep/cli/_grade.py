"""``mlprep grade``: grade a written answer against its rubric, offline."""

from __future__ import annotations

import typer

from ._common import JsonOption, console, emit_json, read_source, state


def register(app: typer.Typer) -> None:
    @app.command("grade")
    def grade_answer(
        ctx: typer.Context,
        question_id: str = typer.Argument(
            ..., help="Id of a written question (see `mlprep list`)."
        ),
        answer: str = typer.Argument(..., help="File with your answer; '-' reads standard input."),
        grader: str = typer.Option(
            "default", "--grader", "-g", help="default | semantic (needs mlprep\\[semantic])."
        ),
        as_json: bool = JsonOption,
    ) -> None:
        """Grade a written answer: score, per-criterion feedback and misconceptions."""
        text = read_source(answer)
        report = state(ctx).core.grade(question_id, text, grader=grader)
        if as_json:
            emit_json("grade", report.to_dict())
            return
        console().print(report)
