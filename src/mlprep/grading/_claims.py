"""The claim grader: does the answer state, contradict, or not address each rubric claim?

For every (claim, passage) pair the claim model (``_claim_model``) gives
P(supports), P(contradicts), P(neutral). A criterion's claim earns credit from the
passage that best supports it, ramped between two thresholds; it is lost when a
passage contradicts it more strongly than any passage supports it. A criterion with
several claims earns its points in proportion. A misconception is charged only when
a passage supports the misconception's claim. Evidence is always a passage, an exact
span of the answer. See docs/grading.md.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from ._about import about_mask, aboutness
from ._claim_model import CONTRADICTS, SUPPORTS, ClaimModel
from ._claimset import ClaimSpec, question_claims
from ._passages import Passage, is_term_list, passages
from ._report import (
    PASS_MARK,
    CriterionResult,
    Evidence,
    GradeReport,
    MisconceptionResult,
    Status,
)
from ._text import CUT_NOTE, MAX_WORDS, clean, truncate_words

if TYPE_CHECKING:
    from mlprep.content import Criterion, Question

__all__ = [
    "ClaimGrader",
    "Reading",
    "Thresholds",
    "about_only",
    "about_pairs",
    "on_topic_share",
]

# At most MAX_PAIRS (claim, passage) pairs are read: above that, each claim is read
# against its closest passages only (token-level similarity of the cached encodings,
# "late interaction"). PER_CLAIM caps the passages per claim below that (the joint
# layer per pair is most of the time); the shipped value reads every pair up to the
# cap: 4 per claim was faster but not better on the held-out set (docs/grading.md).
MAX_PAIRS = 200
PER_CLAIM = MAX_PAIRS
_CACHE = 256  # questions whose claim encodings are kept


@dataclass(frozen=True)
class Thresholds:
    """The grader's few numbers, fitted on the bank's samples (scripts/tune_claims.py)."""

    support_low: float = 0.6  # P(supports) below this earns nothing
    support_high: float = 0.8  # ... above this, full credit; linear in between
    contradict: float = 0.4  # P(contradicts) at which a passage contradicts a claim
    misconception: float = 0.9  # P(supports) of a misconception's claim that charges it
    # Share of a criterion's points taken off per contradicted claim: stating the
    # opposite of a key claim is worse than leaving it out (0 = only lose the credit).
    contradiction_penalty: float = 0.0
    # Share of the answer's words (in passages that support or contradict some claim of
    # the question) below which the score is scaled down in proportion: an answer
    # written for another question may touch a claim or two, but most of it is about
    # something else (0 = no such scaling).
    on_topic: float = 0.9
    # A passage counts against a claim (contradicts it) or for a misconception only
    # when it is about that claim (_about.py): it shares at least ``about_floor`` of the
    # claim's key words, within ``about_margin`` of the claim it shares most with. One
    # negated sentence ("the colleague's diagnosis is wrong") otherwise reads as
    # contradicting every claim. Margin 1 and floor 0: any passage.
    about_margin: float = 1.0
    about_floor: float = 0.0
    # A claim is contradicted only when its strongest contradiction beats its strongest
    # support by more than this: a clear statement elsewhere in the answer outweighs a
    # weak contradiction.
    outweigh: float = 0.0


def about_pairs(reading: Reading, t: Thresholds) -> np.ndarray:
    """(claims, passages) bool: which passages are about which claims under ``t``."""
    if t.about_margin >= 1.0 and t.about_floor <= 0.0:
        return np.ones(reading.probs.shape[:2], dtype=bool)
    about = aboutness([s.text for s in reading.specs], [p.text for p in reading.passages])
    return about_mask(about, t.about_margin, t.about_floor)


def about_only(reading: Reading, t: Thresholds) -> Reading:
    """``reading`` with every (claim, passage) pair that is not about the claim read as
    neutral: what reading only those pairs gives (``ClaimGrader(read_about=True)``)."""
    if t.about_margin >= 1.0 and t.about_floor <= 0.0:
        return reading
    about = about_pairs(reading, t)
    probs = np.where(about[:, :, None], reading.probs, np.array([0.0, 0.0, 1.0], np.float32))
    return replace(reading, probs=probs.astype(np.float32))


@dataclass(frozen=True)
class Reading:
    """What the model read in one answer: its passages and P(label) per (claim, passage)."""

    specs: list[ClaimSpec]
    passages: list[Passage]
    probs: np.ndarray  # (claims, passages, 3)
    notes: list[str]
    words: int


@dataclass(frozen=True)
class _Verdict:
    credit: float
    support: float
    support_at: int  # passage index, -1 when there is none
    contradiction: float
    contradiction_at: int
    contradicted: bool


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _quote(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ClaimGrader:
    name = "claims"
    description = (
        "a trained cross-encoder reads whether the answer states or contradicts each claim"
    )

    def __init__(
        self,
        model: ClaimModel | None = None,
        thresholds: Thresholds | None = None,
        *,
        per_claim: int = PER_CLAIM,
        read_about: bool = False,
    ) -> None:
        self.model = model if model is not None else ClaimModel()
        self.thresholds = thresholds or Thresholds()
        self.per_claim = per_claim
        # Read each passage only against the claims it is about (``about_pairs`` under
        # the thresholds): the other pairs are neutral. The hybrid reads so, a fraction
        # of the pairs, and scores any reading through about_only.
        self.read_about = read_about
        self._claims: OrderedDict[tuple[str, ...], list[np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    # -- model calls ----------------------------------------------------------------

    def _claim_vectors(self, specs: list[ClaimSpec]) -> list[np.ndarray]:
        key = tuple(s.text for s in specs)
        with self._lock:
            if key in self._claims:
                self._claims.move_to_end(key)
                return self._claims[key]
        vectors = self.model.encode(list(key))
        with self._lock:
            self._claims[key] = vectors
            while len(self._claims) > _CACHE:
                self._claims.popitem(last=False)
        return vectors

    def probabilities(self, specs: list[ClaimSpec], found: list[Passage]) -> np.ndarray:
        """(claims, passages, 3) probabilities; pairs not read are neutral (1 on index 2)."""
        out = np.zeros((len(specs), len(found), 3), dtype=np.float32)
        out[:, :, 2] = 1.0
        t = self.thresholds
        if self.read_about and (t.about_margin < 1.0 or t.about_floor > 0.0):
            about = aboutness([s.text for s in specs], [p.text for p in found])
            pairs = [
                (int(c), int(p))
                for c, p in np.argwhere(about_mask(about, t.about_margin, t.about_floor))
            ]
            if not pairs:
                return out
            claims = self._claim_vectors(specs)
            vectors = self.model.encode([p.text for p in found])
            if len(pairs) > MAX_PAIRS:
                pairs = sorted(sorted(pairs, key=lambda cp: -float(about[cp]))[:MAX_PAIRS])
        else:
            claims = self._claim_vectors(specs)
            vectors = self.model.encode([p.text for p in found])
            pairs = _select_pairs(claims, vectors, self.per_claim)
        if pairs:
            probs = self.model.predict(claims, vectors, pairs)
            for (c, p), row in zip(pairs, probs, strict=True):
                out[c, p] = row
        return out

    # -- scoring --------------------------------------------------------------------

    def _verdict(self, probs: np.ndarray, about: np.ndarray, misconception: bool) -> _Verdict:
        """One claim against every passage: ``probs`` is (passages, 3), ``about`` (passages,)
        says which passages are about this claim. Support for a criterion's claim may come
        from any passage; a contradiction, or support for a misconception, only from a
        passage about the claim."""
        t = self.thresholds
        if len(probs) == 0:
            return _Verdict(0.0, 0.0, -1, 0.0, -1, False)
        supports = np.where(about, probs[:, SUPPORTS], 0.0) if misconception else probs[:, SUPPORTS]
        contras = np.where(about, probs[:, CONTRADICTS], 0.0)
        s_at, c_at = int(np.argmax(supports)), int(np.argmax(contras))
        support, contra = float(supports[s_at]), float(contras[c_at])
        contradicted = contra >= t.contradict and contra > support + t.outweigh
        span = max(1e-6, t.support_high - t.support_low)
        credit = 0.0 if contradicted else min(1.0, max(0.0, (support - t.support_low) / span))
        return _Verdict(credit, support, s_at, contra, c_at, contradicted)

    def verdicts(self, reading: Reading) -> dict[str, _Verdict]:
        """Each claim's verdict (by claim id) under this grader's thresholds."""
        about = about_pairs(reading, self.thresholds)
        return {
            spec.id: self._verdict(reading.probs[i], about[i], spec.kind == "misconception")
            for i, spec in enumerate(reading.specs)
        }

    def read(self, question: Question, text: str) -> Reading:
        """The model's part of grading (the slow part): passages and their probabilities."""
        text, notes = clean(text)
        graded, cut = truncate_words(text, MAX_WORDS)
        if cut:
            notes.append(CUT_NOTE)
        specs = question_claims(question)
        found = passages(graded)
        if not graded.strip():
            notes.append("The answer is empty.")
        elif not found or is_term_list(graded):
            notes.append("The answer reads as a list of terms: write each point as a sentence.")
        probs = (
            self.probabilities(specs, found)
            if found
            else np.zeros((len(specs), 0, 3), dtype=np.float32)
        )
        return Reading(specs, found, probs, notes, sum(1 for _ in graded.split()))

    def grade(self, question: Question, text: str) -> GradeReport:
        return self.score(question, self.read(question, text))

    def score(self, question: Question, reading: Reading) -> GradeReport:
        """The report from a reading with this grader's thresholds (cheap: tuning reuses it)."""
        specs, found = reading.specs, reading.passages
        verdicts = self.verdicts(reading)
        criteria = [
            self._criterion(
                c, [s for s in specs if s.owner == c.id and s.kind == "criterion"], verdicts, found
            )
            for c in question.rubric.criterion
        ]
        misconceptions = []
        for m, spec in zip(
            question.rubric.misconception,
            [s for s in specs if s.kind == "misconception"],
            strict=True,
        ):
            v = verdicts[spec.id]
            if v.support >= self.thresholds.misconception and v.support_at >= 0:
                misconceptions.append(
                    MisconceptionResult(
                        id=m.id,
                        text=m.text,
                        penalty=m.penalty,
                        evidence=_evidence(found[v.support_at]),
                    )
                )
        notes = list(reading.notes)
        earned = sum(c.earned for c in criteria)
        shares = self._contradicted_shares(question, specs, verdicts)
        wrong = sum(
            self.thresholds.contradiction_penalty * c.points * share
            for c, share in zip(criteria, shares, strict=True)
        )
        net = max(0.0, earned - wrong - sum(m.penalty for m in misconceptions))
        max_points = question.max_points
        share = on_topic_share(reading)
        if share < self.thresholds.on_topic and max_points:
            net *= share / self.thresholds.on_topic
            notes.append(
                "Most of this answer is not about this question's points: "
                "answer the question asked."
            )
        score = round(min(1.0, net / max_points), 4) if max_points else 0.0
        return GradeReport(
            question_id=question.id,
            grader=self.name,
            score=score,
            points=round(net, 3),
            max_points=max_points,
            passed=score >= PASS_MARK,
            criteria=criteria,
            misconceptions=misconceptions,
            notes=notes,
            words=reading.words,
        )

    def contradicted_shares(self, question: Question, reading: Reading) -> list[float]:
        """Per criterion of ``question``, the share of its claims ``reading`` contradicts."""
        verdicts = self.verdicts(reading)
        return self._contradicted_shares(question, reading.specs, verdicts)

    @staticmethod
    def _contradicted_shares(
        question: Question, specs: list[ClaimSpec], verdicts: dict[str, _Verdict]
    ) -> list[float]:
        """Per criterion, the share of its claims the answer contradicts."""
        out = []
        for criterion in question.rubric.criterion:
            own = [
                verdicts[s.id] for s in specs if s.owner == criterion.id and s.kind == "criterion"
            ]
            out.append(sum(v.contradicted for v in own) / len(own) if own else 0.0)
        return out

    def _criterion(
        self,
        criterion: Criterion,
        specs: list[ClaimSpec],
        verdicts: dict[str, _Verdict],
        found: list[Passage],
    ) -> CriterionResult:
        vs = [verdicts[s.id] for s in specs]
        credit = sum(v.credit for v in vs) / len(vs)
        met = [s for s, v in zip(specs, vs, strict=True) if v.credit >= 0.5]
        wrong = [(s, v) for s, v in zip(specs, vs, strict=True) if v.contradicted]
        status: Status
        if len(met) == len(specs):
            status = "met"
        elif wrong and not met:
            status = "contradicted"
        elif met or credit > 0:
            status = "partly"
        else:
            status = "missed"
        evidence = None
        if wrong and status == "contradicted":
            evidence = _evidence(found[wrong[0][1].contradiction_at])
        elif credit > 0:
            best = max(vs, key=lambda v: v.credit)
            evidence = _evidence(found[best.support_at])
        return CriterionResult(
            id=criterion.id,
            text=criterion.text,
            status=status,
            points=criterion.points,
            earned=round(criterion.points * credit, 3),
            found=[s.text for s in met],
            missing=[s.text for s in specs if s not in met],
            evidence=evidence,
            feedback=_feedback(criterion.feedback, specs, vs, found),
        )


