# expect: accepted
# A thread that outlives the call (and keeps printing) dies with the child.
import threading
import time

_started = []


def _chatter():
    while True:
        print("still here")
        time.sleep(0.01)


def vector_sum(values):
    if not _started:
        _started.append(threading.Thread(target=_chatter, daemon=False))
        _started[0].start()
    total = 0.0
    for v in values:
        total += float(v)
    return total
