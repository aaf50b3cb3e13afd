"""List the bank samples the default grader scores far from their human label.

    python scripts/grading_misses.py [--cache FILE] [--gap 0.35] [--about] [--json]

Every scored sample of every written question (samples.toml; tests/grading/heldout/ is
never read) is graded with the hybrid grader. A *low* miss is a strong or partial sample
scored at least ``--gap`` below its label (total / points): the symptom of a claim read
as contradicted by a sentence about something else. A *high* miss is a weak or wrong
sample scored at least ``--gap`` above it, or passing when its label does not
(``--about``: with the about rule's numbers instead of the shipped ones). Each miss
lists the criteria read as contradicted and the misconceptions charged, with the passage
that did it. The claim model's readings are kept in ``--cache`` (keyed by the question's
claim texts and the answer), so re-running after a scoring change costs seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

from mlprep.content import Question, load_bank
from mlprep.grading._claim_model import ClaimModel
from mlprep.grading._claims import ClaimGrader, Reading
from mlprep.grading._claimset import question_claims
from mlprep.grading._hybrid import ABOUT_THRESHOLDS, HybridGrader, HybridParams, HybridReading
from mlprep.grading._lexical import LexicalGrader
from mlprep.grading._topics import topic_ratio
from mlprep.grading.calibration import LabelledAnswer, labelled_answers


def reading_key(question: Question, text: str) -> str:
    """What a claim reading depends on (besides the model): the claims and the answer."""
    h = hashlib.sha256()
    for spec in question_claims(question):
        h.update(spec.text.encode() + b"\0")
    h.update(b"\1" + text.encode())
    return h.hexdigest()


def claim_readings(
    answers: list[LabelledAnswer], grader: ClaimGrader, cache: Path | None
) -> list[Reading]:
    """The claim model's reading of each answer, from ``cache`` where it has one."""
    store: dict[str, Reading] = {}
    if cache is not None and cache.exists():
        store = pickle.loads(cache.read_bytes())
    keys = [reading_key(a.question, a.sample.text) for a in answers]
    fresh = 0
    todo = sum(k not in store for k in set(keys))
    for a, k in zip(answers, keys, strict=True):
        if k not in store:
            store[k] = grader.read(a.question, a.sample.text)
            fresh += 1
            if fresh % 100 == 0 or fresh == todo:
                print(f"  read {fresh}/{todo} answers", file=sys.stderr, flush=True)
    if cache is not None and fresh:
        cache.write_bytes(pickle.dumps(store))
    return [store[k] for k in keys]


def misses(
    answers: list[LabelledAnswer], hybrid: HybridGrader, readings: list[HybridReading], gap: float
) -> list[dict[str, Any]]:
    out = []
    for a, r in zip(answers, readings, strict=True):
        report = hybrid.score(a.question, r)
        label = a.human
        kind = a.sample.quality
        low = kind in ("strong", "partial") and report.score <= label - gap
        high = kind in ("weak", "wrong") and (
            report.score >= label + gap or (report.passed and label < 0.6)
        )
        if not (low or high):
            continue
        out.append(
            {
                "question": a.question.id,
                "sample": a.sample.id,
                "quality": kind,
                "label": round(label, 3),
                "score": report.score,
                "miss": "low" if low else "high",
                "topic_ratio": round(r.topic, 3),
                "contradicted": [
                    {"criterion": c.id, "passage": c.evidence.text if c.evidence else None}
                    for c in report.criteria
                    if c.status == "contradicted" or (c.earned == 0 and "not right" in c.feedback)
                ],
                "misconceptions": [
                    {"id": m.id, "passage": m.evidence.text if m.evidence else None}
                    for m in report.misconceptions
                ],
                "notes": report.notes,
            }
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the claim model's readings here")
    parser.add_argument("--gap", type=float, default=0.35, help="how far from the label")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--about", action="store_true", help="the about rule's numbers (ABOUT_THRESHOLDS)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    answers = labelled_answers(load_bank())
    claims = ClaimGrader(ClaimModel(threads=args.threads))
    params = HybridParams(thresholds=ABOUT_THRESHOLDS) if args.about else None
    hybrid = HybridGrader(claims=claims, params=params)
    lexical = LexicalGrader()
    readings = [
        HybridReading(
            lexical.grade(a.question, a.sample.text), r, topic_ratio(a.question, a.sample.text)
        )
        for a, r in zip(answers, claim_readings(answers, claims, args.cache), strict=True)
    ]
    found = misses(answers, hybrid, readings, args.gap)
    if args.json:
        print(json.dumps(found, indent=1))
        return 0
    counts = {"low": 0, "high": 0}
    for m in found:
        counts[m["miss"]] += 1
        print(
            f"{m['miss']:4} {m['question']}/{m['sample']} ({m['quality']}): "
            f"label {m['label']:.2f}, score {m['score']:.2f}, topic {m['topic_ratio']:.2f}"
        )
        for c in m["contradicted"]:
            print(f"     contradicted {c['criterion']}: {c['passage']!r}")
        for c in m["misconceptions"]:
            print(f"     misconception {c['id']}: {c['passage']!r}")
    print(
        f"{len(answers)} samples: {counts['low']} strong/partial scored >= {args.gap} below "
        f"their label, {counts['high']} weak/wrong above it",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
