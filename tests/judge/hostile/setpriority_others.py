# expect: forbidden
# Renicing other processes or every process of the uid (it carried into the next
# learner's submission): refused.
import os


def vector_sum(values):
    os.setpriority(os.PRIO_USER, 0, 19)
    for pid in range(1, 64):
        os.setpriority(os.PRIO_PROCESS, pid, 19)
    return float(sum(values))
