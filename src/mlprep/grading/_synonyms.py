"""Words the lexical grader counts as the same word whatever their spelling.

A group is an everyday word a candidate uses for a rubric's word (lemmas). Only
unambiguous groups belong here: a word that means something else in some question
("order", "cost", "sample") stays out, or it would earn points for the wrong idea.
"""

from __future__ import annotations

__all__ = ["LINKING_VERBS", "SYNONYMS", "SYNONYM_GROUPS"]

SYNONYM_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "error mistake",
        "big bigger large larger huge",
        "small smaller little tiny",
        "reduce lower decrease shrink lessen",
        "increase raise rise grow",
        "example row observation record instance",
        "feature input column variable predictor attribute",
        "label target outcome",
        "weight coefficient",
        "predict forecast",
        "prediction forecast guess",
        "fast quick rapid",
        "wrong incorrect",
        "unstable volatile erratic jumpy",
        "overfit memorize",
        "drift shift",
        "threshold cutoff",
        "rare infrequent uncommon scarce",
        "similar alike comparable",
        "combine blend mix",
        "monitor track watch",
        "check verify inspect examine",
        "pick choose select",
        "remove drop delete discard eliminate exclude",
        "probability chance",
        "confident sure certain",
        "rank sort",
        "correlate associate",
        "correlation association",
        "stop halt",
        "retrain refit",
    )
)


def _by_word(groups: tuple[frozenset[str], ...]) -> dict[str, frozenset[str]]:
    """Each word's synonyms: every group it belongs to, merged ("forecast" is in two)."""
    out: dict[str, frozenset[str]] = {}
    for group in groups:
        for word in group:
            out[word] = out.get(word, frozenset()) | group
    return out


SYNONYMS = _by_word(SYNONYM_GROUPS)

# "X means Y", "X is Y", "X indicates Y" state the same claim.
LINKING_VERBS = frozenset(
    {"be", "mean", "means", "indicate", "imply", "signal", "equal", "suggest"}
)
