"""LaTeX math in Markdown, rewritten as Unicode text for terminals.

Prompts, hints and answers write math as ``$...$`` and ``$$...$$`` (KaTeX renders it
in the web app). A terminal shows the same text, so ``$$Z_1 = X W_1$$`` would reach
the learner raw; here each formula becomes readable Unicode (``Z₁ = X W₁``).
pylatexenc does the macros (Greek letters, operators, accents); what it flattens
without a trace, sub- and superscripts, fractions and norms, is rewritten first, so
that ``\\sigma^2_{cj}`` stays ``σ²_(cj)`` rather than ``σ^2_cj``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["markdown_math_to_text", "math_to_text"]

_SUPER = dict(zip("0123456789+-=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ", strict=True))
_SUB = dict(zip("0123456789+-=()aeijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True))
# \top as a superscript is a transpose: ᵀ reads better than ^⊤.
_SCRIPT_WORDS = {"\\top": "ᵀ", "\\intercal": "ᵀ", "T": "ᵀ", "\\prime": "′", "*": "*"}


_OPERATORS = ("log", "ln", "exp", "sin", "cos", "tan", "max", "min", "arg", "det", "Pr", "lim")


@lru_cache(maxsize=1)
def _converter() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    context = get_default_latex_context_db().filter_context()  # a copy: the default is shared
    context.add_context_category(
        "mlprep-terminal",
        prepend=True,
        macros=[
            MacroTextSpec("|", simplify_repl="‖"),
            MacroTextSpec("lVert", simplify_repl="‖"),
            MacroTextSpec("rVert", simplify_repl="‖"),
            MacroTextSpec("top", simplify_repl="ᵀ"),
            MacroTextSpec("mid", simplify_repl=" | "),
            MacroTextSpec("qquad", simplify_repl="    "),
            MacroTextSpec("quad", simplify_repl="  "),
            MacroTextSpec(",", simplify_repl=" "),
            MacroTextSpec(";", simplify_repl=" "),
            MacroTextSpec("!", simplify_repl=""),
            # pylatexenc drops these without a trace: "(a x + b) P" for "\bmod P",
            # "a b" for "a \ne b" and nothing at all for \texttt{width}.
            MacroTextSpec("bmod", simplify_repl=" mod "),
            MacroTextSpec("mod", simplify_repl=" mod "),
            MacroTextSpec("ne", simplify_repl=" ≠ "),
            MacroTextSpec("neg", simplify_repl="¬"),
            MacroTextSpec("texttt", "%s"),
            # operators whose following space LaTeX would swallow: "log π", not "logπ"
            *(MacroTextSpec(name, simplify_repl=f"{name} ") for name in _OPERATORS),
        ],
    )
    return LatexNodes2Text(math_mode="text", latex_context=context, strict_latex_spaces=False)


def _group(text: str, start: int) -> tuple[str, int]:
    """The script argument at ``start``: a {braced group}, a \\macro or one character."""
    if start >= len(text):
        return "", start
    if text[start] == "{":
        depth = 0
        for i in range(start, len(text)):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                return text[start + 1 : i], i + 1
        return text[start + 1 :], len(text)
    if text[start] == "\\":
        match = re.match(r"\\[A-Za-z]+|\\.", text[start:])
        assert match is not None
        return match.group(0), start + len(match.group(0))
    return text[start], start + 1


def _script(body: str, table: dict[str, str], mark: str) -> str:
    if body in _SCRIPT_WORDS and mark == "^":
        return _SCRIPT_WORDS[body]
    plain = _plain(body)
    if plain and all(ch in table for ch in plain):
        return "".join(table[ch] for ch in plain)
    return f"{mark}{plain}" if len(plain) == 1 else f"{mark}({plain})"


def _one_line(latex: str) -> str:
    return " ".join(latex.split())


def _fraction(text: str, start: int) -> tuple[str, int]:
    top, i = _group(text, start)
    bottom, j = _group(text, i)
    top, bottom = _plain(top), _plain(bottom)
    return f"{_wrap(top)}/{_wrap(bottom)}", j


def _wrap(part: str) -> str:
    """Parenthesise a fraction's part unless it is one word or number."""
    return part if re.fullmatch(r"[\w.′]+", part) else f"({part})"


