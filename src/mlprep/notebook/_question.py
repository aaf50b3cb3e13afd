"""``mp.question(...)``: one question in a notebook, with check/hint/solution/answer."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from mlprep.errors import NotAttempted, UsageError

from ._source import NotJudgeable, function_source

if TYPE_CHECKING:
    from mlprep._core import Mlprep
    from mlprep.content import Question

__all__ = ["Markdown", "NotebookQuestion", "Notice", "Shown"]


def _markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    # Math stays as $...$ for the notebook's MathJax to typeset.
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


class Markdown:
    """Markdown shown as HTML in Jupyter and as plain text elsewhere."""

    def __init__(self, text: str, title: str = "") -> None:
        self.text = text
        self.title = title

    def __repr__(self) -> str:
        return f"{self.title}\n\n{self.text}" if self.title else self.text

    def _repr_html_(self) -> str:
        head = f"<h4>{html.escape(self.title)}</h4>" if self.title else ""
        return f'<div class="mlprep">{head}{_markdown_html(self.text)}</div>'


class Notice:
    """A short message (what cannot be judged, what was recorded)."""

    def __init__(self, message: str, kind: str = "warning") -> None:
        self.message = message
        self.kind = kind

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour = "#9a6700" if self.kind == "warning" else "#0969da"
        return (
            f'<div class="mlprep" style="border-left:4px solid {colour};padding:4px 10px">'
            f"{html.escape(self.message)}</div>"
        )


class Shown:
    """A judge result or grade report that also reads well in a plain console.

    Jupyter shows ``_repr_html_``; a plain Python or IPython console shows ``repr``,
    which for these pydantic models was a field dump. Here ``repr`` is the object's
    rich rendering (``__rich_console__``) as plain text. Attributes are the wrapped
    object's (``q.check(f).accepted``); ``.value`` is the object itself.
    """

    def __init__(self, value: Any) -> None:
        object.__setattr__(self, "value", value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.value, name)

    def __repr__(self) -> str:
        import io

        from rich.console import Console

        buffer = io.StringIO()
        Console(file=buffer, width=100, color_system=None, force_terminal=False).print(self.value)
        return buffer.getvalue().rstrip()

    __str__ = __repr__

    def _repr_html_(self) -> str:
        return str(self.value._repr_html_())

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield self.value


class NotebookQuestion:
    """The learntools-style view of a question: ``check``, ``hint``, ``solution``, ``answer``,
    ``rate``."""

    def __init__(self, core: Mlprep, question: Question) -> None:
        self._core = core
        self.question = question

    @property
    def id(self) -> str:
        return self.question.id

    def _header(self) -> str:
        q = self.question
        return f"{q.title} · {q.category.value} · {q.difficulty.value} · ~{q.meta.minutes} min"

    def __repr__(self) -> str:
        q = self.question
        lines = [self._header(), "", q.prompt.strip(), ""]
        if q.meta.coding is not None:
            lines += ["Starter:", q.read("starter.py").rstrip(), ""]
            lines.append(f"Check with q.check({q.meta.coding.entry_point}); q.hint() for a hint.")
        else:
            lines.append('Answer with q.answer("..."); q.hint() for a hint.')
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        q = self.question
        parts = [
            f"<h3>{html.escape(q.title)}</h3>",
            f'<p style="color:#57606a">{html.escape(self._header())}</p>',
            _markdown_html(q.prompt),
        ]
        if q.meta.coding is not None:
            parts.append(
                "<details><summary>Starter code</summary><pre>"
                f"{html.escape(q.read('starter.py'))}</pre></details>"
            )
            parts.append(
                f"<p><code>q.check({q.meta.coding.entry_point})</code> judges your function · "
                "<code>q.hint()</code> · <code>q.solution()</code></p>"
            )
        else:
            parts.append(
                '<p><code>q.answer("...")</code> grades your answer · <code>q.hint()</code> · '
                "<code>q.solution()</code></p>"
            )
        return '<div class="mlprep">' + "".join(parts) + "</div>"

    def starter(self) -> str:
        """The starter code of a coding question."""
        if self.question.meta.coding is None:
            raise ValueError(f"'{self.id}' is a written question: it has no starter code")
        return self.question.read("starter.py")

    def hint(self) -> Markdown:
        """Reveal the next hint (remembered, like in the CLI and the web app)."""
        before = self._core.hints(self.id)
        reveal = before if before.exhausted else self._core.next_hint(self.id)
        if not reveal.revealed:
            return Markdown("This question has no hints.")
        suffix = " (no more hints; q.solution() shows the answer)" if before.exhausted else ""
        return Markdown(
            reveal.revealed[-1], title=f"Hint {len(reveal.revealed)} of {reveal.total}{suffix}"
        )

    def solution(self) -> Markdown:
        """The model answer (recorded as seen: it caps the next review's rating)."""
        self._core.reveal_solution(self.id)
        return Markdown(self.question.answer, title=f"Model answer: {self.question.title}")

    def check(self, fn: Any, *, seed: int | None = None) -> Any:
        """Judge a function defined in the notebook, in the sandbox; the attempt is stored."""
        spec = self.question.meta.coding
        if spec is None:
            return Notice(f"'{self.id}' is a written question: use q.answer(\"your answer\")")
        try:
            source = function_source(fn, spec.entry_point)
        except NotJudgeable as exc:
            return Notice(f"Cannot judge this: {exc}.")
        try:
            return Shown(self._core.judge(self.id, source, seed=seed, origin="notebook"))
        except NotAttempted as exc:
            return Notice(f"Not attempted: {exc}.")

    def answer(self, text: str) -> Any:
        """Grade a written answer against the rubric; the attempt is stored."""
        if self.question.meta.coding is not None:
            return Notice(f"'{self.id}' is a coding question: use q.check(your_function)")
        if not isinstance(text, str):
            return Notice("q.answer takes your answer as a string")
        try:
            return Shown(self._core.grade(self.id, text, origin="notebook"))
        except NotAttempted as exc:
            return Notice(f"Not attempted: {exc}.")

    def rate(self, rating: str | int) -> Notice:
        """Rate your own answer just graded (again, hard, good, easy): your rating, not the
        grade's, sets the next review (docs/practice.md)."""
        try:
            rated = self._core.rate(self.id, rating)
        except UsageError as exc:
            return Notice(str(exc))
        return Notice(rated.summary(), kind="info")
