"""Measuring a job from outside: the trusted side reads the kernel's accounting.

Nothing here trusts the child: CPU time is the kernel's scheduler account of every
thread of the job (/proc/<pid>/task/*/schedstat, in nanoseconds), memory is the
kernel's peak resident set (VmHWM) after the parent itself reset it through
/proc/<pid>/clear_refs, and wall time is the parent's monotonic clock. The job
sees only its own read-only /proc, so it cannot reset or read these for others.
All values are integers or differences of monotonic clocks: finite by construction.
"""

from __future__ import annotations

import contextlib
import os
import signal

__all__ = ["JobProbe", "host_pid_of_pidfd"]

_MAX_THREADS = 256  # a job with more threads is measured on its first 256


def host_pid_of_pidfd(pidfd: int) -> int | None:
    """The pid (in this process's namespace) a pidfd refers to, or None if it ended."""
    try:
        with open(f"/proc/self/fdinfo/{pidfd}") as fh:
            for line in fh:
                if line.startswith("Pid:"):
                    pid = int(line.split()[1])
                    return pid if pid > 0 else None
    except (OSError, ValueError, IndexError):
        pass
    return None


def _status_fields(pid: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as fh:
        for line in fh:
            key, _, rest = line.partition(":")
            out[key] = rest.split()
    return out


class JobProbe:
    """The job process of one child, seen from the trusted side."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._pidfd: int | None = None
        with contextlib.suppress(OSError):
            self._pidfd = os.pidfd_open(pid)

    @classmethod
    def of_keeper(cls, keeper_pid: int, nested: bool) -> JobProbe | None:
        """With namespaces of its own, the job is the only child of the keeper's only
        child (the namespace's init); without, it is the keeper itself."""
        if not nested:
            return cls(keeper_pid)
        pid = keeper_pid
        for _ in range(2):
            try:
                with open(f"/proc/{pid}/task/{pid}/children") as fh:
                    children = [int(p) for p in fh.read().split()]
            except (OSError, ValueError):
                return None
            if len(children) != 1:
                return None
            pid = children[0]
        return cls(pid)

    def ids(self) -> tuple[list[int], list[int]]:
        """(uids, gids) of the job on the host: real, effective, saved, filesystem."""
        fields = _status_fields(self.pid)
        try:
            return [int(u) for u in fields["Uid"]], [int(g) for g in fields["Gid"]]
        except (KeyError, ValueError):
            return [], []

    def cpu_ns(self) -> int | None:
        total = 0
        try:
            tasks = os.listdir(f"/proc/{self.pid}/task")[:_MAX_THREADS]
        except OSError:
            return None
        for tid in tasks:
            path = f"/proc/{self.pid}/task/{tid}/schedstat"
            with contextlib.suppress(OSError, ValueError, IndexError), open(path) as fh:
                total += int(fh.read().split()[0])
        return total

    def reset_peak(self) -> bool:
        try:
            with open(f"/proc/{self.pid}/clear_refs", "w") as fh:
                fh.write("5")
            return True
        except OSError:
            return False

    def memory_kb(self) -> tuple[int, int]:
        """(resident now, peak resident since the last reset), in kB."""
        fields = _status_fields(self.pid)
        try:
            return int(fields["VmRSS"][0]), int(fields["VmHWM"][0])
        except (KeyError, ValueError, IndexError):
            return 0, 0

    def kill(self) -> None:
        if self._pidfd is not None:
            with contextlib.suppress(OSError):
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)

    def close(self) -> None:
        if self._pidfd is not None:
            with contextlib.suppress(OSError):
                os.close(self._pidfd)
            self._pidfd = None
