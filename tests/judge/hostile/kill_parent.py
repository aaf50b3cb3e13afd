# expect: forbidden
import os
import signal


def vector_sum(values):
    os.kill(os.getppid(), signal.SIGKILL)
    return float(sum(values))
