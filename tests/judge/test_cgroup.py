"""Per-job control groups: memory the address-space limit cannot see is still limited."""

from __future__ import annotations

import os
import time

import pytest

from mlprep.judging import _cgroup

pytestmark = pytest.mark.skipif(
    _cgroup.cgroup_kind() is None,
    reason="the judge may not create control groups here (needs root, or a delegated "
    "subtree, with cgroup v1 memory and pids)",
)

# 230 MB of array (inside the 256 MB address-space allowance) plus 74 files of 1 MB in
# the job's own tmpfs mounts (which are not mappings, so the address-space limit never
# sees them): over 256 MB + the control group's slack, but within every rlimit.
FILES_AND_ARRAY = """
import numpy as np

def _fill(folder, mb):
    block = b"x" * ((1 << 20) - 4096)  # each file under the 1 MB file-size limit
    for i in range(mb):
        with open(f"{folder}/{i}.bin", "wb") as fh:
            fh.write(block)

def vector_sum(values):
    _fill("/tmp", 60)
    _fill("/dev/shm", 14)
    big = np.ones(230 * (1 << 20) // 8)
    return float(sum(values)) + float(big[0]) - 1.0
"""

WHERE_AM_I = """
GROUPS = open("/proc/self/cgroup").read()  # read before any function is called

def vector_sum(values):
    print(GROUPS)
    return float(sum(values))
"""

SMALL = """
def vector_sum(values):
    return float(sum(values))
"""


def _groups_left() -> list[str]:
    parents = _cgroup._parents()
    assert parents is not None
    prefix = f"mlprep-job-{os.getpid()}-"
    return [n for p in parents for n in os.listdir(p) if n.startswith(prefix)]


def test_files_in_tmpfs_count_against_the_memory_limit(warm, vector_sum):
    if warm.isolation != "bwrap":
        pytest.skip("bubblewrap is not available here")
    result = warm.judge(vector_sum, FILES_AND_ARRAY, mode="run")
    assert result.verdict == "memory_limit_exceeded", (result.verdict, result.message)
    assert "cgroup-v1" in result.isolation
    # the warm judge is unharmed: the next submission is judged normally
    after = warm.judge(vector_sum, SMALL, mode="run")
    assert after.accepted, after.message


def test_the_learner_code_runs_inside_its_group_from_the_first_line(warm, vector_sum):
    if warm.isolation != "bwrap":
        pytest.skip("bubblewrap is not available here")
    result = warm.judge(vector_sum, WHERE_AM_I, mode="run")
    assert result.accepted, result.message
    lines = result.tests[0].output.splitlines()
    memory = [line for line in lines if ":memory:" in line]
    pids = [line for line in lines if ":pids:" in line]
    assert memory and "/mlprep-job-" in memory[0], lines
    assert pids and "/mlprep-job-" in pids[0], lines


def test_groups_are_removed_after_each_job(warm, vector_sum):
    if warm.isolation != "bwrap":
        pytest.skip("bubblewrap is not available here")
    for _ in range(3):
        assert warm.judge(vector_sum, SMALL, mode="run").accepted
    deadline = time.monotonic() + 5
    while _groups_left() and time.monotonic() < deadline:
        time.sleep(0.05)
        _cgroup.JobCgroup.create(1 << 30).close()  # retries removing leftovers
    assert _groups_left() == []
