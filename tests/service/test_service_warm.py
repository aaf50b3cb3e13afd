"""What the service loads before it forks workers: a served command must not pay it."""

from __future__ import annotations

import pytest

from mlprep._service._warm import Warm
from mlprep.grading import _topics


def test_the_service_grades_once_so_workers_inherit_a_warm_grader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The grader's first answer in a process builds the topic index (and loads the
    # lemmatizer, runs the model once): about 0.5 s that every served `grade` paid.
    monkeypatch.setattr(_topics, "_INDEX", None)
    warm = Warm()
    warm.reload_bank()
    warm._warm_grading()
    assert _topics._INDEX is not None
