"""Map a pydantic error location (``("criterion", 2, "points")``) to a TOML line.

``tomllib`` returns plain dicts with no positions, so we scan the source once and
remember where every table header and key starts. A location that names no
key (a missing field) falls back to the innermost table that holds it.
"""

from __future__ import annotations

import re

__all__ = ["TomlPositions"]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
)

Loc = tuple[str | int, ...]


def _split_dotted(key: str) -> list[str]:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""", key)
    return [a or b or c for a, b, c in parts]


class TomlPositions:
    """Line and column of every key and table header in a TOML document."""

    def __init__(self, text: str) -> None:
        self._pos: dict[Loc, tuple[int, int]] = {}
        counters: dict[tuple[str, ...], int] = {}
        table: Loc = ()
        in_multiline: str | None = None
        for lineno, raw in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if raw.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER.match(raw)
            if header and not _KEY.match(raw):
                names = _split_dotted(header.group(2))
                if header.group(1) == "[[":
                    key = tuple(names)
                    index = counters.get(key, -1) + 1
                    counters[key] = index
                    # Sub-tables of an array item repeat, so reset their counters.
                    for other in list(counters):
                        if len(other) > len(key) and other[: len(key)] == key:
                            del counters[other]
                    table = (*self._resolve(names[:-1], counters), names[-1], index)
                else:
                    table = tuple(self._resolve(names, counters))
                self._pos.setdefault(table, (lineno, raw.index(header.group(1)) + 1))
                continue
            key_match = _KEY.match(raw)
            if key_match:
                names = _split_dotted(key_match.group(1))
                column = len(raw) - len(raw.lstrip()) + 1
                self._pos.setdefault((*table, *names), (lineno, column))
                rest = raw[key_match.end() :]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote
                        break

    @staticmethod
    def _resolve(names: list[str], counters: dict[tuple[str, ...], int]) -> list[str | int]:
        """Insert the current index after every array-of-tables prefix."""
        out: list[str | int] = []
        for i, name in enumerate(names):
            out.append(name)
            prefix = tuple(names[: i + 1])
            if prefix in counters:
                out.append(counters[prefix])
        return out

    def find(self, loc: Loc) -> tuple[int, int]:
        """The best known position for ``loc``: the longest prefix that has one."""
        for end in range(len(loc), 0, -1):
            pos = self._pos.get(tuple(loc[:end]))
            if pos:
                return pos
        return (1, 1)
