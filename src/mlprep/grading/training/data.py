"""Assemble the claim model's training pairs from the bank, deterministically.

Sources, per question with claims (the excluded questions never take part):

- corpus.toml: each claim against its own ``supports``, ``contradicts``, ``neutral``;
- the claim against itself (supports);
- the claim against the other claims of its question and their corpus sentences
  (neutral: same topic, another point). A misconception and a criterion of the same
  question are never paired: one is often the other's denial, and no label says which;
- the claim against sentences of other questions (neutral, off-topic): a few at random,
  and its nearest neighbours (``_neighbours``): the supporting sentences of other
  questions that share most of its words, the way an answer to a neighbouring question
  does ("a flexible model bends to the noise" against a bagging claim). Sentences of
  another question's claim that reads like this one are never used: they may state it;
- bare lists of the claim's words (neutral: a list of terms states nothing);
- generic.toml: templates around the claim ("It's a myth that ...": contradicts) and
  hand-written pattern pairs;
- derived from the corpus itself (``_derived_pairs``): a supporting paraphrase put
  inside a negating template (contradicts) or a hedging one (supports); a supporting
  sentence with its direction words swapped ("higher" <-> "lower", "overfitting" <->
  "underfitting", both halves of a pair present: the roles swapped) or its negation
  dropped or added (contradicts); a supporting or contradicting sentence followed by
  an unrelated sentence of the same question, as the grader's two-sentence windows
  read it (label kept);
- for a criterion with one claim, its rubric text (as the grader uses it for content
  without claims) against the claim's corpus sentences;
- sentences of the bank's own fluent-wrong and expert-short samples, labelled against
  every claim of their question (``spans.py``).

The same bank gives the same pairs in the same order (``pairs_digest``).
"""

from __future__ import annotations

import hashlib
import random
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .._claimset import ClaimSpec, as_claim, question_claims
from .._text import FUNCTION_WORDS
from .spans import Span, load_spans, span_pairs

if TYPE_CHECKING:
    from mlprep.content import CorpusEntry, Question

__all__ = [
    "EXCLUDED_QUESTIONS",
    "LABELS",
    "Pair",
    "assemble",
    "dev_question",
    "load_generic",
    "pairs_digest",
]

Label = Literal["supports", "contradicts", "neutral"]
LABELS: tuple[Label, ...] = ("supports", "contradicts", "neutral")

# Questions kept out of training and tuning entirely: they measure how the grader
# does on content it has never seen (user-authored questions have no corpus).
EXCLUDED_QUESTIONS = frozenset(
    {
        "maximum-likelihood",
        "support-vector-machines",
        "missing-birthdays",
        "same-algorithm-different-scores",
        "occupancy-rate-evaluation",
        "job-recs-approach",
        "nested-cross-validation",
        "high-cardinality-categorical",
    }
)

GENERIC_FILE = Path(__file__).with_name("generic.toml")
# Answers written from the prompts alone, for fitting and training only (its README).
INDEPENDENT_DIR = Path(__file__).with_name("independent")
DEV_SHARE = 0.15
# Per claim: how many derived pairs of each kind (keeps the set, and training time, bounded).
# Kept small: training time on a shared 2-core CPU is the binding constraint.
SAME_QUESTION = 4
OFF_TOPIC = 3
NEIGHBOURS = 2  # nearest supporting sentences of other questions (neutral, hard)
# A neighbour must be near, but not a restatement: claims sharing this much of their
# words (cosine over content-word stems) may be the same point in two questions.
SAME_POINT = 0.45
KEYWORD_LISTS = 1
TEMPLATES: dict[Label, int] = {"supports": 1, "contradicts": 1, "neutral": 1}
RUBRIC_TEXT = {"supports": 1, "contradicts": 1}
NEGATED_SUPPORTS = 2  # a paraphrase inside "It's a myth that ..." (contradicts)
HEDGED_SUPPORTS = 1  # a paraphrase inside "I think ..., at least usually." (supports)
FLIPPED_SUPPORTS = 2  # a paraphrase with its direction or negation flipped (contradicts)
WINDOWS = 2  # a support or a contradiction followed by an unrelated sentence (label kept)


@dataclass(frozen=True)
class Pair:
    claim: str
    passage: str
    label: Label
    question: str  # "" for generic pairs
    # corpus, self, same-question, off-topic, neighbour, keywords, template, generic, rubric-text,
    # negated, hedged, flipped, window, sample-span
    source: str


@dataclass(frozen=True)
class Template:
    text: str
    label: Label


