"""The notebook functions, on the default core (same store as the CLI and web app)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from ._question import NotebookQuestion

if TYPE_CHECKING:
    from mlprep.study import QueueItem

__all__ = ["ProgressPlot", "Queue", "practice", "progress", "question"]


def question(id: str | None = None, *, key: str | None = None) -> NotebookQuestion:
    """A question by id (``question("k-means")``) or inventory key (``key="C01"``)."""
    from mlprep._api import default_core

    core = default_core()
    if (id is None) == (key is None):
        raise TypeError("give a question id or key=..., not both")
    found = core.question(id) if id is not None else core.question_by_key(key or "")
    return NotebookQuestion(core, found)


class Queue(list["QueueItem"]):
    """The practice queue; a list of items that renders as a table."""

    def __repr__(self) -> str:
        if not self:
            return "Nothing due and nothing new with these filters."
        rows = [f"{'id':32} {'category':14} why"]
        rows += [f"{i.question.id:32} {i.question.category.value:14} {i.reason}" for i in self]
        return "\n".join(rows)

    def _repr_html_(self) -> str:
        cells = "".join(
            f"<tr><td><code>{html.escape(i.question.id)}</code></td>"
            f"<td>{html.escape(i.question.title)}</td><td>{i.question.category.value}</td>"
            f"<td>{i.reason}{' (leech)' if i.leech else ''}</td></tr>"
            for i in self
        )
        return (
            "<table><thead><tr><th>id</th><th>title</th><th>category</th><th>why</th></tr>"
            f"</thead><tbody>{cells}</tbody></table>"
        )

    def questions(self) -> list[NotebookQuestion]:
        from mlprep._api import default_core

        core = default_core()
        return [NotebookQuestion(core, item.question) for item in self]


def practice(
    category: str | None = None, difficulty: str | None = None, minutes: int | None = 30
) -> Queue:
    """The due queue: reviews due now, then new questions, within ``minutes``."""
    from mlprep._api import default_core

    core = default_core()
    return Queue(core.practice_queue(category=category, difficulty=difficulty, minutes=minutes))


class ProgressPlot:
    """The progress plots: a PNG inline in Jupyter, a text summary elsewhere."""

    def __init__(self, data: dict[str, Any], figure: Any) -> None:
        self.data = data
        self.figure = figure

    def _repr_png_(self) -> bytes:
        import io

        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=90)
        return buffer.getvalue()

    def __repr__(self) -> str:
        lines = [f"{self.data['attempts']} attempts; due now {self.data['due']['now']}"]
        for category, row in self.data["categories"].items():
            lines.append(
                f"  {category:14} mastery {row['mastery']:.0%} ({row['trend_7d']:+.1%} in 7 days)"
            )
        return "\n".join(lines)


def progress() -> ProgressPlot:
    """Mastery over time, the activity calendar and mock scores, drawn inline."""
    from mlprep._api import default_core
    from mlprep.study import progress_figure

    report = default_core().progress()
    return ProgressPlot(report.to_dict(), progress_figure(report))
