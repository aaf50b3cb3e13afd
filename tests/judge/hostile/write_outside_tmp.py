# expect: runtime_error
# Under bubblewrap every folder but /tmp is read-only: open() fails (EROFS). Without it
# (rlimits only) the write succeeds, so the file removes what it wrote and fails loudly.
import os


def vector_sum(values):
    path = "/usr/lib/mlprep-judge-escape-test"
    with open(path, "w") as fh:
        fh.write("x")
    os.unlink(path)
    raise RuntimeError("wrote outside /tmp")
