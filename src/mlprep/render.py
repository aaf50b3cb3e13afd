"""Terminal renderings of questions and answers (rich renderables).

Results of the judge and grader render themselves (``__rich_console__``); this
module holds the renderings of content, shared by the CLI and practice sessions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

    from mlprep.content import Question

__all__ = ["answer_panel", "question_panel"]


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

    parts: list[RenderableType] = [Text(_header(question), style="dim"), Markdown(question.prompt)]
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
    parts: list[RenderableType] = [Markdown(question.answer), rubric]
    if question.meta.followups:
        parts.append(
            Markdown("**Follow-ups**\n\n" + "\n".join(f"- {f}" for f in question.meta.followups))
        )
    return Panel(Group(*parts), title=f"Model answer: {question.title}")
