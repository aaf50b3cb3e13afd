# expect: forbidden
# A negative time and a negative peak memory: not measurements, interference.
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame


def _forged(msg):
    if msg.get("t") == "done":
        msg = dict(msg, time_ms=-5.0, peak_kb=-1)
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
