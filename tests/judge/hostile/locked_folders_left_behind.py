# expect: accepted
# A chmod 0500 folder with files in /tmp and /dev/shm survived the old clean-up; each
# job now has fresh ones (test_sandbox checks the next submission finds nothing).
import os


def vector_sum(values):
    for root in ("/tmp", "/dev/shm"):
        folder = f"{root}/locked-by-attacker"
        os.makedirs(folder, exist_ok=True)
        with open(f"{folder}/planted.py", "w") as fh:
            fh.write("x = 1\n")
        os.chmod(folder, 0o500)
    return float(sum(values))
