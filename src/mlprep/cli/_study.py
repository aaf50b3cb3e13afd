"""Practice in the terminal: `practice`, `mock`, `due`, `stats`, `export`, `import`.

The loop here only prompts and renders; what to ask, how answers are judged or
graded and how they are scheduled all happens in the core.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ._common import JsonOption, check_filters, console, emit_json, state
from ._files import check_output, write_atomically

if TYPE_CHECKING:
    from rich.console import Console

    from mlprep._core import Mlprep
    from mlprep.content import Question

DUE_ROWS = 50  # rows of the `due` table before "and N more"
WORKDIR_HELP = "Folder for the code files of coding questions."


KEYS = "[h] hint  [s] skip  [q] quit"


class _Quit(Exception):
    """The learner pressed q: end the session normally (exit 0)."""


def _read_line(prompt: str, out: Console) -> str:
    out.print(prompt, end="", markup=False, highlight=False)
    line = sys.stdin.readline()
    if line == "":
        raise EOFError
    return line.rstrip("\n")


def _read_answer(out: Console) -> str:
    """A written answer, or a key (h, s, q) typed alone on the first line.

    A key acts at once (no '.' needed). End of input with nothing typed raises
    EOFError, so a closed stdin ends the session instead of asking forever.
    """
    editor = os.environ.get("EDITOR")
    from rich.markup import escape

    out.print(
        "[dim]Type your answer, then a line with only '.' to finish"
        + (" ('e' alone opens $EDITOR)" if editor else "")
        + f". Keys, alone on the first line, act at once: {escape(KEYS)}.[/dim]"
    )
    lines: list[str] = []
    while True:
        line = sys.stdin.readline()
        if line == "":
            if not lines:
                raise EOFError
            break
        text = line.rstrip("\n")
        if text == ".":
            break
        if not lines and text.strip().lower() in {"h", "s", "q"}:
            return text.strip().lower()
        if editor and not lines and text.strip() == "e":
            return _edit_text("", editor)
        lines.append(text)
    return "\n".join(lines).strip()


def _edit_text(initial: str, editor: str) -> str:
    import tempfile

    with tempfile.NamedTemporaryFile("w+", suffix=".md", delete=False) as handle:
        handle.write(initial)
        path = Path(handle.name)
    subprocess.call([*shlex.split(editor), str(path)])
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    path.unlink(missing_ok=True)
    return text


def _show_hint(core: Mlprep, question: Question, out: Console, mock_id: int | None) -> None:
    from rich.markdown import Markdown
    from rich.panel import Panel

    reveal = core.next_hint(question.id, mock_id=mock_id)
    if not reveal.revealed:
        out.print("[dim]This question has no hints.[/dim]")
        return
    out.print(
        Panel(
            Markdown(reveal.revealed[-1]),
            title=f"Hint {len(reveal.revealed)} of {reveal.total}",
        )
    )


def _code_file(question: Question, workdir: Path, mock_id: int | None) -> Path:
    """Where a coding question's file lives; a mock always starts from the starter."""
    name = f"{question.id.replace('-', '_')}.py"
    if mock_id is None:
        path = workdir / name
        if not path.exists():
            path.write_text(question.read("starter.py"), encoding="utf-8")
        return path
    # A mock is an interview: earlier practice code (maybe the accepted solution)
    # must not be in the editor, so it gets its own folder and a fresh starter.
    folder = workdir / f"mock-{mock_id}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(question.read("starter.py"), encoding="utf-8")
    return path


