"""The ``mlprep`` command line: parse, call the core, render. No logic of its own.

``main`` first offers the command to the resident per-user service
(``mlprep._service``: a socket and JSON, no Typer, pydantic or SQLAlchemy imported
here); the service runs it with this process's terminal and answers with the exit
code. Interactive commands, ``--help``, ``MLPREP_NO_SERVICE=1`` and any failure to
reach the service run in this process, through the Typer app in ``_app``.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``mlprep`` script and of ``python -m mlprep``."""
    try:
        from mlprep._service.client import serve_or_none

        code = serve_or_none(sys.argv[1:])
        if code is not None:
            sys.exit(code)
        from ._app import run
    except KeyboardInterrupt:  # Ctrl-C while still starting up: no traceback either
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    run()


def __getattr__(name: str) -> Any:
    if name == "app":  # tests and completion scripts use the Typer app itself
        from ._app import app

        return app
    raise AttributeError(f"module 'mlprep.cli' has no attribute {name!r}")
