"""The result of grading one answer: a typed, versioned, renderable report."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

__all__ = [
    "GRADE_SCHEMA",
    "GRADE_SCHEMA_VERSION",
    "PASS_MARK",
    "CriterionResult",
    "Evidence",
    "GradeReport",
    "MisconceptionResult",
    "Status",
]

GRADE_SCHEMA = "mlprep.grade"
# 2: a criterion's status may be "contradicted" (the claim grader: the answer states the opposite).
GRADE_SCHEMA_VERSION = 2
# The share of the rubric's points an answer needs to pass in an interview.
PASS_MARK = 0.6

Status = Literal["met", "partly", "missed", "contradicted"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Model):
    """A span of the answer: ``answer[start:end] == text``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class CriterionResult(_Model):
    id: str
    text: str
    status: Status
    points: float
    earned: float
    found: list[str] = Field(default_factory=list, description="concepts the answer expresses")
    missing: list[str] = Field(default_factory=list, description="concepts it does not")
    evidence: Evidence | None = None
    feedback: str


class MisconceptionResult(_Model):
    id: str
    text: str
    penalty: float
    evidence: Evidence | None = None


class GradeReport(_Model):
    """How an answer meets a question's rubric.

    ``score`` is in [0, 1]: points earned minus misconception penalties, over the
    rubric's maximum, floored at 0.
    """

    question_id: str
    grader: str
    score: float = Field(ge=0.0, le=1.0)
    points: float
    max_points: float
    passed: bool
    criteria: list[CriterionResult]
    misconceptions: list[MisconceptionResult] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    words: int = 0

    @property
    def band(self) -> int:
        """The score on the 0-4 scale used for calibration (0 = nothing, 4 = excellent)."""
        return score_band(self.score)

    def criterion(self, criterion_id: str) -> CriterionResult:
        for result in self.criteria:
            if result.id == criterion_id:
                return result
        raise KeyError(criterion_id)

    def to_dict(self) -> dict[str, Any]:
        """The documented ``--json`` shape (docs/grading.md), ``score`` at the top level."""
        return {
            "schema": GRADE_SCHEMA,
            "version": GRADE_SCHEMA_VERSION,
            **self.model_dump(mode="json"),
            "band": self.band,
        }

    # -- rendering -----------------------------------------------------------------

    def __repr__(self) -> str:
        """At a Python prompt: the verdict as the CLI prints it, not the model's fields."""
        from mlprep._terminal import plain_render

        return plain_render(self)

    __str__ = __repr__

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.table import Table
        from rich.text import Text

        verdict = "pass" if self.passed else "not yet"
        colour = "green" if self.passed else "yellow"
        yield Text.assemble(
            (f"{self.question_id}", "bold"),
            f"  score {self.score:.2f}  ({self.points:g}/{self.max_points:g} points)  ",
            (verdict, f"bold {colour}"),
            f"  [{self.grader} grader]",
        )
        table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
        table.add_column("criterion")
        table.add_column("status")
        table.add_column("points", justify="right")
        table.add_column("feedback / evidence")
        styles = {"met": "green", "partly": "yellow", "missed": "red", "contradicted": "bold red"}
        for c in self.criteria:
            detail = Text(c.feedback)
            if c.evidence is not None:
                detail.append(f'\n"{_shorten(c.evidence.text)}"', style="dim")
            table.add_row(
                c.id, Text(c.status, style=styles[c.status]), f"{c.earned:g}/{c.points:g}", detail
            )
        yield table
        for m in self.misconceptions:
            line = Text.assemble(
                ("misconception ", "bold red"), f"{m.id} (-{m.penalty:g}): {m.text}"
            )
            if m.evidence is not None:
                line.append(f'\n  "{_shorten(m.evidence.text)}"', style="dim")
            yield line
        for note in self.notes:
            yield Text(f"note: {note}", style="dim")

    def _repr_html_(self) -> str:
        from html import escape

        colours = {
            "met": "#1a7f37",
            "partly": "#9a6700",
            "missed": "#cf222e",
            "contradicted": "#82071e",
        }
        rows = []
        for c in self.criteria:
            evidence = (
                f"<br><small><i>&ldquo;{escape(_shorten(c.evidence.text))}&rdquo;</i></small>"
                if c.evidence
                else ""
            )
            rows.append(
                f"<tr><td>{escape(c.id)}</td>"
                f'<td style="color:{colours[c.status]}">{c.status}</td>'
                f"<td>{c.earned:g}/{c.points:g}</td>"
                f"<td>{escape(c.feedback)}{evidence}</td></tr>"
            )
        misc = "".join(
            f"<li><b>{escape(m.id)}</b> (&minus;{m.penalty:g}): {escape(m.text)}</li>"
            for m in self.misconceptions
        )
        notes = "".join(f"<li>{escape(n)}</li>" for n in self.notes)
        verdict = "pass" if self.passed else "not yet"
        return (
            f'<div class="mlprep-grade"><p><b>{escape(self.question_id)}</b> &mdash; score '
            f"<b>{self.score:.2f}</b> ({self.points:g}/{self.max_points:g} points, {verdict}, "
            f"{escape(self.grader)} grader)</p>"
            "<table><thead><tr><th>criterion</th><th>status</th><th>points</th>"
            f"<th>feedback</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            + (f"<p>Misconceptions:</p><ul>{misc}</ul>" if misc else "")
            + (f"<ul>{notes}</ul>" if notes else "")
            + "</div>"
        )


def score_band(score: float) -> int:
    """Map a 0-1 score to the 0-4 scale: nearest of 0, 0.25, 0.5, 0.75, 1."""
    return int(min(4, max(0, math.floor(score * 4 + 0.5))))


def _shorten(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
