"""One isolated job per child (untrusted side): namespaces, mounts and capabilities.

The zygote forks a *keeper* per job. The keeper makes a new user, mount, IPC and
PID namespace, mounts a fresh size- and inode-limited tmpfs on /tmp and /dev/shm,
and forks the namespace's *init* (pid 1), which mounts a fresh /proc, read-only,
that shows only the job's own processes. The init forks the *job* process (pid 2,
because the kernel ignores the signals a pid 1 sends itself), which drops every
capability before the runner reads its job.

So a job cannot name (and therefore not signal, limit, reschedule or read) the
zygote, the other jobs or the keeper; SysV IPC objects and files die with it; and
/proc's global knobs (/proc/sys, /proc/<pid>/oom_score_adj, clear_refs) are
read-only. The keeper relays the job's end to the zygote: its exit code, or the
same signal.

This file imports nothing from mlprep: it runs inside the sandbox.
"""

from __future__ import annotations

import ctypes
import os
import signal

CLONE_NEWNS = 0x00020000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 0x4000, 1 << 18
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
JOB_UID = 1000  # the job's uid inside its own user namespace (the host sees the zygote's)
TMP_INODES = 4096
SHM_INODES = 256

_libc = ctypes.CDLL(None, use_errno=True)
_text = ctypes.c_char_p
_libc.mount.argtypes = [_text, _text, _text, ctypes.c_ulong, _text]


class JobNamespaceError(OSError):
    """The keeper could not isolate the job (the zygote reports the job as lost)."""


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise JobNamespaceError(err, f"{what}: {os.strerror(err)}")


def _mount(source: str, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    _check(
        _libc.mount(
            source.encode(),
            target.encode(),
            fstype.encode() if fstype else None,
            flags,
            data.encode() if data else None,
        ),
        f"mount {target}",
    )


def _write(path: str, text: str) -> None:
    with open(path, "w") as fh:
        fh.write(text)


def enter_job_namespaces(tmp_bytes: int, shm_bytes: int, keep: list[list[str]]) -> None:
    """In the keeper: new namespaces, and fresh limited tmpfs mounts on /tmp and /dev/shm.

    ``keep`` pairs (staging, folder): read-only folders that live under /tmp (a virtual
    environment or an interpreter, as in CI clones), which the sandbox also binds at a
    staging path outside /tmp. They are bound again on top of the fresh /tmp from their
    staging copy, or the job could not import what it has not imported yet.
    """
    uid, gid = os.getuid(), os.getgid()
    # The zygote is not dumpable (so no job could read it through /proc); the keeper
    # must be, to write its own uid_map. No job can see the keeper.
    _libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)
    _check(_libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWPID), "unshare")
    _write("/proc/self/setgroups", "deny")
    _write("/proc/self/uid_map", f"{JOB_UID} {uid} 1")
    _write("/proc/self/gid_map", f"{JOB_UID} {gid} 1")
    _mount("none", "/", None, MS_REC | MS_PRIVATE)
    flags = MS_NOSUID | MS_NODEV
    _mount("tmpfs", "/tmp", "tmpfs", flags, f"size={tmp_bytes},nr_inodes={TMP_INODES},mode=1777")
    for staging, folder in keep:
        os.makedirs(folder, exist_ok=True)
        # still read-only: the original bind's read-only flag is locked in this namespace
        _mount(staging, folder, None, MS_BIND | MS_REC)
        _mount("none", folder, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
    if os.path.isdir("/dev/shm"):
        shm = f"size={shm_bytes},nr_inodes={SHM_INODES},mode=1777"
        _mount("tmpfs", "/dev/shm", "tmpfs", flags, shm)


def become_init() -> None:
    """In the job namespace's pid 1: a read-only /proc of its own; dies with the keeper."""
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl")
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY)


def become_job(dumpable: bool) -> None:
    """In the learner's process (pid 2): no capabilities; dies with its init."""
    _check(_libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl")
    _drop_capabilities()
    # Dumpable only so that a non-root trusted side may reset its peak memory through
    # /proc/<pid>/clear_refs; the job itself sees only its own read-only /proc.
    _libc.prctl(PR_SET_DUMPABLE, 1 if dumpable else 0, 0, 0, 0)


def wait_for(pid: int) -> int:
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except InterruptedError:
            continue


def report_exit(fd: int, status: int) -> None:
    """In the init: tell the keeper how the learner's process ended, then end."""
    os.write(fd, status.to_bytes(4, "little"))
    os._exit(0)


def read_status(fd: int) -> int:
    data = os.read(fd, 4)
    # no report: the init itself was killed (by the keeper's kill, so: SIGKILL)
    return int.from_bytes(data, "little") if len(data) == 4 else signal.SIGKILL


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _drop_capabilities() -> None:
    header = _CapHeader(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    data = (_CapData * 2)()
    _check(_libc.capset(ctypes.byref(header), data), "capset")


def relay_exit(status: int) -> None:
    """In the keeper, after the job ended: end the same way, for the zygote to see."""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)
