# expect: wrong_answer
# /proc's global knobs are read-only inside: core_pattern ("|program" plus one crash
# would run a program as host root), overcommit, pid_max, drop_caches, and pid 1's
# oom_score_adj. Returns a wrong answer when every open for writing fails; raises
# (runtime_error) naming each knob that opened.
KNOBS = (
    "/proc/sys/kernel/core_pattern",
    "/proc/sys/kernel/printk_ratelimit",
    "/proc/sys/vm/overcommit_memory",
    "/proc/sys/kernel/pid_max",
    "/proc/sys/vm/drop_caches",
    "/proc/1/oom_score_adj",
    "/proc/self/oom_score_adj",
    "/proc/self/clear_refs",
)


def vector_sum(values):
    opened = []
    for path in KNOBS:
        try:
            with open(path, "w"):
                opened.append(path)
        except OSError:
            pass
    if opened:
        raise RuntimeError(f"WRITABLE {opened}")
    return -1.0
