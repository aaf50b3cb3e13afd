"""The Typer application and the in-process entry point (``run``).

Each command group lives in its own module with a ``register(app)`` function and
imports heavy modules inside the command bodies, so ``mlprep --help`` stays fast.
The service's worker (``mlprep._service``) runs the same ``run`` with the client's
descriptors, so a served command prints exactly what it prints here.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer

from ._common import READ_ONLY_COMMANDS, State

__all__ = ["app", "run"]

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES = [
    "catalogue",
    "content",
    "judge",
    "grade",
    "study",
    "serve",
    "team",
    "worker",
    "notebook",
]

app = typer.Typer(
    name="mlprep",
    help="Practise machine-learning interviews, offline: questions, a sandboxed judge, "
    "rubric grading and spaced repetition.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from mlprep._version import __version__

        typer.echo(f"mlprep {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    content: list[Path] = typer.Option(
        [],
        "--content",
        help="Extra content folder (repeatable); MLPREP_CONTENT works too.",
        envvar=None,
    ),
    db: Path | None = typer.Option(
        None,
        "--db",
        help="Progress database file (default: in MLPREP_HOME or the user data folder).",
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    writes = ctx.invoked_subcommand not in READ_ONLY_COMMANDS
    ctx.obj = State(content=list(content), db=db, writes=writes)


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"mlprep.cli._{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"mlprep.cli._{_name}":
            raise
        continue
    _module.register(app)


_COMMAND: Any = None


def click_command() -> Any:
    """The click command tree Typer builds from ``app``, built once per process.

    ``app()`` builds it again on every call (10-16 ms of the command's time); the
    resident service builds it while loading, so every worker it forks has it.
    """
    global _COMMAND
    if _COMMAND is None:
        from typer.main import get_command

        _COMMAND = get_command(app)
    return _COMMAND


def warm_parsing(names: Iterable[str]) -> None:
    """Parse each named command once, with no arguments, running nothing.

    Typer builds each parameter's converter (pydantic) on a command's first parse: 5-14
    ms of the first command a process runs. The resident service does this while
    loading, so its workers parse at once. Resilient parsing: no error is raised for
    the missing arguments and no command or group callback is invoked.
    """
    group = click_command()
    with group.make_context("mlprep", [], resilient_parsing=True) as ctx:
        for name in names:
            command = group.get_command(ctx, name)
            if command is not None:
                with command.make_context(name, [], parent=ctx, resilient_parsing=True):
                    pass


def _click_errors() -> Any:
    """click's exception classes: Typer >= 0.2x carries its own copy of click."""
    try:
        from typer._click import exceptions
    except ImportError:  # older Typer uses click itself
        from click import exceptions
    return exceptions


def run(prog_name: str | None = None) -> None:
    """Run ``sys.argv``: every error a user can cause is one line and an exit code.

    Always ends with ``SystemExit``. ``prog_name`` is the name usage errors show
    (click works it out from ``sys.argv[0]`` when None).
    """
    from mlprep.errors import MlprepError

    errors = _click_errors()

    try:
        # standalone_mode=False hands click's usage errors to us, so that they are the
        # documented one line (docs/cli.md) instead of a framed box.
        code = click_command()(prog_name=prog_name, standalone_mode=False)
    except errors.NoArgsIsHelpError:  # `mlprep` alone: Typer has printed the help
        sys.exit(0)
    except errors.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
        sys.stderr.write(f"error: {exc.format_message()}{hint}\n")
        sys.exit(2)
    except typer.Abort:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except errors.ClickException as exc:
        sys.stderr.write(f"error: {exc.format_message()}\n")
        sys.exit(exc.exit_code)
    except MlprepError as exc:
        from mlprep._terminal import one_line

        # messages can quote a file name or a submission's text: inert, on one line
        sys.stderr.write(f"error: {one_line(str(exc))}\n")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # our bug: one line for the user, details in a log file
        from mlprep._crash import write_crash_report

        where = write_crash_report(exc)
        sys.stderr.write(
            f"internal error: {type(exc).__name__}: {exc}\n(details saved to {where}; "
            "please report it)\n"
        )
        sys.exit(70)
    if code == 130:  # Typer turns Ctrl-C into exit 130 on its own, with no word said
        sys.stderr.write("interrupted\n")
    sys.exit(code if isinstance(code, int) else 0)
