# expect: forbidden
# Pinning processes to one CPU: refused (even for itself; the judge does not need it).
import os


def vector_sum(values):
    for pid in range(0, 64):
        os.sched_setaffinity(pid, {0})
    return float(sum(values))