def on_topic_share(reading: Reading) -> float:
    """The share of the answer's words in passages that some claim of the question reads
    as supporting or contradicting (P(supports) + P(contradicts) >= 0.5). Passages are
    the answer's sentences (windows overlap them and are left out of the count)."""
    if not reading.passages:
        return 0.0
    topical = (reading.probs[:, :, SUPPORTS] + reading.probs[:, :, CONTRADICTS]).max(axis=0)
    words = on = 0
    covered: list[tuple[int, int]] = []
    for passage, level in zip(reading.passages, topical, strict=True):
        if any(a <= passage.start and passage.end <= b for a, b in covered):
            continue
        if any(passage.start <= a and b <= passage.end for a, b in covered):
            continue  # a window over sentences already counted
        covered.append((passage.start, passage.end))
        words += passage.words
        on += passage.words if level >= 0.5 else 0
    return on / words if words else 0.0


def _feedback(
    rubric_line: str, specs: list[ClaimSpec], verdicts: list[_Verdict], found: list[Passage]
) -> str:
    """What to fix, claim by claim: never what the answer already says, never a bare term."""
    parts = []
    for spec, v in zip(specs, verdicts, strict=True):
        if v.contradicted:
            said = _quote(found[v.contradiction_at].text)
            parts.append(f'Your answer says "{said}", but that is not right: {spec.text}')
        elif v.credit < 0.5:
            parts.append(f"State that {_lower_first(spec.text)}." if spec.authored else rubric_line)
    if not parts:
        return "Covered."
    return " ".join(parts)


