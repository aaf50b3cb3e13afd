# expect: forbidden
# A 100-byte value naming dtype |S500000000: allocating it would cost the parent 1.5 GB.
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame


def _forged(msg):
    if msg.get("t") == "done" and msg.get("ok"):
        value = {"$a": {"dtype": "|S500000000", "shape": [3], "items": ["a", "b", "c"]}}
        msg = dict(msg, value=value)
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
