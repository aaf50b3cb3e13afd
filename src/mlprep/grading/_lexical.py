"""The lexical grader: rubric concepts matched as lemmatised key terms and paraphrases.

For every criterion it asks which of the criterion's concepts the answer expresses
in a clause that is not negated; a concept is one of its paraphrases found in order
(small gaps allowed), with words compared after lemmatising and with small spelling
differences tolerated (rapidfuzz). Misconceptions are paraphrases of a wrong claim,
found the same way. BM25 (bm25s) ranks the answer's sentences against each
criterion to pick the evidence shown to the learner.

Guards against answers that game a keyword matcher: sentences copied from the
prompt are ignored, and a bare list of terms (almost no function words) earns only
a fraction of the points.

The parts: ``_rubric`` compiles a question's rubric once, ``_matching`` finds its
paraphrases in the answer's sentences (words compared by ``_similarity`` and
``_synonyms``), this module reads an answer (``analyse``) and ``_lexical_report``
turns what it found into a report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._lexical_report import build_report, lexical_best_lines, lexical_shares, sentence_scores
from ._matching import ConceptHit, Line, phrase_hits, read_line, rubric_coverage
from ._rubric import CompiledRubric, RubricCache
from ._text import CUT_NOTE, MAX_WORDS, clean, english_share, sentences, truncate_words

if TYPE_CHECKING:
    from mlprep.content import Question

    from ._report import GradeReport

__all__ = ["DEFAULT_PARAMS", "MAX_WORDS", "Analysis", "LexicalGrader", "Params", "analyse"]


@dataclass(frozen=True)
class Params:
    """Tunable numbers of the lexical grader (fitted on the tuning split only)."""

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


@dataclass
class Analysis:
    """What the lexical grader saw in an answer; the semantic grader builds on it."""

    text: str
    lines: list[Line]
    ignored: set[int]
    concept_hits: list[list[list[ConceptHit]]]  # criterion -> concept -> hits
    misconception_hits: list[list[ConceptHit]]
    keyword_list: bool
    notes: list[str]
    words: int


def analyse(rubric: CompiledRubric, text: str, params: Params) -> Analysis:
    """Read ``text`` against ``rubric``: its sentences, the concepts and misconceptions
    each expresses, the lines that copy the prompt, and whether it is a list of terms."""
    cleaned, notes = clean(text)
    cleaned, truncated = truncate_words(cleaned, MAX_WORDS)
    if truncated:
        notes.append(CUT_NOTE)
    sents = sentences(cleaned)
    lines = [read_line(s, rubric, params.fuzzy_cutoff, params.synonyms) for s in sents]
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
            and rubric_coverage(lines, ignored, rubric, params.concept_gap)
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
        phrase_hits(lines, ignored, m.phrases, params.misconception_gap)
        for m in rubric.misconceptions
    ]
    # A sentence that makes a wrong claim is not evidence for a right one.
    wrong_lines = {h.line for hits in misconception_hits for h in hits if not h.negated}
    concept_hits: list[list[list[ConceptHit]]] = []
    for crit in rubric.criteria:
        per_concept = []
        for concept in crit.concepts:
            per_concept.append(
                phrase_hits(
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


def _copied_lines(lines: list[Line], rubric: CompiledRubric, cutoff: float) -> set[int]:
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


class LexicalGrader:
    """Fast, light, deterministic; no model. Safe to share between threads."""

    name = "lexical"
    description = "key terms and paraphrases of each rubric concept, lemmatised, negation-aware"

    def __init__(self, params: Params = DEFAULT_PARAMS) -> None:
        self.params = params
        self._rubrics = RubricCache()

    def compiled(self, question: Question) -> CompiledRubric:
        return self._rubrics.get(question)

    def analyse(self, question: Question, text: str) -> tuple[CompiledRubric, Analysis]:
        rubric = self.compiled(question)
        return rubric, analyse(rubric, text, self.params)

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
