"""The untrusted side: a zygote that forks one sandboxed child per batch of tests.

Run as ``python -I -S -B _zygote.py CONTROL_FD [SYS_PATH...]``, inside bubblewrap
when it is available. It imports NumPy once, then waits on its control socket
(SOCK_SEQPACKET) for commands from the trusted parent:

    {"op": "fork", "id": N, "cap_s": S}  + two fds (job pipe read end, result pipe
                                          write end) -> forks a child for job N
    {"op": "kill", "id": N}               -> SIGKILL child N
    {"op": "preload", "modules": [...]}   -> import modules before later forks
    {"op": "quit"}

and answers {"op": "ready"}, {"op": "exit", "id", "code", "signal"} and
{"op": "preloaded"}. The zygote never reads a job: the child reads it from its own
pipe, so neither reference solutions nor learner code ever pass through memory that
later children inherit. The child sets rlimits and a seccomp filter, runs the code
on each test and writes length-prefixed JSON frames to its result pipe. Everything
it reports is only data to the parent, which validates it and decides verdicts.

This file imports nothing from mlprep (only ``_wire``, bound next to it).
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _wire

PR_SET_DUMPABLE = 4
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
SOLUTION_FILENAME = "solution.py"
SHOWN_OUTPUT_BYTES = 4096
RUNNER_BROKE = 86  # exit code of a child whose runner failed (e.g. its pipe was closed)


# ----------------------------------------------------------------------------- seccomp

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


class _Seccomp:
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


# ----------------------------------------------------------------------------- child


def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(field.encode()):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


class _BannedImport(ImportError):
    pass


class _BanFinder:
    """Refuses imports of the question's banned modules (a content rule, not a wall)."""

    def __init__(self, banned: list[str]) -> None:
        self.banned = set(banned)
        self.hit: str | None = None

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        top = name.partition(".")[0]
        if top in self.banned:
            self.hit = top
            raise _BannedImport(f"importing {top} is not allowed in this question")
        return None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _trim_traceback(exc: BaseException, source_lines: list[str]) -> list[dict[str, object]]:
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == SOLUTION_FILENAME:
            line = tb.tb_lineno
            text = source_lines[line - 1].strip() if 0 < line <= len(source_lines) else ""
            frames.append({"line": line, "function": code.co_name, "code": text[:200]})
        tb = tb.tb_next
    return frames[-12:]


def _too_much_output(exc: BaseException) -> bool:
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 8:
        if isinstance(current, OSError) and current.errno == 27:  # EFBIG
            return True
        current = current.__context__
        seen += 1
    return False


def _error(exc: BaseException, lines: list[str], finder: _BanFinder) -> dict[str, object]:
    kind = "runtime"
    if isinstance(exc, MemoryError):
        kind = "memory"
    elif _too_much_output(exc):
        kind = "output"
    elif isinstance(exc, _BannedImport) or (finder.hit and isinstance(exc, ImportError)):
        kind = "banned"
    elif isinstance(exc, PermissionError) and exc.errno == 1:
        kind = "blocked"
    elif isinstance(exc, RecursionError):
        kind = "recursion"
    elif isinstance(exc, (SystemExit, KeyboardInterrupt)):
        kind = "exit"
    try:
        message = str(exc)
    except Exception:
        message = "<the exception's message could not be printed>"
    name = "ImportError" if kind == "banned" else type(exc).__name__
    return {
        "kind": kind,
        "type": name[:80],
        "message": message[:1000],
        "frames": _trim_traceback(exc, lines),
    }


def _snapshot(args: tuple[object, ...]) -> list[bytes | None]:
    """A fingerprint of each argument, to tell whether the function modified it.

    Pickled bytes, compared in this process only: nothing here is ever unpickled, and
    the parent never sees them. Arguments that do not pickle are not checked.
    """
    import pickle

    out: list[bytes | None] = []
    for arg in args:
        try:
            out.append(pickle.dumps(arg, protocol=5))
        except Exception:
            out.append(None)
    return out


def _mutated(before: list[bytes | None], args: tuple[object, ...], names: list[str]) -> list[str]:
    changed = []
    after = _snapshot(args)
    for i, (b, a) in enumerate(zip(before, after, strict=False)):
        if b is not None and a is not None and b != a:
            changed.append(names[i] if i < len(names) else f"argument {i + 1}")
    return changed


