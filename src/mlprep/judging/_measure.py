"""Measuring a job from outside: the trusted side reads the kernel's accounting.

Nothing here trusts the child: CPU time is the kernel's scheduler account of the
job's main thread, where the function runs (/proc/<pid>/schedstat, in nanoseconds), memory is the
kernel's peak resident set (VmHWM) after the parent itself reset it through
/proc/<pid>/clear_refs, and wall time is the parent's monotonic clock. The job
sees only its own read-only /proc, so it cannot reset or read these for others.
All values are integers or differences of monotonic clocks: finite by construction.
"""

from __future__ import annotations

import contextlib
import os
import signal

__all__ = ["JobProbe", "host_ids_of_tree", "host_pid_of_pidfd"]


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


def host_ids_of_tree(root_pid: int) -> dict[int, set[int]]:
    """Every uid and gid (real, effective, saved, fs) of ``root_pid`` and its descendants."""
    found: dict[int, set[int]] = {}
    todo = [root_pid]
    while todo and len(found) < 4096:
        pid = todo.pop()
        ids: set[int] = set()
        for key, values in _status_fields(pid).items():
            if key in ("Uid", "Gid"):
                ids |= {int(v) for v in values if v.isdigit()}
        found[pid] = ids
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{pid}/task"):
                path = f"/proc/{pid}/task/{task}/children"
                with contextlib.suppress(OSError, ValueError), open(path) as fh:
                    todo += [int(p) for p in fh.read().split()]
    return found


class JobProbe:
    """The job process of one child, seen from the trusted side.

    Its /proc files are opened once and re-read with ``pread`` at each measurement:
    a test costs a few system calls, not a walk through /proc.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._pidfd: int | None = None
        with contextlib.suppress(OSError):
            self._pidfd = os.pidfd_open(pid)
        self._fds: dict[str, int | None] = {}
        for name, path, flags in (
            ("status", f"/proc/{pid}/status", os.O_RDONLY),
            # the main thread: where the learner's function runs
            ("schedstat", f"/proc/{pid}/schedstat", os.O_RDONLY),
            ("clear_refs", f"/proc/{pid}/clear_refs", os.O_WRONLY),
        ):
            try:
                self._fds[name] = os.open(path, flags | os.O_CLOEXEC)
            except OSError:
                self._fds[name] = None

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

    def _read(self, name: str) -> str:
        fd = self._fds.get(name)
        if fd is None:
            return ""
        try:
            return os.pread(fd, 8192, 0).decode("ascii", "replace")
        except OSError:
            return ""

    def _status(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for line in self._read("status").splitlines():
            key, _, rest = line.partition(":")
            out[key] = rest.split()
        return out

    def ids(self) -> tuple[list[int], list[int]]:
        """(uids, gids) of the job on the host: real, effective, saved, filesystem."""
        fields = self._status()
        try:
            return [int(u) for u in fields["Uid"]], [int(g) for g in fields["Gid"]]
        except (KeyError, ValueError):
            return [], []

    def cpu_ns(self) -> int | None:
        """CPU time of the job's main thread (where the function runs), in ns."""
        try:
            return int(self._read("schedstat").split()[0])
        except (ValueError, IndexError):
            return None

    def reset_peak(self) -> bool:
        fd = self._fds.get("clear_refs")
        if fd is None:
            return False
        try:
            os.pwrite(fd, b"5", 0)
            return True
        except OSError:
            return False

    def memory_kb(self) -> tuple[int, int]:
        """(resident now, peak resident since the last reset), in kB."""
        fields = self._status()
        try:
            return int(fields["VmRSS"][0]), int(fields["VmHWM"][0])
        except (KeyError, ValueError, IndexError):
            return 0, 0

    def kill(self) -> None:
        if self._pidfd is not None:
            with contextlib.suppress(OSError):
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)

    def close(self) -> None:
        for name, fd in list(self._fds.items()):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._fds[name] = None
        if self._pidfd is not None:
            with contextlib.suppress(OSError):
                os.close(self._pidfd)
            self._pidfd = None
