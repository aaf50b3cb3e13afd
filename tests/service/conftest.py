"""Fixtures: real services in temporary homes, stopped after each test or module."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_helpers import Home, make_home, services_of


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Home]:
    """A fresh home and no service yet; any service started in it is stopped after."""
    made = make_home(tmp_path / "home")
    try:
        yield made
    finally:
        made.stop()
        for pid in services_of(made.path):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def served_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Home]:
    """One running service for a module's read-mostly tests."""
    made = make_home(tmp_path_factory.mktemp("served") / "home")
    made.start()
    try:
        yield made
    finally:
        made.stop()
        for pid in services_of(made.path):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def plain_home(tmp_path: Path) -> Home:
    """A home whose clients always run in process (the reference output)."""
    made = make_home(tmp_path / "plain")
    made.env["MLPREP_NO_SERVICE"] = "1"
    return made