def _child(job_fd: int, res_fd: int, seccomp: _Seccomp) -> None:
    import resource

    # job: read it all, then decide the limits
    chunks = []
    while True:
        chunk = os.read(job_fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(job_fd)
    raw = memoryview(b"".join(chunks))
    del chunks
    (head_len,) = struct.unpack_from(">I", raw, 0)
    job = _wire.loads(bytes(raw[4 : 4 + head_len]))
    blobs = _wire.unpack_blobs(raw, 4 + head_len)

    def send(msg: dict[str, object]) -> None:
        _write_all(res_fd, _wire.pack_frame(msg))

    out_fd = os.memfd_create("output", 0)
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(out_fd, 1)
    os.dup2(out_fd, 2)
    os.close(devnull)
    os.close(out_fd)
    with contextlib.suppress(OSError):
        os.closerange(3, res_fd)
        os.closerange(res_fd + 1, 4096)
    # SIGXFSZ stays ignored (Python's default): output past the cap then fails with
    # EFBIG inside the learner's print, so what came before it can still be shown
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)

    base_kb = _status_kb("VmSize")
    limit_bytes = (base_kb * 1024) + int(job["memory_mb"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))
    cpu = max(1, int(job["cpu_s"]) + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (job["output_bytes"], job["output_bytes"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
    with contextlib.suppress(ValueError, OSError):  # no effect for root: seccomp covers it
        resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    filtered = seccomp.install(os.getpid())

    import builtins
    import types

    finder = _BanFinder(list(job["banned"]))
    sys.meta_path.insert(0, finder)
    source = job["source"]
    lines = source.splitlines()
    names = list(job["params"])
    pos = 0

    def output_since() -> tuple[str, int]:
        nonlocal pos
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:
            pass
        try:
            end = os.lseek(1, 0, os.SEEK_END)
            size = end - pos
            data = os.pread(1, min(size, SHOWN_OUTPUT_BYTES), pos) if size > 0 else b""
            pos = end
        except OSError:
            return "", 0
        return data.decode("utf-8", "replace"), max(size, 0)

    def fresh_output() -> None:
        """Each test gets the whole output allowance: empty the capture file."""
        nonlocal pos
        output_since()
        with contextlib.suppress(OSError):
            os.ftruncate(1, 0)
            os.lseek(1, 0, os.SEEK_SET)
            pos = 0

    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
    send({"t": "hello", "seccomp": filtered, "base_kb": base_kb})

    def setup() -> object:
        if job.get("support") is not None:
            support = types.ModuleType("support")
            support.__file__ = "support.py"
            exec(compile(job["support"], "support.py", "exec"), support.__dict__)
            sys.modules["support"] = support
        module = types.ModuleType("solution")
        module.__file__ = SOLUTION_FILENAME
        module.__builtins__ = builtins
        sys.modules["solution"] = module
        exec(compile(source, SOLUTION_FILENAME, "exec"), module.__dict__)
        fn = module.__dict__.get(job["entry"])
        if not callable(fn):
            raise NameError(f"your code does not define a function named {job['entry']}")
        return fn

    try:
        fn = setup()
    except BaseException as exc:
        text, size = output_since()
        send(
            {
                "t": "setup",
                "ok": False,
                "error": _error(exc, lines, finder),
                "stdout": text,
                "stdout_bytes": size,
            }
        )
        os._exit(0)
    text, size = output_since()
    send({"t": "setup", "ok": True, "stdout": text, "stdout_bytes": size})
    prepare = getattr(sys.modules.get("support"), "prepare", None)
    max_bytes = int(job["max_result_bytes"])
    output_cap = int(job["output_bytes"])
    for test in job["tests"]:
        index = test["i"]
        send({"t": "begin", "i": index})
        try:
            first, count = test["blobs"]
            args = _wire.decode(test["args"], blobs[first : first + count])
            if prepare is not None:
                args = prepare(args)
            args = tuple(args)
            before = _snapshot(args) if job["check_mutation"] else None
        except BaseException as exc:
            send(
                {
                    "t": "done",
                    "i": index,
                    "ok": False,
                    "prepare_failed": True,
                    "error": _error(exc, lines, finder),
                    "time_ms": 0.0,
                    "peak_kb": 0,
                    "stdout": "",
                    "stdout_bytes": 0,
                    "mutated": [],
                }
            )
            continue
        fresh_output()
        have_peak = _reset_peak()
        rss0 = _status_kb("VmRSS")
        error = None
        result = None
        send({"t": "start", "i": index})
        c0 = time.thread_time()
        t0 = time.perf_counter()
        try:
            result = fn(*args)
        except BaseException as exc:
            error = exc
        elapsed = (time.perf_counter() - t0) * 1000.0
        cpu = (time.thread_time() - c0) * 1000.0
        send({"t": "ret", "i": index})
        peak = max(0, _status_kb("VmHWM") - rss0) if have_peak else 0
        text, size = output_since()
        msg: dict[str, object] = {
            "t": "done",
            "i": index,
            "time_ms": elapsed,
            "cpu_ms": cpu,
            "peak_kb": peak,
            "stdout": text,
            "stdout_bytes": size,
            "mutated": [],
        }
        if size >= output_cap:
            msg["output_exceeded"] = True
        if error is not None:
            msg.update(ok=False, error=_error(error, lines, finder))
            del error
        else:
            try:
                value = _wire.encode(result)
                body = _wire.dumps(value)
                if len(body) > max_bytes:
                    msg.update(ok=False, too_big=len(body))
                else:
                    msg.update(ok=True, value=value)
            except _wire.WireError as exc:
                msg.update(ok=False, unreadable=str(exc)[:200])
            except RecursionError:
                msg.update(ok=False, unreadable="a structure nested too deeply")
            except MemoryError:
                msg.update(
                    ok=False,
                    error={"kind": "memory", "type": "MemoryError", "message": "", "frames": []},
                )
            except Exception as exc:
                msg.update(ok=False, unreadable=f"{type(exc).__name__} while reading it"[:200])
            if before is not None:
                with contextlib.suppress(Exception):
                    msg["mutated"] = _mutated(before, args, names)
        del result, args
        send(msg)
    send({"t": "end"})
    os._exit(0)


# ----------------------------------------------------------------------------- zygote


def _clear_private_tmp() -> None:
    """Nothing one submission writes survives for the next (bubblewrap's own tmpfs only)."""
    import shutil

    # Folders bound read-only under /tmp (a venv or interpreter that lives there) and
    # the folders leading to them are not the submission's: leave them alone.
    bound = [sys.prefix, sys.base_prefix, os.path.dirname(os.path.dirname(sys.executable))]
    bound += [a for a in sys.argv[2:] if a.startswith("/")]
    for root in ("/tmp", "/dev/shm"):
        try:
            entries = list(os.scandir(root))
        except OSError:
            continue
        for entry in entries:
            if any(b == entry.path or b.startswith(entry.path + "/") for b in bound):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
            except OSError:
                pass


def _exit_status(status: int) -> tuple[int | None, int | None]:
    if os.WIFSIGNALED(status):
        return None, os.WTERMSIG(status)
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status), None
    return None, None


_RUNNER_MODULES = (
    "__main__",
    "_zygote",
    "_wire",
    "json",
    "json.encoder",
    "json.decoder",
    "json.scanner",
    "base64",
    "struct",
    "copy",
    "pickle",
    "resource",
    "types",
)


def _pin_builtins() -> None:
    """Copy the built-in functions into the runner's own modules, so a submission that
    replaces ``builtins.isinstance`` (say) breaks only its own code, not the report."""
    import builtins

    public = {k: v for k, v in vars(builtins).items() if not k.startswith("_")}
    for name in _RUNNER_MODULES:
        module = sys.modules.get(name)
        if module is not None:
            for key, value in public.items():
                module.__dict__.setdefault(key, value)


def main() -> None:
    control_fd = int(sys.argv[1])
    private_tmp = "--private-tmp" in sys.argv[2:]
    for entry in reversed([a for a in sys.argv[2:] if a != "--private-tmp"]):
        sys.path.insert(1, entry)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    import copy  # noqa: F401 - imported now so that _pin_builtins covers them
    import pickle  # noqa: F401
    import resource  # noqa: F401
    import types  # noqa: F401

    import numpy  # noqa: F401  - the point of the zygote: every child starts with it

    seccomp = _Seccomp()
    seccomp.set_not_dumpable()
    _pin_builtins()
    control = socket.socket(fileno=control_fd)
    control.setblocking(True)

    def reply(msg: dict[str, object]) -> None:
        control.send(json.dumps(msg).encode())

    reply({"op": "ready", "seccomp": seccomp.available, "pid": os.getpid()})
    children: dict[int, tuple[int, int, float]] = {}  # pidfd -> (job id, pid, deadline)
    while True:
        now = time.monotonic()
        timeout = None
        if children:
            timeout = max(0.0, min(d for _, _, d in children.values()) - now)
        readable, _, _ = select.select([control, *children], [], [], timeout)
        for pidfd, (job_id, pid, deadline) in list(children.items()):
            if pidfd in readable or time.monotonic() >= deadline:
                if pidfd not in readable:
                    os.kill(pid, signal.SIGKILL)
                _, status = os.waitpid(pid, 0)
                code, sig = _exit_status(status)
                os.close(pidfd)
                del children[pidfd]
                if private_tmp and not children:
                    _clear_private_tmp()
                reply({"op": "exit", "id": job_id, "code": code, "signal": sig})
        if control not in readable:
            continue
        try:
            data, fds, _flags, _addr = socket.recv_fds(control, 65536, 4)
        except OSError:
            data, fds = b"", []
        if not data:
            for _job, pid, _d in children.values():
                os.kill(pid, signal.SIGKILL)
            os._exit(0)
        msg = json.loads(data)
        op = msg.get("op")
        if op == "fork" and len(fds) == 2:
            job_fd, res_fd = fds
            pid = os.fork()
            if pid == 0:
                try:
                    os.setsid()
                    control.close()
                    for pidfd in children:
                        os.close(pidfd)
                    _child(job_fd, res_fd, seccomp)
                finally:
                    os._exit(RUNNER_BROKE)
            os.close(job_fd)
            os.close(res_fd)
            pidfd = os.pidfd_open(pid)
            children[pidfd] = (msg["id"], pid, time.monotonic() + float(msg["cap_s"]))
        elif op == "kill":
            for _pidfd, (job_id, pid, _d) in children.items():
                if job_id == msg.get("id"):
                    os.kill(pid, signal.SIGKILL)
        elif op == "preload":
            done = []
            for name in msg.get("modules", []):
                try:
                    __import__(name)
                    done.append(name)
                except Exception:
                    pass
            reply({"op": "preloaded", "modules": done})
        elif op == "quit":
            os._exit(0)
        else:
            for fd in fds:
                os.close(fd)


if __name__ == "__main__":
    main()
