# expect: forbidden
# A replaced frame writer sends 1.9 MB of ints that share one hash value as a set:
# filling a set with them is quadratic (72 s before the decoder refused them).
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame
P = 2**61 - 1


def _forged(msg):
    if msg.get("t") == "done" and msg.get("ok"):
        msg = dict(msg, value={"$set": [P * k for k in range(1, 95_001)]})
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
