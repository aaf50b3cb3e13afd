"""The default grader: rubric concepts matched as lemmatised key terms and paraphrases.

For every criterion it asks which of the criterion's concepts the answer expresses
in a clause that is not negated; a concept is one of its paraphrases found in order
(small gaps allowed), with words compared after lemmatising and with small spelling
differences tolerated (rapidfuzz). Misconceptions are paraphrases of a wrong claim,
found the same way. BM25 (bm25s) ranks the answer's sentences against each
criterion to pick the evidence shown to the learner.

Guards against answers that game a keyword matcher: sentences copied from the
prompt are ignored, and a bare list of terms (almost no function words) earns only
a fraction of the points.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._report import (
    PASS_MARK,
    CriterionResult,
    Evidence,
    GradeReport,
    MisconceptionResult,
    Status,
)
from ._text import (
    FUNCTION_WORDS,
    NEGATIONS,
    Sentence,
    clean,
    english_share,
    lemmas,
    sentences,
    truncate_words,
)

if TYPE_CHECKING:
    from mlprep.content import Criterion, Misconception, Question

__all__ = ["Analysis", "CompiledRubric", "LexicalGrader", "Params", "compile_rubric"]

MAX_WORDS = 2000

# Everyday words a candidate uses for a rubric's word (lemmas). Only unambiguous groups:
# a word that means something else in some question ("order", "cost", "sample") stays out.
SYNONYM_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "error mistake",
        "big bigger large larger huge",
        "small smaller little tiny",
        "reduce lower decrease shrink lessen",
        "increase raise rise grow",
        "example row observation record instance",
        "feature input column variable predictor attribute",
        "label target outcome",
        "weight coefficient",
        "predict forecast",
        "prediction forecast guess",
        "fast quick rapid",
        "wrong incorrect",
        "unstable volatile erratic jumpy",
        "overfit memorize",
        "drift shift",
        "threshold cutoff",
        "rare infrequent uncommon scarce",
        "similar alike comparable",
        "combine blend mix",
        "monitor track watch",
        "check verify inspect examine",
        "pick choose select",
        "remove drop delete discard eliminate exclude",
        "probability chance",
        "confident sure certain",
        "rank sort",
        "correlate associate",
        "correlation association",
        "stop halt",
        "retrain refit",
    )
)
SYNONYMS: dict[str, frozenset[str]] = {}
for _group in SYNONYM_GROUPS:
    for _word in _group:
        SYNONYMS[_word] = SYNONYMS.get(_word, frozenset()) | _group
# "X means Y", "X is Y", "X indicates Y" state the same claim.
LINKING_VERBS = frozenset(
    {"be", "mean", "means", "indicate", "imply", "signal", "equal", "suggest"}
)


@dataclass(frozen=True)
class Params:
    """Tunable numbers of the default grader (fitted on the tuning split only)."""

    # credit for a criterion with a share f of its concepts expressed: points * f**gamma
    gamma: float = 1.0
    # how much a misconception's penalty counts
    penalty_scale: float = 1.0
    # an answer that is a bare list of terms earns this share of its points
    keyword_list_factor: float = 0.2
    # below this share of function words an answer is treated as a bare list of terms
    keyword_list_share: float = 0.12
    # above this share of words from the rubric's own terms, a bare list of terms
    keyword_list_rubric_share: float = 0.6
    # largest number of unrelated words allowed between two words of a paraphrase
    concept_gap: int = 2
    misconception_gap: int = 4
    # similarity (0-100) above which two long words count as the same word
    fuzzy_cutoff: float = 88.0
    # a sentence this similar (0-100) to a sentence of the prompt is a copy
    copy_cutoff: float = 85.0
    # words of the everyday synonym groups (SYNONYMS) count as the same word
    synonyms: bool = True
    # a paraphrase's content words may also appear in any order within a window of
    # (number of content words + unordered_slack) words; 0 turns this off
    unordered_slack: int = 3
    # a paraphrase of 3+ content words of which all but one appear in such a window
    # expresses its concept partly, for this share of the concept; 0 turns this off
    partial_credit: float = 0.0


DEFAULT_PARAMS = Params()


# -- the rubric, compiled once per question ----------------------------------------


@dataclass(frozen=True)
class Phrase:
    text: str
    tokens: tuple[str, ...]

    @property
    def negative(self) -> bool:
        return any(t in NEGATIONS for t in self.tokens)

    @property
    def content(self) -> tuple[str, ...]:
        """The phrase's distinct content words, for order-insensitive matching."""
        out: list[str] = []
        for t in self.tokens:
            # linking verbs match each other and short tokens or numbers match too
            # easily to stand for the phrase without its word order
            if t in FUNCTION_WORDS or t in LINKING_VERBS or len(t) < 3 or t.isdigit():
                continue
            if t not in out:
                out.append(t)
        return tuple(out)


