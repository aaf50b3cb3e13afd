# expect: forbidden
import subprocess


def vector_sum(values):
    subprocess.run(["sh", "-c", "echo pwned > /tmp/pwned"], check=True)
    return float(sum(values))
