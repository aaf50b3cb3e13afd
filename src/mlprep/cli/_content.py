"""Content tools: `mlprep content check` (and `verify`, added by the judge)."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import JsonOption, console, emit_json, state

content_app = typer.Typer(
    help="Validate question folders.", no_args_is_help=True, rich_markup_mode="rich"
)


@content_app.command("check")
def check(
    ctx: typer.Context,
    folders: list[Path] = typer.Argument(
        None, metavar="[DIR]...", help="Folders to check (default: the bank and --content folders)."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Validate question folders: schema, unknown keys, ids, covers, files, rubrics."""
    from mlprep.content import check_content, content_roots
    from mlprep.grading.rubric_check import unmatched_concepts

    roots = list(folders) if folders else content_roots(state(ctx).content)
    report = check_content(roots, extra=[unmatched_concepts])
    if as_json:
        emit_json(
            "content-check",
            {
                "ok": report.ok,
                "checked": report.checked,
                "errors": [e.to_dict() for e in report.errors],
            },
        )
    else:
        out = console()
        for error in report.errors:
            out.print(str(error), markup=False, highlight=False, soft_wrap=True)
        if report.ok:
            out.print(f"[green]ok[/green]: {report.checked} questions valid")
        else:
            out.print(
                f"[red]{len(report.errors)} problem(s)[/red] in content "
                f"({report.checked} questions loaded)"
            )
    if not report.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(content_app, name="content")