def _plain(latex: str) -> str:
    """Rewrite scripts and fractions, then let pylatexenc do the macros."""
    out: list[str] = []
    i = 0
    while i < len(latex):
        ch = latex[i]
        if ch in "^_":
            body, i = _group(latex, i + 1)
            out.append(_script(body, _SUPER if ch == "^" else _SUB, ch))
            continue
        frac = re.match(r"\\[dt]?frac", latex[i:])
        if frac:
            text, i = _fraction(latex, i + len(frac.group(0)))
            out.append(text)
            continue
        if ch == "\\":
            match = re.match(r"\\[A-Za-z]+|\\.", latex[i:])
            assert match is not None
            i += len(match.group(0))
            # A script right after a macro (\sum_i) would be read as part of its name
            # once rewritten to a letter-like character (∑ᵢ): close the macro first.
            # Otherwise its argument group stays for pylatexenc (\mathrm{IG}, \hat{y}).
            out.append(match.group(0) + ("{}" if latex[i : i + 1] in ("_", "^") else ""))
            continue
        out.append(ch)
        i += 1
    rewritten = "".join(out)
    if "\\" not in rewritten and "{" not in rewritten:
        return rewritten
    converted: str = _converter().latex_to_text(rewritten)
    return converted.strip()


def math_to_text(latex: str) -> str:
    """One formula as Unicode text."""
    try:
        text = _plain(_one_line(latex))
    except Exception:  # pylatexenc on malformed input: better raw than nothing
        return latex
    return re.sub(r"[ \t]{2,}(?=\S)", lambda m: m.group(0) if len(m.group(0)) >= 4 else " ", text)


_FENCE = re.compile(r"^(```|~~~)")
# A display formula takes the blank lines around it: it becomes an indented code block,
# which keeps blank lines inside it, so formulas a paragraph break apart showed with
# four to six empty lines between them. Formulas in a row are one block, a line each.
_DISPLAY = re.compile(r"\s*\$\$(.+?)\$\$\s*", re.DOTALL)
_FORMULA_START, _FORMULA_END = "\x00formula\x00", "\x00end\x00"
_INLINE = re.compile(r"(?<![\\$])\$(?!\s)((?:\\\$|[^$\n]|\n(?!\s*\n))+?)(?<![\s\\])\$(?!\d)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def _convert_prose(text: str) -> str:
    def display(match: re.Match[str]) -> str:
        return _FORMULA_START + math_to_text(match.group(1).strip()) + _FORMULA_END

    def displays(segment: str) -> str:
        segment = _DISPLAY.sub(display, segment).replace(_FORMULA_END + _FORMULA_START, "\n    ")
        return segment.replace(_FORMULA_START, "\n\n    ").replace(_FORMULA_END, "\n\n")

    def inline(match: re.Match[str]) -> str:
        return math_to_text(match.group(1))

    def inline_outside_code(segment: str) -> str:
        pieces: list[str] = []
        last = 0
        for code in _CODE_SPAN.finditer(segment):
            pieces.append(
                _INLINE.sub(lambda m: math_to_text(m.group(1)), segment[last : code.start()])
            )
            pieces.append(code.group(0))
            last = code.end()
        pieces.append(_INLINE.sub(lambda m: math_to_text(m.group(1)), segment[last:]))
        return "".join(pieces)

    return inline_outside_code(displays(text))


def markdown_math_to_text(markdown: str) -> str:
    """Markdown with every formula outside code rewritten as Unicode text."""
    if "$" not in markdown:
        return markdown
    out: list[str] = []
    prose: list[str] = []
    fenced = False
    for line in markdown.splitlines(keepends=True):
        if _FENCE.match(line.lstrip()):
            if not fenced:
                out.append(_convert_prose("".join(prose)))
                prose = []
            fenced = not fenced
            out.append(line)
        elif fenced:
            out.append(line)
        else:
            prose.append(line)
    out.append(_convert_prose("".join(prose)))
    return "".join(out)
