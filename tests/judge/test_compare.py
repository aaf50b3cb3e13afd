"""The comparison rules of docs/content-format.md, and tolerance edge cases."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from mlprep.judging import compare

R, A = 1e-6, 1e-9


def ok(expected, got, rtol=R, atol=A):
    return compare(expected, got, rtol, atol) is None


def test_exact_types():
    assert ok(None, None) and not ok(None, 0)
    assert ok("a", "a") and not ok("a", "A") and not ok("1", 1)
    assert ok(True, True) and ok(True, np.bool_(True))
    assert not ok(True, 1) and not ok(1, True) and not ok(0.0, False)


def test_numbers_with_tolerance():
    assert ok(1.0, 1.0 + 5e-7) and not ok(1.0, 1.0 + 5e-6)
    assert ok(0.0, 5e-10) and not ok(0.0, 5e-9)
    assert ok(3, 3.0) and ok(np.float32(0.1), 0.1, rtol=1e-6)
    assert ok(math.nan, float("nan")) and not ok(math.nan, 0.0) and not ok(1.0, math.nan)
    assert ok(math.inf, math.inf) and not ok(math.inf, -math.inf) and not ok(1e308, math.inf)
    assert ok(2, np.array(2.0))  # a 0-d array is a number
    assert not ok(1.0, "1.0")


def test_sequences():
    assert ok([1, 2], (1, 2)) and ok((1.0, 2.0), np.array([1.0, 2.0]))
    assert ok([[1, 2], [3, 4]], np.array([[1, 2], [3, 4]]))
    found = compare([1, 2, 3], [1, 2], R, A)
    assert found is not None and "length 3" in found.message
    found = compare([1, [2, 3]], [1, [2, 4]], R, A)
    assert found is not None and found.path == "result[1][1]"


def test_arrays_shape_dtype_and_first_difference():
    e = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert ok(e, e + 1e-9)
    found = compare(e, e.T.ravel(), R, A)
    assert found is not None and "shape (2, 2)" in found.message
    bad = e.copy()
    bad[1, 0] = 3.5
    bad[1, 1] = 9.0
    found = compare(e, bad, R, A)
    assert found is not None
    assert "index (1, 0)" in found.message and "largest absolute error 5" in found.message
    assert "3.5" not in found.hidden_message and "2 of 4" in found.hidden_message
    assert not ok(np.array([True, False]), np.array([1, 0]))
    assert ok(np.array([True, False]), [True, False])
    assert ok(np.array([1.0, np.nan]), np.array([1.0, np.nan]))
    # NaN where numbers were expected: the message must not claim an error of 0
    found = compare(np.array([0.5, 0.0, 0.25]), np.array([np.nan, 0.0, np.nan]), R, A)
    assert found is not None and "2 of 3" in found.hidden_message
    assert "largest absolute error nan (2 NaN)" in found.hidden_message
    found = compare(np.array([1.0, 2.0]), np.array([1.5, np.inf]), R, A)
    assert found is not None and "largest absolute error inf" in found.message
    assert not ok(np.array([1.0, 2.0]), np.array(["1", "2"]))
    assert ok(np.array(["a", "b"]), np.array(["a", "b"]))
    assert ok(np.zeros((0, 3)), np.zeros((0, 3))) and not ok(np.zeros((0, 3)), np.zeros((0,)))


def test_dicts():
    assert ok({"a": 1.0, 2: [1]}, {2: (1,), "a": 1.0 + 1e-9})
    found = compare({"a": 1, "b": 2}, {"a": 1, "c": 2}, R, A)
    assert found is not None and "missing keys ['b']" in found.message
    assert not ok({"a": 1}, [("a", 1)])


def test_pandas():
    s = pd.Series([1.0, 2.0], index=["x", "y"])
    assert ok(s, s + 1e-12) and not ok(s, s.values)
    assert not ok(s, pd.Series([1.0, 2.0], index=["x", "z"]))
    df = pd.DataFrame({"a": [1, 2], "b": [0.5, 1.5]})
    assert ok(df, df.astype({"a": float}))
    assert not ok(df, df.rename(columns={"b": "c"}))
    changed = df.copy()
    changed.loc[1, "b"] = 9.0
    found = compare(df, changed, R, A)
    assert found is not None and "['b']" in found.path


@pytest.mark.parametrize(
    "rtol,atol,got,accepted",
    [
        (0.0, 0.0, 1.0, True),
        (0.0, 0.0, 1.0 + 1e-15, False),
        (1e-3, 0.0, 1.001, True),
        (0.0, 0.01, 1.0099, True),
        (0.0, 0.01, 1.0101, False),
    ],
)
def test_per_question_tolerance(rtol, atol, got, accepted):
    assert ok(1.0, got, rtol, atol) is accepted
