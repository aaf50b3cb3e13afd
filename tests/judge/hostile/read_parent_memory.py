# expect: runtime_error
import os


def vector_sum(values):
    with open(f"/proc/{os.getppid()}/mem", "rb") as fh:
        fh.read(16)
    return float(sum(values))
