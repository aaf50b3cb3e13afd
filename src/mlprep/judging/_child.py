"""The job runner inside a sandbox child (untrusted side): run the code on each test.

The child reads its job from its own pipe, sets rlimits and the seccomp filter,
runs the learner's module and then each test, and writes length-prefixed JSON
frames to its result pipe. Everything it reports is only data to the parent.
This file imports nothing from mlprep: it runs inside the sandbox.
"""

from __future__ import annotations

import contextlib
import os
import signal
import struct
import sys

import _wire
from _seccomp import Seccomp

SOLUTION_FILENAME = "solution.py"
SHOWN_OUTPUT_BYTES = 4096
RUNNER_BROKE = 86  # exit code of a child whose runner failed (e.g. its pipe was closed)


def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(field.encode()):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class _Inbox:
    """Messages from the parent on the job pipe: a frame, then its side buffers.

    The parent sends the job's head, a "go" after the hello once it has checked the
    process from outside, then one test at a time (only after the previous one is
    done), and a "go" after each "start" once it has taken its own measurements.
    End of file means there are no more tests.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def _exact(self, n: int) -> bytes | None:
        parts = []
        while n > 0:
            chunk = os.read(self.fd, min(n, 1 << 20))
            if not chunk:
                return None
            parts.append(chunk)
            n -= len(chunk)
        return b"".join(parts)

    def next(self) -> tuple[dict, list[bytes]] | None:
        head = self._exact(4)
        if head is None:
            return None
        (length,) = struct.unpack(">I", head)
        body = self._exact(length)
        count_raw = self._exact(4)
        if body is None or count_raw is None:
            return None
        (count,) = struct.unpack(">I", count_raw)
        blobs = []
        for _ in range(count):
            size_raw = self._exact(8)
            blob = self._exact(struct.unpack(">Q", size_raw)[0]) if size_raw else None
            if blob is None:
                return None
            blobs.append(blob)
        return _wire.loads(body), blobs

    def wait_go(self) -> None:
        got = self.next()
        if got is None or got[0].get("t") != "go":
            os._exit(RUNNER_BROKE)


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


def run_child(job_fd: int, res_fd: int, seccomp: Seccomp) -> None:
    import resource

    inbox = _Inbox(job_fd)
    first = inbox.next()
    if first is None:
        os._exit(RUNNER_BROKE)
    job = first[0]

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
        low, high = sorted((job_fd, res_fd))
        os.closerange(3, low)
        os.closerange(low + 1, high)
        os.closerange(high + 1, 4096)
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
    send({"t": "hello", "seccomp": filtered})
    # the parent checks this process from outside (and moves it into its control
    # group) before any of the learner's code runs
    inbox.wait_go()

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
    del first
    prepare = getattr(sys.modules.get("support"), "prepare", None)
    max_bytes = int(job["max_result_bytes"])
    output_cap = int(job["output_bytes"])
    while True:
        # one test at a time: the next input exists only once this one is done
        message = inbox.next()
        if message is None:
            break
        test, blobs = message
        index = test["i"]
        send({"t": "begin", "i": index})
        try:
            args = _wire.decode(test["args"], blobs)
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
                    "stdout": "",
                    "stdout_bytes": 0,
                    "mutated": [],
                }
            )
            continue
        del message, test, blobs
        fresh_output()
        error = None
        result = None
        # Times and memory are measured by the parent, from outside this process: it
        # resets the peak and reads the clock and CPU time before its "go", and reads
        # them again when "ret" arrives.
        send({"t": "start", "i": index})
        inbox.wait_go()
        try:
            result = fn(*args)
        except BaseException as exc:
            error = exc
        send({"t": "ret", "i": index})
        text, size = output_since()
        msg: dict[str, object] = {
            "t": "done",
            "i": index,
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
