"""Terminal renderings of questions and answers (rich renderables).

Results of the judge and grader render themselves (``__rich_console__``); this
module holds the renderings of content, shared by the CLI and practice sessions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mlprep.content import Question

__all__ = [
    "answer_panel",
    "hint_panel",
    "progress_table",
    "question_panel",
    "scorecard_table",
    "terminal_markdown",
]


def terminal_markdown(markdown: str) -> str:
    """Markdown for a terminal: LaTeX formulas rewritten as Unicode text."""
    from mlprep._math_text import markdown_math_to_text

    return markdown_math_to_text(markdown)


def hint_panel(text: str, number: int, total: int, *, latest: bool = True) -> RenderableType:
    from rich.markdown import Markdown
    from rich.panel import Panel

    return Panel(
        Markdown(terminal_markdown(text)),
        title=f"Hint {number} of {total}",
        border_style="bold" if latest else "dim",
    )


def _header(question: Question) -> str:
    bits = [question.category.value, question.difficulty.value, f"~{question.meta.minutes} min"]
    if question.covers:
        bits.append("covers " + " ".join(question.covers))
    return " · ".join(bits)


def question_panel(question: Question) -> RenderableType:
    from rich.console import Group
    from rich.markdown import Markdown
    from rich.panel import Panel
    from rich.syntax import Syntax
    from rich.text import Text

    parts: list[RenderableType] = [
        Text(_header(question), style="dim"),
        Markdown(terminal_markdown(question.prompt)),
    ]
    if question.meta.coding is not None:
        parts.append(Text("\nStarter code:", style="bold"))
        parts.append(Syntax(question.read("starter.py"), "python", theme="ansi_dark"))
        parts.append(Text(f"\nSubmit with: mlprep judge {question.id} solution.py", style="dim"))
    else:
        parts.append(Text(f"\nAnswer with: mlprep grade {question.id} answer.txt", style="dim"))
    parts.append(Text(f"{len(question.hints)} hints: mlprep hint {question.id}", style="dim"))
    return Panel(Group(*parts), title=f"[bold]{question.title}[/bold] ({question.id})")


def answer_panel(question: Question) -> RenderableType:
    from rich.console import Group
    from rich.markdown import Markdown
    from rich.panel import Panel
    from rich.table import Table

    rubric = Table(title="Rubric", title_justify="left", show_lines=False, expand=True)
    rubric.add_column("pts", justify="right", width=4)
    rubric.add_column("a good answer…", overflow="fold")
    for criterion in question.rubric.criterion:
        rubric.add_row(f"{criterion.points:g}", criterion.text)
    for wrong in question.rubric.misconception:
        rubric.add_row(f"-{wrong.penalty:g}", f"[red]mistake:[/red] {wrong.text}")
    parts: list[RenderableType] = [Markdown(terminal_markdown(question.answer)), rubric]
    if question.meta.followups:
        parts.append(
            Markdown("**Follow-ups**\n\n" + "\n".join(f"- {f}" for f in question.meta.followups))
        )
    return Panel(Group(*parts), title=f"Model answer: {question.title}")


def _bar(fraction: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "·" * (width - filled)


def scorecard_table(card: dict[str, Any]) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Mock interview scorecard ({card['track']})", title_justify="left")
    for column in ("question", "category", "score", "hints", "tries"):
        table.add_column(column)
    for q in card["questions"]:
        score = f"{q['score']:.0%}" if q["answered"] else "[dim]not answered[/dim]"
        table.add_row(q["title"], q["category"], score, str(q["hints_used"]), str(q["submissions"]))
    lines = [
        f"Total: {card['total']:.0%}"
        + (
            f" ({card['change']:+.0%} since the last mock)"
            if card.get("change") is not None
            else ""
        ),
        "By category: " + ", ".join(f"{c} {s:.0%}" for c, s in card["categories"].items()),
        f"Time: {card['minutes_used']:.0f} of {card['minutes_budget']} min"
        + (" (over time)" if card["over_time"] else ""),
        "Strongest topics: " + (", ".join(card["strongest_topics"]) or "-"),
        "Weakest topics: " + (", ".join(card["weakest_topics"]) or "-"),
        "Study next: " + (", ".join(card["study_next"]) or "-"),
    ]
    return Group(table, Text("\n".join(lines)))


def progress_table(data: dict[str, Any]) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    streak, due = data["streak"], data["due"]
    head = Text(
        f"{data['attempts']} attempts on {data['questions_tried']} questions · "
        f"streak {streak['current']} day(s) (longest {streak['longest']}) · "
        f"due now {due['now']}, today {due['today']}, next 7 days {due['next_7_days']}"
    )
    table = Table(title="Mastery per category", title_justify="left")
    for column in ("category", "mastery", "", "7-day trend", "attempts", "questions"):
        table.add_column(column)
    for category, row in data["categories"].items():
        trend = row["trend_7d"]
        arrow = "[green]▲[/green]" if trend > 0.005 else "[red]▼[/red]" if trend < -0.005 else "="
        table.add_row(
            category,
            f"{row['mastery']:.0%}",
            _bar(row["mastery"]),
            f"{arrow} {trend:+.1%}",
            str(row["attempts"]),
            str(row["questions"]),
        )
    parts: list[RenderableType] = [head, table]
    if data["leeches"]:
        parts.append(Text("Leeches (keep failing): " + ", ".join(data["leeches"]), style="yellow"))
    if data["mocks"]:
        parts.append(
            Text(
                "Mock interviews: "
                + ", ".join(f"{m['started_at'][:10]} {m['total']:.0%}" for m in data["mocks"][-5:])
            )
        )
    return Group(*parts)
