"""Every coding prompt states its limits (issue 18).

A learner reading `mlprep show ID` must know what the judge will do: the largest input
the hidden and random tests use, the CPU time and memory of each test, and, where floats
are compared, both tolerances. Every prompt has a **Limits.** paragraph saying so, and
its numbers are checked here against question.toml and against the tests themselves:

* the CPU time, memory, rtol and atol are written as question.toml has them;
* SIZES says how to measure each question's input (rows, features, queries...). Every
  hidden case and generator draws at each of random_sizes (fixed seeds) are measured;
  no stated size is ever exceeded, because the largest value of every measure is the
  number the paragraph must print. A generator or hidden case that grows past the
  prompt fails here, and so does a prompt that claims a larger size than the tests use.

A new coding question needs an entry in SIZES.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from mlprep.content import builtin_bank_root

CODING = builtin_bank_root() / "coding"
IDS = sorted(p.parent.name for p in CODING.glob("*/question.toml"))
SEEDS = 6  # generator draws per random size
DEFAULTS = {"time_limit_ms": 2000, "memory_limit_mb": 512, "rtol": 1e-6, "atol": 1e-9}

Args = tuple[Any, ...]


def n(x: Any) -> int:
    """Rows of a list, array or sequence."""
    return len(x)


def cols(x: Any) -> int:
    """Columns of a 2-D array or a list of rows (0 when there are no rows)."""
    if isinstance(x, np.ndarray):
        return int(x.shape[1]) if x.ndim > 1 else 0
    return max((len(r) for r in x), default=0)


def longest(x: Any) -> int:
    """The longest item of a list of sequences."""
    return max((len(v) for v in x), default=0)


def dim(x: Any, axis: int) -> int:
    return int(np.shape(x)[axis])


# qid -> how to measure one argument tuple: {name: size}. The names only label failures;
# the prompt must print every largest value.
SIZES: dict[str, Callable[[Args], dict[str, int]]] = {
    "ab-test-sample-size": lambda a: {},  # five scalars: no input size
    "adam-steps": lambda a: {"T": dim(a[1], 0), "D": dim(a[1], 1)},
    "als-matrix-factorization": lambda a: {
        "m": dim(a[0], 0),
        "n": dim(a[0], 1),
        "k": dim(a[2], 1),
        "n_iters": a[4],
    },
    "average-precision": lambda a: {"n": n(a[0])},
    "bayesian-ab-beta-binomial": lambda a: {
        "trials": max(a[1], a[3]),
        "prior": max(a[4], a[5]),
    },
    "batch-norm-forward": lambda a: {"N": dim(a[0], 0), "D": dim(a[0], 1)},
    "beam-search": lambda a: {"V": dim(a[0], 1), "beam_width": a[3], "max_len": a[4]},
    "best-split-entropy": lambda a: {"n": n(a[0])},
    "best-split-gini": lambda a: {"n": n(a[0])},
    "bootstrap-ci": lambda a: {"n": n(a[0]), "B": dim(a[1], 0)},
    "bpe-merges": lambda a: {
        "words": len(a[0]),
        "word length": longest(a[0]),
        "num_merges": a[1],
        "word": len(a[2]),
    },
    "closest-key": lambda a: {"keys": len(a[0]), "letters": longest(a[0].values())},
    "closest-window": lambda a: {"n": n(a[0]), "k": a[2]},
    "confusion-matrix": lambda a: {"n": n(a[0]), "K": a[2]},
    "conv2d-forward": lambda a: {
        "C_in": dim(a[0], 0),
        "H": dim(a[0], 1),
        "W": dim(a[0], 2),
        "C_out": dim(a[1], 0),
        "kernel": max(dim(a[1], 2), dim(a[1], 3)),
    },
    "cosine-similarity": lambda a: {"n": n(a[0]), "m": n(a[1]), "d": cols(a[1])},
    "count-min-sketch": lambda a: {
        "stream": len(a[0]),
        "queries": len(a[1]),
        "width": a[2],
        "d": len(a[3]),
    },
    "cuped-adjustment": lambda a: {"n": n(a[0])},
    "dbscan": lambda a: {"n": n(a[0]), "d": cols(a[0])},
    "decision-tree-cart": lambda a: {
        "n": n(a[0]),
        "d": cols(a[0]),
        "m": n(a[2]),
        "max_depth": a[3],
    },
    "edit-distance-alignment": lambda a: {"characters": max(len(a[0]), len(a[1]))},
    "expected-calibration-error": lambda a: {"n": dim(a[0], 0), "C": dim(a[0], 1), "bins": a[2]},
    "gaussian-naive-bayes": lambda a: {"n": n(a[0]), "m": cols(a[0]), "q": n(a[2])},
    "gmm-em": lambda a: {"n": dim(a[0], 0), "d": dim(a[0], 1), "K": n(a[1]), "n_iter": a[5]},
    "gradient-boosting-stumps": lambda a: {
        "n": n(a[0]),
        "d": cols(a[0]),
        "n_estimators": a[2],
        "m": n(a[4]),
    },
    "grad-accumulation-clipping": lambda a: {
        "M": len(a[0]),
        "P": max((len(batch) for batch in a[0]), default=0),
        "entries": max(
            (sum(int(np.size(g)) for g in batch if g is not None) for batch in a[0]), default=0
        ),
    },
    "hash-bucket-assignment": lambda a: {"users": len(a[0])},
    "info-nce-loss": lambda a: {"B": dim(a[0], 0), "d": dim(a[0], 1)},
    "information-measures": lambda a: {"m": dim(a[0], 0), "n": dim(a[0], 1)},
    "inverted-dropout": lambda a: {"entries": int(np.size(a[0]))},
    "ipw-treatment-effect": lambda a: {"n": n(a[0])},
    "iqr-outliers": lambda a: {"n": n(a[0])},
    "isotonic-regression": lambda a: {"n": n(a[0])},
    "jaccard-similarity": lambda a: {"tokens": max(len(a[0]), len(a[1]))},
    "k-fold-split": lambda a: {"n": a[0], "k": a[1]},
    "k-means": lambda a: {"n": n(a[0]), "k": a[1], "d": cols(a[0])},
    "kmeans-plus-plus": lambda a: {"n": n(a[0]), "d": cols(a[0]), "k": a[1]},
    "knn-classifier": lambda a: {"n": n(a[0]), "d": cols(a[0]), "q": n(a[2]), "k": a[3]},
    "ks-two-sample": lambda a: {"n": n(a[0]), "m": n(a[1])},
    "kv-cache-decode-step": lambda a: {
        "t": dim(a[4], 1),
        "d_model": n(a[0]),
        "heads": a[6],
    },
    "label-smoothed-cross-entropy": lambda a: {"N": dim(a[0], 0), "K": dim(a[0], 1)},
    "layer-norm-backward": lambda a: {"N": dim(a[0], 0), "D": dim(a[0], 1)},
    "layer-norm-forward": lambda a: {"values": int(np.size(a[0]))},
    "lda-projection": lambda a: {"n": n(a[0]), "d": cols(a[0])},
    "linear-regression-closed-form": lambda a: {"n": n(a[0]), "d": cols(a[0])},
    "linear-regression-gd": lambda a: {"n": n(a[0]), "d": cols(a[0]), "iterations": a[3]},
    "linked-list-search": lambda a: {"nodes": len(a[0])},
    "logistic-regression-gd": lambda a: {"n": n(a[0]), "d": cols(a[0]), "iterations": a[3]},
    "logistic-regression-newton": lambda a: {"n": n(a[0]), "d": cols(a[0]), "n_iter": a[3]},
    "longest-common-subsequence": lambda a: {"characters": max(len(a[0]), len(a[1]))},
    "lstm-cell-step": lambda a: {"B": dim(a[0], 0), "D": dim(a[0], 1), "H": dim(a[1], 1)},
    "map-mrr-at-k": lambda a: {
        "Q": len(a[0]),
        "list": longest(a[0]),
        "relevant": longest(a[1]),
        "k": a[2],
    },
    "matrix-factorization-sgd": lambda a: {
        "ratings": len(a[0]),
        "users": dim(a[1], 0),
        "items": dim(a[2], 0),
        "f": dim(a[1], 1),
        "epochs": a[5],
    },
    "max-pool2d": lambda a: {"C": dim(a[0], 0), "H": dim(a[0], 1), "W": dim(a[0], 2)},
    "mlp-backprop": lambda a: {
        "n": dim(a[0], 0),
        "d": dim(a[0], 1),
        "h": dim(a[2], 1),
        "K": dim(a[4], 1),
    },
    "moving-average": lambda a: {"n": n(a[0]), "window": a[1]},
    "mse-mae": lambda a: {"n": n(a[0])},
    "multi-head-attention": lambda a: {"T": dim(a[0], 0), "d_model": dim(a[0], 1)},
    "multi-lora-forward": lambda a: {
        "N": dim(a[0], 0),
        "d_in": dim(a[0], 1),
        "d_out": dim(a[1], 0),
        "adapters": len(a[3]),
        "rank": max((dim(adapter[0], 0) for adapter in a[3]), default=0),
    },
    "multinomial-naive-bayes": lambda a: {
        "training documents": len(a[0]),
        "training tokens": sum(len(d) for d in a[0]),
        "classes": len(set(a[1])),
        "test documents": len(a[2]),
        "test tokens": sum(len(d) for d in a[2]),
        "tokens in one test document": longest(a[2]),
    },
    "ndcg-at-k": lambda a: {"n": len(a[0]), "k": a[1]},
    "one-hot-encode": lambda a: {"n": len(a[0]), "categories": len(set(a[0]))},
    "pca": lambda a: {"n": n(a[0]), "d": cols(a[0])},
    "permutation-forest": lambda a: {"rows": len(a[0]["rows"]), "features": len(a[1])},
    "permutation-test": lambda a: {"values": n(a[0]) + n(a[1]), "P": dim(a[2], 0)},
    "population-stability-index": lambda a: {"n": n(a[0]), "m": n(a[1]), "n_bins": a[2]},
    "precision-recall-at-k-ties": lambda a: {
        "queries": len(a[0]),
        "candidates": sum(len(q) for q in a[0]),
        "in one query": longest(a[0]),
        "k": a[2],
    },
    "precision-recall-f1": lambda a: {"n": n(a[0])},
    "repetition-penalty-sampling": lambda a: {
        "B": dim(a[0], 0),
        "V": dim(a[0], 1),
        "generated": longest(a[1]),
    },
    "ridge-regression": lambda a: {"n": n(a[0]), "d": cols(a[0])},
    "roc-auc": lambda a: {"n": n(a[0])},
    "rotary-embedding": lambda a: {
        "T": dim(a[0], 0),
        "d": dim(a[0], 1),
        "position": int(np.max(a[1], initial=0)),
    },
    "sample-ratio-mismatch": lambda a: {"k": len(a[0]), "users": max(a[0], default=0)},
    "sharded-running-variance": lambda a: {
        "operations": len(a[0]),
        "values in one shard": max(
            (
                sum(1 for op in a[0] if op[0] == "add" and op[1] == name)
                for name in {op[1] for op in a[0]}
            ),
            default=0,
        ),
    },
    "sgd-momentum-steps": lambda a: {"T": dim(a[1], 0), "D": dim(a[1], 1)},
    "sigmoid-focal-loss": lambda a: {"N": dim(a[0], 0), "C": dim(a[0], 1)},
    "silhouette-score": lambda a: {"n": dim(a[0], 0), "d": dim(a[0], 1)},
    "single-linkage-clustering": lambda a: {"n": dim(a[0], 0), "d": dim(a[0], 1)},
    "softmax-cross-entropy": lambda a: {"N": n(a[0]), "K": cols(a[0])},
    "sorted-search": lambda a: {
        "length": len(a[0]) if isinstance(a[0], list) else sum(c for _, _, c in a[0]["runs"])
    },
    "standardize": lambda a: {"n": n(a[0]), "d": cols(a[0])},
    "stratified-k-fold": lambda a: {"n": n(a[0]), "k": a[1]},
    "string-shift": lambda a: {"characters": max(len(a[0]), len(a[1]))},
    "target-encoding": lambda a: {"n": len(a[0]), "queries": len(a[2])},
    "tf-idf": lambda a: {"documents": len(a[0]), "tokens": longest(a[0])},
    "time-series-backtest-splits": lambda a: {"n": a[0]},
    "top-k-frequent": lambda a: {"n": len(a[0])},
    "top-k-top-p-filter": lambda a: {"V": n(a[0])},
    "trie-autocomplete": lambda a: {
        "words": len(a[0]),
        "word length": longest(a[0]),
        "queries": len(a[2]),
        "k": a[3],
    },
    "two-proportion-z-test": lambda a: {"group": max(a[1], a[3])},
    "ucb1-bandit": lambda a: {"T": dim(a[0], 0), "K": dim(a[0], 1)},
    "user-based-cf": lambda a: {"users": dim(a[0], 0), "items": dim(a[0], 1), "k": a[3]},
    "warmup-cosine-schedule": lambda a: {"n": n(a[0]), "total_steps": a[4]},
    "welch-t-test": lambda a: {"n": n(a[0]), "m": n(a[1])},
    "word-ladder": lambda a: {"words": len(a[2]), "word length": longest(a[2])},
}


# Where a generator draws a size at random, the largest it can draw (read from its code)
# is what the prompt states, even when the seeds here do not reach it.
BOUNDS: dict[str, dict[str, int]] = {
    "als-matrix-factorization": {"n": 449},  # int(300 * uniform(0.5, 1.5))
    "batch-norm-forward": {"D": 12},  # integers(1, 13)
    "closest-window": {"k": 1000},  # integers(0, 2000 // 2 + 1)
    "conv2d-forward": {"W": 34},  # 32 + integers(-2, 3)
    "decision-tree-cart": {"m": 600},  # integers(0, 2 * 300 + 1)
    "k-fold-split": {"k": 10},  # integers(1, min(n, 10) + 1)
    "max-pool2d": {"W": 67},  # 64 + integers(-3, 4)
    "one-hot-encode": {"categories": 12},  # integers(1, min(n, 12) + 1)
    "rotary-embedding": {"position": 10_000},  # integers(0, 10_001)
    "sample-ratio-mismatch": {"users": 10**8},  # a multinomial split of min(size, 10**8)
    "softmax-cross-entropy": {"K": 7},  # integers(1, 8)
    "user-based-cf": {"items": 29},  # integers(4, 30)
}


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(name, None)
    return module


def _spec(qid: str) -> dict[str, Any]:
    raw = tomllib.loads((CODING / qid / "question.toml").read_text(encoding="utf-8"))
    return {**DEFAULTS, **raw["coding"]}


def limits_paragraph(prompt: str) -> str:
    """The **Limits.** paragraph, whitespace collapsed ('' when there is none)."""
    for paragraph in re.split(r"\n\s*\n", prompt):
        if paragraph.lstrip().startswith("**Limits.**"):
            return " ".join(paragraph.split())
    return ""


def tolerance(x: float) -> str:
    """1e-09 -> '1e-9', 0.0 -> '0', as a person writes it."""
    text = f"{x:g}"
    return re.sub(r"e([+-])0*(\d)", lambda m: "e" + ("-" if m[1] == "-" else "") + m[2], text)


def seconds(ms: int) -> str:
    s = f"{ms / 1000:g}"
    return f"{s} second" if s == "1" else f"{s} seconds"


NUMBER = re.compile(r"(?<![\w.^{])(?<!e-)(\d{1,3}(?:,\d{3})+|\d+)(?![\w.]?\d|e-|\^)")
POWER = re.compile(r"10\^\{?(\d+)\}?")


def numbers(text: str) -> set[int]:
    """The integers a paragraph prints: 1,000 and 1000; 10^9 too."""
    found = {int(m[1].replace(",", "")) for m in NUMBER.finditer(text)}
    return found | {10 ** int(m[1]) for m in POWER.finditer(text)}


LIMIT_PHRASES = re.compile(r"[\d.]+ seconds? of CPU time|\d+ MB of memory|[ra]tol = [\w.+-]+")


def has_float(value: Any) -> bool:
    if isinstance(value, float | np.floating):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "fc"
    if isinstance(value, dict):
        return any(has_float(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(has_float(v) for v in value)
    return False


def compares_floats(qid: str) -> bool:
    """Does the reference return floats on the visible cases?"""
    folder = CODING / qid
    spec = _spec(qid)
    support = folder / "support.py"
    prepare = None
    if support.exists():
        sys.modules["support"] = _load(support, "support")
        prepare = getattr(sys.modules["support"], "prepare", None)
    try:
        tests = _load(folder / "tests.py", f"limits_tests_{qid}")
        ref = getattr(_load(folder / "solution.py", f"limits_ref_{qid}"), spec["entry_point"])
        for case in tests.CASES:
            if case["kind"] == "visible":
                args = tuple(case["args"])
                if has_float(ref(*(prepare(args) if prepare else args))):
                    return True
    finally:
        sys.modules.pop("support", None)
    return False


def largest_sizes(qid: str) -> tuple[dict[str, int], dict[str, str]]:
    """The largest value of every measure over the hidden cases and the generator draws,
    and where each was reached."""
    spec = _spec(qid)
    tests = _load(CODING / qid / "tests.py", f"limits_sizes_{qid}")
    measure = SIZES[qid]
    inputs: list[tuple[str, Args]] = [
        (f"hidden case {c['name']!r}", tuple(c["args"]))
        for c in tests.CASES
        if c["kind"] == "hidden"
    ]
    if spec.get("random_tests", 10):
        for size in spec.get("random_sizes", [4, 16, 64]):
            for seed in range(SEEDS):
                args = tuple(tests.generate(np.random.default_rng(seed), size))
                inputs.append((f"generate(size={size}, seed={seed})", args))
    best: dict[str, int] = {}
    where: dict[str, str] = {}
    for label, args in inputs:
        for name, value in measure(args).items():
            if name not in best or int(value) > best[name]:
                best[name], where[name] = int(value), label
    return best, where


def test_every_coding_question_has_a_size_measure() -> None:
    assert IDS, "no coding questions found"
    assert sorted(set(IDS) - set(SIZES)) == []
    assert sorted(set(SIZES) - set(IDS)) == []


@pytest.mark.parametrize("qid", IDS)
def test_prompt_states_time_memory_and_tolerances(qid: str) -> None:
    spec = _spec(qid)
    text = limits_paragraph((CODING / qid / "prompt.md").read_text(encoding="utf-8"))
    assert text, f"{qid}: prompt.md has no **Limits.** paragraph"
    expected = [
        f"{seconds(spec['time_limit_ms'])} of CPU time",
        f"{spec['memory_limit_mb']} MB of memory",
    ]
    if compares_floats(qid):
        expected += [f"rtol = {tolerance(spec['rtol'])}", f"atol = {tolerance(spec['atol'])}"]
    missing = [phrase for phrase in expected if phrase not in text]
    assert not missing, f"{qid}: the Limits paragraph lacks {missing}: {text}"


@pytest.mark.parametrize("qid", IDS)
def test_prompt_states_the_largest_input(qid: str) -> None:
    if qid not in SIZES:
        pytest.fail(f"{qid}: add how to measure its input to SIZES")
    text = limits_paragraph((CODING / qid / "prompt.md").read_text(encoding="utf-8"))
    printed = numbers(LIMIT_PHRASES.sub("", text))  # "3 seconds" does not state d = 3
    best, where = largest_sizes(qid)
    for name, bound in BOUNDS.get(qid, {}).items():
        assert best[name] <= bound, (
            f"{qid}: {name} reaches {best[name]} ({where[name]}), over {bound}"
        )
        best[name], where[name] = bound, "the generator's bound"
    unstated = {  # the names label the failure; the prompt prints the numbers
        name: f"{value:,} (reached by {where[name]})"
        for name, value in best.items()
        if value not in printed
    }
    assert not unstated, f"{qid}: the Limits paragraph lacks the largest {unstated}: {text}"


def test_the_checks_catch_a_wrong_limit() -> None:
    # the same checks on a doctored paragraph: a larger stated size or another limit fails
    qid = "average-precision"
    text = limits_paragraph((CODING / qid / "prompt.md").read_text(encoding="utf-8"))
    best, _ = largest_sizes(qid)
    assert best == {"n": 200_000} and 200_000 in numbers(text)
    assert 200_000 not in numbers(text.replace("200,000", "250,000"))
    assert (
        numbers(
            LIMIT_PHRASES.sub(
                "", "each test has 4 seconds of CPU time and 512 MB of memory; rtol = 1e-9"
            )
        )
        == set()
    )
    assert "4 seconds of CPU time" in text
    assert tolerance(1e-9) == "1e-9" and tolerance(0.0) == "0" and tolerance(1e-12) == "1e-12"
    assert seconds(1000) == "1 second" and seconds(2500) == "2.5 seconds"
    assert numbers("at most *n* = 1000 and 20,000 rows, 10^9 users, rtol = 1e-9") == {
        1000,
        20_000,
        10**9,
    }
