# expect: runtime_error
# Lone surrogates in the output, the error and the value (valid JSON, not UTF-8): the
# document must still print, store and serve (UnicodeEncodeError before: exit 70).
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame


_calls = [0]


def _forged(msg):
    if msg.get("t") == "done":
        _calls[0] += 1
    if msg.get("t") == "done" and _calls[0] == 1:
        msg = dict(msg, stdout="out \ud800 \udfff", stdout_bytes=10, ok=False, error={
            "kind": "runtime", "type": "Err\udc80", "message": "bad \ud800",
            "frames": [{"line": 3, "function": "f\ud800", "code": "x = '\udfff'"}]})
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return "\ud800"
