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
    jobs: int = typer.Option(
        0,
        "--jobs",
        "-j",
        min=0,
        help="Processes to check in (default 0: one per idle core, at most 4, for 40+ "
        "questions; 1: in this process alone).",
    ),
    as_json: bool = JsonOption,
) -> None:
    """Validate question folders: schema, unknown keys, ids, covers, files, rubrics."""
    from mlprep.content import check_content, content_roots
    from mlprep.grading.rubric_check import unmatched_concepts

    from ._progress import slow

    roots = list(folders) if folders else content_roots(state(ctx).content)
    with slow("checking content") as status:

        def progress(done: int, total: int, question_id: str) -> None:
            status.update(f"checking content: {done}/{total} done ({question_id})")

        report = check_content(
            roots, extra=[unmatched_concepts], progress=progress, workers=jobs or _auto_jobs(roots)
        )
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


def _auto_jobs(roots: list[Path]) -> int:
    """One process per idle core (cores less the one-minute load average; at most 4) for
    a bank of 40+ questions: on a busy machine more processes only add the cost of
    starting them, and a few questions are checked sooner here than others start."""
    import os

    from mlprep.content import discover

    if sum(1 for root in roots if root.is_dir() for _ in discover(root)) < 40:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # not available here (Windows)
        busy = 0.0
    return max(1, min(4, int(cores - busy + 0.5)))


def register(app: typer.Typer) -> None:
    app.add_typer(content_app, name="content")
