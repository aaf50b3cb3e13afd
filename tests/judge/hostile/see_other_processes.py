# expect: wrong_answer
# The job sees only its own PID namespace: its init (pid 1) and itself (and its own
# threads). Raises (runtime_error) if anything else is visible in /proc.
import os


def vector_sum(values):
    pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
    if [p for p in pids if p not in (1, os.getpid())]:
        raise RuntimeError(f"VISIBLE {pids}")
    return -1.0
