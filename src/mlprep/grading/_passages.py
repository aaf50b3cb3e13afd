"""An answer cut into passages the claim model reads, each an exact span of the answer.

A passage is a sentence, a bullet, or (for long run-on, spoken text) a window of
about two dozen words. A sentence that leans on the one before ("It measures ...")
also gets a window with that sentence. Bare lists of terms are not passages: they
state nothing, and a claim must never be credited to one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ._text import FUNCTION_WORDS

__all__ = ["Passage", "is_term_list", "passages"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_BLOCK_START = re.compile(r"^[ \t]*(?:[-*•·‣▪–—]|\d{1,2}[.)]|[a-z][.)]|#+)[ \t]+", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]’”]*(?=\s)")
_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "etc", "vs", "approx", "cf", "dr", "mr", "ms", "fig", "eq"}
)
_LEANS_BACK = frozenset(
    [
        "it",
        "this",
        "that",
        "these",
        "those",
        "they",
        "them",
        "its",
        "their",
        "so",
        "which",
        "then",
        "both",
        "each",
        "here",
        "such",
        "latter",
        "former",
        "hence",
        "thus",
        "therefore",
        "otherwise",
        "whereas",
    ]
)
MIN_WORDS = 3
LONG_SENTENCE = 40  # words: longer ones (run-on speech) are read in windows
WINDOW, STRIDE = 24, 12


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    text: str  # == answer[start:end]
    words: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs and list items: blank lines and bullet/number markers start a block."""
    cuts = {0, len(text)}
    markers = set()
    for m in re.finditer(r"\n[ \t]*\n", text):
        cuts.add(m.end())
    for m in _BLOCK_START.finditer(text):
        cuts.add(m.start())
        cuts.add(m.end())
        markers.add(m.start())
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        s, e = _trim(text, a, b)
        if e > s and a not in markers and _WORD.search(text, s, e):
            out.append((s, e))
    return out


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    at = start
    for m in _SENTENCE_END.finditer(text, start, end):
        before = text[at : m.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        nxt = text[m.end() : m.end() + 3].lstrip()
        if last in _ABBREVIATIONS or (
            nxt[:1].islower() and "\n" not in text[m.end() : m.end() + 2]
        ):
            continue
        s, e = _trim(text, at, m.end())
        if e > s:
            out.append((s, e))
        at = m.end()
    s, e = _trim(text, at, end)
    if e > s:
        out.append((s, e))
    return out


def is_term_list(text: str) -> bool:
    """A list of terms ("bias, variance, overfitting") rather than a statement."""
    items = [i for i in re.split(r"[,;\n/|]+", text) if _WORD.search(i)]
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return True
    function = sum(w in FUNCTION_WORDS for w in words) / len(words)
    if len(items) >= 3 and len(words) / len(items) <= 2.5 and function < 0.3:
        return True
    return len(words) >= 5 and function == 0.0 and ":" not in text and len(items) >= 2


def passages(text: str) -> list[Passage]:
    """The answer's passages in reading order (sentences first, then their windows)."""
    spans: list[tuple[int, int]] = []
    for b_start, b_end in _blocks(text):
        spans.extend(_sentences(text, b_start, b_end))
    out: list[Passage] = []
    seen: set[tuple[int, int]] = set()

    def add(s: int, e: int) -> None:
        words = len(_WORD.findall(text, s, e))
        if (s, e) in seen or words < MIN_WORDS or is_term_list(text[s:e]):
            return
        seen.add((s, e))
        out.append(Passage(s, e, text[s:e], words))

    for s, e in spans:
        matches = list(_WORD.finditer(text, s, e))
        if len(matches) <= LONG_SENTENCE:
            add(s, e)
            continue
        for w in range(0, len(matches) - STRIDE, STRIDE):
            last = min(w + WINDOW, len(matches)) - 1
            add(matches[w].start(), matches[last].end())
    # A sentence that leans on the previous one ("It ...", "This ...") is also read with it.
    for (s1, e1), (s2, e2) in itertools.pairwise(spans):
        first = _WORD.search(text, s2, e2)
        n1, n2 = len(_WORD.findall(text, s1, e1)), len(_WORD.findall(text, s2, e2))
        if first is None or n1 + n2 > LONG_SENTENCE:
            continue
        if first.group().lower() in _LEANS_BACK or n1 < 8:
            add(s1, e2)
    return out
