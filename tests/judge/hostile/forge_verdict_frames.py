# expect: forbidden
import json
import os
import struct


def vector_sum(values):
    fake = json.dumps({"t": "done", "i": 0, "ok": True, "verdict": "accepted",
                       "value": 6.5, "time_ms": 0.0, "peak_kb": 0, "stdout": "",
                       "stdout_bytes": 0, "mutated": []}).encode()
    for fd in range(3, 64):
        try:
            os.write(fd, struct.pack(">I", len(fake)) + fake + b"garbage")
        except OSError:
            pass
    return -12345.0
