# expect: forbidden
# The same signal-driven I/O through ioctl (FIOASYNC, FIOSETOWN): refused.
import fcntl
import os
import struct


def vector_sum(values):
    r, w = os.pipe()
    fcntl.ioctl(r, 0x8901, struct.pack("i", 1))  # FIOSETOWN
    fcntl.ioctl(r, 0x5452, struct.pack("i", 1))  # FIOASYNC
    return float(sum(values))
