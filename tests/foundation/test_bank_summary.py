"""docs/bank.md is generated from the bank; it must not go stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_docs_bank_md_matches_the_bank() -> None:
    spec = importlib.util.spec_from_file_location(
        "bank_summary", ROOT / "scripts" / "bank_summary.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render()
    actual = (ROOT / "docs" / "bank.md").read_text()
    assert actual == expected, "docs/bank.md is stale: run scripts/bank_summary.py > docs/bank.md"


def test_bank_meets_its_floors() -> None:
    from mlprep.content import builtin_bank_root, load_bank, wrong_solutions

    bank = load_bank([builtin_bank_root()])
    coding = [q for q in bank if q.is_coding]
    assert len(coding) >= 90  # issue 18's floor
    assert len(bank) - len(coding) >= 260  # issue 18's floor
    assert all(len(wrong_solutions(q)) >= 3 for q in coding)
    assert all(len(q.samples) >= 3 for q in bank if not q.is_coding)
