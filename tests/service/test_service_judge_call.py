"""A worker's judge calls on the service's warm sandbox, over a real socket pair."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mlprep._service._warm import JUDGE_ENV, Warm, WorkerServices, start_judge_thread
from mlprep.content import load_question

QUESTION = Path(__file__).parents[1] / "judge" / "questions" / "coding" / "vector-sum"
SLOW_TO_MEASURE = (
    "import time\n\ndef vector_sum(values):\n"
    "    if len(values) >= 20000:  # only growth's inputs are this long\n"
    "        time.sleep(0.2)\n"
    "    return float(sum(values))\n"
)


class _Counted:
    """The service's warm judge, its calls counted."""

    def __init__(self, judge: Any) -> None:
        self.judge = judge
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        self.calls.append(name)
        return getattr(self.judge, name)


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[WorkerServices, _Counted]]:
    from mlprep.judging import WarmJudge

    warm = Warm()
    warm.judge_env = {name: os.environ.get(name) for name in JUDGE_ENV}
    counted = _Counted(WarmJudge().start())
    warm.judge = counted
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    start_judge_thread(warm, ours)
    try:
        yield WorkerServices(warm, theirs), counted
    finally:
        theirs.close()
        counted.judge.close()


def test_verdict_then_growth_is_one_call_and_the_verdict_does_not_wait(served) -> None:
    services, counted = served
    question = load_question(QUESTION)
    counted.calls.clear()
    result, measuring = services.judge_then_measure(question, SLOW_TO_MEASURE, seed=3)
    assert result.accepted and result.seed == 3 and result.complexity is None
    assert measuring is not None and not measuring.done()  # growth sleeps: still running
    growth = measuring.result(timeout=300)
    assert growth is not None and growth.sizes == [20000, 40000, 80000, 160000]
    # one call on the service's judge: the verdict's judgement is the growth's
    assert counted.calls == ["judge_then_measure"]
    assert services.judges_warm
    # the connection is free again: a rejected submission, no growth to wait for
    wrong, none = services.judge_then_measure(question, "def vector_sum(values):\n    return 1\n")
    assert not wrong.accepted and none is None
    assert counted.calls == ["judge_then_measure", "judge_then_measure"]


def test_a_growth_that_fails_in_the_service_leaves_the_verdict(served, monkeypatch) -> None:
    services, counted = served
    question = load_question(QUESTION)
    real = counted.judge.judge_then_measure

    def broken_growth(*args: Any, **kwargs: Any) -> Any:
        result, measuring = real(*args, **kwargs)
        assert measuring is not None
        measuring.result(timeout=300)
        failed: Any = type(measuring)()
        failed.set_exception(RuntimeError("the sandbox went away"))
        return result, failed

    monkeypatch.setattr(counted.judge, "judge_then_measure", broken_growth)
    result, measuring = services.judge_then_measure(question, question.read("solution.py"))
    assert result.accepted and measuring is not None
    with pytest.raises(RuntimeError, match="the sandbox went away"):
        measuring.result(timeout=300)
    done = threading.Event()
    measuring.add_done_callback(lambda _f: done.set())
    assert done.wait(5)
