"""Shared plumbing of the CLI: global options, JSON output and the core object."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from mlprep._core import Mlprep

JSON_SCHEMA_VERSION = 1

JsonOption = typer.Option(False, "--json", help="Print machine-readable JSON (see docs/cli.md).")


def complete_question_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the ids of the loaded bank that start with what was typed."""
    try:
        from mlprep.content import load_bank

        return sorted(q.id for q in load_bank() if q.id.startswith(incomplete))
    except Exception:  # completion must never print a traceback into the shell
        return []


QuestionArgument = typer.Argument(
    ...,
    metavar="ID",
    help="Question id (see `mlprep list`).",
    autocompletion=complete_question_id,
)


@dataclass
class State:
    """Options given before the command (``mlprep --db X list``)."""

    content: list[Path] = field(default_factory=list)
    db: str | None = None
    _core: Mlprep | None = None

    @property
    def core(self) -> Mlprep:
        if self._core is None:
            from mlprep._core import Mlprep

            self._core = Mlprep(content=self.content, db=self.db)
        return self._core


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    if not isinstance(obj, State):
        obj = State()
        ctx.find_root().obj = obj
    return obj


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def emit_json(kind: str, data: dict[str, Any]) -> None:
    """Every --json document carries its shape's name and version first."""
    doc = {"schema": f"mlprep.{kind}", "version": JSON_SCHEMA_VERSION, **data}
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n")


def read_source(path: str) -> str:
    """Read a file argument, '-' meaning stdin; errors become UsageError."""
    from mlprep.errors import UsageError

    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.is_file():
            raise UsageError(f"no such file: {path}")
        data = p.read_bytes()
        name = path
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name} is not valid UTF-8 (byte {exc.start})") from None
