"""The pages' Jinja environment: templates, filters and globals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ._markup import CATEGORY_COLOURS

__all__ = ["HERE", "environment"]

HERE = Path(__file__).parent


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from ._literal import pasteable
    from ._markup import markdown

    env.filters["markdown"] = markdown
    env.filters["literal"] = pasteable
    env.filters["pct"] = lambda v: "–" if v is None else f"{float(v):.0%}"
    env.filters["ms"] = lambda v: "–" if v is None else f"{float(v):.1f} ms"
    env.filters["kb"] = _memory
    env.filters["label"] = lambda v: str(v).replace("_", " ").capitalize()
    env.globals["colours"] = CATEGORY_COLOURS
    env.globals["growth_reliable"] = _growth_reliable
    return env


def _memory(kb: int | None) -> str:
    if kb is None:
        return "–"
    return f"{kb} kB" if kb < 1024 else f"{kb / 1024:.1f} MB"


def _growth_reliable(series: Any) -> bool:
    """The growth row shows an exponent only when its fit is reliable (docs/judge.md)."""
    from mlprep.judging import growth_reliable

    return series.exponent is not None and growth_reliable(series.times_ms, series.fit_r2)
