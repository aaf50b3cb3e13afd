"""Coding prompts and the judge agree on scalar types (ints8).

NumPy is the field's everyday tool, so where a coding prompt asks for an int, a float
or a bool it says "Python or NumPy" (docs/content-format.md), and the judge takes a
NumPy scalar wherever the prompt says so. Only a question that bans NumPy may say
"Python int" alone: no NumPy scalar can reach its judge.

The second half judges each question's reference output with its ints, floats or
bools turned into NumPy scalars, through the judge's own decision (a tests.py `check`
or the default comparison), on every visible case.
"""

from __future__ import annotations

import re
import sys
import tomllib
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from mlprep.content import builtin_bank_root, load_question, load_tests
from mlprep.judging._verdict import check

CODING = builtin_bank_root() / "coding"
IDS = sorted(p.parent.name for p in CODING.glob("*/prompt.md"))
PHRASE = "Python or NumPy"
PYTHON_ONLY = re.compile(r"\bPython `?(int|float|bool)")

# sentences that name a Python type without promising what the function returns
NOT_A_RETURN = {
    ("count-min-sketch", "compute it in Python ints or int64"): "how to compute a x",
    ("one-hot-encode", "all Python `str` or all Python `int`"): "the input's types",
}

# the questions whose prompts ask for ints, floats or bools among the returned values
INTS = [
    "ab-test-sample-size",
    "count-min-sketch",
    "dbscan",
    "decision-tree-cart",
    "edit-distance-alignment",
    "gaussian-naive-bayes",
    "k-means",
    "kmeans-plus-plus",
    "knn-classifier",
    "one-hot-encode",
    "permutation-forest",
    "ucb1-bandit",
]
FLOATS = [
    "best-split-entropy",
    "best-split-gini",
    "bootstrap-ci",
    "jaccard-similarity",
    "linear-regression-gd",
    "logistic-regression-gd",
    "map-mrr-at-k",
    "mlp-backprop",
    "mse-mae",
    "ndcg-at-k",
    "permutation-test",
    "precision-recall-f1",
    "ridge-regression",
    "roc-auc",
    "softmax-cross-entropy",
    "target-encoding",
    "user-based-cf",
]
BOOLS = ["iqr-outliers", "linked-list-search", "string-shift"]


def _bans_numpy(qid: str) -> bool:
    meta = tomllib.loads((CODING / qid / "question.toml").read_text(encoding="utf-8"))
    return "numpy" in meta["coding"].get("banned_imports", [])


@pytest.mark.parametrize("qid", IDS)
def test_a_python_type_is_promised_with_numpy(qid: str) -> None:
    if _bans_numpy(qid):
        return
    text = " ".join((CODING / qid / "prompt.md").read_text(encoding="utf-8").split())
    for (where, sentence), _why in NOT_A_RETURN.items():
        if where == qid:
            assert sentence in text, f"{qid}: NOT_A_RETURN names a sentence it no longer has"
            text = text.replace(sentence, "")
    found = [m[0] for m in PYTHON_ONLY.finditer(text)]
    assert not found, f"{qid}: say '{PHRASE} ...' where the prompt says {found}"


def _numpy(value: Any, kind: str) -> Any:
    """``value`` with every Python scalar of ``kind`` turned into its NumPy twin."""
    if isinstance(value, list):
        return [_numpy(v, kind) for v in value]
    if isinstance(value, tuple):
        return tuple(_numpy(v, kind) for v in value)
    if kind == "bool" and isinstance(value, bool):
        return np.bool_(value)
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return np.int64(value)
    if kind == "float" and type(value) is float:
        return np.float64(value)
    return value


def _has(value: Any, kind: type) -> bool:
    if isinstance(value, list | tuple):
        return any(_has(v, kind) for v in value)
    return isinstance(value, kind)


@pytest.mark.parametrize(
    "qid,kind",
    [(q, "int") for q in INTS] + [(q, "float") for q in FLOATS] + [(q, "bool") for q in BOOLS],
)
def test_numpy_scalars_are_judged_as_the_prompt_says(qid: str, kind: str) -> None:
    prompt = (CODING / qid / "prompt.md").read_text(encoding="utf-8")
    said = re.search(rf"{PHRASE} `?(str`/`)?{kind}", " ".join(prompt.split()))
    assert said, f"{qid}: the prompt does not say '{PHRASE} {kind}'"
    question = load_question(CODING / qid)
    suite = load_tests(question)
    spec = question.meta.coding
    assert spec is not None
    namespace: dict[str, Any] = {}
    support = CODING / qid / "support.py"
    prepare = None
    if support.exists():
        support_ns: dict[str, Any] = {}
        exec(compile(support.read_text(encoding="utf-8"), str(support), "exec"), support_ns)
        prepare = support_ns.get("prepare")
    solution = CODING / qid / "solution.py"
    sys.modules.pop("support", None)
    exec(compile(solution.read_text(encoding="utf-8"), str(solution), "exec"), namespace)
    reference = namespace[spec.entry_point]
    converted = 0
    for case in suite.cases:
        if case.kind != "visible":
            continue
        args = case.args
        result = reference(*(prepare(args) if prepare else args))
        expected = case.expected if case.has_expected else result
        got = _numpy(result, kind)
        converted += _has(got, np.generic)
        test = SimpleNamespace(args=args, name=case.name)
        message, _hidden = check(suite, spec, test, expected, got)
        assert message is None, f"{qid} {case.name!r}: NumPy {kind}s refused: {message}"
    assert converted, f"{qid}: no visible case returns a {kind} to turn into NumPy"
