"""How the graders fare on answers written in the candidate's own words.

    python bench/grade_paraphrase.py [--semantic] [--split holdout|tune|all] [--json]

The bank's samples include, per written question, a ``strong-own-words`` sample
(a strong answer that avoids the rubric's key terms, written from the prompt and the
criterion statements only) and a ``weak-on-topic`` sample (fluent, on-topic, no
correct point). This prints, per grader and split, the calibration figures on all
samples and on the samples without those two (the "authors' words" set), and the
machine scores of the own-words and on-topic samples against their human scores.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from typing import Any

from mlprep.content import load_bank
from mlprep.grading import get_grader
from mlprep.grading.calibration import LabelledAnswer, figures, labelled_answers

NEW_IDS = ("strong-own-words", "weak-on-topic")


def _row(fig: Any) -> str:
    return (
        f"{fig.grader:9s} {fig.split:22s} q={fig.questions:3d} n={fig.answers:4d} "
        f"rho={fig.spearman:.3f} kappa={fig.qwk:.3f} s>w={fig.strong_over_weak:.3f} "
        f"({fig.pairs}) pass={fig.pass_agreement:.3f} gap={fig.mean_gap_sd:.3f}sd "
        f"mae={fig.mean_abs_error:.3f}"
    )


def run(grader_name: str, split: str | None) -> dict[str, Any]:
    bank = load_bank()
    grader = get_grader(grader_name)
    answers = labelled_answers(bank, split)  # type: ignore[arg-type]
    start = time.perf_counter()
    machine = {id(a): grader.grade(a.question, a.sample.text).score for a in answers}
    elapsed = time.perf_counter() - start
    label = split or "all"

    def fig(subset: list[LabelledAnswer], name: str) -> Any:
        return figures(subset, [machine[id(a)] for a in subset], grader=grader_name, split=name)

    old = [a for a in answers if a.sample.id not in NEW_IDS]
    out: dict[str, Any] = {
        "with_new": fig(answers, f"{label}+own-words").as_dict(),
        "without_new": fig(old, f"{label} authors-only").as_dict(),
        "seconds": elapsed,
    }
    for sid in NEW_IDS:
        subset = [a for a in answers if a.sample.id == sid]
        got = [machine[id(a)] for a in subset]
        human = [a.human for a in subset]
        out[sid] = {
            "n": len(subset),
            "machine_mean": statistics.fmean(got) if got else 0.0,
            "machine_median": statistics.median(got) if got else 0.0,
            "human_mean": statistics.fmean(human) if human else 0.0,
            "share_passing": sum(g >= 0.6 for g in got) / len(got) if got else 0.0,
            "share_below_0.3": sum(g < 0.3 for g in got) / len(got) if got else 0.0,
            "scores": {a.question.id: round(machine[id(a)], 3) for a in subset},
        }
    # strong-own-words against the same question's weak/wrong samples
    wins = pairs = 0
    for a in answers:
        if a.sample.id != "strong-own-words":
            continue
        for b in answers:
            if b.question.id == a.question.id and b.sample.quality in ("weak", "wrong"):
                pairs += 1
                wins += machine[id(a)] > machine[id(b)]
    out["own_words_over_weak"] = wins / pairs if pairs else 1.0
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="also the semantic grader")
    parser.add_argument("--split", default="holdout", choices=["holdout", "tune", "all"])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--scores", action="store_true", help="print per-question scores")
    args = parser.parse_args()
    split = None if args.split == "all" else args.split
    results = {}
    for name in ["default"] + (["semantic"] if args.semantic else []):
        results[name] = run(name, split)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for res in results.values():
        print(_row(type("F", (), res["without_new"])))
        print(_row(type("F", (), res["with_new"])))
        for sid in NEW_IDS:
            r = res[sid]
            print(
                f"  {sid:17s} n={r['n']:3d} machine mean {r['machine_mean']:.3f} "
                f"median {r['machine_median']:.3f} (human {r['human_mean']:.3f}); "
                f"passing {r['share_passing']:.2f}, below 0.3 {r['share_below_0.3']:.2f}"
            )
        print(f"  own-words strong above weak/wrong: {res['own_words_over_weak']:.3f}")
        print(f"  {res['seconds']:.1f} s")
        if args.scores:
            for sid in NEW_IDS:
                print(f"  {sid}: {res[sid]['scores']}")


if __name__ == "__main__":
    main()
