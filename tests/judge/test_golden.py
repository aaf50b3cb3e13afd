"""Golden cases: a submission and the exact results document it must produce.

Times, memory and the isolation layer vary between machines and runs; they are
removed before comparing. Regenerate after a deliberate change with
``MLPREP_UPDATE_GOLDEN=1 pytest tests/judge/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mlprep.content import load_question

from .conftest import QUESTIONS

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if (p / "submission.py").exists())
VOLATILE_TEST_KEYS = ("time_ms", "reference_time_ms", "memory_kb")
SEED = 42


def stable(doc: dict) -> dict:
    doc = dict(doc)
    for key in ("timing", "memory", "isolation"):
        doc.pop(key, None)
    doc["tests"] = [
        {k: v for k, v in t.items() if k not in VOLATILE_TEST_KEYS} for t in doc["tests"]
    ]
    return doc


def question_for(source: str):
    first = source.splitlines()[0]
    name = (
        first.removeprefix("# question: ").strip()
        if first.startswith("# question:")
        else "vector-sum"
    )
    return load_question(QUESTIONS / name)


def test_every_verdict_has_a_golden_case():
    from mlprep.judging import VERDICTS

    names = {p.name.replace("-", "_") for p in CASES}
    assert set(VERDICTS) <= names


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden(warm, case):
    source = (case / "submission.py").read_text()
    result = warm.judge(question_for(source), source, seed=SEED, measure=False)
    got = stable(result.to_dict())
    expected_path = case / "expected.json"
    if os.environ.get("MLPREP_UPDATE_GOLDEN") or not expected_path.exists():
        expected_path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n")
    assert got == json.loads(expected_path.read_text())
    assert result.verdict == case.name.replace("-", "_")
