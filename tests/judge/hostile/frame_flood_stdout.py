# expect: accepted
# A replaced frame writer ships 8 MB of "stdout" with every test (a 218 MB results
# document before): the trusted side keeps the first 4 KB, marked as truncated.
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame


def _forged(msg):
    if msg.get("t") in ("done", "setup"):
        msg = dict(msg, stdout="\x1b]0;pwned\x07" + "x" * (8 << 20), stdout_bytes=0)
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
