"""Where mlprep keeps its data: MLPREP_HOME, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["data_home", "default_db_path"]


def data_home() -> Path:
    env = os.environ.get("MLPREP_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("mlprep", appauthor=False)


def default_db_path() -> Path:
    return data_home() / "progress.db"
