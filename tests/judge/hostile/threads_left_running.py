# expect: accepted
import threading


def _spin():
    while True:
        pass


def vector_sum(values):
    threading.Thread(target=_spin, daemon=False).start()
    total = 0.0
    for v in values:
        total += float(v)
    return total
