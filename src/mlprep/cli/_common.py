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

# Commands that only read progress (docs/cli.md): a database that does not exist is
# read as empty and not created. `answer` records that the model answer was seen
# only in a database that already exists.
READ_ONLY_COMMANDS = frozenset(
    {"list", "show", "answer", "coverage", "stats", "due", "export", "notebook", "content"}
)

# Set in a worker of the resident service (mlprep._service._warm.WorkerServices): the
# service's loaded bank and warm judge. None in an ordinary, in-process CLI.
WARM: Any = None

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


def check_filters(category: str | None = None, difficulty: str | None = None) -> None:
    """Unknown filter values are usage errors (exit 2), not an empty result."""
    from mlprep.content import Category

    check_choice("category", category, [c.value for c in Category])
    check_choice("difficulty", difficulty, ["easy", "medium", "hard"])


def check_choice(name: str, value: str | None, choices: list[str]) -> None:
    if value is not None and value not in choices:
        from mlprep.errors import UsageError

        raise UsageError(f"unknown {name} '{value}' (choose from {', '.join(choices)})")


@dataclass
class State:
    """Options given before the command (``mlprep --db X list``)."""

    content: list[Path] = field(default_factory=list)
    db: str | None = None
    # False for a command that only reads progress: it never creates a database or
    # its folder (a mistyped --db must leave nothing behind); see READ_ONLY_COMMANDS.
    writes: bool = True
    _core: Mlprep | None = None

    @property
    def core(self) -> Mlprep:
        if self._core is None:
            from mlprep._core import Mlprep

            self._core = Mlprep(
                content=self.content,
                db=self.db,
                create_store=self.writes,
                bank_loader=None if WARM is None else WARM.load_bank,
            )
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


def read_source(path: str, *, limit: int | None = None) -> str:
    """Read a file argument, '-' meaning stdin; every problem is a one-line UsageError.

    A UTF-8 byte-order mark is dropped; with ``limit``, a longer input is refused
    before it is read whole (docs/cli.md: the judge takes sources up to 256 KB).
    """
    from mlprep._terminal import one_line
    from mlprep.errors import UsageError

    shown = one_line(path if len(path) <= 80 else path[:60] + "…" + path[-12:])
    cap = -1 if limit is None else limit + 1
    try:
        if path == "-":
            shown = "<stdin>"
            data = sys.stdin.buffer.read(cap)
        else:
            with open(path, "rb") as handle:
                data = handle.read(cap)
    except FileNotFoundError:
        raise UsageError(f"no such file: {shown}") from None
    except IsADirectoryError:
        raise UsageError(f"{shown} is a folder, not a file") from None
    except OSError as exc:  # a name too long, no permission, a broken device...
        raise UsageError(f"cannot read {shown}: {exc.strerror or exc}") from None
    if limit is not None and len(data) > limit:
        raise UsageError(
            f"{shown} is larger than {limit // 1024} KB, the most the judge takes; "
            "submit only your solution"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{shown} is not valid UTF-8 text "
            f"(byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")  # editors on Windows start files with a BOM
