"""Names for codes: inventory keys (T02, C01) to topic names, ids to question titles.

Pages show what a learner reads ("Bias, variance and the trade-off between them"),
never only the codes the content uses to link things.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlprep._core import Mlprep
    from mlprep.content import Bank

__all__ = ["Names"]


@lru_cache(maxsize=1)
def _inventory() -> tuple[dict[str, str], dict[str, str]]:
    from mlprep.content import inventory

    inv = inventory()
    return dict(inv.keys), dict(inv.categories)


@dataclass(frozen=True)
class Names:
    bank: Bank

    @classmethod
    def of(cls, core: Mlprep) -> Names:
        return cls(core.bank)

    def topic(self, key: str) -> str:
        """The topic's name; an unknown key stays as it is."""
        return _inventory()[0].get(str(key).upper(), str(key))

    def topics(self) -> list[tuple[str, str]]:
        """Every inventory key with its name, in key order."""
        return sorted(_inventory()[0].items())

    def category(self, value: str) -> str:
        return _inventory()[1].get(str(value), str(value))

    def title(self, question_id: str) -> str:
        question = self.bank.questions.get(question_id)
        return question.title if question is not None else question_id
