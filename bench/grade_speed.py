"""Time the graders on the bank's sample answers, side by side in one run.

    python bench/grade_speed.py [--semantic] [--no-claims] [--per-claim N] [--limit N] [--json]

Each grader is created once (the semantic one loads its model: that time is
reported), warmed with one answer per question (rubrics compiled, criterion
embeddings cached: the first answer to a question costs the semantic grader about
one embedding per criterion more), then every answer is graded by each grader in turn,
interleaved, so a noisy machine slows all of them alike. Reported per grader: the
median, mean and 95th percentile wall time per answer, CPU time per answer (all
threads), the ratio of the median to a baseline that only lemmatises the answer,
and the ratio of the median to the target (lexical 20 ms, semantic 150 ms, claims and
hybrid 300 ms). Also answers cut to exactly 150 words (the claim grader's target is set for
that length) and one 50,000-word paste. The claim grader runs its model on one
thread. Figures go to the Grading section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any

from mlprep.content import load_bank
from mlprep.grading._text import lemmas
from mlprep.grading.calibration import labelled_answers

TARGET_MS = {
    "lexical": 20.0,
    "semantic": 150.0,
    "claims": 300.0,
    "hybrid": 300.0,
}
LOAD_TARGET_S = {"claims": 1.0, "hybrid": 1.0}


class _Baseline:
    name = "lemmatise only"

    def grade(self, question: Any, text: str) -> Any:
        return lemmas(text)


@dataclass(frozen=True)
class _Text:
    text: str


@dataclass(frozen=True)
class _ModelAnswer:
    question: Any
    sample: _Text


def _model_answers(answers: list[Any]) -> list[Any]:
    questions = {a.question.id: a.question for a in answers}
    return [_ModelAnswer(q, _Text(q.answer)) for q in questions.values()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="also time the semantic grader")
    parser.add_argument("--no-claims", action="store_true", help="leave out the claim grader")
    parser.add_argument(
        "--per-claim",
        type=int,
        default=None,
        help="also time the claim grader reading N passages per claim",
    )
    parser.add_argument("--limit", type=int, default=None, help="time at most N answers")
    parser.add_argument(
        "--model-answers",
        action="store_true",
        help="time the questions' model answers (longer) instead of the sample answers",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    answers = labelled_answers(load_bank())
    if args.model_answers:
        answers = _model_answers(answers)

    from mlprep.grading._lexical import LexicalGrader

    graders: dict[str, Any] = {"baseline": _Baseline()}
    load_s: dict[str, float] = {}
    factories: list[tuple[str, Any]] = [("lexical", LexicalGrader)]
    if args.semantic:
        from mlprep.grading._semantic import SemanticGrader

        factories.append(("semantic", SemanticGrader))
    if not args.no_claims:
        from mlprep.grading._claims import ClaimGrader
        from mlprep.grading._hybrid import HybridGrader

        factories.append(("claims", ClaimGrader))
        # Its own claim model (as a process that only grades with it would load it).
        factories.append(("hybrid", HybridGrader))
        if args.per_claim:
            # The speed lever: each claim read against its N closest passages only.
            factories.append(
                (
                    f"claims, {args.per_claim} per claim",
                    lambda: ClaimGrader(per_claim=args.per_claim),
                )
            )
    for name, factory in factories:
        started = time.perf_counter()
        graders[name] = factory()
        load_s[name] = time.perf_counter() - started

    seen: set[str] = set()
    for a in answers:  # warm-up: one answer per question
        if a.question.id not in seen:
            seen.add(a.question.id)
            for grader in graders.values():
                if hasattr(grader, "prepare"):
                    grader.prepare(a.question)  # embeds the criteria once per question
                grader.grade(a.question, a.sample.text)

    timed = answers[: args.limit] if args.limit else answers
    wall: dict[str, list[float]] = {name: [] for name in graders}
    cpu: dict[str, float] = dict.fromkeys(graders, 0.0)
    for a in timed:
        for name, grader in graders.items():
            c0, t0 = time.process_time(), time.perf_counter()
            grader.grade(a.question, a.sample.text)
            wall[name].append((time.perf_counter() - t0) * 1000)
            cpu[name] += (time.process_time() - c0) * 1000

    # Answers of exactly 150 words: a sample padded with the question's model answer, cut.
    fixed: dict[str, list[float]] = {name: [] for name in graders}
    fixed_cpu: dict[str, list[float]] = {name: [] for name in graders}
    for a in timed[:: max(1, len(timed) // 40)]:
        words = (a.sample.text + " " + a.question.answer).split()[:150]
        text = " ".join(words)
        for name, grader in graders.items():
            c0, t0 = time.process_time(), time.perf_counter()
            grader.grade(a.question, text)
            fixed[name].append((time.perf_counter() - t0) * 1000)
            fixed_cpu[name].append((time.process_time() - c0) * 1000)

    first = answers[0]
    paste = (first.sample.text + "\n") * (50_000 // max(1, len(first.sample.text.split())))
    paste_ms: dict[str, float] = {}
    for name, grader in graders.items():
        t0 = time.perf_counter()
        grader.grade(first.question, paste)
        paste_ms[name] = (time.perf_counter() - t0) * 1000

    base = statistics.median(wall["baseline"])
    lexical_150 = statistics.median(fixed["lexical"])
    rows = []
    for name, times in wall.items():
        ordered = sorted(times)
        median = statistics.median(ordered)
        rows.append(
            {
                "grader": name,
                "load_s": round(load_s.get(name, 0.0), 3),
                "answers": len(ordered),
                "median_ms": round(median, 2),
                "mean_ms": round(statistics.fmean(ordered), 2),
                "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
                "cpu_ms_per_answer": round(cpu[name] / len(ordered), 2),
                "x_baseline": round(median / base, 1) if base else None,
                "target_ms": TARGET_MS.get(name.split(",")[0]),
                "median_over_target": round(median / TARGET_MS[name.split(",")[0]], 3)
                if name.split(",")[0] in TARGET_MS
                else None,
                "median_150_words_ms": round(statistics.median(fixed[name]), 1),
                "p95_150_words_ms": round(
                    sorted(fixed[name])[int(0.95 * (len(fixed[name]) - 1))], 1
                ),
                "cpu_150_words_ms": round(statistics.median(fixed_cpu[name]), 1),
                "x_lexical_150_words": round(statistics.median(fixed[name]) / lexical_150, 1)
                if lexical_150
                else None,
                "paste_50k_words_ms": round(paste_ms[name], 1),
            }
        )
    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": round(os.getloadavg()[0], 2),
        "median_words": statistics.median(len(a.sample.text.split()) for a in timed),
    }
    if args.json:
        json.dump({"machine": machine, "rows": rows}, sys.stdout, indent=2)
        print()
        return
    print(f"machine: {machine}")
    print(
        "| grader | load | answers | median | mean | p95 | CPU/answer | × baseline | "
        "target | median/target | 150 words: median (p95), CPU | × lexical at 150 words | "
        "50k-word paste |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['grader']} | {r['load_s']} s | {r['answers']} | {r['median_ms']} ms | "
            f"{r['mean_ms']} ms | {r['p95_ms']} ms | {r['cpu_ms_per_answer']} ms | "
            f"{r['x_baseline']} | {r['target_ms'] or '-'} ms | {r['median_over_target'] or '-'} | "
            f"{r['median_150_words_ms']} ms ({r['p95_150_words_ms']} ms), "
            f"{r['cpu_150_words_ms']} ms | {r['x_lexical_150_words']} | "
            f"{r['paste_50k_words_ms']} ms |"
        )


if __name__ == "__main__":
    main()
