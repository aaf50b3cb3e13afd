# expect: forbidden
# SysV shared memory (1.2 GB past the memory limit, reported as 0 kB, and left for the
# next submission): shmget is not on the allow-list, and each job has its own IPC
# namespace anyway.
import ctypes
import errno


def vector_sum(values):
    libc = ctypes.CDLL(None, use_errno=True)
    for _ in range(8):
        if libc.shmget(0, 256 << 20, 0o1000 | 0o600) == -1:  # IPC_PRIVATE, IPC_CREAT
            err = ctypes.get_errno()
            raise PermissionError(err, errno.errorcode.get(err, "?"))
    return float(sum(values))
