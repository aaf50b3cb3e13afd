# expect: forbidden
# SysV message queues and semaphores (never cleared before): refused.
import ctypes
import errno


def vector_sum(values):
    libc = ctypes.CDLL(None, use_errno=True)
    for call in (lambda: libc.msgget(0x4D4C, 0o1000 | 0o600), lambda: libc.semget(0x4D4C, 1, 0o1000 | 0o600)):
        if call() == -1:
            err = ctypes.get_errno()
            raise PermissionError(err, errno.errorcode.get(err, "?"))
    return float(sum(values))
