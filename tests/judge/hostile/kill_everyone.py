# expect: forbidden
import os
import signal


def vector_sum(values):
    os.kill(-1, signal.SIGKILL)
    return float(sum(values))
