"""Progress plots with matplotlib: mastery over time, activity calendar, mock scores."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ._stats import Progress

__all__ = ["progress_figure", "write_progress_plot"]

_COLOURS = {
    "theory": "#4c72b0",
    "case-study": "#dd8452",
    "applied": "#55a868",
    "system-design": "#c44e52",
    "recsys": "#8172b3",
    "coding": "#937860",
}


def progress_figure(progress: Progress, weeks: int = 26) -> Figure:
    """A three-panel figure; drawn without pyplot so it is safe in servers and threads."""
    from matplotlib.figure import Figure

    data: dict[str, Any] = progress.to_dict()
    fig = Figure(figsize=(11, 8.5), layout="constrained")
    grid = fig.add_gridspec(2, 2, height_ratios=[1.2, 1])
    ax_mastery = fig.add_subplot(grid[0, :])
    ax_calendar = fig.add_subplot(grid[1, 0])
    ax_mocks = fig.add_subplot(grid[1, 1])

    days: Any = [date.fromisoformat(d) for d in data["history"]["days"]]
    for category, values in data["history"]["mastery"].items():
        ax_mastery.plot(
            days, [100 * v for v in values], label=category, lw=2, color=_COLOURS.get(category)
        )
    ax_mastery.set_title("Mastery per category (retrievability × recent score)")
    ax_mastery.set_ylabel("mastery, %")
    ax_mastery.set_ylim(0, 100)
    ax_mastery.legend(loc="upper left", ncols=3, fontsize="small")
    ax_mastery.grid(alpha=0.3)
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax_mastery.xaxis.set_major_locator(locator)
    formatter = ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
    ax_mastery.xaxis.set_major_formatter(formatter)

    # Activity calendar: columns are weeks (oldest left), rows weekdays (Mon on top).
    today = date.fromisoformat(data["now"][:10])
    start = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    grid_counts = [[0.0] * weeks for _ in range(7)]
    for day_iso, count in data["activity"].items():
        day = date.fromisoformat(day_iso)
        offset = (day - start).days
        if 0 <= offset < weeks * 7:
            grid_counts[offset % 7][offset // 7] = float(count)
    image = ax_calendar.imshow(
        grid_counts,
        cmap="Greens",
        aspect="auto",
        vmin=0,
        vmax=max(3.0, max(max(r) for r in grid_counts)),
    )
    ax_calendar.set_yticks(range(7), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    ax_calendar.set_xticks([0, weeks - 1], [start.isoformat(), "this week"])
    ax_calendar.set_title(f"Activity, last {weeks} weeks (attempts per day)")
    fig.colorbar(image, ax=ax_calendar, shrink=0.8)

    mocks = data["mocks"]
    if mocks:
        xs = list(range(1, len(mocks) + 1))
        ax_mocks.bar(xs, [100 * m["total"] for m in mocks], color="#4c72b0")
        ax_mocks.set_xticks(
            xs, [m["started_at"][:10] for m in mocks], rotation=30, fontsize="small"
        )
        ax_mocks.set_ylim(0, 100)
    else:
        ax_mocks.text(
            0.5,
            0.5,
            "no mock interviews yet\n(mlprep mock)",
            ha="center",
            va="center",
            transform=ax_mocks.transAxes,
            color="grey",
        )
        ax_mocks.set_xticks([])
        ax_mocks.set_yticks([])
    ax_mocks.set_title("Mock interview scores, %")
    return fig


def write_progress_plot(progress: Progress, path: Path) -> Path:
    fig = progress_figure(progress)
    fig.savefig(path, dpi=100)
    return path
