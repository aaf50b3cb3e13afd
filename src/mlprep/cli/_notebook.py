"""`mlprep notebook`: write a practice notebook."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import JsonOption, console, emit_json, state


def register(app: typer.Typer) -> None:
    @app.command("notebook")
    def notebook(
        ctx: typer.Context,
        out: Path = typer.Argument(..., metavar="OUT.ipynb", help="The notebook file to write."),
        category: str | None = typer.Option(None, "--category", "-c", help="Only this category."),
        difficulty: str | None = typer.Option(
            None, "--difficulty", "-d", help="easy | medium | hard"
        ),
        question_ids: list[str] = typer.Option(
            [], "--id", help="Only these questions (repeatable)."
        ),
        due: bool = typer.Option(
            False, "--due", help="The practice queue instead of the catalogue."
        ),
        as_json: bool = JsonOption,
    ) -> None:
        """Write a Jupyter notebook: per question its prompt, a starter cell and a check cell."""
        import nbformat

        from mlprep.notebook import build_notebook

        core = state(ctx).core
        if question_ids:
            questions = [core.question(q) for q in question_ids]
        elif due:
            questions = [
                i.question for i in core.practice_queue(category=category, difficulty=difficulty)
            ]
        else:
            questions = core.questions(category=category, difficulty=difficulty)
        nb = build_notebook(questions)
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(out))
        if as_json:
            emit_json("notebook", {"file": str(out), "questions": [q.id for q in questions]})
        else:
            console().print(f"Wrote {out} with {len(questions)} questions: jupyter lab {out}")
