# expect: time_limit_exceeded | memory_limit_exceeded | runtime_error
# Python 3.11 keeps Python frames off the C stack: this ends by time, memory or a crash.
import sys

sys.setrecursionlimit(10**8)


def vector_sum(values):
    return vector_sum(values) + 1
