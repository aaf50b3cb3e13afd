"""From what the lexical grader found in an answer to its report: the credit of each
criterion, the misconceptions' penalties, the evidence sentence and the feedback.

The semantic grader builds its reports here too, with its own shares of each criterion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._report import PASS_MARK, CriterionResult, Evidence, GradeReport, MisconceptionResult, Status

if TYPE_CHECKING:
    from mlprep.content import Criterion, Question

    from ._lexical import Analysis, Params
    from ._rubric import CompiledRubric

__all__ = [
    "build_report",
    "lexical_best_lines",
    "lexical_shares",
    "sentence_scores",
]


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


def lexical_shares(analysis: Analysis) -> list[float]:
    """Per criterion, the share of its concepts the answer expresses (0-1)."""
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


def _evidence(analysis: Analysis, line_index: int) -> Evidence:
    s = analysis.lines[line_index].sentence
    return Evidence(start=s.start, end=s.end, text=analysis.text[s.start : s.end])


def _feedback(criterion: Criterion, status: Status, missing: list[str], keyword_list: bool) -> str:
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
                feedback=_feedback(crit.criterion, status, missing, analysis.keyword_list),
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
