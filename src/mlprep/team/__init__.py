"""Team mode's core: accounts, sessions, cohorts, assignments and the gradebook.

Everything here works on a ``Store`` (PostgreSQL for a real team; SQLite to try it
out) and never imports the web app or the CLI, which are thin layers over it.
"""

from ._accounts import (
    LINK_DAYS,
    SESSION_HOURS,
    Accounts,
    SignInRefused,
    learner_name,
)
from ._assignments import Assignments, AssignmentSpec, resolve_questions, results_sealed
from ._cohorts import Cohorts, NotYours
from ._gradebook import (
    PASTE_MIN_CHARS,
    PASTE_MIN_CHARS_PER_S,
    Gradebook,
    gradebook,
    gradebook_csv,
    looks_pasted,
    override_grade,
    overrides_export,
    question_stats,
)
from ._passwords import PASSWORD_MIN_LENGTH, hash_password, verify_password

__all__ = [
    "LINK_DAYS",
    "PASSWORD_MIN_LENGTH",
    "PASTE_MIN_CHARS",
    "PASTE_MIN_CHARS_PER_S",
    "SESSION_HOURS",
    "Accounts",
    "AssignmentSpec",
    "Assignments",
    "Cohorts",
    "Gradebook",
    "NotYours",
    "SignInRefused",
    "gradebook",
    "gradebook_csv",
    "hash_password",
    "learner_name",
    "looks_pasted",
    "override_grade",
    "overrides_export",
    "question_stats",
    "resolve_questions",
    "results_sealed",
    "verify_password",
]