@dataclass(frozen=True)
class Concept:
    label: str
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class CompiledCriterion:
    criterion: Criterion
    concepts: tuple[Concept, ...]
    query: tuple[str, ...]


@dataclass(frozen=True)
class CompiledMisconception:
    misconception: Misconception
    phrases: tuple[Phrase, ...]


@dataclass
class CompiledRubric:
    question_id: str
    max_points: float
    criteria: tuple[CompiledCriterion, ...]
    misconceptions: tuple[CompiledMisconception, ...]
    vocabulary: tuple[str, ...]
    prompt_sentences: tuple[str, ...]
    equivalents: dict[str, frozenset[str]] = field(default_factory=dict)
    vocabulary_set: frozenset[str] = frozenset()


def _phrase(text: str) -> Phrase | None:
    tokens = tuple(lemmas(text))
    return Phrase(text, tokens) if tokens else None


def _phrases(texts: list[str]) -> tuple[Phrase, ...]:
    out: list[Phrase] = []
    for text in texts:
        phrase = _phrase(text)
        if phrase is None:
            continue
        out.append(phrase)
        joined = "".join(phrase.tokens)
        if len(phrase.tokens) == 2 and len(joined) >= 6:
            out.append(Phrase(text, (joined,)))  # "trade off" also matches "tradeoff"
    return tuple(out)


def _normalise_line(text: str) -> str:
    return " ".join(lemmas(text))


def compile_rubric(question: Question) -> CompiledRubric:
    criteria = []
    vocab: set[str] = set()
    for criterion in question.rubric.criterion:
        concepts = []
        for paraphrases in criterion.concepts:
            phrases = _phrases(list(paraphrases))
            concepts.append(Concept(label=paraphrases[0], phrases=phrases))
            for p in phrases:
                vocab.update(p.tokens)
        every_paraphrase = " ".join(p for c in criterion.concepts for p in c)
        query_words = [
            t for t in lemmas(criterion.text + " " + every_paraphrase) if t not in FUNCTION_WORDS
        ]
        criteria.append(CompiledCriterion(criterion, tuple(concepts), tuple(query_words)))
    misconceptions = []
    for m in question.rubric.misconception:
        phrases = _phrases(list(m.phrases))
        misconceptions.append(CompiledMisconception(m, phrases))
        for p in phrases:
            vocab.update(p.tokens)
    prompt = tuple(
        _normalise_line(s.text) for s in sentences(question.prompt) if len(s.tokens) >= 4
    )
    return CompiledRubric(
        question_id=question.id,
        max_points=question.max_points,
        criteria=tuple(criteria),
        misconceptions=tuple(misconceptions),
        vocabulary=tuple(sorted(vocab)),
        prompt_sentences=prompt,
        vocabulary_set=frozenset(vocab),
    )


class _RubricCache:
    """Compiled rubrics by question content, so a long-lived grader compiles each once."""

    def __init__(self, size: int = 512) -> None:
        self._items: OrderedDict[str, CompiledRubric] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, question: Question) -> CompiledRubric:
        key = hashlib.sha1(
            (question.id + question.prompt + question.rubric.model_dump_json()).encode()
        ).hexdigest()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit
        compiled = compile_rubric(question)
        with self._lock:
            self._items[key] = compiled
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return compiled


