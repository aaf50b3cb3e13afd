"""Graders by name: shared instances, plug-in graders, clear errors."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from mlprep.content import Question
from mlprep.errors import UsageError
from mlprep.grading import (
    Grader,
    GradeReport,
    GraderUnavailable,
    _registry,
    available_graders,
    get_grader,
    grade,
    register_grader,
)


def test_builtin_graders_are_registered() -> None:
    names = available_graders()
    assert {"default", "lexical", "hybrid", "claims", "semantic"} <= set(names)
    assert all(description for description in names.values())


def test_the_default_is_the_hybrid_grader() -> None:
    assert get_grader("default") is get_grader("hybrid")
    assert get_grader("default").name == "hybrid"
    assert get_grader("lexical").name == "lexical"


def test_the_default_falls_back_to_lexical_without_the_claim_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import mlprep.grading._claim_model as claim_model

    # No model files where the claim model looks, and no grader created yet.
    monkeypatch.setattr(claim_model.ClaimModel.__init__, "__defaults__", (tmp_path,))
    monkeypatch.setattr(_registry, "_INSTANCES", {})
    try:
        assert get_grader("default").name == "lexical"
        with pytest.raises(UsageError, match="claim model files missing"):
            get_grader("claims")
    finally:
        monkeypatch.undo()


def test_instances_load_once_and_are_shared() -> None:
    first = get_grader("default")
    seen: list[Grader] = []
    threads = [
        threading.Thread(target=lambda: seen.append(get_grader("default"))) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g is first for g in seen)
    assert isinstance(first, Grader)


def test_unknown_grader_is_a_usage_error(bias_variance: Question) -> None:
    with pytest.raises(UsageError, match=r"unknown grader 'nope'.*default"):
        grade(bias_variance, "text", grader="nope")


def test_a_new_grader_plugs_in_without_touching_callers(bias_variance: Question) -> None:
    calls: list[str] = []

    class Echo:
        name = "echo-test"
        description = "scores every answer 0.5 (test double)"

        def grade(self, question: Question, text: str) -> GradeReport:
            calls.append(text)
            base = get_grader("default").grade(question, text)
            return base.model_copy(update={"grader": self.name, "score": 0.5})

    created: list[int] = []

    def factory() -> Grader:
        created.append(1)
        return Echo()

    register_grader("echo-test", factory, description=Echo.description)
    try:
        assert grade(bias_variance, "one", grader="echo-test").score == 0.5
        assert grade(bias_variance, "two", grader="echo-test").grader == "echo-test"
        assert calls == ["one", "two"] and created == [1]
        with pytest.raises(ValueError, match="already registered"):
            register_grader("echo-test", factory, description="again")
    finally:
        _registry._REGISTRY.pop("echo-test", None)
        _registry._INSTANCES.pop("echo-test", None)


def test_unavailable_grader_names_the_extra(bias_variance: Question) -> None:
    def factory() -> Grader:
        raise GraderUnavailable("its model package is not installed")

    register_grader("missing-test", factory, description="x", requires="semantic")
    try:
        with pytest.raises(UsageError, match=r"pip install 'mlprep\[semantic\]'"):
            grade(bias_variance, "text", grader="missing-test")
    finally:
        _registry._REGISTRY.pop("missing-test", None)