def _ask(
    core: Mlprep,
    question: Question,
    out: Console,
    *,
    workdir: Path,
    origin: str,
    mock_id: int | None = None,
    deadline: float | None = None,
) -> dict[str, Any] | None:
    """Pose one question until answered or skipped. Returns a summary, None if skipped.

    Raises _Quit on q and EOFError at the end of input.
    """
    from mlprep.errors import NotAttempted
    from mlprep.render import answer_panel, question_panel

    out.print(question_panel(question))
    started = time.monotonic()
    if question.is_coding:
        path = _code_file(question, workdir, mock_id)
        out.print(f"Write your solution in [bold]{path}[/bold].")
        editor = os.environ.get("EDITOR")
        if editor:
            subprocess.call([*shlex.split(editor), str(path)])
        while True:
            if deadline is not None:
                left = max(0, int(deadline - time.monotonic()))
                out.print(f"[dim]{left // 60}:{left % 60:02d} left[/dim]")
            choice = _read_line(f"[Enter] judge  {KEYS} > ", out).strip().lower()
            if choice == "q":
                raise _Quit
            if choice == "s":
                return None
            if choice == "h":
                _show_hint(core, question, out, mock_id)
                continue
            try:
                result = core.judge(
                    question.id,
                    path.read_text(encoding="utf-8", errors="replace"),
                    origin=origin,
                    mock_id=mock_id,
                    time_spent_s=time.monotonic() - started,
                )
            except NotAttempted as exc:
                out.print(f"[yellow]Not attempted:[/yellow] {exc}.")
                continue
            out.print(result)
            if result.accepted:
                return {"id": question.id, "verdict": str(result.verdict), "score": 1.0}
            if str(result.verdict) == "syntax_error":
                out.print(
                    "[dim]The code does not parse: fix it and judge again (not a review).[/dim]"
                )
    while True:
        answer = _read_answer(out)
        if answer == "h":
            _show_hint(core, question, out, mock_id)
            continue
        if answer == "s":
            return None
        if answer == "q":
            raise _Quit
        try:
            report = core.grade(
                question.id,
                answer,
                origin=origin,
                mock_id=mock_id,
                time_spent_s=time.monotonic() - started,
            )
        except NotAttempted as exc:
            out.print(f"[yellow]Not attempted:[/yellow] {exc}.")
            continue
        out.print(report)
        summary = {"id": question.id, "score": report.score}
        if mock_id is None:
            out.print(answer_panel(question))
            try:
                _offer_rating(core, question, out)
            except (_Quit, EOFError, KeyboardInterrupt) as stop:
                stop.answered = summary  # type: ignore[attr-defined]  # saved: it counts
                raise
        return summary


RATE_KEYS = "[1] again  [2] hard  [3] good  [4] easy  [Enter] keep the grade's"


def _offer_rating(core: Mlprep, question: Question, out: Console) -> None:
    """After the model answer: the learner's own rating, if they disagree with the grade
    (docs/practice.md, "Rating yourself"). Enter keeps the grade's; q quits."""
    from rich.markup import escape

    from mlprep.errors import UsageError

    while True:
        choice = _read_line(f"Your own rating? {RATE_KEYS} > ", out).strip().lower()
        if choice in ("", "s"):
            out.print("[dim]The grade's rating stands.[/dim]")
            return
        if choice == "q":
            raise _Quit
        try:
            rated = core.rate(question.id, choice)
        except UsageError as exc:
            out.print(f"[yellow]{escape(str(exc))}[/yellow]")
            continue
        out.print(f"[dim]{escape(rated.summary())}[/dim]")
        return


