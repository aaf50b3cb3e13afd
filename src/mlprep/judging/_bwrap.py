"""How the sandbox is launched: bubblewrap's mounts, the identity, the environment, the mode.

``sandbox_mode()`` is "bwrap" unless the explicit ``MLPREP_JUDGE_SANDBOX=rlimits``
chooses the weaker rlimits-only mode (see docs/judge.md); there is no silent
fallback. When mlprep runs as root, the sandbox runs as an unprivileged host uid and
gid (``sandbox_identity``), never as host root.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "SHM_BYTES",
    "TMP_BYTES",
    "Launch",
    "SandboxRefused",
    "bwrap_command",
    "child_env",
    "isolation_note",
    "plain_command",
    "sandbox_identity",
    "sandbox_mode",
    "sys_paths",
]

_HERE = Path(__file__).resolve().parent
# the files the zygote runs, bound read-only into /judge
ZYGOTE_FILES = ("_zygote.py", "_child.py", "_seccomp.py", "_jobns.py", "_wire.py")
TMP_BYTES = 64 << 20  # each job's /tmp
SHM_BYTES = 16 << 20  # each job's /dev/shm
KEEP_DIR = "/judge/keep"  # staging copies of bound folders that live under /tmp
# When mlprep runs as root the sandbox gets a host uid from this range (no account
# needs to exist); MLPREP_SANDBOX_UID picks one explicitly.
_UID_BASE = 0x6D6C0000
_UID_SPAN = 1 << 16
_uid_counter = itertools.count()


class SandboxRefused(RuntimeError):
    """Judging would be unsafe here (e.g. the submission would run as host root)."""


def sandbox_identity() -> tuple[int, int] | None:
    """(uid, gid) the sandbox runs as on the host when mlprep is root; None otherwise.

    Not root: bubblewrap's user namespace maps the sandbox to our own uid.
    """
    if os.geteuid() != 0:
        return None
    chosen = os.environ.get("MLPREP_SANDBOX_UID", "").strip()
    if chosen:
        try:
            uid = gid = int(chosen)
        except ValueError:
            raise SandboxRefused(f"MLPREP_SANDBOX_UID must be a number, not {chosen!r}") from None
    else:
        uid = gid = _UID_BASE + (os.getpid() * 8 + next(_uid_counter)) % _UID_SPAN
    if uid <= 0 or gid <= 0:
        raise SandboxRefused(
            "refusing to judge: the submission would run as host root (MLPREP_SANDBOX_UID=0)"
        )
    return uid, gid


def sys_paths() -> list[str]:
    """Where NumPy and pandas live: the only site folders the zygote puts on sys.path.

    Found without importing them, so that the sandbox can start first thing.
    """
    import importlib.util

    paths: list[str] = []
    for name in ("numpy", "pandas"):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is not None and spec.origin:
            root = str(Path(spec.origin).resolve().parent.parent)
            if root not in paths:
                paths.append(root)
    return paths


def child_env() -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": "/tmp",
        "LANG": "C.UTF-8",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NUMEXPR_NUM_THREADS": "1",
    }
    if "OPENBLAS_CORETYPE" in os.environ:  # some CPUs need it to load OpenBLAS at all
        env["OPENBLAS_CORETYPE"] = os.environ["OPENBLAS_CORETYPE"]
    return env


def _covered(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip("/") + "/") for r in roots)


@dataclass
class Launch:
    """A command and the host identity its sandbox runs as (None: our own, not root)."""

    cmd: list[str]
    identity: tuple[int, int] | None = None


def _bound_folders(python: str, paths: list[str]) -> list[str]:
    """Folders bound read-only besides /usr: the interpreter's, the venv's, NumPy's."""
    roots = ["/usr"]
    out: list[str] = []
    wanted = [sys.base_prefix, sys.prefix, str(Path(python).resolve().parent.parent), *paths]
    for raw in wanted:
        for candidate in dict.fromkeys([str(Path(raw).resolve()), raw]):
            if not _covered(candidate, roots):
                roots.append(candidate)
                out.append(candidate)
    return out


def _closed_ancestor(path: str) -> str | None:
    """The topmost folder above ``path`` that other users cannot pass through."""
    current = Path("/")
    for part in Path(path).parts[1:-1]:
        current = current / part
        try:
            if not os.stat(current).st_mode & stat.S_IXOTH:
                return str(current)
        except OSError:
            return None
    return None


def _as_unprivileged(cmd: list[str], identity: tuple[int, int], needed: list[str]) -> list[str]:
    """Wrap bubblewrap in the launcher that stages closed folders and gives up root."""
    stage: dict[str, list[str]] = {}
    for folder in needed:
        closed = _closed_ancestor(folder)
        if closed is not None:
            stage.setdefault(closed, []).append(folder)
    config = {"uid": identity[0], "gid": identity[1], "stage": stage}
    launcher = [sys.executable, "-I", "-S", "-B", str(_HERE / "_launch.py"), json.dumps(config)]
    return [*launcher, *cmd]