def _evidence(passage: Passage) -> Evidence:
    return Evidence(start=passage.start, end=passage.end, text=passage.text)


def _unit(x: np.ndarray) -> np.ndarray:
    norm = np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-6)
    return np.asarray(x / norm, dtype=np.float32)


def late_interaction(claims: list[np.ndarray], passages_: list[np.ndarray]) -> np.ndarray:
    """(claims, passages): the mean over a claim's tokens of its best cosine with a token
    of the passage ("late interaction"), what picks the pairs to read when there are
    too many."""
    if not claims or not passages_:
        return np.zeros((len(claims), len(passages_)), dtype=np.float32)
    sims = _unit(np.concatenate(claims)) @ _unit(np.concatenate(passages_)).T
    p_starts = np.cumsum([0, *(len(p) for p in passages_[:-1])])
    best = np.maximum.reduceat(sims, p_starts, axis=1)  # (claim tokens, passages)
    c_lengths = np.array([len(c) for c in claims])
    c_starts = np.cumsum([0, *c_lengths[:-1]])
    return np.asarray(np.add.reduceat(best, c_starts, axis=0) / c_lengths[:, None], np.float32)


def _select_pairs(
    claims: list[np.ndarray], passages_: list[np.ndarray], per_claim: int
) -> list[tuple[int, int]]:
    keep = max(2, min(per_claim, MAX_PAIRS // max(1, len(claims))))
    if len(passages_) <= keep:
        return [(c, p) for c in range(len(claims)) for p in range(len(passages_))]
    closeness = late_interaction(claims, passages_)
    out: list[tuple[int, int]] = []
    for c in range(len(claims)):
        best = sorted(range(len(passages_)), key=lambda i: -float(closeness[c, i]))[:keep]
        out.extend((c, p) for p in sorted(best))
    return out
