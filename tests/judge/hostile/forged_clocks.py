# expect: accepted
# Times and memory used to be self-reported: a patched perf_counter made them negative,
# a patched thread_time made O(n^2) look like n^1.0, /proc/self/clear_refs hid the
# peak. The parent measures from outside now: test_hostile checks the times stay
# finite, non-negative and include the ~30 ms this burns.
import time

_fake = iter(range(10**9, 0, -1))
time.perf_counter = lambda: float(next(_fake))
time.thread_time = lambda: 0.0
time.process_time = lambda: 0.0
time.monotonic = lambda: 0.0


def vector_sum(values):
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass
    end = time.time() + 0.03
    hoard = bytearray(8 << 20)  # 8 MB, touched: the peak must show it
    for i in range(0, len(hoard), 4096):
        hoard[i] = 1
    while time.time() < end:
        pass
    return float(sum(values))