# -- matching --------------------------------------------------------------------


def _similar(a: str, b: str, cutoff: float) -> bool:
    if a == b or a == b + "e" or b == a + "e":  # the lemmatiser's "fixes" -> "fixe"
        return True
    short, long_ = sorted((len(a), len(b)))
    if short < 5:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    if common >= max(5, math.ceil(0.8 * short)) and long_ <= 1.6 * short:
        return True  # same stem: complex/complexity, regularize/regularization
    if short >= 7:
        from rapidfuzz.fuzz import ratio

        return ratio(a, b) >= cutoff  # spelling slips: variance/varaince
    return False


def _equivalents(
    rubric: CompiledRubric, word: str, cutoff: float, synonyms: bool = True
) -> frozenset[str]:
    key = word if synonyms else "\0" + word
    hit = rubric.equivalents.get(key)
    if hit is not None:
        return hit
    if word in LINKING_VERBS:
        found = LINKING_VERBS
    elif word in FUNCTION_WORDS:
        found = frozenset({word})
    else:
        found = frozenset(v for v in rubric.vocabulary if _similar(word, v, cutoff))
        found = found | {word}
        if synonyms:
            # "mistake" counts as the rubric's "error", and so does a slip of it
            for other in SYNONYMS.get(word, frozenset()) - {word}:
                found = found | {
                    v for v in rubric.vocabulary if v == other or _similar(other, v, cutoff)
                }
    if len(rubric.equivalents) < 50_000:
        rubric.equivalents[key] = found
    return found


@dataclass
class _Line:
    """A sentence flattened for matching: tokens, offsets and negation per token."""

    sentence: Sentence
    tokens: list[str]
    starts: list[int]
    ends: list[int]
    negated: list[bool]
    equivalents: list[frozenset[str]]


def _line(
    sentence: Sentence, rubric: CompiledRubric, cutoff: float, synonyms: bool = True
) -> _Line:
    tokens: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    negated: list[bool] = []
    for clause in sentence.clauses:
        tokens += clause.tokens
        starts += clause.starts
        ends += clause.ends
        negated += [clause.negated] * len(clause.tokens)
    eq = [_equivalents(rubric, t, cutoff, synonyms) for t in tokens]
    return _Line(sentence, tokens, starts, ends, negated, eq)


def _find(line: _Line, phrase: Phrase, gap: int, begin: int = 0) -> tuple[int, int] | None:
    """First occurrence of ``phrase`` in ``line`` from token ``begin`` on, as token indices
    [i, j], with at most ``gap`` other words between two of its words."""
    first = phrase.tokens[0]
    n = len(line.tokens)
    for i in range(begin, n):
        if first not in line.equivalents[i]:
            continue
        pos = i
        ok = True
        for word in phrase.tokens[1:]:
            nxt = None
            for k in range(pos + 1, min(n, pos + gap + 2)):
                if word in line.equivalents[k]:
                    nxt = k
                    break
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok:
            return i, pos
    return None


def _find_unordered(
    line: _Line, words: tuple[str, ...], need: int, window: int
) -> tuple[int, int] | None:
    """The first span of at most ``window`` tokens holding ``need`` of ``words``, in any
    order (each word matched at a different position), as token indices [i, j]."""
    n = len(line.tokens)
    positions: list[list[int]] = []
    for word in words:
        positions.append([k for k in range(n) if word in line.equivalents[k]])
    if sum(bool(p) for p in positions) < need:
        return None
    starts = sorted({k for p in positions for k in p})
    for i in starts:
        end = min(n, i + window)
        used: set[int] = set()
        found = 0
        last = i
        for p in positions:
            k = next((k for k in p if i <= k < end and k not in used), None)
            if k is not None:
                used.add(k)
                found += 1
                last = max(last, k)
        if found >= need:
            return i, last
    return None


@dataclass
class ConceptHit:
    line: int
    first: int
    last: int
    negated: bool
    phrase: str = ""
    weight: float = 1.0  # 1: the concept is expressed; less: partly (most of its words)


