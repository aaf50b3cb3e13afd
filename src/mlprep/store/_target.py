"""What a database target is, before and while it is opened: one clear line each time.

A ``--db`` is typed by hand, so a typo, a folder, another program's SQLite file or
a file the learner may not read is common. Each gets one sentence naming the file;
never a SQLAlchemy URL, a driver's traceback text or a link to SQLAlchemy's site.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mlprep.errors import DatabaseUnusable

__all__ = ["check_sqlite_file", "driver_reason", "is_not_a_database", "where"]


def check_sqlite_file(path: Path) -> None:
    """Refuse a path that cannot be a readable database file (DatabaseUnusable)."""
    if path.is_dir():
        raise DatabaseUnusable(f"{path} is a folder; give the database file (e.g. {path}/p.db)")
    if not path.exists():
        return
    if not os.access(path, os.R_OK):
        raise DatabaseUnusable(f"cannot read the progress database {path}: permission denied")
    foreign = _foreign_tables(path)
    if foreign:
        raise DatabaseUnusable(
            f"{path} is not an mlprep progress database (it holds the tables "
            f"{', '.join(foreign[:5])}{', ...' if len(foreign) > 5 else ''}); "
            "give another --db file"
        )


def driver_reason(exc: BaseException) -> str:
    """The database driver's own sentence, without SQLAlchemy's SQL, URL and link."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    return text.split("\n")[0].split("(Background on this error")[0].strip()


def where(url: Any) -> str:
    """How to name a database to a person: the file, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        database = str(url.database or "")
        return database.removeprefix("file:") or "(in memory)"
    return str(url.render_as_string(hide_password=True))


def _foreign_tables(path: Path) -> list[str]:
    """Tables another program made in an SQLite file without mlprep's schema version.

    Read through SQLite's read-only mode before mlprep opens the file, since opening
    it for real switches its journal to WAL, which is already a change to a file
    that is not ours. A file that cannot be read here is left to the real open.
    """
    import sqlite3
    from urllib.parse import quote

    from ._schema import Base

    if path.stat().st_size == 0:
        return []
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        if "file is not a database" in str(exc):
            raise DatabaseUnusable(f"{path} is not an SQLite database file") from None
        return []
    finally:
        conn.close()
    if "alembic_version" in names:
        return []
    own = set(Base.metadata.tables)
    return sorted(n for n in names if n not in own and not n.startswith("sqlite_"))


def is_not_a_database(exc: BaseException) -> bool:
    return "file is not a database" in driver_reason(exc)
