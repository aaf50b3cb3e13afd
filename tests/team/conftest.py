"""Team mode runs on PostgreSQL and, to try it out, SQLite: most tests run on both.

The PostgreSQL server is the one tests/pg starts (a throwaway initdb cluster); its
fixtures are loaded from that conftest, so both suites share one way of doing it.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlprep._core import Mlprep
from mlprep.content import Bank

_spec = importlib.util.spec_from_file_location(
    "mlprep_tests_pg_fixtures", Path(__file__).parents[1] / "pg" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_pg = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _pg  # dataclasses look their module up there
_spec.loader.exec_module(_pg)
pg_server = _pg.pg_server
pg_url = _pg.pg_url


@pytest.fixture(scope="session")
def bank() -> Bank:
    from mlprep.content import content_roots, load_bank

    return load_bank(content_roots())


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty team database on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "team.db")
    else:
        yield request.getfixturevalue("pg_url")


@pytest.fixture
def core(db_url: str, bank: Bank) -> Iterator[Mlprep]:
    core = Mlprep(db=db_url, bank=bank)
    yield core
    core.store.close()