@dataclass
class Analysis:
    """What the default grader saw in an answer; the semantic grader builds on it."""

    text: str
    lines: list[_Line]
    ignored: set[int]
    concept_hits: list[list[list[ConceptHit]]]  # criterion -> concept -> hits
    misconception_hits: list[list[ConceptHit]]
    keyword_list: bool
    notes: list[str]
    words: int


def analyse(question: Question, rubric: CompiledRubric, text: str, params: Params) -> Analysis:
    cleaned, notes = clean(text)
    cleaned, truncated = truncate_words(cleaned, MAX_WORDS)
    if truncated:
        notes.append(
            f"Only the first {MAX_WORDS:,} words were graded; an interview answer is "
            "usually under 400."
        )
    sents = sentences(cleaned)
    lines = [_line(s, rubric, params.fuzzy_cutoff, params.synonyms) for s in sents]
    all_tokens = [t for line in lines for t in line.tokens]
    words = len(all_tokens)
    if not words:
        notes.append("The answer is empty.")
    ignored = _copied_lines(lines, rubric, params.copy_cutoff)
    if ignored and len(ignored) == len(lines):
        notes.append("The answer only repeats the question; answer it in your own words.")
    elif ignored:
        notes.append("Sentences that repeat the question were not counted.")
    counted_tokens = [t for i, line in enumerate(lines) if i not in ignored for t in line.tokens]
    # Prose spends most of its words between the rubric's terms; a list of terms does not.
    keyword_list = len(counted_tokens) >= 4 and (
        english_share(counted_tokens) < params.keyword_list_share
        or (
            len(counted_tokens) <= 400
            and _rubric_coverage(lines, ignored, rubric, params.concept_gap)
            > params.keyword_list_rubric_share
        )
    )
    if keyword_list:
        if _looks_foreign(cleaned):
            keyword_list = False
            notes.append("The answer does not look like English; the grader understands English.")
        else:
            notes.append(
                "The answer reads as a list of terms; explain each point in full sentences."
            )
    elif words >= 4 and _looks_foreign(cleaned):
        notes.append("The answer does not look like English; the grader understands English.")

    misconception_hits = [
        _hits(lines, ignored, m.phrases, params.misconception_gap) for m in rubric.misconceptions
    ]
    # A sentence that makes a wrong claim is not evidence for a right one.
    wrong_lines = {h.line for hits in misconception_hits for h in hits if not h.negated}
    concept_hits: list[list[list[ConceptHit]]] = []
    for crit in rubric.criteria:
        per_concept = []
        for concept in crit.concepts:
            per_concept.append(
                _hits(
                    lines,
                    ignored | wrong_lines,
                    concept.phrases,
                    params.concept_gap,
                    slack=params.unordered_slack,
                    partial=params.partial_credit,
                )
            )
        concept_hits.append(per_concept)
    return Analysis(
        text=cleaned,
        lines=lines,
        ignored=ignored,
        concept_hits=concept_hits,
        misconception_hits=misconception_hits,
        keyword_list=keyword_list,
        notes=notes,
        words=words,
    )


def _looks_foreign(text: str) -> bool:
    import simplemma

    try:
        return float(simplemma.in_target_language(text[:5000], lang="en")) < 0.5
    except Exception:
        return False


def _copied_lines(lines: list[_Line], rubric: CompiledRubric, cutoff: float) -> set[int]:
    if not rubric.prompt_sentences:
        return set()
    from rapidfuzz import fuzz, process

    copied = set()
    for i, line in enumerate(lines):
        if len(line.tokens) < 4:
            continue
        joined = " ".join(line.tokens)
        best = process.extractOne(
            joined, rubric.prompt_sentences, scorer=fuzz.ratio, score_cutoff=cutoff
        )
        if best is not None:
            copied.add(i)
    return copied


