# expect: forbidden
# A reported time of 1.5e308 ms (it summed to Infinity: non-standard JSON, web 500).
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame


def _forged(msg):
    if msg.get("t") == "done":
        msg = dict(msg, time_ms=1.5e308, cpu_ms=1.5e308)
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
