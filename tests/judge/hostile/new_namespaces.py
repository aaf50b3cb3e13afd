# expect: forbidden
# A user namespace of its own (full capabilities inside it) to remount /proc or mount
# things: unshare and mount are not on the allow-list.
import ctypes
import errno


def vector_sum(values):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(0x10000000 | 0x00020000) != 0:  # CLONE_NEWUSER | CLONE_NEWNS
        err = ctypes.get_errno()
        raise PermissionError(err, errno.errorcode.get(err, "?"))
    return float(sum(values))
