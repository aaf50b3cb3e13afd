"""The wire format: round trips, flattening of lying subclasses, strict decoding."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlprep.judging import _wire

plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(plain)
def test_round_trip_of_plain_values(value):
    assert _wire.decode(_wire.loads(_wire.dumps(_wire.encode(value)))) == value


def test_tuples_dict_keys_and_non_finite_floats_survive():
    value = {(1, 2): [math.inf, -math.inf], 3: ("a", None), "x": {True: b"\x00"}}
    back = _wire.decode(_wire.loads(_wire.dumps(_wire.encode(value))))
    assert back == value and isinstance(next(iter(back)), tuple)
    nan = _wire.decode(_wire.encode(float("nan")))
    assert math.isnan(nan)


@pytest.mark.parametrize(
    "dtype", ["float64", "float32", "int64", "int8", "uint16", "bool", "complex128"]
)
def test_arrays_keep_dtype_and_shape(dtype):
    arr = (np.arange(12).reshape(3, 4) % 3).astype(dtype)
    back = _wire.decode(_wire.loads(_wire.dumps(_wire.encode(arr))))
    assert back.dtype == arr.dtype and back.shape == arr.shape
    assert np.array_equal(back, arr)


def test_numpy_scalars_strings_and_objects():
    back = _wire.decode(
        _wire.encode(
            [
                np.float32(1.5),
                np.int64(3),
                np.bool_(True),
                np.array(["a", "bc"]),
                np.array([1, "x"], dtype=object),
            ]
        )
    )
    assert isinstance(back[0], np.float32) and back[1] == 3 and back[2] is np.True_
    assert back[3].tolist() == ["a", "bc"] and back[4].tolist() == [1, "x"]


def test_pandas_objects():
    frame = pd.DataFrame({"a": [1, 2], "b": [0.5, np.nan]}, index=["r1", "r2"])
    series = pd.Series([1.0, 2.0], index=[10, 20], name="s")
    back_f = _wire.decode(_wire.loads(_wire.dumps(_wire.encode(frame))))
    back_s = _wire.decode(_wire.encode(series))
    pd.testing.assert_frame_equal(back_f, frame)
    pd.testing.assert_series_equal(back_s, series)


def test_subclasses_with_lying_eq_are_flattened():
    class Liar(float):
        def __eq__(self, other):
            return True

        __hash__ = float.__hash__

    class LyingList(list):
        def __eq__(self, other):
            return True

    back = _wire.decode(_wire.encode([Liar(2.0), LyingList([1])]))
    assert type(back[0]) is float and type(back[1]) is list
    assert back != [3.0, [2]]


@pytest.mark.parametrize("value", [object(), lambda: 1, (i for i in range(3)), {1, object()}])
def test_unsupported_objects_are_refused(value):
    with pytest.raises(_wire.WireError):
        _wire.encode(value)


def test_self_reference_is_refused():
    loop: list = []
    loop.append(loop)
    with pytest.raises(_wire.WireError):
        _wire.encode(loop)


@pytest.mark.parametrize(
    "doc",
    [
        {"$x": 1},
        {"$f": "zero"},
        {"a": 1},
        {"$a": {"dtype": "O8", "shape": [1], "data": ""}},
        {"$a": {"dtype": "<f8", "shape": [2], "data": "AAAA"}},
        {"$a": {"dtype": "<f8", "shape": [-1], "data": ""}},
        {"$s": ["<f8", "text"]},
        {"$d": [[[1], 2]]},
        {"$t": "abc"},
        {"$b": 5},
    ],
)
def test_malformed_documents_are_rejected(doc):
    with pytest.raises(_wire.WireError):
        _wire.decode(doc)


def test_frames_split_anywhere_and_respect_the_limit():
    data = _wire.pack_frame({"t": "x"}) + _wire.pack_frame([1, 2])
    buffer = bytearray()
    got = []
    for byte in data:
        buffer.append(byte)
        msg, complete = _wire.read_frame(buffer, 100)
        if complete:
            got.append(msg)
    assert got == [{"t": "x"}, [1, 2]]
    with pytest.raises(_wire.WireError):
        _wire.read_frame(bytearray(_wire.pack_frame("y" * 200)), 100)
    with pytest.raises(_wire.WireError):
        _wire.loads(b"NaN")


def test_side_buffers_carry_array_data_raw():
    value = (np.arange(6.0).reshape(2, 3), [float(i) for i in range(40)], list(range(40)))
    blobs: list = []
    doc = _wire.encode(value, blobs)
    assert len(blobs) == 3 and "data" in doc["$t"][0]["$a"]
    raw = memoryview(b"".join(_wire.pack_blobs(blobs)))
    back = _wire.decode(_wire.loads(_wire.dumps(doc)), _wire.unpack_blobs(raw, 0))
    assert np.array_equal(back[0], value[0]) and back[1:] == value[1:]
    back[0][0, 0] = 99.0  # decoded arrays are writable copies
    with pytest.raises(_wire.WireError):
        _wire.decode(doc, [])
    with pytest.raises(_wire.WireError):
        _wire.unpack_blobs(raw[:-3], 0)


def test_rows_of_numbers_are_packed_and_keep_their_types():
    points = [(float(i), float(-i)) for i in range(30)]
    grid = [[i, i + 1, i + 2] for i in range(30)]
    mixed = [(1.0, 2), (3.0, 4)] * 10
    for value in (points, grid, mixed):
        doc = _wire.encode(value)
        back = _wire.decode(_wire.loads(_wire.dumps(doc)))
        assert back == value and [type(r) for r in back] == [type(r) for r in value]
        assert [type(v) for r in back for v in r] == [type(v) for r in value for v in r]
    assert "$rows" in _wire.encode(points) and "$rows" not in _wire.encode(mixed)
    with pytest.raises(_wire.WireError):
        _wire.decode(
            {
                "$rows": {
                    "of": "lf",
                    "kind": "tuple",
                    "width": 3,
                    "data": _wire.encode([1.0] * 16)["$lf"],
                }
            }
        )
