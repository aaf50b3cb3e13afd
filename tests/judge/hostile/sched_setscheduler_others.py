# expect: forbidden
# SCHED_IDLE on other processes: refused.
import os


def vector_sum(values):
    for pid in range(0, 64):
        os.sched_setscheduler(pid, os.SCHED_IDLE, os.sched_param(0))
    return float(sum(values))
