"""The service's life and its security, with real processes: who may connect, what
replaces a stale service, concurrent clients, the idle exit and kill -9 mid-command."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_helpers import CLIENT, PY, Home, alive, children_of, make_home, services_of

import mlprep

BANK = Path(mlprep.__file__).parent / "bank"
KMEANS = BANK / "coding" / "k-means"
NOBODY = 65534
AS_NOBODY = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
SLOW = """
import time
{solution}
_real = k_means_clustering
def k_means_clustering(data_points, k, initial_centroids):
    time.sleep({pause})
    return _real(data_points, k, initial_centroids)
"""
# A connection as another user: the request a client sends, without descriptors.
AS_OTHER_USER = """
import json, socket, struct, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
try:
    s.connect(sys.argv[1])
except OSError as exc:
    print(type(exc).__name__)
    raise SystemExit(0)
body = json.dumps({"op": "run", "argv": ["list"]}).encode()
try:
    s.sendall(struct.pack(">I", len(body)) + body)
    s.settimeout(60)
    print("answered" if s.recv(100) else "closed")
except OSError:  # closed before or while we wrote
    print("closed")
"""


def _slow_solution(folder: Path, pause: float) -> Path:
    path = folder / "slow.py"
    path.write_text(SLOW.format(solution=(KMEANS / "solution.py").read_text(), pause=pause))
    return path


def _as_nobody(home: Home) -> str:
    script = home.path.parent / "other_user.py"
    script.write_text(AS_OTHER_USER)
    os.chmod(script, 0o644)
    proc = subprocess.run(
        [*AS_NOBODY, "/usr/bin/python3", "-I", str(script), str(home.socket)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.fixture
def open_home() -> Iterator[Home]:
    """A home whose parent folders another user can traverse (pytest's are private)."""
    base = Path(tempfile.mkdtemp(prefix="mlprep-service-"))
    os.chmod(base, 0o711)
    made = make_home(base / "home")
    os.chmod(made.path, 0o755)  # the home may be open: the service folder is not
    try:
        yield made
    finally:
        made.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root")
def test_another_user_cannot_connect(open_home: Home) -> None:
    home = open_home
    home.start()
    folder_mode = os.stat(home.folder).st_mode & 0o777
    assert folder_mode == 0o700 and os.stat(home.socket).st_mode & 0o777 == 0o600
    assert _as_nobody(home) == "PermissionError"
    # even with the folder and socket opened up, the service checks who is calling
    os.chmod(home.folder, 0o777)
    os.chmod(home.socket, 0o777)
    try:
        assert _as_nobody(home) == "closed"
        assert f"refused a connection from uid {NOBODY}" in home.log()
        # and its owner's client no longer trusts a folder others can write to
        opened = home.run("show", "k-means")
        assert opened.code == 0 and not opened.served
    finally:
        os.chmod(home.folder, 0o700)
        os.chmod(home.socket, 0o600)
    again = home.run("show", "k-means")
    assert again.code == 0 and again.served and again.stdout == opened.stdout


def test_a_stale_socket_is_replaced(home: Home) -> None:
    first = home.start()
    os.kill(first, signal.SIGKILL)
    while alive(first):
        time.sleep(0.05)
    assert home.socket.exists()  # left behind, nobody listening
    fallback = home.run("list", "--json")
    assert fallback.code == 0 and not fallback.served
    second = home.wait_for_service(other_than=first)  # started by that client at exit
    served = home.run("list", "--json")
    assert served.served and served.stdout == fallback.stdout
    assert services_of(home.path) == [second]


def test_the_second_command_starts_the_service(home: Home) -> None:
    first = home.run("show", "k-means")
    assert first.code == 0 and not first.served
    time.sleep(2)
    assert home.folder.is_dir() and services_of(home.path) == []  # a one-off leaves none
    second = home.run("show", "k-means")
    assert second.code == 0 and not second.served
    home.wait_for_service()
    third = home.run("show", "k-means")
    assert third.served and third.stdout == first.stdout


def test_a_missing_data_folder_is_not_created(home: Home, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-home"
    for _ in range(2):
        shown = home.run("show", "k-means", MLPREP_HOME=str(missing))
        assert shown.code == 0 and not shown.served
    assert not missing.exists()


def test_clients_starting_at_once_make_one_service(home: Home) -> None:
    assert home.run("list").code == 0  # the first command in a folder starts none
    procs = [
        subprocess.Popen(
            [PY, "-c", CLIENT, "show", "bias-variance"],
            env={**home.env, "MODULES_OUT": str(home.path / f"m{i}.json")},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for i in range(4)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    assert len({out for out, _err in outputs}) == 1
    pid = home.wait_for_service()
    deadline = time.monotonic() + 120
    while len(services_of(home.path)) > 1 and time.monotonic() < deadline:
        time.sleep(0.2)  # the other three found the lock taken and are leaving
    assert services_of(home.path) == [pid]


def test_commands_at_once_are_all_served(served_home: Home) -> None:
    home = served_home
    slow = _slow_solution(home.path, 0.3)
    judge = subprocess.Popen(
        [PY, "-c", CLIENT, "judge", "k-means", str(slow), "--run"],
        env={**home.env, "MODULES_OUT": str(home.path / "judge.json")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    shows = [home.run("show", "k-means") for _ in range(3)]
    out, err = judge.communicate(timeout=600)
    assert judge.returncode == 0, err
    assert out.startswith(b"Accepted  k-means")
    assert json.loads((home.path / "judge.json").read_text()) == []  # served
    assert all(s.served and s.code == 0 for s in shows)
    assert len({s.stdout for s in shows}) == 1
    assert services_of(home.path) == [home.pid()]


def test_the_service_exits_when_idle(home: Home) -> None:
    # idle counts from serving: 10 s leaves a client on a loaded CI machine time to start
    # and connect before the service may leave
    pid = home.start(MLPREP_SERVICE_IDLE="10")
    assert home.run("list").served
    deadline = time.monotonic() + 180
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(pid)
    assert not home.socket.exists() and "idle: exiting" in home.log()


def _worker_of(service: int, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for child in children_of(service):
            try:
                cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            except OSError:
                continue
            if b"mlprep._service" in cmdline:  # a fork of the service, not its sandbox
                return child
        time.sleep(0.02)
    raise AssertionError("no worker appeared")


def _attempts(home: Home) -> int:
    with sqlite3.connect(home.path / "progress.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(db.execute("SELECT count(*) FROM attempt").fetchone()[0])


def _judge_in_background(home: Home, pause: float) -> subprocess.Popen[bytes]:
    assert home.run("hint", "k-means").served  # creates the database
    slow = _slow_solution(home.path, pause)
    return subprocess.Popen(
        [PY, "-c", CLIENT, "judge", "k-means", str(slow)],
        env={**home.env, "MODULES_OUT": str(home.path / "judge.json")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_kill_9_of_a_worker_mid_command_is_one_line(served_home: Home) -> None:
    home = served_home
    service = home.pid()
    assert service is not None and alive(service)
    judge = _judge_in_background(home, 0.5)
    worker = _worker_of(service)
    time.sleep(1.0)
    os.kill(worker, signal.SIGKILL)
    out, err = judge.communicate(timeout=600)
    assert judge.returncode == 75, (out, err)
    lines = err.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the mlprep service stopped"), err
    assert b"Traceback" not in out + err
    assert _attempts(home) == 0  # nothing half-written
    after = home.run("stats", "--json")
    assert after.served and after.code == 0 and alive(service)


def test_kill_9_of_the_service_mid_command_loses_nothing(home: Home) -> None:
    service = home.start()
    judge = _judge_in_background(home, 0.3)
    _worker_of(service)
    time.sleep(1.0)
    os.kill(service, signal.SIGKILL)
    out, err = judge.communicate(timeout=900)
    assert b"Traceback" not in out + err
    if judge.returncode == 0:  # the worker judged on, in a sandbox of its own
        assert out.startswith(b"Accepted  k-means") and _attempts(home) == 1
    else:
        assert judge.returncode == 75 and len(err.splitlines()) == 1, err
        assert _attempts(home) == 0
    after = home.run("stats", "--json")  # in process: the socket is stale
    assert after.code == 0 and not after.served
    assert home.wait_for_service(other_than=service) != service


OTHER_VERSION = (
    "import mlprep._version as v; v.__version__ = '0.0.0-other'; "
    "from mlprep._service._server import main; raise SystemExit(main())"
)


def test_another_version_steps_aside_for_this_one(home: Home) -> None:
    old = home.start(code=OTHER_VERSION)
    shown = home.run("show", "k-means")
    assert shown.code == 0 and not shown.served  # never served by the other version
    new = home.wait_for_service(other_than=old)
    deadline = time.monotonic() + 60
    while alive(old) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(old) and "stale: another mlprep" in home.log()
    again = home.run("show", "k-means")
    assert again.served and again.stdout == shown.stdout and alive(new)


def test_no_service_forces_the_command_in_process(served_home: Home) -> None:
    home = served_home
    forced = home.run("show", "k-means", MLPREP_NO_SERVICE="1")
    served = home.run("show", "k-means")
    assert not forced.served and served.served and forced.stdout == served.stdout


def test_edited_content_is_seen_at_once(home: Home, tmp_path: Path) -> None:
    content = tmp_path / "content"
    mine = content / "theory" / "my-trade-off"
    shutil.copytree(BANK / "theory" / "bias-variance", mine)
    toml = mine / "question.toml"
    toml.write_text(
        toml.read_text()
        .replace('id = "bias-variance"', 'id = "my-trade-off"')
        .replace('title = "Bias, variance and the trade-off"', 'title = "First title"')
    )
    home.env["MLPREP_CONTENT"] = str(content)
    home.start()
    first = home.run("list", "--json")
    assert first.served and b'"title": "First title"' in first.stdout
    toml.write_text(toml.read_text().replace("First title", "Second title"))
    second = home.run("list", "--json")
    assert second.served and b'"title": "Second title"' in second.stdout


def test_ctrl_c_reaches_the_worker(served_home: Home) -> None:
    home = served_home
    service = home.pid()
    assert service is not None and alive(service)
    judge = _judge_in_background(home, 0.5)
    worker = _worker_of(service)
    time.sleep(1.0)
    judge.send_signal(signal.SIGINT)  # what the terminal sends the client on Ctrl-C
    out, err = judge.communicate(timeout=600)
    assert judge.returncode == 130, (out, err)
    assert err.endswith(b"interrupted\n") and b"Traceback" not in err
    deadline = time.monotonic() + 60
    while alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(worker) and alive(service)
    assert _attempts(home) == 0


def test_ctrl_c_in_process_says_interrupted(home: Home) -> None:
    """Without the service the same Ctrl-C gives the same line and code."""
    assert home.run("hint", "k-means", MLPREP_NO_SERVICE="1").code == 0
    slow = _slow_solution(home.path, 0.5)
    judge = subprocess.Popen(
        [PY, "-m", "mlprep", "judge", "k-means", str(slow)],
        env={**home.env, "MLPREP_NO_SERVICE": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(2.0)
    judge.send_signal(signal.SIGINT)
    out, err = judge.communicate(timeout=600)
    assert judge.returncode == 130, (out, err)
    assert err.endswith(b"interrupted\n") and b"Traceback" not in err
    assert _attempts(home) == 0