def dev_question(question_id: str) -> bool:
    """Stable ~15% of the questions whose pairs measure the model instead of training it."""
    digest = hashlib.sha256(f"mlprep-claims:{question_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < DEV_SHARE


def load_generic(path: Path = GENERIC_FILE) -> tuple[list[Template], list[Pair]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    templates = [Template(t["text"], t["label"]) for t in data.get("template", [])]
    pairs = [
        Pair(p["claim"], p["passage"], p["label"], "", "generic") for p in data.get("pair", [])
    ]
    for label in [t.label for t in templates] + [p.label for p in pairs]:
        if label not in LABELS:
            raise ValueError(f"{path}: unknown label {label!r}")
    return templates, pairs


def _seed(*parts: str) -> int:
    return int.from_bytes(hashlib.sha256("\x1f".join(parts).encode()).digest()[:8], "big")


def _inner(claim: str) -> str:
    """The claim as a clause to put inside a template: first letter lowered, no final stop."""
    text = claim.strip().rstrip(".!")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'-]*")


def keyword_list(sentences: Iterable[str], rng: random.Random) -> str:
    """A bare list of a claim's content words, the way a learner pastes terms."""
    words: list[str] = []
    for sentence in sentences:
        for word in _WORD.findall(sentence):
            low = word.lower()
            if len(low) > 2 and low not in FUNCTION_WORDS and low not in words:
                words.append(low)
    if not words:
        return ""
    chosen = rng.sample(words, k=min(len(words), rng.randint(3, 7)))
    return rng.choice([", ", " ", "\n", "; "]).join(chosen)


# Swapped both ways at once: with both halves in a sentence, the roles are exchanged
# ("high bias, low variance" -> "low bias, high variance"); with one, the direction.
_FLIPS = (
    ("increases", "decreases"),
    ("increase", "decrease"),
    ("increasing", "decreasing"),
    ("higher", "lower"),
    ("high", "low"),
    ("larger", "smaller"),
    ("rises", "falls"),
    ("more", "fewer"),
    ("overfitting", "underfitting"),
    ("overfits", "underfits"),
    ("overfit", "underfit"),
    ("above", "below"),
    ("before", "after"),
    ("better", "worse"),
    ("faster", "slower"),
    ("precision", "recall"),
    ("false positives", "false negatives"),
    ("bias", "variance"),
)
# Swapped only when both appear: alone, the swapped word changes the topic, not the truth.
_ROLE_ONLY = frozenset({"precision", "recall", "bias", "variance", "before", "after"})
_FLIP_MAP = {a: b for a, b in _FLIPS} | {b: a for a, b in _FLIPS}
_FLIP_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _FLIP_MAP), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_NEGATED_AUX = re.compile(
    r"\b(is|are|was|were|does|do|did|can|will|would|should|has|have)(?: not|n't)\b",
    re.IGNORECASE,
)
_CANNOT = re.compile(r"\bcannot\b|\bcan't\b", re.IGNORECASE)
_AUX = re.compile(r"\b(is|are|can|will|does|do|should)\b(?! not)", re.IGNORECASE)
# Spoken, hesitant sentences read badly inside another sentence ("It's a myth that so, um").
_SPOKEN = re.compile(r"\b(?:um|uh|like,|I mean|kind of|sort of|basically)\b", re.IGNORECASE)


def _same_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def flip(sentence: str) -> str | None:
    """The sentence made false: its negation dropped or direction words swapped, or
    a negation added after its first verb. None when no rule applies."""
    if _NEGATED_AUX.search(sentence):
        return _NEGATED_AUX.sub(lambda m: m.group(1), sentence, count=1)
    if _CANNOT.search(sentence):
        return _CANNOT.sub(lambda m: _same_case("can", m.group()), sentence, count=1)
    found = {m.group().lower() for m in _FLIP_RE.finditer(sentence)}
    usable = {w for w in found if w not in _ROLE_ONLY or _FLIP_MAP[w] in found}
    if usable:
        return _FLIP_RE.sub(
            lambda m: (
                _same_case(_FLIP_MAP[m.group().lower()], m.group())
                if m.group().lower() in usable
                else m.group()
            ),
            sentence,
        )
    if _AUX.search(sentence):
        return _AUX.sub(lambda m: m.group() + " not", sentence, count=1)
    return None


def _written(sentence: str) -> bool:
    return sentence[:1].isupper() and not _SPOKEN.search(sentence)


def _join(first: str, second: str) -> str:
    first = first.strip()
    if first[-1:] not in ".!?":
        first += "."
    return f"{first} {second.strip()}"


def _derived_pairs(
    qid: str,
    claim: ClaimSpec,
    entry: CorpusEntry | None,
    others: list[str],
    templates: list[Template],
    rng: random.Random,
) -> list[Pair]:
    """Pairs made from the claim's own corpus sentences (see the module docstring)."""
    if entry is None:
        return []
    out: list[Pair] = []
    written = [s for s in entry.supports if _written(s)]
    negating = [t for t in templates if t.label == "contradicts"]
    hedging = [t for t in templates if t.label == "supports"]
    for s in rng.sample(written, k=min(NEGATED_SUPPORTS, len(written))):
        t = rng.choice(negating)
        out.append(Pair(claim.text, t.text.format(x=_inner(s)), "contradicts", qid, "negated"))
    for s in rng.sample(written, k=min(HEDGED_SUPPORTS, len(written))):
        t = rng.choice(hedging)
        out.append(Pair(claim.text, t.text.format(x=_inner(s)), "supports", qid, "hedged"))
    flipped = [f for f in (flip(s) for s in entry.supports) if f is not None]
    for f in rng.sample(flipped, k=min(FLIPPED_SUPPORTS, len(flipped))):
        out.append(Pair(claim.text, f, "contradicts", qid, "flipped"))
    if others:
        kept: list[tuple[str, Label]] = [(s, "supports") for s in entry.supports]
        kept += [(s, "contradicts") for s in entry.contradicts]
        for s, label in rng.sample(kept, k=min(WINDOWS, len(kept))):
            other = rng.choice(others)
            text = _join(s, other) if rng.random() < 0.5 else _join(other, s)
            out.append(Pair(claim.text, text, label, qid, "window"))
    return out


def _claim_pairs(
    question: Question,
    claim: ClaimSpec,
    claims: list[ClaimSpec],
    corpus: dict[str, CorpusEntry],
    off_topic: list[str],
    templates: list[Template],
    neighbours: list[str],
) -> list[Pair]:
    qid = question.id
    rng = random.Random(_seed(qid, claim.id))
    out = [Pair(claim.text, claim.text, "supports", qid, "self")]
    entry = corpus.get(claim.id)
    if entry is not None:
        for label, sentences in (
            ("supports", entry.supports),
            ("contradicts", entry.contradicts),
            ("neutral", entry.neutral),
        ):
            out.extend(Pair(claim.text, s, label, qid, "corpus") for s in sentences)  # type: ignore[arg-type]
    for s in neighbours:
        out.append(Pair(claim.text, s, "neutral", qid, "neighbour"))
    # Same question, another point. Misconception <-> criterion pairs are skipped (see above).
    others: list[str] = []
    for other in claims:
        if other.id == claim.id or other.kind != claim.kind:
            continue
        others.append(other.text)
        other_entry = corpus.get(other.id)
        if other_entry is not None:
            others.extend(other_entry.supports)
            others.extend(other_entry.contradicts)
    for s in rng.sample(others, k=min(SAME_QUESTION, len(others))):
        out.append(Pair(claim.text, s, "neutral", qid, "same-question"))
    for s in rng.sample(off_topic, k=min(OFF_TOPIC, len(off_topic))):
        out.append(Pair(claim.text, s, "neutral", qid, "off-topic"))
    # Windows pair the claim's sentence with a neutral one: same question, other claims'
    # supports only (a contradiction of another claim could also deny this one).
    window_others = [
        s
        for other in claims
        if other.id != claim.id and other.kind == claim.kind and other.id in corpus
        for s in corpus[other.id].supports
    ]
    out.extend(_derived_pairs(qid, claim, entry, window_others, templates, rng))
    sources = [claim.text, *(entry.supports if entry is not None else [])]
    for _ in range(KEYWORD_LISTS):
        words = keyword_list(sources, rng)
        if words:
            out.append(Pair(claim.text, words, "neutral", qid, "keywords"))
    inner = _inner(claim.text)
    for label, count in TEMPLATES.items():
        pool = [t for t in templates if t.label == label]
        for template in rng.sample(pool, k=min(count, len(pool))):
            out.append(Pair(claim.text, template.text.format(x=inner), label, qid, "template"))
    return out


def _stems(text: str) -> frozenset[str]:
    """Content words cut to six letters: "overfitting"/"overfits" -> "overfi"."""
    return frozenset(
        w.lower()[:6] for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in FUNCTION_WORDS
    )


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / ((len(a) * len(b)) ** 0.5) if a and b else 0.0


def _neighbours(
    chosen: list[Question], corpora: dict[str, tuple[CorpusEntry, ...]]
) -> dict[tuple[str, str], list[str]]:
    """Per (question, criterion claim id): the NEIGHBOURS supporting sentences of other questions
    nearest to the claim by shared words, one per other question, skipping those whose
    own claim shares SAME_POINT of its words with this one (it may be the same point)."""
    claims = {
        q.id: [c for c in question_claims(q) if c.authored and c.kind == "criterion"]
        for q in chosen
    }
    # Candidate sentences: (question, its claim's stems, sentence, sentence's stems).
    candidates: list[tuple[str, frozenset[str], str, frozenset[str]]] = []
    for q in chosen:
        entries = {e.of: e for e in corpora.get(q.id, ())}
        for c in claims[q.id]:
            if c.id in entries:
                c_stems = _stems(c.text)
                candidates.extend((q.id, c_stems, s, _stems(s)) for s in entries[c.id].supports)
    index: dict[str, list[int]] = {}
    for i, (_, _, _, stems) in enumerate(candidates):
        for w in stems:
            index.setdefault(w, []).append(i)
    out: dict[tuple[str, str], list[str]] = {}
    for q in chosen:
        # Criterion claims only: a misconception is often a general statement that
        # another question's sentence denies or half-states, and no label would say which.
        for c in claims[q.id]:
            mine = _stems(c.text)
            hits = sorted({i for w in mine for i in index.get(w, ())})
            scored = sorted(
                (
                    (-_cosine(mine, candidates[i][3]), candidates[i][2], candidates[i][0])
                    for i in hits
                    if candidates[i][0] != q.id and _cosine(mine, candidates[i][1]) < SAME_POINT
                ),
            )
            picked: list[str] = []
            used: set[str] = set()
            for _, sentence, other in scored:
                if other in used:
                    continue
                used.add(other)
                picked.append(sentence)
                if len(picked) == NEIGHBOURS:
                    break
            out[(q.id, c.id)] = picked
    return out


def _rubric_text_pairs(question: Question, corpus: dict[str, CorpusEntry]) -> list[Pair]:
    """A criterion's text as the claim (what the grader falls back to without claims)."""
    out: list[Pair] = []
    for criterion in question.rubric.criterion:
        if len(criterion.claims) != 1 or criterion.id not in corpus:
            continue
        entry, text = corpus[criterion.id], as_claim(criterion.text)
        n_sup, n_con = RUBRIC_TEXT["supports"], RUBRIC_TEXT["contradicts"]
        out.extend(
            Pair(text, s, "supports", question.id, "rubric-text") for s in entry.supports[:n_sup]
        )
        out.extend(
            Pair(text, s, "contradicts", question.id, "rubric-text")
            for s in entry.contradicts[:n_con]
        )
    return out


def assemble(
    questions: Iterable[Question],
    corpora: dict[str, tuple[CorpusEntry, ...]],
    *,
    generic: tuple[list[Template], list[Pair]] | None = None,
    spans: dict[str, list[Span]] | None = None,
) -> list[Pair]:
    """Every training pair, in a fixed order. ``corpora`` maps question id to its entries.

    Only questions with authored claims take part; excluded questions never do.
    """
    templates, generic_pairs = generic if generic is not None else load_generic()
    labelled = spans if spans is not None else load_spans()
    chosen = sorted(
        (
            q
            for q in questions
            if q.id not in EXCLUDED_QUESTIONS
            and not q.is_coding
            and any(c.authored for c in question_claims(q))
        ),
        key=lambda q: q.id,
    )
    # Off-topic sentences: other questions' claims and supporting sentences.
    pool: dict[str, list[str]] = {}
    for q in chosen:
        sentences = [c.text for c in question_claims(q) if c.authored and c.kind == "criterion"]
        for entry in corpora.get(q.id, ()):
            sentences.extend(entry.supports[:2])
        pool[q.id] = sentences
    near = _neighbours(chosen, corpora)
    pairs: list[Pair] = []
    for q in chosen:
        claims = [c for c in question_claims(q) if c.authored]
        corpus = {entry.of: entry for entry in corpora.get(q.id, ())}
        off_topic = [s for other, sents in pool.items() if other != q.id for s in sents]
        for claim in claims:
            pairs.extend(
                _claim_pairs(
                    q, claim, claims, corpus, off_topic, templates, near.get((q.id, claim.id), [])
                )
            )
        pairs.extend(_rubric_text_pairs(q, corpus))
        pairs.extend(span_pairs(q, labelled.get(q.id, [])))
    pairs.extend(generic_pairs)
    return pairs


def pairs_digest(pairs: Iterable[Pair]) -> str:
    """sha256 of the pairs in order: equal digests, equal training data."""
    h = hashlib.sha256()
    for p in pairs:
        h.update("\x1f".join((p.claim, p.passage, p.label, p.question, p.source)).encode())
        h.update(b"\x1e")
    return h.hexdigest()
