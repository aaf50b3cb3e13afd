"""The sandbox's command line: bubblewrap's mounts, the environment, and the mode.

``sandbox_mode()`` is "bwrap" unless the explicit MLPREP_JUDGE_SANDBOX=rlimits
chooses the weaker rlimits-only mode (see docs/judge.md).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

__all__ = [
    "TMP_BYTES",
    "bwrap_command",
    "child_env",
    "isolation_note",
    "plain_command",
    "sandbox_mode",
    "sys_paths",
]

_HERE = Path(__file__).resolve().parent
# the files the zygote runs, bound read-only into /judge
ZYGOTE_FILES = ("_zygote.py", "_child.py", "_seccomp.py", "_wire.py")
TMP_BYTES = 64 << 20  # the sandbox's /tmp (and a quarter of it for /dev/shm)
_bwrap_state: dict[str, bool] = {}


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


def bwrap_command(python: str, control_fd: int, paths: list[str]) -> list[str]:
    bwrap = shutil.which("bwrap") or "/usr/bin/bwrap"
    cmd = [
        bwrap,
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--as-pid-1",
        "--cap-drop",
        "ALL",
        "--hostname",
        "sandbox",
        # The private /tmp and /dev/shm come first, so that a venv or interpreter that
        # lives under /tmp is bound on top of them instead of being hidden by them.
        "--dev",
        "/dev",
        "--size",
        str(TMP_BYTES),
        "--tmpfs",
        "/tmp",
        "--size",
        str(TMP_BYTES // 4),
        "--tmpfs",
        "/dev/shm",
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
    roots = ["/usr"]
    wanted = [sys.base_prefix, sys.prefix, str(Path(python).resolve().parent.parent), *paths]
    for raw in wanted:
        real = str(Path(raw).resolve())
        if not _covered(real, roots):
            roots.append(real)
            cmd += ["--ro-bind", real, real]
        if raw != real and not _covered(raw, roots):
            roots.append(raw)
            cmd += ["--ro-bind", raw, raw]
    cmd += ["--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache"]
    # mlprep itself (with its bank of solutions and tests) must stay out of reach
    # when it is installed inside one of the bound folders.
    package = str(_HERE.parent)
    if _covered(package, roots):
        cmd += ["--tmpfs", package]
    # small private tmpfs mounts: a submission cannot fill the host's memory with files
    cmd += [
        "--proc",
        "/proc",
        "--dir",
        "/judge",
    ]
    for name in ZYGOTE_FILES:
        cmd += ["--ro-bind", str(_HERE / name), f"/judge/{name}"]
    cmd += [
        "--chdir",
        "/tmp",
        "--",
        python,
        "-I",
        "-S",
        "-B",
        "/judge/_zygote.py",
        str(control_fd),
        "--private-tmp",
        *paths,
    ]
    return cmd


def plain_command(python: str, control_fd: int, paths: list[str]) -> list[str]:
    return [python, "-I", "-S", "-B", str(_HERE / "_zygote.py"), str(control_fd), *paths]


def sandbox_mode() -> str:
    """'bwrap' or 'rlimits'; MLPREP_JUDGE_SANDBOX=rlimits forces the weaker mode."""
    forced = os.environ.get("MLPREP_JUDGE_SANDBOX", "").strip().lower()
    if forced in ("rlimits", "none", "off"):
        return "rlimits"
    if sys.platform != "linux" or not shutil.which("bwrap"):
        return "rlimits"
    if _bwrap_state.get("broken"):
        return "rlimits"
    return "bwrap"


def isolation_note(mode: str) -> str | None:
    if mode == "bwrap":
        return None
    return (
        "mlprep judge: bubblewrap is not available here, so submissions run with "
        "rlimits and seccomp only (weaker isolation)"
    )
