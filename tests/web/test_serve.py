"""`mlprep serve` binds to 127.0.0.1 by default, prints its address and serves pages."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "MLPREP_HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlprep", "serve", "--no-browser", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        found = re.search(r"running at (http://\S+)", line)
        if found:
            return proc, found.group(1)
    proc.kill()
    raise AssertionError("the server did not print its address")


def test_serve_defaults_to_loopback(tmp_path: Path) -> None:
    proc, url = _start(tmp_path)
    try:
        assert url.startswith("http://127.0.0.1:")
        for _ in range(50):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert response.status == 200
                    assert "Catalogue" in response.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("no answer from " + url)
        if shutil.which("ss"):  # iproute2: check the listening socket itself
            listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout
            port = url.rsplit(":", 1)[1].strip("/")
            mine = [ln for ln in listening.splitlines() if f":{port} " in ln]
            assert mine and all("127.0.0.1:" in ln for ln in mine)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(20)
    assert (tmp_path / "progress.db").exists()


def test_serve_refuses_a_port_in_use(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {**os.environ, "MLPREP_HOME": str(tmp_path)}
        done = subprocess.run(
            [sys.executable, "-m", "mlprep", "serve", "--no-browser", "--port", str(port)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
    assert done.returncode == 2 and "cannot listen" in done.stderr


def test_serve_on_every_interface_prints_an_address_a_browser_can_open(tmp_path: Path) -> None:
    proc, url = _start(tmp_path, "--host", "0.0.0.0")
    try:
        assert url.startswith("http://127.0.0.1:"), url
        for _ in range(50):
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    assert response.status == 200
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("no answer from " + url)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(20)


def test_the_printed_address_accepts_connections_at_once(tmp_path: Path) -> None:
    # a browser opened on the printed address while the app still starts must wait in
    # the listen backlog, not be refused (it was: the socket listened only later)
    proc, url = _start(tmp_path)
    try:
        host, port = url.removeprefix("http://").rstrip("/").rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=30):
            pass
    finally:
        proc.kill()
        proc.wait(20)
