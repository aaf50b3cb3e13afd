"""Progress: `mlprep stats` (practice, mock interviews and plots extend it)."""

from __future__ import annotations

import typer

from ._common import JsonOption, console, emit_json, state


def register(app: typer.Typer) -> None:
    @app.command("stats")
    def stats(ctx: typer.Context, as_json: bool = JsonOption) -> None:
        """Your progress: attempts, accepted answers and average scores per category."""
        core = state(ctx).core
        attempts = core.store.attempts(learner=core.learner)
        per_category: dict[str, dict[str, float]] = {}
        for attempt in attempts:
            try:
                category = core.question(attempt.question_id).category.value
            except Exception:
                category = "unknown"
            row = per_category.setdefault(category, {"attempts": 0, "solved": 0, "score_sum": 0.0})
            row["attempts"] += 1
            row["score_sum"] += attempt.score or 0.0
            if attempt.verdict == "accepted" or (attempt.score or 0) >= 0.7:
                row["solved"] += 1
        data = {
            "attempts": len(attempts),
            "questions_tried": len({a.question_id for a in attempts}),
            "categories": {
                c: {
                    "attempts": int(r["attempts"]),
                    "solved": int(r["solved"]),
                    "mean_score": round(r["score_sum"] / r["attempts"], 3),
                }
                for c, r in sorted(per_category.items())
            },
        }
        if as_json:
            emit_json("stats", data)
            return
        from rich.table import Table

        table = Table(
            title=f"{data['attempts']} attempts on {data['questions_tried']} questions",
            title_justify="left",
        )
        for col in ("category", "attempts", "solved", "mean score"):
            table.add_column(col)
        for c, r in data["categories"].items():
            table.add_row(c, str(r["attempts"]), str(r["solved"]), f"{r['mean_score']:.2f}")
        console().print(table)
