# expect: forbidden
# 10**5000 as the reported time: past the int-string bound (ValueError before, exit 70).
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame
sys.set_int_max_str_digits(0)


def _forged(msg):
    if msg.get("t") == "done":
        msg = dict(msg, time_ms=10**5000)
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
