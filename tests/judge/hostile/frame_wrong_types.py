# expect: forbidden
# Well-formed JSON with the wrong types: a complex of huge ints, traceback frames as a
# string, output as a number (TypeError, OverflowError before: exit 70).
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame
_calls = [0]


def _forged(msg):
    if msg.get("t") == "done":
        _calls[0] += 1
        kind = _calls[0] % 3
        if kind == 1:
            msg = dict(msg, value={"$c": [10**400, 0]})
        elif kind == 2:
            msg = dict(msg, ok=False, error={"kind": "runtime", "type": "X", "message": "",
                                             "frames": "not a list"})
        else:
            msg = dict(msg, stdout=12345)
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
