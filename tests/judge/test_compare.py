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


@pytest.mark.parametrize(
    "expected,got,named",
    [
        (1, True, "expected the number 1, got True (a bool)"),
        (np.int64(1), "1", "expected the number 1, got '1' (a string)"),
        (True, 1, "expected True (a bool), got 1 (a number)"),
        ("a", 1, "expected the string 'a', got 1 (a number)"),
        (None, 0.0, "expected None, got 0.0 (a number)"),
        ([1, 2], 5, "expected a list of length 2, got 5 (a number)"),
        ({"a": 1}, [1], "expected a dict, got [1] (a list)"),
        (np.array([1.0]), "x", "expected an array of shape (1,), got 'x' (a string)"),
    ],
)
def test_a_type_refused_is_named_beside_the_expected_one(expected, got, named):
    # a learner told only "got True" where a number was expected cannot see that the
    # type, not the value, is wrong
    found = compare(expected, got, R, A)
    assert found is not None and found.message == f"result: {named}"


def test_numpy_scalars_pass_for_python_ones():
    # prompts promise "Python or NumPy" ints, floats and bools (docs/content-format.md)
    assert ok(3, np.int64(3)) and ok(3, np.uint8(3)) and ok([0, -1], [np.int32(0), np.int64(-1)])
    assert ok(0.25, np.float32(0.25)) and ok(0.1, np.longdouble("0.1"))
    assert ok(True, np.bool_(True)) and ok([False], [np.bool_(False)])
    assert not ok(3, np.bool_(True)) and not ok(True, np.int64(1))


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
