"""The trusted side's reading of a child's frames: bounded, validated, cleaned.

A child runs learner code, so every frame it writes may be forged. ``read_message``
takes one frame off the result pipe and returns a message the rest of the parent can
use without further checks, or raises ``WireError`` (which the parent turns into the
``forbidden`` verdict: interference with the judge's channel). Nothing else escapes:

* the JSON itself is parsed under ``_wire``'s bounds (size, depth, digits, keys);
* numbers a child reports (times, memory, byte counts) are finite, never negative and
  below a ceiling; any other value is interference, so NaN, infinity, 1.5e308 or a
  negative time never reach a sum or the results document;
* text (output, error messages, traceback lines) is valid UTF-8 (lone surrogates are
  replaced) and cut to the sizes docs/judge.md promises, whatever the child claims:
  output to ``SHOWN_OUTPUT_BYTES``, with the real size kept so it reads as truncated;
* the learner's value (``done["value"]``) stays undecoded here: ``_wire.decode``
  rebuilds it later under its own bounds.

Message kinds this module does not know keep only short scalar fields, so a new kind
added to the protocol works without a change here, but cannot carry bulk.
"""

from __future__ import annotations

import math
from typing import Any

from . import _wire

__all__ = ["SHOWN_OUTPUT_BYTES", "clean_message", "clean_text", "read_message"]

SHOWN_OUTPUT_BYTES = 4096  # output shown per test (and printed while loading)
MAX_MS = 86_400_000.0  # a day: a time a child reports beyond it is not a measurement
MAX_KB = 1 << 32  # 4 TB of memory
MAX_BYTES = 1 << 50  # a byte count
MAX_INDEX = 1 << 31
MAX_NAMES = 256  # arguments named in ``mutated``
_ERROR_TEXT = {"kind": 20, "type": 80, "message": 1000}
_FRAME_TEXT = {"function": 80, "code": 200}
MAX_FRAMES = 12
_OTHER_TEXT = 4096


def read_message(buffer: bytearray, limit: int) -> tuple[dict[str, Any] | None, bool]:
    """Like ``_wire.read_frame``, but the message comes back cleaned (or WireError)."""
    msg, complete = _wire.read_frame(buffer, limit)
    if not complete:
        return None, False
    return clean_message(msg), True


def clean_text(value: Any, limit: int, what: str) -> tuple[str, int]:
    """A string cut to ``limit`` UTF-8 bytes, and its full size in bytes.

    Lone surrogates (valid in JSON, not in UTF-8) become '?', so the text can be
    printed, stored and served; a cut never splits a character.
    """
    if not isinstance(value, str):
        raise _wire.WireError(f"a malformed message ({what})")
    raw = value.encode("utf-8", "replace")
    size = len(raw)
    if size > limit:
        raw = raw[:limit]
    return raw.decode("utf-8", "ignore"), size


def _text(value: Any, limit: int, what: str) -> str:
    return clean_text(value, limit, what)[0]


def _number(value: Any, ceiling: float, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _wire.WireError(f"a malformed message ({what})")
    number = float(value) if isinstance(value, int) and abs(value) < 2**1000 else value
    if not isinstance(number, float) or not math.isfinite(number) or not 0 <= number <= ceiling:
        raise _wire.WireError(f"a {what} that cannot have been measured")
    return number


def _count(value: Any, ceiling: int, what: str) -> int:
    if type(value) is not int or not 0 <= value <= ceiling:
        raise _wire.WireError(f"a malformed message ({what})")
    return value


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise _wire.WireError(f"a malformed message ({what})")
    return value


def _error(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("frames"), list):
        raise _wire.WireError("a malformed error report")
    error: dict[str, Any] = {k: _text(value.get(k), n, "error") for k, n in _ERROR_TEXT.items()}
    frames = []
    for frame in value["frames"][-MAX_FRAMES:]:
        if not isinstance(frame, dict):
            raise _wire.WireError("a malformed error report")
        clean: dict[str, Any] = {
            k: _text(frame.get(k), n, "traceback") for k, n in _FRAME_TEXT.items()
        }
        clean["line"] = _count(frame.get("line"), MAX_INDEX, "traceback")
        frames.append(clean)
    error["frames"] = frames
    return error


def _output(msg: dict[str, Any], into: dict[str, Any]) -> None:
    text, size = clean_text(msg.get("stdout"), SHOWN_OUTPUT_BYTES, "stdout")
    reported = _count(msg.get("stdout_bytes"), MAX_BYTES, "stdout_bytes")
    into["stdout"] = text
    # a child that ships more than it admits still reads as truncated
    into["stdout_bytes"] = max(reported, size)


def _done(msg: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "t": "done",
        "i": _count(msg.get("i"), MAX_INDEX, "test index"),
        "ok": _flag(msg.get("ok"), "ok"),
    }
    # time_ms, cpu_ms and peak_kb are never taken from the child: the parent measures
    # them from outside (_measure.py) and adds them. The runner does not send them; a
    # forged frame that does must still hold plausible numbers (else: interference),
    # and they are dropped either way.
    for key, ceiling in (("time_ms", MAX_MS), ("cpu_ms", MAX_MS)):
        if key in msg:
            _number(msg[key], ceiling, key)
    if "peak_kb" in msg:
        _count(msg["peak_kb"], MAX_KB, "memory")
    _output(msg, out)
    mutated = msg.get("mutated")
    if not isinstance(mutated, list) or len(mutated) > MAX_NAMES:
        raise _wire.WireError("a malformed message (mutated)")
    out["mutated"] = [_text(name, 80, "mutated") for name in mutated]
    for key in ("output_exceeded", "prepare_failed"):
        if key in msg:
            out[key] = _flag(msg[key], key)
    if out["ok"]:
        if "value" not in msg:
            raise _wire.WireError("a result without a value")
        out["value"] = msg["value"]
    if "too_big" in msg:
        out["too_big"] = _count(msg["too_big"], MAX_BYTES, "too_big")
    if "unreadable" in msg:
        out["unreadable"] = _text(msg["unreadable"], 200, "unreadable")
    if "error" in msg:
        out["error"] = _error(msg["error"])
    return out


def _setup(msg: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"t": "setup", "ok": _flag(msg.get("ok"), "ok")}
    _output(msg, out)
    if "error" in msg:
        out["error"] = _error(msg["error"])
    return out


def _scalar(value: Any) -> bool:
    if value is None or isinstance(value, (bool, str)):
        return True
    if isinstance(value, int):
        return abs(value) < 2**63
    return isinstance(value, float) and math.isfinite(value)


def _other(msg: dict[str, Any]) -> dict[str, Any]:
    return {
        key: _text(value, _OTHER_TEXT, key) if isinstance(value, str) else value
        for key, value in msg.items()
        if _scalar(value)
    }


def clean_message(msg: Any) -> dict[str, Any]:
    """The message with every field checked and bounded; WireError when it cannot be."""
    if not isinstance(msg, dict) or not isinstance(msg.get("t"), str):
        raise _wire.WireError("a malformed message")
    kind = msg["t"]
    if kind == "done":
        return _done(msg)
    if kind == "setup":
        return _setup(msg)
    return _other(msg)
