"""Start bubblewrap as an unprivileged host uid when mlprep runs as root.

Run as root: ``python -I -S -B _launch.py CONFIG_JSON BWRAP_ARGS...``. Some folders
the sandbox needs may be out of an unprivileged uid's reach (an interpreter under
/root, which is 0700). In a private mount namespace of its own (the host's mounts are
untouched), this launcher covers each such folder's closed ancestor with a small
read-only-content tmpfs and binds the needed folders back at their own paths; then it
gives up root for good (groups, gid, uid) and runs bubblewrap, which builds the
sandbox from that view as the unprivileged uid.

CONFIG_JSON: {"uid": U, "gid": G, "stage": {closed ancestor: [folders under it]}}.
Imports nothing from mlprep.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys

CLONE_NEWNS = 0x00020000
MS_BIND, MS_REC, MS_PRIVATE = 4096, 0x4000, 1 << 18
MS_NOSUID, MS_NODEV = 2, 4


def _fail(what: str) -> None:
    err = ctypes.get_errno()
    sys.stderr.write(f"mlprep sandbox launcher: {what}: {os.strerror(err)}\n")
    os._exit(1)


def main() -> None:
    config = json.loads(sys.argv[1])
    argv = sys.argv[2:]
    libc = ctypes.CDLL(None, use_errno=True)
    text = ctypes.c_char_p
    libc.mount.argtypes = [text, text, text, ctypes.c_ulong, text]
    uid, gid = int(config["uid"]), int(config["gid"])
    if uid <= 0 or gid <= 0:
        sys.stderr.write("mlprep sandbox launcher: refusing to run the sandbox as host root\n")
        os._exit(1)
    stage: dict[str, list[str]] = config.get("stage") or {}
    if stage:
        if libc.unshare(CLONE_NEWNS) != 0:
            _fail("unshare")
        if libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None) != 0:
            _fail("mount --make-rprivate /")
        for closed, folders in stage.items():
            fds = [(f, os.open(f, os.O_PATH | os.O_CLOEXEC)) for f in folders]
            opts = b"size=1m,nr_inodes=1024,mode=0755"
            if libc.mount(b"tmpfs", closed.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, opts) != 0:
                _fail(f"tmpfs on {closed}")
            for folder, fd in fds:
                os.makedirs(folder, mode=0o755, exist_ok=True)
                source = f"/proc/self/fd/{fd}".encode()
                if libc.mount(source, folder.encode(), None, MS_BIND | MS_REC, None) != 0:
                    _fail(f"bind {folder}")
                os.close(fd)
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if 0 in os.getresuid() or 0 in os.getresgid():
        sys.stderr.write("mlprep sandbox launcher: could not give up root\n")
        os._exit(1)
    os.execv(argv[0], argv)


if __name__ == "__main__":
    main()