def _rubric_coverage(
    lines: list[_Line], ignored: set[int], rubric: CompiledRubric, gap: int
) -> float:
    """Share of the answer's words that belong to an occurrence of a rubric paraphrase."""
    phrases = [p for c in rubric.criteria for concept in c.concepts for p in concept.phrases]
    covered = total = 0
    for index, line in enumerate(lines):
        if index in ignored:
            continue
        marks = [False] * len(line.tokens)
        for phrase in phrases:
            begin = 0
            while (found := _find(line, phrase, gap, begin)) is not None:
                first, last = found
                for k in range(first, last + 1):
                    marks[k] = True
                begin = first + 1
        covered += sum(marks)
        total += len(marks)
    return covered / total if total else 0.0


def _hits(
    lines: list[_Line],
    ignored: set[int],
    phrases: tuple[Phrase, ...],
    gap: int,
    *,
    slack: int = 0,
    partial: float = 0.0,
) -> list[ConceptHit]:
    """Occurrences of a concept's paraphrases: in order with small gaps (full credit);
    with ``slack``, also its content words in any order within a short window (full
    credit); with ``partial``, all but one of 3+ content words in such a window (that
    share of the concept). A line stops at its first full, non-negated hit."""
    hits = []
    for index, line in enumerate(lines):
        if index in ignored:
            continue
        best_partial: ConceptHit | None = None
        full = False
        for phrase in phrases:
            weight = 1.0
            found = _find(line, phrase, gap)
            content = phrase.content
            if found is None and slack and len(content) >= 2 and not phrase.negative:
                found = _find_unordered(line, content, len(content), len(content) + slack)
            if found is None and partial and len(content) >= 3 and not phrase.negative:
                found = _find_unordered(line, content, len(content) - 1, len(content) + slack)
                weight = partial
            if found is None:
                continue
            first, last = found
            # "correlation, not causation": a paraphrase may carry its own negation.
            negated = not phrase.negative and any(line.negated[first : last + 1])
            hit = ConceptHit(index, first, last, negated, phrase.text, weight)
            if weight < 1.0:
                if not negated and best_partial is None:
                    best_partial = hit
                continue
            hits.append(hit)
            if not negated:
                full = True
                break
        if best_partial is not None and not full:
            hits.append(best_partial)
    return hits


# -- scoring ---------------------------------------------------------------------


def sentence_scores(analysis: Analysis, rubric: CompiledRubric) -> list[list[float]]:
    """BM25 score of every answer sentence for every criterion (criterion x sentence)."""
    if not analysis.lines:
        return [[] for _ in rubric.criteria]
    import bm25s

    corpus = [line.tokens or ["_"] for line in analysis.lines]
    index = bm25s.BM25()
    index.index(corpus, show_progress=False)
    vocab = set().union(*corpus)
    out = []
    for crit in rubric.criteria:
        query = [t for t in crit.query if t in vocab]
        if not query:
            out.append([0.0] * len(corpus))
            continue
        out.append([float(s) for s in index.get_scores(query)])
    return out


def _evidence(analysis: Analysis, line_index: int) -> Evidence:
    s = analysis.lines[line_index].sentence
    return Evidence(start=s.start, end=s.end, text=analysis.text[s.start : s.end])


def concept_feedback(
    criterion: Criterion, status: Status, missing: list[str], keyword_list: bool
) -> str:
    if status == "met":
        if keyword_list:
            return "The key terms are there; now explain them in sentences."
        return "Covered."
    if status == "partly" and missing:
        named = ", ".join(f"'{m}'" for m in missing[:2])
        return f"Partly covered; missing {named}. {criterion.feedback}"
    return criterion.feedback


