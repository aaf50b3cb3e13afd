# expect: runtime_error
import os


def vector_sum(values):
    home = os.path.expanduser("~root")
    found = [p for p in ("/root/.bashrc", "/etc/passwd", "/work/main/src", "/work/main/tests",
                         home + "/.ssh", "/work/main/src/mlprep/bank")
             if os.path.exists(p)]
    if found:
        raise RuntimeError(f"could see {found}")
    open("/work/main/pyproject.toml").read()
    return float(sum(values))
