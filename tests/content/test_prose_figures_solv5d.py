"""Figures the independent solver solv5d's fixes put in prompts and test notes, recomputed.

linear-regression-closed-form: the singular-value cut-off the prompt states, pinv's
default, and the two hidden cases that separate them.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
from types import ModuleType

import numpy as np

from mlprep.content import builtin_bank_root

CODING = builtin_bank_root() / "coding"


def _module(qid: str, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_solv5d_{name}", CODING / qid / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prompt(qid: str) -> str:
    return " ".join((CODING / qid / "prompt.md").read_text(encoding="utf-8").split())


def _case(tests: ModuleType, name: str) -> dict:
    return next(c for c in tests.CASES if c["name"] == name)


def _sci(x: float) -> str:
    """1.1e-15 style: one decimal, no leading zero in the exponent."""
    mantissa, exponent = f"{x:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def _ratio(X: np.ndarray) -> float:
    A = np.column_stack([np.ones(len(X)), X])
    s = np.linalg.svd(A, compute_uv=False)
    return float(s[-1] / s[0])


def test_linear_regression_cutoff_figures() -> None:
    qid = "linear-regression-closed-form"
    prompt = _prompt(qid)
    assert "\\varepsilon \\approx 2.2 \\times 10^{-16}" in prompt
    assert f"{np.finfo(float).eps:.1e}" == "2.2e-16"
    # pinv's default cut-off, as the prompt states it (10^{-15} sigma_max)
    assert "($10^{-15} \\sigma_{\\max}$)" in prompt
    assert inspect.signature(np.linalg.pinv).parameters["rcond"].default in (None, 1e-15)
    tests = _module(qid, "tests")

    X, y = (np.asarray(v, dtype=float) for v in _case(tests, "constant column, 400 rows")["args"])
    note = _case(tests, "constant column, 400 rows")["note"]
    ratio = _ratio(X)
    cutoff = np.finfo(float).eps * max(X.shape[0], X.shape[1] + 1)
    assert _sci(ratio) in note and _sci(cutoff) in note
    assert 1e-15 < ratio < cutoff
    A = np.column_stack([np.ones(len(X)), X])
    by_lstsq = np.linalg.lstsq(A, y, rcond=None)[0]
    assert np.allclose(np.linalg.pinv(A, rtol=max(A.shape) * np.finfo(float).eps) @ y, by_lstsq)
    assert not np.allclose(np.linalg.pinv(A) @ y, by_lstsq, rtol=1e-6, atol=1e-8)

    case = _case(tests, "nearly collinear columns")
    X, y = case["args"]
    ratio = _ratio(X)
    assert _sci(ratio) in case["note"]
    assert re.search(r"columns 1e-7 apart", case["note"])
    A = np.column_stack([np.ones(len(X)), X])
    assert np.allclose(np.linalg.lstsq(A, y, rcond=None)[0], case["expected"], rtol=1e-6, atol=1e-8)
    # far above the prompt's cut-off, below a 1e-6 one
    assert np.finfo(float).eps * max(A.shape) * 1e5 < ratio < 1e-6


def test_moving_average_resum_figure() -> None:
    """'about 9 x 10^10 additions on the largest test': (n - w + 1) windows of w values."""
    qid = "moving-average"
    tests = _module(qid, "tests")
    sizes = [(len(c["args"][0]), c["args"][1]) for c in tests.CASES]
    n, w = max(sizes, key=lambda nw: max(nw[0] - nw[1] + 1, 0) * nw[1])
    additions = (n - w + 1) * w
    assert round(additions / 1e10) == 9
    assert "about $9 \\times 10^{10}$ additions on the largest test" in _prompt(qid)
    case = _case(tests, "long series, wide window")
    assert (len(case["args"][0]), case["args"][1]) == (n, w)
    assert f"{n:,} values, window {w:,}" in case["note"] and "9 x 10^10" in case["note"]
    # "Windows can be half as long as the series"
    assert w * 2 == n
