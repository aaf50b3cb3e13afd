"""Training data of the claim model: (claim, passage) -> supports / contradicts / neutral.

Torch-free, so that the assembly is tested without the training extra. The model
itself is trained by scripts/train_grader.py (``./dev train-grader``).
"""

from __future__ import annotations

from .data import (
    EXCLUDED_QUESTIONS,
    INDEPENDENT_DIR,
    LABELS,
    Pair,
    assemble,
    dev_question,
    load_generic,
    pairs_digest,
)

__all__ = [
    "EXCLUDED_QUESTIONS",
    "INDEPENDENT_DIR",
    "LABELS",
    "Pair",
    "assemble",
    "dev_question",
    "load_generic",
    "pairs_digest",
]
