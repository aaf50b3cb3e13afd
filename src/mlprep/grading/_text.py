"""Text handling shared by the graders: cleaning, sentences, clauses, lemmas, negation.

Offsets matter: every span a report shows indexes into the cleaned answer, and
cleaning never changes the length of the text (control characters become spaces,
unencodable code points become U+FFFD), so the spans also index into what the
learner typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "FUNCTION_WORDS",
    "NEGATIONS",
    "Clause",
    "Sentence",
    "clean",
    "english_share",
    "lemma",
    "lemmas",
    "mean_item_words",
    "sentences",
    "truncate_words",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Control characters except tab and newline; C1 controls too.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A sentence ends at . ! ? followed by space, at a blank line, before a bullet or after a
# line ending in a colon; other line breaks are hard wrapping inside a sentence.
# Closing emphasis, quotes and brackets after the stop stay with the sentence ("**Bold.**").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+|(?<=[.!?][*_\"')\]’”])\s+|(?<=[.!?][*_\"')\]’”]{2})\s+"
    r"|\n\s*\n|\n(?=\s*(?:[-*•#]|\d+[.)])\s)|(?<=:)[ \t]*\n"
)
# Clause boundaries inside a sentence: punctuation and contrastive conjunctions.
# A negation covers its clause: clauses end at punctuation, a dash or a contrast ("but").
# "so", "therefore", "hence", "thus" start a consequence, which is asserted, with or
# without a comma before it ("X is not balanced so accuracy misleads": the second
# clause is not denied); "not so" and "or so" are not consequences.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:but|however|whereas|although|though|while|instead|yet)\b"
    r"|(?<!\bnot )(?<!n't )(?<!\bor )(?<!\band )\b(?:so|therefore|hence|thus)\b(?![-'’])",
    re.IGNORECASE,
)
_CONTRASTS = frozenset(
    {"but", "however", "whereas", "although", "though", "while", "instead", "yet", ";"}
)
_CONSEQUENCES = frozenset({"so", "therefore", "hence", "thus"})
# Where a "without" phrase ends when no comma closes it: at the subject or verb of
# the main clause ("Without labels you judge clusters by cohesion").
_WITHOUT_END = _words(
    """i you we they he she it there this that one is are was were can could will would
    should must may might do does did has have had"""
)
# A denial by one of these ends at a colon: what follows gives the reason or the
# alternative, and is asserted ("Accuracy cannot tell them apart: 99% are negatives",
# "There is no ground truth: we use the silhouette"). A plain "not" carries past it
# ("X is not Y: ..." denies the explanation too; stopping there let model answers
# with each sentence denied score a median of 0.5).
_COLON_DENIALS = frozenset({"cannot", "cant", "couldnt", "no", "nothing", "none", "never"})
_WITHOUT_MAX = 5  # words of a "without" phrase, at most, when nothing else ends it
# Items of a list: what commas, line breaks and bullets separate.
_ITEM_BREAK = re.compile(r"[,;:()\[\]/|•]|\n|\s[-*–—]\s|^\s*[-*]\s", re.MULTILINE)


# English function words: prose has many of them, a bare list of terms almost none.
FUNCTION_WORDS = _words(
    """a an the this that these those it its it's is are was were be been being am do does
    did has have had having will would can could should may might must shall of in on at by
    for with from to into onto over under about as than then so if when because since which
    who whom whose what where why how and or but not no nor also too very more most less
    least much many some any each every all both either neither i you he she we they me him
    her us them my your our their there here just only even still yet such one ones own
    same other another out up down off again once let get gets got make makes made"""
)

# Words that negate the clause they stand in.
NEGATIONS = _words(
    """not no never none neither nor without cannot nothing nobody hardly barely
    isnt arent wasnt werent dont doesnt didnt cant couldnt wont wouldnt shouldnt
    hasnt havent hadnt mustnt neednt"""
)
# "not only", "no matter": a negation word that does not deny what follows.
_NOT_NEGATING_NEXT = frozenset(
    {
        "only",
        "just",
        "merely",
        "matter",
        "doubt",
        "much",
        "many",
        "totally",
        "entirely",
        "quite",
        "very",
        "too",
        "always",
        "all",
        "every",
        "that",
        "least",
        "longer",
    }
)


def clean(text: str | bytes) -> tuple[str, list[str]]:
    """A grader-safe copy of ``text`` of the same length, and notes on what was changed."""
    notes: list[str] = []
    if isinstance(text, bytes):
        decoded = text.decode("utf-8", errors="replace")
        if "\ufffd" in decoded and b"\xef\xbf\xbd" not in text:
            notes.append("The answer was not valid UTF-8; unreadable bytes were ignored.")
        text = decoded
    # Lone surrogates (from surrogateescape decoding) cannot be encoded; replace them.
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        notes.append("The answer contained undecodable characters; they were ignored.")
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
        notes.append("Control characters in the answer were ignored.")
    return text, notes


MAX_WORDS = 2000  # words of an answer read; the rest is cut with a note
CUT_NOTE = (
    f"Only the first {MAX_WORDS:,} words were graded; an interview answer is usually under 400."
)


def truncate_words(text: str, max_words: int) -> tuple[str, bool]:
    """``text`` cut after ``max_words`` words (never mid-word) or ``max_words * 20``
    characters, and whether it was cut."""
    max_chars = max_words * 20
    for i, match in enumerate(_WORD.finditer(text)):
        if i == max_words or match.end() > max_chars:
            return text[: max(match.start(), min(match.end(), max_chars) if i == 0 else 0)], True
    if len(text) > max_chars:
        return text[:max_chars], True
    return text, False


MAX_WORD_CHARS = 40
_BRITISH = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Lower-cased lemma with British -ise spellings folded into -ize."""
    import simplemma

    low = word.lower().replace("’", "'")
    if len(low) > MAX_WORD_CHARS:
        return low[:MAX_WORD_CHARS]  # not a word; keep the lemmatiser and matcher fast
    if low.endswith("n't"):
        return low.replace("'", "")  # doesn't -> doesnt: one negation token
    low = low.replace("'", "")
    try:
        base = simplemma.lemmatize(low, lang="en").lower()
    except Exception:  # the lemmatiser is a nicety; never let it fail a grade
        base = low
    return _BRITISH.sub(r"iz\1", base)