def register(app: typer.Typer) -> None:
    @app.command("practice")
    def practice(
        ctx: typer.Context,
        category: str | None = typer.Option(None, "--category", "-c", help="Only this category."),
        difficulty: str | None = typer.Option(
            None, "--difficulty", "-d", help="easy | medium | hard"
        ),
        minutes: int = typer.Option(30, "--minutes", "-m", min=1, help="Time budget."),
        workdir: Path = typer.Option(Path("mlprep-practice"), "--workdir", help=WORKDIR_HELP),
        as_json: bool = JsonOption,
    ) -> None:
        """A practice session: due reviews first, then new questions, within the time budget."""
        check_filters(category, difficulty)
        core = state(ctx).core
        out = console(stderr=as_json)
        queue = core.practice_queue(category=category, difficulty=difficulty, minutes=minutes)
        if not queue:
            out.print("Nothing to practise with these filters.")
        workdir.mkdir(parents=True, exist_ok=True)
        done: list[dict[str, Any]] = []
        deadline = time.monotonic() + 60 * minutes
        code, completed = 0, True
        try:
            for n, item in enumerate(queue, start=1):
                if time.monotonic() > deadline:
                    out.print("[yellow]Time budget used up.[/yellow]")
                    break
                label = "review" if item.reason == "due" else "new"
                out.rule(f"{n}/{len(queue)} · {label}" + (" · leech" if item.leech else ""))
                if item.leech:
                    _offer_leech_help(core, item.question, out)
                summary = _ask(core, item.question, out, workdir=workdir, origin="practice")
                if summary:
                    done.append(summary)
        except (_Quit, EOFError, KeyboardInterrupt) as stop:
            # Stopped at the own-rating prompt: the answer before it is saved all the same.
            if getattr(stop, "answered", None):
                done.append(stop.answered)  # type: ignore[attr-defined]
            completed = False
            if isinstance(stop, EOFError):
                out.print("\n[dim]End of input.[/dim]")
            elif isinstance(stop, KeyboardInterrupt):
                code = 130
                out.print()
        if completed:
            out.print(f"[green]Session done:[/green] {len(done)} answer(s) saved.")
        else:
            out.print(f"[yellow]Stopped.[/yellow] {len(done)} answer(s) saved.")
        if as_json:
            emit_json("practice", {"answered": done, "completed": completed})
        if code:
            raise typer.Exit(code)

    @app.command("mock")
    def mock(
        ctx: typer.Context,
        track: str = typer.Option(
            "ml-engineer", "--track", help="ml-engineer | data-scientist | research"
        ),
        minutes: int = typer.Option(45, "--minutes", "-m", min=5, help="Time budget."),
        seed: int | None = typer.Option(None, "--seed", help="Pick the same questions again."),
        workdir: Path = typer.Option(Path("mlprep-practice"), "--workdir", help=WORKDIR_HELP),
        as_json: bool = JsonOption,
    ) -> None:
        """A timed mock interview (coding, a theory burst, a case or design), then a scorecard."""
        core = state(ctx).core
        out = console(stderr=as_json)
        row, plan = core.start_mock(track, minutes, seed)
        workdir.mkdir(parents=True, exist_ok=True)
        out.print(
            f"[bold]Mock interview[/bold] ({track}, {minutes} min, {len(plan.question_ids)} "
            "questions). Hints stay hidden unless you ask (that is recorded)."
        )
        deadline = time.monotonic() + 60 * minutes
        code = 0
        try:
            for n, qid in enumerate(plan.question_ids, start=1):
                if time.monotonic() > deadline:
                    out.print("[yellow]Time is up.[/yellow]")
                    break
                left = max(0, int(deadline - time.monotonic()))
                out.rule(
                    f"Question {n} of {len(plan.question_ids)} · {left // 60}:{left % 60:02d} left"
                )
                _ask(
                    core,
                    core.question(qid),
                    out,
                    workdir=workdir,
                    origin="mock",
                    mock_id=row.id,
                    deadline=deadline,
                )
        except (_Quit, EOFError):
            out.print("\n[yellow]Mock stopped early.[/yellow]")
        except KeyboardInterrupt:
            out.print("\n[yellow]Mock interrupted.[/yellow]")
            code = 130
        card = core.finish_mock(row.id)
        if as_json:
            emit_json("scorecard", card)
        elif card.get("abandoned"):
            out.print(
                "Nothing was answered: the mock is kept as abandoned, without a score "
                "(it is left out of trends and comparisons)."
            )
        else:
            from mlprep.render import scorecard_table

            out.print(scorecard_table(card))
        if code:
            raise typer.Exit(code)

    @app.command("due")
    def due(
        ctx: typer.Context,
        category: str | None = typer.Option(None, "--category", "-c", help="Only this category."),
        minutes: int | None = typer.Option(
            None, "--minutes", "-m", min=1, help="Only as many as fit in this many minutes."
        ),
        show_all: bool = typer.Option(
            False, "--all", help=f"Show every row (the table stops at {DUE_ROWS})."
        ),
        as_json: bool = JsonOption,
    ) -> None:
        """What practice would offer now: due reviews, then new questions."""
        check_filters(category)
        core = state(ctx).core
        queue = core.practice_queue(category=category, minutes=minutes)
        if as_json:
            emit_json("queue", {"count": len(queue), "items": [i.to_dict() for i in queue]})
            return
        from rich.table import Table

        table = Table(title=f"{len(queue)} questions", title_justify="left")
        for column in ("id", "category", "why", "recall"):
            table.add_column(column)
        shown = queue if show_all else queue[:DUE_ROWS]
        for item in shown:
            recall = "" if item.retrievability is None else f"{item.retrievability:.0%}"
            why = item.reason + (" (leech)" if item.leech else "")
            table.add_row(item.question.id, item.question.category.value, why, recall)
        out = console()
        out.print(table)
        if len(queue) > len(shown):
            out.print(f"and {len(queue) - len(shown)} more (`mlprep due --all` shows every row)")

    @app.command("stats")
    def stats(
        ctx: typer.Context,
        plot: Path | None = typer.Option(
            None, "--plot", help="Write the progress plots to this PNG."
        ),
        as_json: bool = JsonOption,
    ) -> None:
        """Streaks, due reviews, mastery per category and its trend; --plot draws them."""
        from ._progress import slow

        if plot is not None:
            check_output(plot, example="progress.png")
        core = state(ctx).core
        with slow("computing progress"):
            progress = core.progress()
        if plot is not None:
            with slow(f"drawing {plot.name}"):
                _write_plot(progress, plot)
        data = progress.to_dict()
        if as_json:
            emit_json("stats", data | ({"plot": str(plot)} if plot else {}))
            return
        from mlprep.render import progress_table

        out = console()
        out.print(progress_table(data))
        if plot is not None:
            out.print(f"Plots written to {plot}")

    @app.command("export")
    def export(
        ctx: typer.Context,
        path: Path = typer.Argument(..., metavar="FILE.json", help="The file to write."),
        as_json: bool = JsonOption,
    ) -> None:
        """Write all your progress to a JSON file (lossless; see docs/practice.md)."""
        import json
        from datetime import UTC, datetime

        from mlprep.study import export_progress

        check_output(path, example="progress.json")
        core = state(ctx).core
        doc = export_progress(core, datetime.now(UTC))
        text = json.dumps(doc, indent=1, ensure_ascii=False)
        write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        counts = {k: len(v) for k, v in doc.items() if isinstance(v, list)}
        if as_json:
            emit_json("export-summary", {"file": str(path), "rows": counts})
        else:
            console().print(f"Exported {counts['attempts']} attempts to {path}")

    @app.command("import")
    def import_(
        ctx: typer.Context,
        path: Path = typer.Argument(..., metavar="FILE.json", help="A file written by export."),
        as_json: bool = JsonOption,
    ) -> None:
        """Merge progress from an export file: all or nothing; re-importing adds nothing."""
        from mlprep.study import import_progress

        added = import_progress(state(ctx).core, path)
        if as_json:
            emit_json("import-summary", {"file": str(path), "added": added})
        else:
            console().print("Imported: " + ", ".join(f"{n} {kind}" for kind, n in added.items()))


def _write_plot(progress: Any, path: Path) -> None:
    """The plots as PNG (or SVG/PDF when the name says so), to exactly ``path``.

    matplotlib would add ".png" to a name without one; writing a temporary file
    whose name ends in the format keeps the file where the learner asked.
    """
    from mlprep.study import write_progress_plot

    suffix = path.suffix.lower() if path.suffix.lower() in {".png", ".svg", ".pdf"} else ".png"
    write_atomically(path, lambda tmp: write_progress_plot(progress, tmp), suffix=suffix)


def _offer_leech_help(core: Mlprep, question: Question, out: Console) -> None:
    hints = len(question.hints)
    out.print(
        "[yellow]This question keeps slipping.[/yellow] "
        + (f"It has {hints} hint(s): 'h' shows one at a time. " if hints else "")
    )
    simpler = core.prerequisite_for(question.id)
    if simpler is not None:
        out.print(
            f"A simpler question on the same ground: [bold]{simpler.id}[/bold] "
            f"({simpler.title}). Try `mlprep show {simpler.id}` after this one."
        )
