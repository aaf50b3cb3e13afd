"""mutants.toml: a coding question's mutation-testing record.

``[run]`` holds the counts of the last ``mlprep content mutate ID --write`` (the
tool rewrites it); each ``[[equivalent]]`` names a mutant the tests cannot kill
because it computes the same function, with the reason, written by hand and kept
by the tool. ``mlprep content check`` validates the file against the current
solution.py: every equivalent must name a mutant the mutator still generates, and
``[run]`` must count the mutants it generates today (else the record is stale).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ._errors import ContentError
from ._loader import parse_toml
from ._models import Question
from ._mutate import mutants

__all__ = [
    "MUTANTS_FILE",
    "EquivalentMutant",
    "MutantsFile",
    "MutationRun",
    "check_mutants_file",
    "load_mutants_file",
    "render_mutants_file",
]

MUTANTS_FILE = "mutants.toml"


class MutationRun(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: int = Field(ge=0)
    mutants: int = Field(ge=0)
    killed: int = Field(ge=0)
    equivalent: int = Field(ge=0)
    survived: int = Field(ge=0)

    @property
    def kill_rate(self) -> float | None:
        """Killed among the mutants that are not equivalent (None when there are none)."""
        live = self.mutants - self.equivalent
        return self.killed / live if live > 0 else None


class EquivalentMutant(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mutant: str = Field(min_length=1)  # the mutant's key: "line:col kind change"
    diff: str = ""  # what it changes, for the reader (written by the tool)
    reason: str = Field(min_length=10, max_length=400)  # why it computes the same thing


class MutantsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    run: MutationRun | None = None
    equivalent: list[EquivalentMutant] = Field(default_factory=list)


def load_mutants_file(question: Question, errors: list[ContentError]) -> MutantsFile | None:
    """The question's mutants.toml, or None when it has none (or it does not parse)."""
    path = question.file(MUTANTS_FILE)
    if not path.exists():
        return None
    return parse_toml(path, MutantsFile, errors)


def check_mutants_file(question: Question) -> list[ContentError]:
    """mutants.toml agrees with today's solution.py (see the module docstring)."""
    errors: list[ContentError] = []
    record = load_mutants_file(question, errors)
    if record is None:
        return errors
    path = question.file(MUTANTS_FILE)
    text = path.read_text(encoding="utf-8")
    try:
        generated = {m.key for m in mutants(question.read("solution.py"))}
    except SyntaxError:
        return errors  # solution.py's own check reports it
    seen: set[str] = set()
    for entry in record.equivalent:
        line = _line_of(text, entry.mutant)
        if entry.mutant in seen:
            errors.append(ContentError(path, line, 1, f"mutant '{entry.mutant}' listed twice"))
        seen.add(entry.mutant)
        if entry.mutant not in generated:
            errors.append(
                ContentError(
                    path,
                    line,
                    1,
                    f"no mutant '{entry.mutant}' in solution.py today (it changed?): "
                    f"run `mlprep content mutate {question.id}`",
                )
            )
    run = record.run
    if run is not None:
        line = _line_of(text, "[run]")
        if run.killed + run.equivalent + run.survived != run.mutants:
            errors.append(
                ContentError(path, line, 1, "[run]: killed + equivalent + survived != mutants")
            )
        if run.mutants != len(generated):
            errors.append(
                ContentError(
                    path,
                    line,
                    1,
                    f"[run] counts {run.mutants} mutants, solution.py has {len(generated)} "
                    f"today: run `mlprep content mutate {question.id} --write`",
                )
            )
        if run.equivalent != len(record.equivalent):
            errors.append(
                ContentError(
                    path,
                    line,
                    1,
                    f"[run] counts {run.equivalent} equivalent mutants, the file lists "
                    f"{len(record.equivalent)}",
                )
            )
    return errors


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return 1


def _string(value: str) -> str:
    # a JSON string is a valid TOML basic string for everything json.dumps emits
    return json.dumps(value, ensure_ascii=False)


def render_mutants_file(run: MutationRun, equivalents: list[EquivalentMutant]) -> str:
    """The text of mutants.toml for ``run`` and the (hand-written) equivalents."""
    lines = [
        "# Mutation testing of solution.py (docs/content-format.md, mutants.toml).",
        "# [run] is rewritten by `mlprep content mutate ID --write`; each [[equivalent]]",
        "# is a mutant the tests cannot kill because it computes the same function,",
        "# with the reason, written by hand (the tool keeps them).",
        "",
        "[run]",
        f"seed = {run.seed}",
        f"mutants = {run.mutants}",
        f"killed = {run.killed}",
        f"equivalent = {run.equivalent}",
        f"survived = {run.survived}",
    ]
    for entry in equivalents:
        lines += [
            "",
            "[[equivalent]]",
            f"mutant = {_string(entry.mutant)}",
            f"diff = {_string(entry.diff)}",
            f"reason = {_string(entry.reason)}",
        ]
    return "\n".join(lines) + "\n"


def write_mutants_file(folder: Path, text: str) -> None:
    path = folder / MUTANTS_FILE
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
