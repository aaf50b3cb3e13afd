# expect: forbidden
# prlimit64 on other processes (it made every later web submission internal_error when
# aimed at the zygote): refused for any pid but the job's own.
import resource


def vector_sum(values):
    for pid in range(1, 64):
        try:
            resource.prlimit(pid, resource.RLIMIT_NOFILE, (3, 3))
        except ProcessLookupError:
            continue
    return float(sum(values))
