# expect: runtime_error
import os


def vector_sum(values):
    for fd in range(0, 256):
        try:
            os.close(fd)
        except OSError:
            pass
    return float(sum(values))
