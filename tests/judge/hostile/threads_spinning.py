# expect: accepted | time_limit_exceeded
# Busy threads left behind by every call eat the CPU budget: a clear verdict either way.
import threading


def _spin():
    while True:
        pass


def vector_sum(values):
    threading.Thread(target=_spin, daemon=False).start()
    return float(sum(float(v) for v in values))
