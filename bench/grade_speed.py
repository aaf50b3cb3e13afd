"""Time the graders on the bank's sample answers, in one run.

    python bench/grade_speed.py [--semantic] [--limit N] [--json]

Per grader: the time to create it (model load), then the time per answer over every
written sample answer after one warm-up pass over the questions (rubrics compiled,
criterion embeddings cached), as median, mean and 95th percentile, and the ratio of
the median to the target (default 20 ms, semantic 150 ms), and the CPU time per
answer (all threads), which a busy machine inflates less than wall time. Also one
50,000-word paste. Figures go to the Grading section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from typing import Any

from mlprep.content import load_bank
from mlprep.grading.calibration import labelled_answers

TARGET_MS = {"default": 20.0, "semantic": 150.0}


def _time_grader(name: str, factory: Any, answers: list[Any], limit: int | None) -> dict[str, Any]:
    started = time.perf_counter()
    grader = factory()
    load_s = time.perf_counter() - started
    seen = set()
    for a in answers:  # warm-up: one answer per question
        if a.question.id not in seen:
            seen.add(a.question.id)
            grader.grade(a.question, a.sample.text)
    timed = answers[:limit] if limit else answers
    times = []
    cpu0 = time.process_time()
    for a in timed:
        t0 = time.perf_counter()
        grader.grade(a.question, a.sample.text)
        times.append((time.perf_counter() - t0) * 1000)
    cpu_ms = (time.process_time() - cpu0) * 1000 / max(1, len(timed))
    times.sort()
    words = [len(a.sample.text.split()) for a in timed]
    paste = (answers[0].sample.text + "\n") * (
        50_000 // max(1, len(answers[0].sample.text.split()))
    )
    t0 = time.perf_counter()
    grader.grade(answers[0].question, paste)
    paste_ms = (time.perf_counter() - t0) * 1000
    median = statistics.median(times)
    return {
        "grader": name,
        "load_s": round(load_s, 3),
        "answers": len(times),
        "median_words": statistics.median(words),
        "median_ms": round(median, 2),
        "mean_ms": round(statistics.fmean(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "cpu_ms_per_answer": round(cpu_ms, 2),
        "target_ms": TARGET_MS[name],
        "median_over_target": round(median / TARGET_MS[name], 3),
        "paste_50k_words_ms": round(paste_ms, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true", help="also time the semantic grader")
    parser.add_argument("--limit", type=int, default=None, help="time at most N answers")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    answers = labelled_answers(load_bank())

    from mlprep.grading._lexical import LexicalGrader

    rows = [_time_grader("default", LexicalGrader, answers, args.limit)]
    if args.semantic:
        from mlprep.grading._semantic import SemanticGrader

        rows.append(_time_grader("semantic", SemanticGrader, answers, args.limit))
    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average": os.getloadavg()[0],
    }
    if args.json:
        json.dump({"machine": machine, "rows": rows}, sys.stdout, indent=2)
        print()
        return
    print(f"machine: {machine}")
    print(
        "| grader | load | answers | median words | median | mean | p95 | CPU/answer | target | "
        "median/target | 50k-word paste |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['grader']} | {r['load_s']} s | {r['answers']} | {r['median_words']} | "
            f"{r['median_ms']} ms | {r['mean_ms']} ms | {r['p95_ms']} ms | "
            f"{r['cpu_ms_per_answer']} ms | {r['target_ms']} ms | "
            f"{r['median_over_target']} | {r['paste_50k_words_ms']} ms |"
        )


if __name__ == "__main__":
    main()