def lemmas(text: str) -> list[str]:
    return [lemma(m.group()) for m in _WORD.finditer(text)]


@dataclass
class Clause:
    """Lemmas of one clause with the character offset in the answer where each ends."""

    tokens: list[str]
    ends: list[int]
    negated: bool


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    clauses: list[Clause] = field(default_factory=list)

    @property
    def tokens(self) -> list[str]:
        return [t for c in self.clauses for t in c.tokens]


def _carries(tokens: list[str]) -> bool:
    """Whether a negated clause also denies the clauses after it: "not A, B or C" does;
    "without labels, you ..." (a preposition's phrase) does not."""
    negations = [t for t in tokens if t in NEGATIONS]
    return bool(negations) and any(t != "without" for t in negations)


def _is_negated(tokens: list[str]) -> bool:
    for i, tok in enumerate(tokens):
        if tok in NEGATIONS:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            prev = tokens[i - 1] if i else ""
            if nxt in _NOT_NEGATING_NEXT:
                continue
            if tok == "no" and (
                prev == "yes" or (prev == "or" and i >= 2 and tokens[i - 2] == "yes")
            ):
                continue  # "a yes/no label", "yes or no"
            if not nxt and prev in ("if", "or", "whether"):
                continue  # "if not, ...", "or not": nothing in the clause is denied
            return True
    return False


def _without_spans(tokens: list[str]) -> list[tuple[int, int, bool]]:
    """A clause whose only negation is "without", cut into (start, end, negated) runs:
    "without" negates its own phrase, which ends at the main clause's subject or verb
    (or after _WITHOUT_MAX words), not the words before it or after it."""
    runs: list[tuple[int, int, bool]] = []
    i = 0
    pos = 0
    while i < len(tokens):
        if tokens[i] != "without":
            i += 1
            continue
        if i > pos:
            runs.append((pos, i, False))
        end = i + 1
        while end < len(tokens) and end - i <= _WITHOUT_MAX and tokens[end] not in _WITHOUT_END:
            end += 1
        runs.append((i, end, True))
        pos = i = end
    if pos < len(tokens):
        runs.append((pos, len(tokens), False))
    return runs


def _clauses(text: str, offset: int) -> list[Clause]:
    """Split at clause breaks; a negation covers its clause and the rest of the sentence
    up to a contrast ("X is not A, B or C, but D": A, B and C are negated, D is not) or
    a consequence ("so", "therefore"); "cannot", "no", "nothing", "never" up to a colon
    (_COLON_DENIALS); a denial inside brackets stays inside them; "without" covers its
    own phrase only."""
    out: list[Clause] = []
    pos = 0
    pieces: list[tuple[int, int, bool, str]] = []
    reset_before = False
    brk_before = ""
    for brk in _CLAUSE_BREAK.finditer(text):
        pieces.append((pos, brk.start(), reset_before, brk_before))
        word = brk.group().strip().lower()
        reset_before = word in _CONTRASTS or word in _CONSEQUENCES
        brk_before = word
        pos = brk.end()
    pieces.append((pos, len(text), reset_before, brk_before))
    active = False
    stops_at_colon = False  # the carried denial ends at a colon
    before_paren: list[bool] = []
    for lo, hi, reset, mark in pieces:
        if mark == "(":
            before_paren.append(active)
        elif mark == ")" and before_paren:
            active = before_paren.pop()  # a denial inside brackets stays inside them
        if reset or (mark == ":" and stops_at_colon):
            active = False
        words = list(_WORD.finditer(text, lo, hi))
        if not words:
            continue
        tokens = [lemma(w.group()) for w in words]
        own = _is_negated(tokens)
        negated = active or own
        if own and _carries(tokens) and not active:
            stops_at_colon = all(t in _COLON_DENIALS for t in tokens if t in NEGATIONS)
        active = active or (own and _carries(tokens))
        runs = [(0, len(tokens), negated)]
        if own and not active and not _carries(tokens):
            runs = _without_spans(tokens)  # "without" alone: its own phrase only
        for a, b, neg in runs:
            out.append(
                Clause(
                    tokens=tokens[a:b],
                    ends=[offset + w.end() for w in words[a:b]],
                    negated=neg,
                )
            )
    return out


def sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets, split into lemmatised clauses."""
    out: list[Sentence] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
    bounds.append((len(text), len(text)))
    for end, next_start in bounds:
        raw = text[pos:end]
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            sentence = Sentence(start=start, end=start + len(stripped), text=stripped)
            sentence.clauses = _clauses(stripped, start)
            if sentence.clauses:
                out.append(sentence)
        pos = next_start
    return out


def mean_item_words(text: str) -> float:
    """Average number of words between commas, line breaks and bullets (prose: 6+)."""
    counts = [len(_WORD.findall(piece)) for piece in _ITEM_BREAK.split(text)]
    counts = [c for c in counts if c]
    return sum(counts) / len(counts) if counts else 0.0


def english_share(tokens: list[str]) -> float:
    """Share of tokens that are English function words (prose: about 0.35-0.55)."""
    if not tokens:
        return 0.0
    return sum(t in FUNCTION_WORDS for t in tokens) / len(tokens)
