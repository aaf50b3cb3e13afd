# expect: forbidden
# 30 MB of empty lists (10 million values) and a JSON object of 200,000 keys: refused
# before they are parsed into millions of objects in the trusted process.
import struct
import sys

# the child's frame writer, wherever the runner keeps it
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame
_calls = [0]


def _forged(msg):
    if msg.get("t") == "done" and msg.get("ok"):
        _calls[0] += 1
        if _calls[0] % 2:
            flood = b"[" + b"[]," * 10_000_000 + b"[]]"
        else:
            flood = b"{" + b",".join(b'"k%d":0' % i for i in range(200_000)) + b"}"
        body = _wire.dumps(dict(msg, value=0)).replace(b'"value":0', b'"value":' + flood)
        return struct.pack(">I", len(body)) + body
    return _pack(msg)


_wire.pack_frame = _forged


def vector_sum(values):
    return float(sum(values))
