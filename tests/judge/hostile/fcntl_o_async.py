# expect: forbidden
# O_ASYNC through F_SETFL alone (the owner would default to this process): refused.
import fcntl
import os


def vector_sum(values):
    r, w = os.pipe()
    fcntl.fcntl(r, fcntl.F_SETFL, fcntl.fcntl(r, fcntl.F_GETFL) | os.O_ASYNC)
    return float(sum(values))
