"""`mlprep notebook`: write a practice notebook."""

from __future__ import annotations

import shutil
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
        minutes: int = typer.Option(
            30, "--minutes", "-m", min=1, help="Time budget of today's practice queue."
        ),
        catalogue: bool = typer.Option(
            False, "--all", help="The whole catalogue (with the filters) instead of the queue."
        ),
        due: bool = typer.Option(
            False, "--due", hidden=True, help="Today's practice queue (now the default)."
        ),
        force: bool = typer.Option(False, "--force", help="Overwrite OUT.ipynb if it exists."),
        as_json: bool = JsonOption,
    ) -> None:
        """Write a Jupyter notebook of today's practice queue (default) or the catalogue."""
        import nbformat

        from mlprep.errors import UsageError
        from mlprep.notebook import build_notebook

        from ._common import check_filters
        from ._files import check_output

        check_filters(category, difficulty)
        check_output(out, example="practice.ipynb")
        if out.exists() and not force:
            # The learner's answers live in that file: never overwrite them silently.
            raise UsageError(f"{out} exists (your answers may be in it): pass --force to overwrite")
        core = state(ctx).core
        if question_ids:
            questions = [core.question(q) for q in question_ids]
        elif catalogue and not due:
            questions = core.questions(category=category, difficulty=difficulty)
        else:
            queue = core.practice_queue(category=category, difficulty=difficulty, minutes=minutes)
            questions = [item.question for item in queue]
        nb = build_notebook(questions)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        nbformat.write(nb, str(tmp))
        tmp.replace(out)
        if as_json:
            emit_json("notebook", {"file": str(out), "questions": [q.id for q in questions]})
            return
        opener = (
            f"jupyter lab {out}"
            if shutil.which("jupyter-lab")
            else f"pip install 'mlprep[notebook]', then jupyter lab {out}"
        )
        console().print(
            f"Wrote {out} with {len(questions)} questions. Open it: {opener}", markup=False
        )