def bwrap_command(python: str, control_fd: int, paths: list[str]) -> Launch:
    """bubblewrap around the zygote (wrapped in ``_launch.py`` when we are root)."""
    identity = sandbox_identity()
    bwrap = shutil.which("bwrap") or "/usr/bin/bwrap"
    cmd = [
        bwrap,
        "--unshare-all",
        "--unshare-user",  # not "-try": no user namespace, no judging
        "--die-with-parent",
        "--new-session",
        "--as-pid-1",
        "--cap-drop",
        "ALL",
        "--hostname",
        "sandbox",
        # The zygote's own /tmp comes first, so that a venv or interpreter that lives
        # under /tmp is bound on top of it instead of being hidden by it. Jobs get
        # fresh ones of their own (_jobns.py).
        "--dev",
        "/dev",
        "--size",
        str(1 << 20),
        "--tmpfs",
        "/tmp",
        "--ro-bind",
        "/usr",
        "/usr",
    ]
    for name in ("lib", "lib64", "lib32", "bin", "sbin"):
        top = f"/{name}"
        if os.path.islink(top):
            cmd += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            cmd += ["--ro-bind", top, top]
    bound = _bound_folders(python, paths)
    for folder in bound:
        cmd += ["--ro-bind", folder, folder]
    cmd += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    # mlprep itself (with its bank of solutions and tests) must stay out of reach
    # when it is installed inside one of the bound folders.
    package = str(_HERE.parent)
    if _covered(package, ["/usr", *bound]):
        cmd += ["--tmpfs", package]
    cmd += ["--proc", "/proc", "--dir", "/judge"]
    # Folders under /tmp vanish under each job's fresh /tmp; a second binding outside
    # /tmp lets the keeper bind them back (a mount of the zygote's namespace cannot
    # be the source of a bind in the job's new one, a copy of it can).
    under_tmp = [f for f in bound if f.startswith("/tmp/")]
    for index, folder in enumerate(under_tmp):
        cmd += ["--ro-bind", folder, f"{KEEP_DIR}/{index}"]
    for name in ZYGOTE_FILES:
        cmd += ["--ro-bind", str(_HERE / name), f"/judge/{name}"]
    config = {
        "paths": paths,
        "jobns": True,
        "tmp_bytes": TMP_BYTES,
        "shm_bytes": SHM_BYTES,
        "keep": [[f"{KEEP_DIR}/{i}", folder] for i, folder in enumerate(under_tmp)],
        # a non-root parent resets the job's peak memory through /proc/<pid>/clear_refs,
        # which it may write only for a dumpable process
        "dumpable": os.geteuid() != 0,
    }
    cmd += ["--chdir", "/tmp", "--", python, "-I", "-S", "-B", "/judge/_zygote.py"]
    cmd += [str(control_fd), json.dumps(config)]
    if identity is not None:
        cmd = _as_unprivileged(cmd, identity, [*bound, str(_HERE)])
    return Launch(cmd, identity)


def plain_command(python: str, control_fd: int, paths: list[str]) -> Launch:
    """The rlimits-only mode: the zygote runs directly (it gives up root itself)."""
    identity = sandbox_identity()
    config = {"paths": paths, "jobns": False, "drop": list(identity) if identity else None}
    cmd = [python, "-I", "-S", "-B", str(_HERE / "_zygote.py"), str(control_fd)]
    return Launch([*cmd, json.dumps(config)])


def sandbox_mode() -> str:
    """'bwrap', or 'rlimits' when MLPREP_JUDGE_SANDBOX=rlimits chooses the weaker mode."""
    forced = os.environ.get("MLPREP_JUDGE_SANDBOX", "").strip().lower()
    if forced in ("rlimits", "none", "off"):
        return "rlimits"
    return "bwrap"


def unavailable_reason() -> str | None:
    """Why the bubblewrap sandbox cannot run here at all (then judging stops)."""
    if sys.platform != "linux":
        return (
            "the judge's sandbox needs Linux with bubblewrap; set MLPREP_JUDGE_SANDBOX=rlimits "
            "to judge with the weaker rlimits-only isolation"
        )
    if not shutil.which("bwrap"):
        return (
            "bubblewrap (bwrap) is not installed; install it, or set "
            "MLPREP_JUDGE_SANDBOX=rlimits to judge with the weaker rlimits-only isolation"
        )
    return None


def isolation_note(mode: str) -> str | None:
    if mode == "bwrap":
        return None
    return (
        "mlprep judge: MLPREP_JUDGE_SANDBOX=rlimits: submissions run with rlimits and "
        "seccomp only, without namespaces (weaker isolation)"
    )
