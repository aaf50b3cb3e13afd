"""Team mode on several server processes: the app factory uvicorn's workers call.

``mlprep serve --team --processes N`` hands the listening socket to uvicorn's own
process supervisor (``uvicorn.supervisors.Multiprocess``: it starts N spawned
children, restarts one that dies, and stops them all on SIGINT or SIGTERM). Each
child imports ``mlprep.web._processes:team_app`` and builds its own app over the
same database; what the command was given travels in one environment variable,
because spawned children share nothing else with their parent.

Nothing a request needs lives in one process's memory: sessions, sign-in throttling,
the team key (and the CSRF tokens derived from it), the team's grader, and every
judge and grading job (``--judge-on workers`` is required) are rows in PostgreSQL.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from starlette.applications import Starlette

__all__ = ["ENV", "ServeSpec", "team_app"]

ENV = "MLPREP_SERVE_SPEC"


@dataclass(frozen=True)
class ServeSpec:
    """What every server process needs to build the same app."""

    db: str
    content: list[str] = field(default_factory=list)
    allowed_hosts: list[str] | None = None
    judge_on: str = "workers"

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> ServeSpec:
        text = os.environ.get(ENV)
        if not text:
            raise RuntimeError(f"{ENV} is not set: start the server with `mlprep serve --team`")
        return cls(**json.loads(text))


def team_app() -> Starlette:
    """The team app of one server process (uvicorn calls this in each child)."""
    from pathlib import Path

    from mlprep._core import Mlprep

    from ._app import create_app

    spec = ServeSpec.from_env()
    try:
        core = Mlprep(content=[Path(p) for p in spec.content], db=spec.db)
        return create_app(core, allowed_hosts=spec.allowed_hosts, team=True, judge_on=spec.judge_on)
    except Exception as exc:
        # uvicorn restarts a child that crashes, for ever; one that cannot build its app
        # (the database gone since the parent checked it) exits with uvicorn's start-up
        # failure code instead, so the supervisor stops them all and the command says so.
        from uvicorn.config import STARTUP_FAILURE

        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(f"error: a server process could not start: {reason}", file=sys.stderr)
        sys.exit(STARTUP_FAILURE)
