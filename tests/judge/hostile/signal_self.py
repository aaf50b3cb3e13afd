# expect: runtime_error
import os
import signal


def vector_sum(values):
    os.kill(os.getpid(), signal.SIGTERM)
