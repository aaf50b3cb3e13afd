"""Per-job control groups, where the machine lets the judge make them.

Without them a job's memory is bounded by its address-space limit, which counts
mappings but not the pages of the files it writes into its own tmpfs, nor kernel
memory; the kernel's memory controller counts all of it and stops the job at the
limit. The judge uses cgroup v1's ``memory`` and ``pids`` controllers when it can
create folders under its own cgroup in them (as root, or in a delegated subtree);
otherwise jobs run without (the result's ``isolation`` field says which). cgroup v2
is used by neither: on the machines this was built on, v2 is mounted with no
controllers (they are bound to v1), so nothing there could limit a job.

The job is moved into its group before any of the learner's code runs (the child
waits for the parent's "go" after its hello), and the limits are read from outside.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from functools import cache

__all__ = ["JobCgroup", "cgroup_kind"]

PIDS_MAX = 64  # the job is one process; threads (BLAS, the learner's) count here
_names = itertools.count()
_leftover: list[str] = []  # groups whose last task had not been reaped at close


def _own_dir(controller: str) -> str | None:
    """Where this process's cgroup of ``controller`` lives in the v1 hierarchy."""
    mount = None
    with contextlib.suppress(OSError), open("/proc/self/mounts") as fh:
        for line in fh:
            fields = line.split()
            if len(fields) >= 4 and fields[2] == "cgroup" and controller in fields[3].split(","):
                mount = fields[1]
                break
    if mount is None:
        return None
    with contextlib.suppress(OSError), open("/proc/self/cgroup") as fh:
        for line in fh:
            _, names, path = line.rstrip("\n").split(":", 2)
            if controller in names.split(","):
                folder = os.path.join(mount, path.lstrip("/"))
                return folder if os.path.isdir(folder) else None
    return None


@cache
def _parents() -> tuple[str, str] | None:
    """(memory folder, pids folder) under which job groups can be made, or None."""
    memory, pids = _own_dir("memory"), _own_dir("pids")
    if memory is None or pids is None:
        return None
    probe = f"mlprep-probe-{os.getpid()}"
    made: list[str] = []
    try:
        for parent in (memory, pids):
            os.mkdir(os.path.join(parent, probe))
            made.append(os.path.join(parent, probe))
    except OSError:
        return None
    finally:
        for folder in made:
            with contextlib.suppress(OSError):
                os.rmdir(folder)
    return memory, pids


def cgroup_kind() -> str | None:
    """ "cgroup-v1" when jobs get control groups here, else None."""
    return "cgroup-v1" if _parents() is not None else None


def _write(folder: str, name: str, value: str) -> None:
    with open(os.path.join(folder, name), "w") as fh:
        fh.write(value)


def _read(folder: str, name: str) -> str:
    try:
        with open(os.path.join(folder, name)) as fh:
            return fh.read()
    except OSError:
        return ""


def _remove(folder: str) -> bool:
    try:
        os.rmdir(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


class JobCgroup:
    """One job's memory and pids groups: made, joined by the job, read, removed."""

    def __init__(self, memory: str, pids: str) -> None:
        self.memory, self.pids = memory, pids

    @classmethod
    def create(cls, memory_bytes: int) -> JobCgroup | None:
        """A new group limited to ``memory_bytes`` (no swap) and PIDS_MAX tasks, or None
        where the machine gives the judge no control groups."""
        parents = _parents()
        if parents is None:
            return None
        _leftover[:] = [f for f in _leftover if not _remove(f)]
        name = f"mlprep-job-{os.getpid()}-{next(_names)}"
        memory, pids = (os.path.join(p, name) for p in parents)
        group = cls(memory, pids)
        try:
            os.mkdir(memory)
            os.mkdir(pids)
            _write(memory, "memory.limit_in_bytes", str(memory_bytes))
            if os.path.exists(os.path.join(memory, "memory.memsw.limit_in_bytes")):
                _write(memory, "memory.memsw.limit_in_bytes", str(memory_bytes))
            _write(pids, "pids.max", str(PIDS_MAX))
        except OSError:
            group.close()
            return None
        return group

    def attach(self, pid: int) -> bool:
        """Move process ``pid`` (all its threads) into the group."""
        try:
            _write(self.memory, "cgroup.procs", str(pid))
            _write(self.pids, "cgroup.procs", str(pid))
        except OSError:
            return False
        return True

    def oom_killed(self) -> bool:
        """Did the kernel kill a task of this group for going over its memory limit?"""
        for line in _read(self.memory, "memory.oom_control").splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return value.strip().isdigit() and int(value) > 0
        return False

    def close(self) -> None:
        """Remove the groups; one whose task is not reaped yet is removed later."""
        for folder in (self.memory, self.pids):
            if not _remove(folder):
                _leftover.append(folder)
