# expect: forbidden
# Signal-driven I/O aimed at another process (the reference, the zygote): F_SETOWN to
# every pid, F_SETSIG SIGKILL, O_ASYNC. The allow-list refuses F_SETOWN (EPERM).
import fcntl
import os
import signal


def vector_sum(values):
    r, w = os.pipe()
    for pid in range(1, 64):
        fcntl.fcntl(r, fcntl.F_SETOWN, pid)
    fcntl.fcntl(r, 10, signal.SIGKILL)  # F_SETSIG
    fcntl.fcntl(r, fcntl.F_SETFL, os.O_ASYNC)
    os.write(w, b"x")
    return float(sum(values))
