# expect: runtime_error
# The private /tmp is a small tmpfs: filling it fails inside the sandbox, not on the host.
import os


def vector_sum(values):
    chunk = b"x" * (512 * 1024)
    for i in range(10**6):
        with open(f"/tmp/fill-{os.getpid()}-{i}", "wb") as fh:
            fh.write(chunk)
    return float(sum(values))
