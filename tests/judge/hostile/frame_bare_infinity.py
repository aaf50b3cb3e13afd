# expect: forbidden
# Raw JSON with 1e999 and NaN where numbers go: never standard JSON, never a measurement.
import struct
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame


def _forged(msg):
    if msg.get("t") == "done":
        body = _wire.dumps(dict(msg, time_ms=0.0)).replace(b'"time_ms":0.0', b'"time_ms":1e999')
        return struct.pack(">I", len(body)) + body
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
