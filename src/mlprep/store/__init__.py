"""Progress storage: SQLAlchemy models, Alembic migrations, repository methods."""

from . import _queue_schema, _team_schema  # noqa: F401 - their tables join Base.metadata
from ._schema import (
    Attempt,
    Base,
    Draft,
    HintState,
    Learner,
    MockSession,
    Note,
    ReviewLog,
    ReviewState,
    Sitting,
    utcnow,
)
from ._store import DEFAULT_LEARNER, HEAD_REVISION, AttemptInput, Store

__all__ = [
    "DEFAULT_LEARNER",
    "HEAD_REVISION",
    "Attempt",
    "AttemptInput",
    "Base",
    "Draft",
    "HintState",
    "Learner",
    "MockSession",
    "Note",
    "ReviewLog",
    "ReviewState",
    "Sitting",
    "Store",
    "utcnow",
]
