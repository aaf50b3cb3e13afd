"""The claims an answer is judged on: the rubric's, or its criteria's text when it has none.

Shared by the claim grader and the training data assembly, so that the model is
trained on exactly the sentences it is later asked about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from mlprep.content import Question

__all__ = ["ClaimSpec", "as_claim", "question_claims"]

# Rubric texts describe the answer ("Defines bias as ...", "Claims that ..."); the
# model compares claims with answers, so the describing verb is dropped.
_DESCRIBING = re.compile(
    r"^(?:(?:correctly|clearly|explicitly)\s+)?"
    r"(?:claims|states|says|explains|notes|argues|asserts|believes|mentions|recognizes|"
    r"recognises|identifies|describes|proposes|suggests|names|gives|points out|"
    r"acknowledges|distinguishes|defines|discusses|covers|addresses|uses|treats|thinks|"
    r"confuses|assumes|calls|reports|recommends|chooses|picks|justifies|compares|"
    r"quantifies|handles|considers|includes|plans|designs|describes)\s+(?:that\s+)?",
    re.IGNORECASE,
)


def as_claim(text: str) -> str:
    """A rubric description turned into a plain assertion (best effort)."""
    text = " ".join(text.split())
    stripped = _DESCRIBING.sub("", text, count=1)
    if stripped and stripped != text:
        text = stripped[0].upper() + stripped[1:]
    return text


@dataclass(frozen=True)
class ClaimSpec:
    id: str  # the claim id of rubric.toml (criterion id, id#n, or misconception id)
    owner: str  # the criterion or misconception it belongs to
    kind: Literal["criterion", "misconception"]
    text: str
    authored: bool  # False when derived from the criterion's or misconception's text


def question_claims(question: Question) -> list[ClaimSpec]:
    """Every claim of the question, criteria first, in rubric order."""
    out: list[ClaimSpec] = []
    for criterion in question.rubric.criterion:
        if criterion.claims:
            for cid, text in zip(criterion.claim_ids(), criterion.claims, strict=True):
                out.append(ClaimSpec(cid, criterion.id, "criterion", text, True))
        else:
            out.append(
                ClaimSpec(criterion.id, criterion.id, "criterion", as_claim(criterion.text), False)
            )
    for miscon in question.rubric.misconception:
        if miscon.claim is not None:
            out.append(ClaimSpec(miscon.id, miscon.id, "misconception", miscon.claim, True))
        else:
            out.append(
                ClaimSpec(miscon.id, miscon.id, "misconception", as_claim(miscon.text), False)
            )
    return out
