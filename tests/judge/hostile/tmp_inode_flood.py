# expect: runtime_error
# 800,000 empty files in /tmp added 1 GB of kernel memory: each job's /tmp and /dev/shm
# have an inode limit, so this fails (OSError: no space) after a few thousand.
import os


def vector_sum(values):
    for root in ("/tmp", "/dev/shm"):
        for i in range(800_000):
            os.close(os.open(f"{root}/f{i}", os.O_CREAT | os.O_WRONLY, 0o600))
    return float(sum(values))
