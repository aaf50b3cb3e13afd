# expect: forbidden
# A value nested 200,000 lists deep (RecursionError in the parent's JSON parser).
import struct
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame


def _forged(msg):
    if msg.get("t") == "done" and msg.get("ok"):
        body = _wire.dumps(dict(msg, value=0)).replace(
            b'"value":0', b'"value":' + b"[" * 200_000 + b"]" * 200_000
        )
        return struct.pack(">I", len(body)) + body
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
