"""Print docs/bank.md: what the shipped bank holds, counted from the bank itself.

usage: .venv/bin/python scripts/bank_summary.py > docs/bank.md
The last section is copied from scripts/bank_independent.md (hand-written findings).
A test (tests/foundation/test_bank_summary.py) fails when docs/bank.md is stale.
The mutation kill rates come from each coding question's mutants.toml, written by
`mlprep content mutate --write` (slow: run it first when solutions or tests change).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from mlprep.content import Question, builtin_bank_root, inventory, load_bank, wrong_solutions
from mlprep.content._mutants_file import load_mutants_file


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
    lines += _mutation_table(coding)
    lines += _independent_solutions()
    return "\n".join(lines) + "\n"


def _independent_solutions() -> list[str]:
    """The hand-written findings of the independent-solver checks (scripts/bank_independent.md)."""
    notes = Path(__file__).with_name("bank_independent.md")
    if not notes.exists():
        return []
    return ["", *notes.read_text(encoding="utf-8").rstrip("\n").split("\n")]


def _mutation_table(coding: list[Question]) -> list[str]:
    rows = []
    totals = Counter()
    for q in sorted(coding, key=lambda q: q.id):
        record = load_mutants_file(q, [])
        run = record.run if record else None
        if run is None:
            rows.append(f"| `{q.id}` | - | - | - | - | not run |")
            continue
        totals.update(
            mutants=run.mutants, killed=run.killed, equivalent=run.equivalent, survived=run.survived
        )
        rate = "-" if run.kill_rate is None else f"{run.kill_rate:.1%}"
        rows.append(
            f"| `{q.id}` | {run.mutants} | {run.killed} | {run.equivalent} | {run.survived} | "
            f"{rate} |"
        )
    live = totals["mutants"] - totals["equivalent"]
    overall = f"{totals['killed'] / live:.1%}" if live else "-"
    return [
        "",
        "## Mutation testing",
        "",
        "Every single-point mutant of each reference solution (an operator swapped, a",
        "constant or bound off by one, a statement dropped, arguments swapped, an axis",
        "changed: docs/content-format.md, `mutants.toml`) is judged like a submission; the",
        "kill rate is killed / (mutants - equivalent), where an equivalent mutant computes",
        "the same function and is listed with its reason in the question's `mutants.toml`.",
        "Re-run (seconds to minutes per question, under an hour for the bank) and regenerate",
        "this page with:",
        "",
        "```",
        "mlprep content mutate --write            # or: mlprep content mutate ID... --write",
        ".venv/bin/python scripts/bank_summary.py > docs/bank.md",
        "```",
        "",
        "| id | mutants | killed | equivalent | survived | kill rate |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        f"| **all** | {totals['mutants']} | {totals['killed']} | {totals['equivalent']} | "
        f"{totals['survived']} | {overall} |",
    ]


if __name__ == "__main__":
    print(render(), end="")
