"""The sandbox itself: isolation facts, restarts, and the fallback without bubblewrap."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mlprep.judging import WarmJudge, _bwrap, _sandbox

HOSTILE = Path(__file__).parent / "hostile"
QUESTIONS = Path(__file__).parent / "questions" / "coding"

PROBE = """
import os, json
def vector_sum(values):
    facts = {
        "uid_map": open("/proc/self/uid_map").read().split(),
        "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
        "env": sorted(os.environ),
        "net": sorted(os.listdir("/sys/class/net")) if os.path.isdir("/sys/class/net") else [],
        "root": sorted(os.listdir("/")),
        "work": sorted(os.listdir("/work/main")) if os.path.isdir("/work/main") else [],
        "root_home": sorted(os.listdir("/root")) if os.path.isdir("/root") else [],
        "etc": sorted(os.listdir("/etc")) if os.path.isdir("/etc") else [],
    }
    print(json.dumps(facts))
    return float(sum(values))
"""


def test_inside_the_sandbox(warm, vector_sum):
    if warm.isolation != "bwrap":
        pytest.skip("bubblewrap is not available here")
    import json

    result = warm.judge(vector_sum, PROBE, mode="run")
    assert result.accepted, result.message
    facts = json.loads(result.tests[0].output)
    # its own pid namespace: bubblewrap's init, the zygote and this child, nothing else
    assert len(facts["pids"]) <= 4, facts["pids"]
    assert set(facts["env"]) <= {
        "PATH",
        "HOME",
        "LANG",
        "OPENBLAS_NUM_THREADS",
        "OMP_NUM_THREADS",
        "MKL_NUM_THREADS",
        "NUMEXPR_NUM_THREADS",
        "OPENBLAS_CORETYPE",
        "PWD",
    }
    assert "home" not in facts["root"]
    # only the folders the interpreter needs exist; their parents hold nothing else
    assert facts["work"] in ([], [".venv"])
    assert set(facts["root_home"]) <= {".pyenv"}
    assert facts["etc"] in ([], ["ld.so.cache"])
    assert facts["net"] in ([], ["lo"])


def test_judge_survives_its_zygote_being_killed(vector_sum):
    with WarmJudge() as warm:
        assert warm.judge(vector_sum, vector_sum.read("solution.py"), mode="run").accepted
        zygote = warm._runner._zygote
        assert zygote is not None and zygote._proc is not None
        os.killpg(zygote._proc.pid, signal.SIGKILL)
        zygote._proc.wait()
        result = warm.judge(vector_sum, vector_sum.read("solution.py"), mode="run")
        assert result.accepted, result.message
        assert warm._runner._zygote is not zygote


def test_a_sandbox_that_cannot_start_stops_judging(monkeypatch, capsys, vector_sum):
    # No fail-open: a failed start is retried once, then the verdict says the sandbox
    # is unavailable; nothing ever runs without namespaces unless asked for.
    starts = []

    def broken_bwrap(python, fd, paths):
        starts.append(1)
        return _bwrap.Launch(["/bin/false"])

    monkeypatch.setattr(_sandbox, "bwrap_command", broken_bwrap)
    monkeypatch.delenv("MLPREP_JUDGE_SANDBOX", raising=False)
    with WarmJudge() as warm:
        first = warm.judge(vector_sum, vector_sum.read("solution.py"), mode="run")
        second = warm.judge(vector_sum, vector_sum.read("solution.py"), mode="run")
    for result in (first, second):
        assert result.verdict == "internal_error", result.message
        assert "sandbox" in result.message and result.tests == []
        assert not result.isolation.startswith("rlimits")
    assert len(starts) >= 4  # WarmJudge.start, then each judgement: a start and a retry
    assert "weaker" not in capsys.readouterr().err


def test_rlimits_mode_is_an_explicit_visible_choice(monkeypatch, capsys, vector_sum):
    monkeypatch.setenv("MLPREP_JUDGE_SANDBOX", "rlimits")
    monkeypatch.setattr(_sandbox, "_warned", False)
    with WarmJudge() as warm:
        result = warm.judge(vector_sum, vector_sum.read("solution.py"), mode="run")
    assert result.accepted and result.isolation.startswith("rlimits")
    err = capsys.readouterr().err
    assert "MLPREP_JUDGE_SANDBOX=rlimits" in err and len(err.strip().splitlines()) == 1


def test_nothing_written_survives_to_the_next_submission(warm, vector_sum):
    if warm.isolation != "bwrap":
        pytest.skip("only bubblewrap gives a private /tmp")
    writer = (
        "def vector_sum(values):\n"
        "    open('/tmp/planted.py', 'w').write('x = 1')\n"
        "    open('/dev/shm/planted', 'w').write('x')\n"
        "    return float(sum(values))\n"
    )
    reader = (
        "import os\n\ndef vector_sum(values):\n"
        "    left = [p for p in ('/tmp/planted.py', '/dev/shm/planted') if os.path.exists(p)]\n"
        "    if left:\n        raise RuntimeError(f'found {left}')\n"
        "    return float(sum(values))\n"
    )
    assert warm.judge(vector_sum, writer, mode="run").accepted
    result = warm.judge(vector_sum, reader, mode="run")
    assert result.accepted, result.message
    # a folder the submission made unremovable (chmod 0500) is gone too: each job has
    # fresh /tmp and /dev/shm mounts, not a cleaned shared one
    locker = (HOSTILE / "locked_folders_left_behind.py").read_text()
    assert warm.judge(vector_sum, locker, mode="run").accepted
    finder = (
        "import os\n\ndef vector_sum(values):\n"
        "    left = [r for r in ('/tmp', '/dev/shm') if os.listdir(r)]\n"
        "    if left:\n        raise RuntimeError(f'found {left}')\n"
        "    return float(sum(values))\n"
    )
    result = warm.judge(vector_sum, finder, mode="run")
    assert result.accepted, result.message


def _sandbox_processes(root_pid: int) -> list[int]:
    """root_pid and all its descendants, from the host's /proc (a process that exits
    while the tree is walked is left out)."""
    found, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        try:
            children = []
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    children += [int(p) for p in fh.read().split()]
        except FileNotFoundError:
            continue
        found.append(pid)
        todo += children
    return found


def _host_ids(pid: int) -> set[int] | None:
    """The real, effective, saved and file uids and gids of pid; None once it has exited."""
    ids: set[int] = set()
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(("Uid:", "Gid:")):
                    ids |= {int(x) for x in line.split()[1:]}
    except FileNotFoundError:
        return None
    return ids


def test_no_sandbox_process_runs_as_host_root(warm, vector_sum):
    # seen from outside, on the host: bubblewrap, the zygote, each job's keeper, init
    # and the learner's process all run as an unprivileged uid and gid
    if warm.isolation != "bwrap":
        pytest.skip("bubblewrap is not available here")
    slow = (
        "import time\n\ndef vector_sum(values):\n"
        "    time.sleep(2.0)\n    return float(sum(values))\n"
    )
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(warm.judge, vector_sum, slow, mode="run")
        zygote = warm._runner._zygote
        assert zygote is not None and zygote._proc is not None
        # the job's processes appear when it starts (late on a loaded machine)
        deadline = time.monotonic() + 30
        pids = _sandbox_processes(zygote._proc.pid)
        while len(pids) < 4 and not running.done() and time.monotonic() < deadline:
            time.sleep(0.05)
            pids = _sandbox_processes(zygote._proc.pid)
        ids = {pid: found for pid in pids if (found := _host_ids(pid)) is not None}
        assert running.result().accepted
    assert len(ids) >= 2, pids
    for pid, found in ids.items():
        assert 0 not in found, (pid, found)
    if os.geteuid() != 0:
        assert all(found == {os.geteuid(), os.getegid()} for found in ids.values())


def test_refuses_to_run_the_sandbox_as_host_root(monkeypatch, vector_sum):
    if os.geteuid() != 0:
        pytest.skip("only root can ask for uid 0")
    monkeypatch.setenv("MLPREP_SANDBOX_UID", "0")
    with WarmJudge() as warm:
        result = warm.judge(vector_sum, vector_sum.read("solution.py"), mode="run")
    assert result.verdict == "internal_error"
    assert "host root" in result.message and "\n" not in result.message


NON_ROOT_UID = 65534


def test_judges_as_an_unprivileged_user(tmp_path, vector_sum):
    # The same judge started by an ordinary user: bubblewrap's user namespace maps the
    # sandbox to that user. The interpreter may sit under /root (0700), so the user's
    # process gets the folders it needs through the same launcher the judge uses as
    # root, then runs as uid 65534.
    if os.geteuid() != 0:
        user_run = [sys.executable]
    else:
        from mlprep.judging._bwrap import _as_unprivileged

        user_run = _as_unprivileged(
            [sys.executable],
            (NON_ROOT_UID, NON_ROOT_UID),
            [*_bwrap._bound_folders(sys.executable, []), str(Path(_bwrap.__file__).parents[2])],
        )
    script = (
        "import json, os, sys\n"
        "from pathlib import Path\n"
        "from mlprep.content import load_question\n"
        "from mlprep.judging import judge\n"
        f"q = load_question(Path({str(QUESTIONS / 'vector-sum')!r}))\n"
        "r = judge(q, q.read('solution.py'), mode='run')\n"
        "print(json.dumps([os.geteuid(), r.verdict, r.message, r.isolation]))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLPREP_")}
    env["HOME"] = str(tmp_path)
    os.chmod(tmp_path, 0o777)
    proc = subprocess.run(
        [*user_run, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    uid, verdict, message, isolation = json.loads(proc.stdout.strip().splitlines()[-1])
    assert uid != 0
    assert verdict == "accepted", message
    assert isolation.startswith("bubblewrap")


def test_a_venv_under_tmp_is_bound_on_top_of_the_private_tmp():
    # CI clones and throwaway venvs often live under /tmp: the private /tmp must be
    # mounted first, or it would hide them and the judge would fall back to rlimits.
    from mlprep.judging._bwrap import bwrap_command as _bwrap_command

    cmd = _bwrap_command("/usr/bin/python3", 3, ["/tmp/some-clone/.venv/lib/site-packages"]).cmd
    tmpfs_at = next(i for i, a in enumerate(cmd) if a == "--tmpfs" and cmd[i + 1] == "/tmp")
    bind_at = next(
        i
        for i, a in enumerate(cmd)
        if a == "--ro-bind" and cmd[i + 1].startswith("/tmp/some-clone")
    )
    assert cmd.index("--dev") < tmpfs_at < bind_at
    # each job mounts a fresh /tmp of its own: it binds the venv again on top of it
    config = json.loads(cmd[-1])
    [(staging, folder)] = config["keep"]
    assert folder == "/tmp/some-clone/.venv/lib/site-packages"
    assert not staging.startswith("/tmp/")
    assert cmd[cmd.index(staging) - 2 : cmd.index(staging)] == ["--ro-bind", folder]


def test_judges_from_a_virtualenv_under_tmp(vector_sum):
    # The real thing, as in a CI clone under /tmp: an interpreter whose environment lives
    # under /tmp must still import inside every job's fresh /tmp (it once failed with
    # "the reference solution does not load (lost)").
    if _bwrap.unavailable_reason() is not None:
        pytest.skip("bubblewrap is not available here")
    import tempfile

    with tempfile.TemporaryDirectory(dir="/tmp", prefix="mlprep-venv-") as root:
        venv = Path(root) / ".venv"
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        python = venv / "bin" / "python"
        site = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        # this interpreter's packages (NumPy, mlprep) reach the new venv through a .pth
        parents = [p for p in sys.path if p and Path(p).is_dir()]
        (Path(site) / "parent.pth").write_text("\n".join(parents) + "\n")
        script = (
            "import json, sys\n"
            "from pathlib import Path\n"
            "from mlprep.content import load_question\n"
            "from mlprep.judging import judge\n"
            f"q = load_question(Path({str(QUESTIONS / 'vector-sum')!r}))\n"
            "r = judge(q, q.read('solution.py'), mode='submit')\n"
            "print(json.dumps([sys.prefix, r.verdict, r.message, r.isolation]))\n"
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("MLPREP_")}
        env["MLPREP_HOME"] = root
        proc = subprocess.run(
            [str(python), "-c", script], capture_output=True, text=True, env=env, timeout=180
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    prefix, verdict, message, isolation = json.loads(proc.stdout.strip().splitlines()[-1])
    assert prefix.startswith("/tmp/")
    assert verdict == "accepted", message
    assert isolation.startswith("bubblewrap")


def test_ci_judges_inside_bubblewrap(warm):
    # The bubblewrap-only tests skip where it is missing; in CI, where ./dev installs
    # it, falling back to rlimits would hide a broken sandbox, so it is a failure.
    if not os.environ.get("CI"):
        pytest.skip("only enforced in CI (CI=true)")
    assert shutil.which("bwrap"), "./dev test installs bubblewrap; it is missing"
    assert warm.isolation == "bwrap", "bubblewrap is installed but the judge fell back"


def _zombie_children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as fh:
            for child in fh.read().split():
                with contextlib.suppress(OSError):
                    state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
                    if state == "Z":
                        found.append(int(child))
    return found


def test_a_killed_job_leaves_no_zombie_in_the_zygote(vector_sum):
    # A job's keeper killed at its time limit used to orphan the job's init; bubblewrap
    # makes the zygote pid 1, so the init was reparented to it and stayed a zombie (and
    # kept its job's control group) for as long as the zygote ran: the service, the web
    # app and the workers run for days.
    spin = "def vector_sum(values):\n    while True:\n        pass\n"
    with WarmJudge() as warm:
        if warm.isolation != "bwrap":
            pytest.skip("bubblewrap is not available here")
        for _ in range(2):
            assert warm.judge(vector_sum, spin, mode="run").verdict == "time_limit_exceeded"
        zygote = warm._runner._zygote
        assert zygote is not None and zygote._proc is not None
        (zygote_pid,) = _sandbox_processes(zygote._proc.pid)[1:2]
        deadline = time.monotonic() + 10
        while True:
            assert warm.judge(
                vector_sum, "def vector_sum(values):\n    return float(sum(values))\n", mode="run"
            ).accepted
            zombies = _zombie_children(zygote_pid)
            if not zombies or time.monotonic() > deadline:
                break
        assert zombies == []