def build_report(
    *,
    question: Question,
    rubric: CompiledRubric,
    analysis: Analysis,
    grader: str,
    shares: list[float],
    best_lines: list[int | None],
    params: Params,
    extra_notes: list[str] | None = None,
) -> GradeReport:
    """Turn per-criterion shares of concepts expressed (0-1) into a report."""
    results = []
    earned_total = 0.0
    for crit, share, concept_hits, best in zip(
        rubric.criteria, shares, analysis.concept_hits, best_lines, strict=True
    ):
        points = float(crit.criterion.points)
        share = min(1.0, max(0.0, share))
        status: Status = "met" if share >= 0.999 else "partly" if share > 0.0 else "missed"
        earned = points * share**params.gamma if share > 0 else 0.0
        if analysis.keyword_list:
            earned *= params.keyword_list_factor
        earned = round(earned, 2)
        earned_total += earned
        found = []
        missing = []
        for concept, hits in zip(crit.concepts, concept_hits, strict=True):
            positive = [h for h in hits if not h.negated and h.weight >= 1.0]
            if positive:
                found.append(positive[0].phrase)  # the paraphrase the answer used
            else:
                missing.append(concept.label)
        results.append(
            CriterionResult(
                id=crit.criterion.id,
                text=crit.criterion.text,
                status=status,
                points=points,
                earned=earned,
                found=found,
                missing=missing,
                evidence=_evidence(analysis, best) if best is not None else None,
                feedback=concept_feedback(crit.criterion, status, missing, analysis.keyword_list),
            )
        )
    found_misconceptions = []
    penalty_total = 0.0
    for m, hits in zip(rubric.misconceptions, analysis.misconception_hits, strict=True):
        positive = [h for h in hits if not h.negated]
        if not positive:
            continue
        penalty = float(m.misconception.penalty) * params.penalty_scale
        penalty_total += penalty
        found_misconceptions.append(
            MisconceptionResult(
                id=m.misconception.id,
                text=m.misconception.text,
                penalty=round(penalty, 2),
                evidence=_evidence(analysis, positive[0].line),
            )
        )
    points_total = max(0.0, earned_total - penalty_total)
    max_points = rubric.max_points
    score = min(1.0, max(0.0, points_total / max_points)) if max_points > 0 else 0.0
    notes = list(analysis.notes) + list(extra_notes or [])
    if any(h.negated for c in analysis.concept_hits for hits in c for h in hits) and not all(
        r.status == "met" for r in results
    ):
        notes.append("Some key ideas appear only in negated statements and were not counted.")
    return GradeReport(
        question_id=question.id,
        grader=grader,
        score=round(score, 4),
        points=round(points_total, 2),
        max_points=max_points,
        passed=score >= PASS_MARK,
        criteria=results,
        misconceptions=found_misconceptions,
        notes=notes,
        words=analysis.words,
    )


def lexical_shares(analysis: Analysis) -> list[float]:
    shares = []
    for per_concept in analysis.concept_hits:
        expressed = sum(
            max((h.weight for h in hits if not h.negated), default=0.0) for hits in per_concept
        )
        shares.append(expressed / len(per_concept) if per_concept else 0.0)
    return shares


def lexical_best_lines(analysis: Analysis, bm25: list[list[float]]) -> list[int | None]:
    """The evidence sentence per criterion: most concepts expressed, then BM25."""
    best: list[int | None] = []
    for per_concept, scores in zip(analysis.concept_hits, bm25, strict=True):
        counts: dict[int, int] = {}
        for hits in per_concept:
            for line in {h.line for h in hits if not h.negated}:
                counts[line] = counts.get(line, 0) + 1
        if not counts:
            best.append(None)
            continue
        best.append(max(counts, key=lambda i: (counts[i], scores[i] if scores else 0.0, -i)))
    return best


class LexicalGrader:
    """The default grader: fast, light, deterministic. Safe to share between threads."""

    name = "lexical"
    description = "key terms and paraphrases of each rubric concept, lemmatised, negation-aware"

    def __init__(self, params: Params = DEFAULT_PARAMS) -> None:
        self.params = params
        self._rubrics = _RubricCache()

    def compiled(self, question: Question) -> CompiledRubric:
        return self._rubrics.get(question)

    def analyse(self, question: Question, text: str) -> tuple[CompiledRubric, Analysis]:
        rubric = self.compiled(question)
        return rubric, analyse(question, rubric, text, self.params)

    def grade(self, question: Question, text: str) -> GradeReport:
        rubric, analysis = self.analyse(question, text)
        bm25 = sentence_scores(analysis, rubric)
        return build_report(
            question=question,
            rubric=rubric,
            analysis=analysis,
            grader=self.name,
            shares=lexical_shares(analysis),
            best_lines=lexical_best_lines(analysis, bm25),
            params=self.params,
        )
