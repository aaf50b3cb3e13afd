"""Markdown to HTML on the server, math left for KaTeX in the page, and SVG charts.

Math is cut out by markdown-it's dollarmath plugin (so ``$a_i b_i$`` never becomes
emphasis) and emitted as escaped TeX inside ``<span class="math">``; the page's
script renders those spans with the vendored KaTeX.
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt

__all__ = ["activity_svg", "bars_svg", "lines_svg", "markdown"]

CATEGORY_COLOURS = {
    "theory": "#4c6ef5",
    "case-study": "#f08c00",
    "applied": "#2f9e44",
    "system-design": "#ae3ec9",
    "recsys": "#e03131",
    "coding": "#1098ad",
}


def _math_inline(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    return f'<span class="math">{html.escape(tokens[idx].content)}</span>'


def _math_block(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    return f'<div class="math display">{html.escape(tokens[idx].content)}</div>\n'


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    # "js-default" escapes raw HTML in content: a question folder cannot inject script.
    md = MarkdownIt("js-default").enable("table").use(dollarmath_plugin, double_inline=True)
    md.add_render_rule("math_inline", _math_inline)
    md.add_render_rule("math_inline_double", _math_block)
    md.add_render_rule("math_block", _math_block)
    md.add_render_rule("math_block_label", _math_block)
    return md


@lru_cache(maxsize=2048)
def markdown(text: str) -> str:
    return str(_parser().render(text))


# -- charts ----------------------------------------------------------------------------


def lines_svg(
    days: list[str], series: dict[str, list[float]], *, width: int = 640, height: int = 220
) -> str:
    """Mastery per category over time: one polyline per category, 0-100 % axis."""
    left, right, top, bottom = 40, 130, 10, 24
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(1, len(days) - 1)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Mastery per category over {len(days)} days">'
    ]
    for frac in (0, 0.25, 0.5, 0.75, 1):
        y = top + plot_h * (1 - frac)
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{int(frac * 100)}%</text>'
        )
    if days:
        parts.append(f'<text x="{left}" y="{height - 6}">{html.escape(days[0])}</text>')
        parts.append(
            f'<text x="{left + plot_w}" y="{height - 6}" text-anchor="end">'
            f"{html.escape(days[-1])}</text>"
        )
    for i, (category, values) in enumerate(sorted(series.items())):
        colour = CATEGORY_COLOURS.get(category, "#555")
        points = " ".join(
            f"{left + plot_w * j / n:.1f},{top + plot_h * (1 - max(0.0, min(1.0, v))):.1f}"
            for j, v in enumerate(values)
        )
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
            f'points="{points}"><title>{html.escape(category)}</title></polyline>'
        )
        ly = top + 14 + i * 18
        parts.append(
            f'<rect x="{left + plot_w + 12}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>'
        )
        last = values[-1] if values else 0.0
        parts.append(
            f'<text x="{left + plot_w + 27}" y="{ly}">{html.escape(category)} {last:.0%}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def activity_svg(activity: dict[str, int], today: date, *, weeks: int = 26) -> str:
    """A calendar of attempts per day: one column per week, Monday at the top."""
    cell = 12
    start = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    width, height = weeks * cell + 30, 7 * cell + 20
    top = max(activity.values(), default=0)
    parts = [
        f'<svg class="chart calendar" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Attempts per day over {weeks} weeks">'
    ]
    for label, row in (("Mon", 0), ("Wed", 2), ("Fri", 4)):
        parts.append(f'<text x="0" y="{row * cell + 10}">{label}</text>')
    day = start
    while day <= today:
        col = (day - start).days // 7
        count = activity.get(day.isoformat(), 0)
        level = 0 if count == 0 else 1 + min(3, int(3 * count / max(1, top)))
        parts.append(
            f'<rect x="{30 + col * cell}" y="{day.weekday() * cell}" width="{cell - 2}" '
            f'height="{cell - 2}" class="level{level}"><title>{day.isoformat()}: {count} '
            f"attempt{'s' if count != 1 else ''}</title></rect>"
        )
        day += timedelta(days=1)
    parts.append("</svg>")
    return "".join(parts)


def bars_svg(labels: list[str], values: list[float], *, width: int = 640, height: int = 160) -> str:
    """Scores (0-1) as vertical bars, e.g. mock interview totals in order."""
    left, bottom, top = 40, 22, 10
    plot_w, plot_h = width - left - 10, height - top - bottom
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{len(values)} scores">'
    ]
    for frac in (0, 0.5, 1):
        y = top + plot_h * (1 - frac)
        parts.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{int(frac * 100)}%</text>'
        )
    slot = plot_w / max(1, len(values))
    bar = min(40.0, slot * 0.7)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        v = max(0.0, min(1.0, value))
        x = left + slot * i + (slot - bar) / 2
        y = top + plot_h * (1 - v)
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
            f'height="{top + plot_h - y:.1f}"><title>{html.escape(label)}: '
            f"{v:.0%}</title></rect>"
        )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{height - 6}" text-anchor="middle">'
            f"{html.escape(label)}</text>"
        )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">{v:.0%}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
