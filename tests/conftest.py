"""Shared fixtures: every test gets its own MLPREP_HOME, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[1]

# Property tests judge what they generate, never how fast: on a shared, loaded machine
# Hypothesis's timing checks (per-example deadline, slow generation) fail at random.
settings.register_profile("mlprep", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("mlprep")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("mlprep-home")
    monkeypatch.setenv("MLPREP_HOME", str(home))
    monkeypatch.delenv("MLPREP_CONTENT", raising=False)
    # Commands run in their own process unless a test asks for the resident service
    # (tests/service): no test leaves a service behind in a temporary home.
    monkeypatch.setenv("MLPREP_NO_SERVICE", "1")
    return home
