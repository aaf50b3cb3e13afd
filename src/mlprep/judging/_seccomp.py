"""The seccomp filter every child installs (untrusted side; x86_64 Linux only).

Prepared in the zygote, so a child pays ~0.1 ms to install it. This file imports
nothing from mlprep: it runs inside the sandbox.
"""

from __future__ import annotations

import sys

PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2

_AUDIT_ARCH_X86_64 = 0xC000003E
_RET_ALLOW = 0x7FFF0000
_RET_KILL = 0x80000000
_EPERM = 0x00050000 | 1
_ENOSYS = 0x00050000 | 38

# x86_64 system calls the learner's process may not make (answered with EPERM):
# networking, new processes and programs, debugging other processes, mounts and
# namespaces, kernel modules and other administration, and side channels.
_DENIED = {
    41: "socket",
    42: "connect",
    43: "accept",
    49: "bind",
    50: "listen",
    53: "socketpair",
    288: "accept4",
    57: "fork",
    58: "vfork",
    59: "execve",
    322: "execveat",
    101: "ptrace",
    310: "process_vm_readv",
    311: "process_vm_writev",
    200: "tkill",
    129: "rt_sigqueueinfo",
    297: "rt_tgsigqueueinfo",
    424: "pidfd_send_signal",
    434: "pidfd_open",
    438: "pidfd_getfd",
    165: "mount",
    166: "umount2",
    155: "pivot_root",
    161: "chroot",
    272: "unshare",
    308: "setns",
    321: "bpf",
    298: "perf_event_open",
    323: "userfaultfd",
    246: "kexec_load",
    320: "kexec_file_load",
    175: "init_module",
    313: "finit_module",
    176: "delete_module",
    169: "reboot",
    167: "swapon",
    168: "swapoff",
    250: "keyctl",
    248: "add_key",
    249: "request_key",
    135: "personality",
    425: "io_uring_setup",
    426: "io_uring_enter",
    427: "io_uring_register",
    109: "setpgid",
    112: "setsid",
}
_CLONE, _CLONE3, _KILL, _TGKILL = 56, 435, 62, 234
_CLONE_THREAD = 0x00010000


def _seccomp_program(self_pid: int) -> list[tuple[int, int, int, int]]:
    ld_arch = (0x20, 0, 0, 4)
    ld_nr = (0x20, 0, 0, 0)
    ld_arg0 = (0x20, 0, 0, 16)  # low 32 bits of args[0] (little-endian)
    prog = [
        ld_arch,
        (0x15, 1, 0, _AUDIT_ARCH_X86_64),
        (0x06, 0, 0, _RET_KILL),
        ld_nr,
        (0x35, 0, 1, 0x40000000),  # x32 ABI numbers
        (0x06, 0, 0, _RET_KILL),
    ]
    for nr in sorted(_DENIED):
        prog += [(0x15, 0, 1, nr), (0x06, 0, 0, _EPERM)]
    # clone: threads yes, processes no (clone3's flags are out of reach: say ENOSYS so
    # the C library falls back to clone).
    prog += [
        (0x15, 0, 4, _CLONE),
        ld_arg0,
        (0x45, 0, 1, _CLONE_THREAD),
        (0x06, 0, 0, _RET_ALLOW),
        (0x06, 0, 0, _EPERM),
    ]
    prog += [(0x15, 0, 1, _CLONE3), (0x06, 0, 0, _ENOSYS)]
    # signals only to itself
    for nr in (_KILL, _TGKILL):
        prog += [
            (0x15, 0, 4, nr),
            ld_arg0,
            (0x15, 0, 1, self_pid),
            (0x06, 0, 0, _RET_ALLOW),
            (0x06, 0, 0, _EPERM),
        ]
    prog.append((0x06, 0, 0, _RET_ALLOW))
    return prog


class Seccomp:
    """Installs the filter through prctl; prepared in the zygote so a child pays ~0.1 ms."""

    def __init__(self) -> None:
        import ctypes
        import platform

        self.available = platform.machine() == "x86_64" and sys.platform == "linux"
        if not self.available:
            return
        self.ctypes = ctypes
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.libc.prctl.argtypes = [
            ctypes.c_int,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_ulong,
        ]

        class SockFilter(ctypes.Structure):
            _fields_ = [
                ("code", ctypes.c_ushort),
                ("jt", ctypes.c_ubyte),
                ("jf", ctypes.c_ubyte),
                ("k", ctypes.c_uint),
            ]

        class SockFprog(ctypes.Structure):
            _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(SockFilter))]

        self.SockFilter = SockFilter
        self.SockFprog = SockFprog

    def install(self, self_pid: int) -> bool:
        if not self.available:
            return False
        ct = self.ctypes
        prog = _seccomp_program(self_pid)
        arr = (self.SockFilter * len(prog))(*[self.SockFilter(*ins) for ins in prog])
        fprog = self.SockFprog(len(prog), ct.cast(arr, ct.POINTER(self.SockFilter)))
        if self.libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return False
        return self.libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ct.addressof(fprog), 0, 0) == 0

    def set_not_dumpable(self) -> None:
        if self.available:
            self.libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
