"""Sentence-level labels of the bank's own sample answers, as training pairs.

The corpus sentences (corpus.toml) are written one claim at a time, so they teach the
model what a claim and its denial look like in isolation. Answers that use a rubric's
vocabulary to say the wrong thing read differently: long sentences that touch several
points, with the wrong one stated in passing. ``spans/*.toml`` label such sentences,
taken from the wrong samples (``fluent-wrong``, ``confidently-wrong``, ``wrong``) and
the strong ones in other words (``expert-short``, ``strong-own-words``) of the bank's
tuning questions, against every claim of their question:

    [[span]]
    question = "pizza-no-show-evaluation"
    sample = "fluent-wrong"
    text = "... exact sentence of the sample ..."
    supports = ["accuracy-ok"]              # claims it states
    contradicts = ["imbalance-metrics#1"]   # claims it denies or states wrongly

A claim in neither list is neutral to that sentence (the labeller read it against
every claim). Claims are named as in the rubric: ``criterion#k`` (k from 1, also for a
criterion with one claim) or a misconception's id.

Only questions of the calibration's tune split that are not dev questions were
labelled, so the calibration's holdout and the model's dev split stay unseen.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .._claimset import question_claims

if TYPE_CHECKING:
    from mlprep.content import Question

    from .data import Label, Pair

SPANS_DIR = Path(__file__).with_name("spans")
SAMPLES = ("fluent-wrong", "expert-short", "confidently-wrong", "wrong", "strong-own-words")
# A labelled support or contradiction is the rare, valuable signal (most of a span's
# pairs are neutral): it is seen this many times per epoch.
LABELLED_COPIES = 2


@dataclass(frozen=True)
class Span:
    question: str
    sample: str
    text: str
    supports: tuple[str, ...]
    contradicts: tuple[str, ...]
    where: str  # file and entry number, for errors


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_spans(folder: Path = SPANS_DIR) -> dict[str, list[Span]]:
    """Every span of every file in ``folder``, by question id, in file order."""
    out: dict[str, list[Span]] = {}
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for n, entry in enumerate(data.get("span", []), 1):
            where = f"{path.name}: span {n}"
            extra = set(entry) - {"question", "sample", "text", "supports", "contradicts"}
            if extra or not {"question", "sample", "text"} <= set(entry):
                raise ValueError(f"{where}: needs question, sample, text; unknown {sorted(extra)}")
            span = Span(
                entry["question"],
                entry["sample"],
                _normal(entry["text"]),
                tuple(entry.get("supports", ())),
                tuple(entry.get("contradicts", ())),
                where,
            )
            out.setdefault(span.question, []).append(span)
    return out


def _claim_names(question: Question) -> dict[str, str]:
    """Rubric-style names (``criterion#k``, misconception id) -> the grader's claim ids."""
    names: dict[str, str] = {}
    for criterion in question.rubric.criterion:
        for k, cid in enumerate(criterion.claim_ids(), 1):
            names[f"{criterion.id}#{k}"] = cid
    for miscon in question.rubric.misconception:
        names[miscon.id] = miscon.id
    return names


def span_pairs(question: Question, spans: list[Span]) -> list[Pair]:
    """Each span against every authored claim of its question: its label, else neutral.

    Raises ValueError (file and entry) for a span that is not an exact piece of its
    sample or names a claim the rubric does not have.
    """
    from .data import Pair

    names = _claim_names(question)
    texts = {s.id: _normal(s.text) for s in question.samples if s.id in SAMPLES}
    claims = [c for c in question_claims(question) if c.authored]
    pairs: list[Pair] = []
    for span in spans:
        if span.sample not in texts or not span.text or span.text not in texts[span.sample]:
            raise ValueError(f"{span.where}: not an exact piece of {question.id}'s {span.sample}")
        unknown = [r for r in span.supports + span.contradicts if r not in names]
        if unknown:
            raise ValueError(f"{span.where}: {question.id} has no claim {unknown[0]!r}")
        supports = {names[r] for r in span.supports}
        contradicts = {names[r] for r in span.contradicts}
        for claim in claims:
            label: Label = (
                "supports"
                if claim.id in supports
                else "contradicts"
                if claim.id in contradicts
                else "neutral"
            )
            pair = Pair(claim.text, span.text, label, question.id, "sample-span")
            pairs.extend([pair] * (1 if label == "neutral" else LABELLED_COPIES))
    return pairs
