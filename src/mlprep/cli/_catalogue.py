"""Browsing the bank: list, show, hint, answer, coverage."""

from __future__ import annotations

import sys

import typer

from ._common import JsonOption, QuestionArgument, check_choice, console, emit_json, state

CategoryOption = typer.Option(
    None,
    "--category",
    "-c",
    help="theory | case-study | applied | system-design | recsys | coding",
)
DifficultyOption = typer.Option(None, "--difficulty", "-d", help="easy | medium | hard")


def register(app: typer.Typer) -> None:
    @app.command("list")
    def list_questions(
        ctx: typer.Context,
        category: str | None = CategoryOption,
        difficulty: str | None = DifficultyOption,
        tag: str | None = typer.Option(None, "--tag", "-t", help="Only questions with this tag."),
        key: str | None = typer.Option(None, "--key", "-k", help="Inventory key, e.g. T02 or C01."),
        kind: str | None = typer.Option(None, "--kind", help="coding | written"),
        plain: bool = typer.Option(
            False,
            "--plain",
            help="Tab-separated rows, no table (the default when stdout is not a terminal).",
        ),
        as_json: bool = JsonOption,
    ) -> None:
        """List the questions of the bank, with filters."""
        from mlprep.errors import UsageError

        core = state(ctx).core
        check_choice("category", category, _categories())
        check_choice("difficulty", difficulty, ["easy", "medium", "hard"])
        check_choice("kind", kind, ["coding", "written"])
        if key and key.upper() not in _keys():
            raise UsageError(f"unknown inventory key '{key}' (see `mlprep coverage`)")
        questions = core.questions(
            category=category, difficulty=difficulty, tag=tag, key=key, kind=kind
        )
        if as_json:
            emit_json(
                "list", {"count": len(questions), "questions": [q.summary() for q in questions]}
            )
            return
        if plain or not sys.stdout.isatty():
            # One question a line, whole ids: what grep, cut and a pipe expect.
            for q in questions:
                row = (q.id, q.title, q.category.value, q.difficulty.value, " ".join(q.covers))
                sys.stdout.write("\t".join(row) + f"\t{q.meta.minutes}\n")
            _warn_broken(core)
            return
        from rich.table import Table

        table = Table(title=f"{len(questions)} questions", title_justify="left", expand=False)
        table.add_column("id", no_wrap=True)
        for column in ("title", "category", "difficulty", "covers", "min"):
            table.add_column(column, overflow="fold")
        for q in questions:
            table.add_row(
                q.id,
                q.title,
                q.category.value,
                q.difficulty.value,
                " ".join(q.covers),
                str(q.meta.minutes),
            )
        out = console()
        out.print(table)
        _warn_broken(core)

    @app.command("show")
    def show(
        ctx: typer.Context,
        question_id: str = QuestionArgument,
        starter: bool = typer.Option(
            False,
            "--starter",
            help="Print only the starter code, e.g. `mlprep show k-means --starter > k_means.py`.",
        ),
        as_json: bool = JsonOption,
    ) -> None:
        """Show a question's prompt."""
        core = state(ctx).core
        question = core.question(question_id)
        if starter:
            if question.meta.coding is None:
                from mlprep.errors import UsageError

                raise UsageError(f"'{question.id}' is a written question: it has no starter code")
            sys.stdout.write(question.read("starter.py"))
            return
        if as_json:
            data = question.summary()
            data["prompt"] = question.prompt
            data["hints_total"] = len(question.hints)
            data["followups"] = list(question.meta.followups)
            if question.meta.coding is not None:
                data["entry_point"] = question.meta.coding.entry_point
                data["parameters"] = list(question.meta.coding.parameters)
                data["starter"] = question.read("starter.py")
            emit_json("question", data)
            return
        from mlprep.render import question_panel

        console().print(question_panel(question))

    @app.command("hint")
    def hint(
        ctx: typer.Context,
        question_id: str = QuestionArgument,
        as_json: bool = JsonOption,
    ) -> None:
        """Reveal the next hint of a question (mlprep remembers how many you have seen)."""
        core = state(ctx).core
        before = core.hints(question_id)
        reveal = before if before.exhausted else core.next_hint(question_id)
        if as_json:
            emit_json("hints", reveal.to_dict())
            return
        from mlprep.render import hint_panel

        out = console()
        for i, text in enumerate(reveal.revealed, start=1):
            out.print(hint_panel(text, i, reveal.total, latest=i == len(reveal.revealed)))
        if before.exhausted:
            out.print(
                f"No more hints: `mlprep answer {reveal.question_id}` shows the model answer.",
                style="dim",
                markup=False,
            )

    @app.command("answer")
    def answer(
        ctx: typer.Context,
        question_id: str = QuestionArgument,
        as_json: bool = JsonOption,
    ) -> None:
        """Show the model answer and the rubric (recorded as seen)."""
        core = state(ctx).core
        question = core.reveal_solution(question_id)
        if as_json:
            emit_json(
                "answer",
                {
                    "id": question.id,
                    "answer": question.answer,
                    "rubric": question.rubric.model_dump(mode="json"),
                    "max_points": question.max_points,
                },
            )
            return
        from mlprep.render import answer_panel

        console().print(answer_panel(question))

    @app.command("coverage")
    def coverage_command(
        ctx: typer.Context,
        strict: bool = typer.Option(False, "--strict", help="Exit 1 while any key is uncovered."),
        as_json: bool = JsonOption,
    ) -> None:
        """Which questions cover each inventory key (T01-T56, C01-C09)."""
        from mlprep.content import coverage, inventory

        core = state(ctx).core
        covered = coverage(core.bank)
        missing = [k for k, ids in covered.items() if not ids]
        if as_json:
            emit_json(
                "coverage",
                {
                    "keys": [
                        {"key": k, "topic": inventory().keys[k], "questions": ids}
                        for k, ids in covered.items()
                    ],
                    "covered": len(covered) - len(missing),
                    "total": len(covered),
                    "missing": missing,
                },
            )
        else:
            from rich.table import Table

            table = Table(
                title=f"{len(covered) - len(missing)} of {len(covered)} inventory keys covered",
                title_justify="left",
            )
            table.add_column("key")
            table.add_column("topic", overflow="fold")
            table.add_column("questions", overflow="fold")
            for k, ids in covered.items():
                table.add_row(k, inventory().keys[k], ", ".join(ids) or "[red]none[/red]")
            console().print(table)
        if strict and missing:
            raise typer.Exit(1)


def _categories() -> list[str]:
    from mlprep.content import Category

    return [c.value for c in Category]


def _keys() -> list[str]:
    from mlprep.content import inventory

    return list(inventory().keys)


def _warn_broken(core: object) -> None:
    errors = getattr(getattr(core, "bank", None), "errors", [])
    if errors:
        console(stderr=True).print(
            f"[yellow]{len(errors)} content problem(s) hid some questions; "
            "run `mlprep content check`.[/yellow]"
        )
