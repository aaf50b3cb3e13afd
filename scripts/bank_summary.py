"""Print docs/bank.md: what the shipped bank holds, counted from the bank itself.

usage: .venv/bin/python scripts/bank_summary.py > docs/bank.md
A test (tests/foundation/test_bank_summary.py) fails when docs/bank.md is stale.
"""

from __future__ import annotations

from collections import Counter

from mlprep.content import builtin_bank_root, inventory, load_bank, wrong_solutions


def render() -> str:
    bank = load_bank([builtin_bank_root()])
    categories = inventory().categories
    lines = [
        "# The question bank",
        "",
        "Counted from `src/mlprep/bank/` by `scripts/bank_summary.py`; a test keeps this",
        "page in sync with the bank.",
        "",
        "| category | questions | easy | medium | hard | hints | rubric criteria | samples |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    totals = Counter()
    for key, name in categories.items():
        qs = [q for q in bank if q.category.value == key]
        row = Counter(
            questions=len(qs),
            easy=sum(q.difficulty.value == "easy" for q in qs),
            medium=sum(q.difficulty.value == "medium" for q in qs),
            hard=sum(q.difficulty.value == "hard" for q in qs),
            hints=sum(len(q.hints) for q in qs),
            criteria=sum(len(q.rubric.criterion) for q in qs),
            samples=sum(len(q.samples) for q in qs),
        )
        totals.update(row)
        lines.append(
            f"| {name} (`{key}`) | {row['questions']} | {row['easy']} | {row['medium']} | "
            f"{row['hard']} | {row['hints']} | {row['criteria']} | {row['samples']} |"
        )
    lines.append(
        f"| **all** | {totals['questions']} | {totals['easy']} | {totals['medium']} | "
        f"{totals['hard']} | {totals['hints']} | {totals['criteria']} | {totals['samples']} |"
    )
    coding = [q for q in bank if q.is_coding]
    wrong = sum(len(wrong_solutions(q)) for q in coding)
    written = len(bank) - len(coding)
    covered = {k for q in bank for k in q.covers}
    lines += [
        "",
        f"- Written-answer questions: {written}; coding questions: {len(coding)}, with "
        f"{wrong} known-wrong solutions in their `wrong/` folders (at least 3 each), every "
        "one rejected by `mlprep content verify`.",
        f"- Inventory keys covered: {len(covered & set(inventory().keys))} of "
        f"{len(inventory().keys)} (`mlprep coverage`).",
        "",
        "## Coding questions",
        "",
        "| id | covers | wrong solutions | banned imports |",
        "| --- | --- | ---: | --- |",
    ]
    for q in sorted(coding, key=lambda q: q.id):
        spec = q.meta.coding
        assert spec is not None
        lines.append(
            f"| `{q.id}` | {' '.join(q.covers) or '-'} | {len(wrong_solutions(q))} | "
            f"{', '.join(spec.banned_imports) or '-'} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")
