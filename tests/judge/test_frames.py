"""The trusted side's reading of a child's frames: every field checked and bounded."""

from __future__ import annotations

import contextlib
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlprep.judging import _frames, _wire


def done(**fields):
    msg = {
        "t": "done",
        "i": 0,
        "ok": True,
        "value": 1.5,
        "time_ms": 0.2,
        "cpu_ms": 0.1,
        "peak_kb": 12,
        "stdout": "",
        "stdout_bytes": 0,
        "mutated": [],
    }
    msg.update(fields)
    return msg


def read(msg) -> dict:
    buffer = bytearray(_wire.pack_frame(msg))
    got, complete = _frames.read_message(buffer, 64 << 20)
    assert complete and not buffer
    return got


def test_an_honest_report_passes_unchanged():
    msg = done(stdout="hi\n", stdout_bytes=3, mutated=["values"])
    for key in ("time_ms", "cpu_ms", "peak_kb"):  # measured by the parent, never read
        del msg[key]
    assert read(msg) == msg


def test_times_and_memory_a_child_reports_are_dropped():
    got = read(done())
    assert not {"time_ms", "cpu_ms", "peak_kb"} & set(got)


def test_output_is_cut_by_the_parent_whatever_the_child_claims():
    got = read(done(stdout="é" * (4 << 20), stdout_bytes=0))
    assert len(got["stdout"].encode("utf-8")) <= _frames.SHOWN_OUTPUT_BYTES
    assert got["stdout_bytes"] == 8 << 20  # the real size: it reads as truncated
    setup = read({"t": "setup", "ok": True, "stdout": "x" * 10_000, "stdout_bytes": 1})
    assert len(setup["stdout"]) == 4096 and setup["stdout_bytes"] == 10_000


@pytest.mark.parametrize(
    "fields",
    [
        {"time_ms": -5.0},
        {"time_ms": 1.5e308},
        {"time_ms": 10**400},
        {"time_ms": True},
        {"time_ms": "1"},
        {"cpu_ms": -1.0},
        {"peak_kb": -1},
        {"peak_kb": 2.5},
        {"peak_kb": 2**80},
        {"stdout": 12345},
        {"stdout_bytes": -3},
        {"ok": 1},
        {"i": -1},
        {"mutated": "values"},
        {"mutated": ["x"] * 1000},
        {"mutated": [1]},
        {"too_big": 2**80},
        {"unreadable": ["x"]},
        {"error": "boom"},
        {"error": {"kind": "runtime", "type": "E", "message": "", "frames": "no"}},
        {"error": {"kind": "runtime", "type": 5, "message": "", "frames": []}},
        {"error": {"kind": "r", "type": "E", "message": "", "frames": [{"line": -1}]}},
        {"error": {"kind": "r", "type": "E", "message": "", "frames": [5]}},
    ],
)
def test_forged_fields_are_interference(fields):
    with pytest.raises(_wire.WireError):
        _frames.clean_message(done(**fields))


def test_non_finite_numbers_in_raw_json_are_interference():
    body = _wire.dumps(done()).replace(b'"time_ms":0.2', b'"time_ms":1e999')
    buffer = bytearray(len(body).to_bytes(4, "big") + body)
    with pytest.raises(_wire.WireError):
        _frames.read_message(buffer, 1 << 20)


def test_text_is_made_valid_utf8_and_bounded():
    error = {
        "kind": "runtime" * 10,
        "type": "E\ud800" * 100,
        "message": "m" * 50_000,
        "frames": [{"line": i, "function": "f\udfff", "code": "c" * 999} for i in range(40)],
    }
    got = _frames.clean_message(done(ok=False, error=error, stdout="a\ud800b", stdout_bytes=3))
    assert got["stdout"] == "a?b"
    e = got["error"]
    assert len(e["kind"]) <= 20 and len(e["type"]) <= 80 and len(e["message"]) <= 1000
    assert len(e["frames"]) == 12 and e["frames"][-1]["line"] == 39
    assert all(len(f["code"]) <= 200 and f["function"] == "f?" for f in e["frames"])


def test_unknown_kinds_keep_only_short_scalars():
    got = _frames.clean_message(
        {"t": "hello", "seccomp": True, "base_kb": 5, "x": 1e999, "y": [1] * 9, "z": "w" * 9000}
    )
    assert got == {"t": "hello", "seccomp": True, "base_kb": 5, "z": "w" * 4096}
    for bad in ([1], {"t": 5}, {"x": 1}, None):
        with pytest.raises(_wire.WireError):
            _frames.clean_message(bad)


_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=8,
)


@settings(max_examples=300)
@given(
    st.sampled_from(["done", "setup", "begin", "hello", "end", "other"]),
    st.dictionaries(
        st.sampled_from([*list(done()), "error", "too_big", "unreadable", "prepare_failed"]),
        _value,
        max_size=12,
    ),
)
def test_random_messages_come_back_clean_or_raise_wire_error(kind, fields):
    try:
        got = _frames.clean_message({**done(), **fields, "t": kind})
    except _wire.WireError:
        return
    for key in ("time_ms", "cpu_ms"):
        if key in got and kind == "done":
            assert math.isfinite(got[key]) and 0 <= got[key] <= _frames.MAX_MS
    if kind in ("done", "setup"):
        got["stdout"].encode("utf-8")
        assert len(got["stdout"].encode("utf-8")) <= _frames.SHOWN_OUTPUT_BYTES


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_random_frames_come_back_clean_or_raise_wire_error(raw):
    buffer = bytearray(len(raw).to_bytes(4, "big") + raw)
    with contextlib.suppress(_wire.WireError):
        _frames.read_message(buffer, 1 << 20)
