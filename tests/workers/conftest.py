"""Real PostgreSQL, real worker processes, and (as root) simulated hosts.

The server is tests/pg's throwaway cluster, reused; here it also listens on a
bridge this session makes, so each worker can run in its own network namespace
joined to that bridge by a veth pair: a host of its own, whose link a test can cut.
Where namespaces cannot be made (not root, no ``ip``), workers run as separate
processes on loopback and the tests say so (see ``hosts.reason``).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import URL

_spec = importlib.util.spec_from_file_location(
    "mlprep_tests_pg_fixtures", Path(__file__).parents[1] / "pg" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_pg = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = _pg  # dataclasses look their module up there
_spec.loader.exec_module(_pg)

REPO = Path(__file__).resolve().parents[2]
# Questions without growth measurement, so a run is all verdicts.
QUESTIONS = ("ab-test-sample-size", "layer-norm-forward", "information-measures")
# The link timeouts of the workers' URL (libpq options in its query string, as
# docs/database.md says; a worker's defaults notice a dead link in ~15 s): a cut link
# is noticed in ~3 s, so a cut of a few seconds more tests what a long cut would.
LINK_TIMEOUTS = {
    "connect_timeout": "3",
    "keepalives_idle": "1",
    "keepalives_interval": "1",
    "keepalives_count": "2",
    "tcp_user_timeout": "3000",
}


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check, timeout=20)


@dataclass
class Hosts:
    """Simulated worker hosts: network namespaces on a bridge, or plain loopback."""

    count: int
    isolated: bool = False
    reason: str = ""
    prefix: str = ""
    subnet: str = ""  # the first three octets, e.g. 10.231.17
    namespaces: list[str] = field(default_factory=list)

    @property
    def server_address(self) -> str:
        return f"{self.subnet}.1" if self.isolated else "127.0.0.1"

    def namespace(self, index: int) -> str | None:
        return self.namespaces[index % len(self.namespaces)] if self.isolated else None

    def link(self, index: int) -> str:
        return f"{self.prefix}{index}n"

    def set_link(self, index: int, up: bool) -> None:
        """Take the host's end of a worker's veth pair down (or up again).

        The worker's own interface stays up with its routes, so its packets are
        lost on the way, as when a cable or a switch fails: its connections hang
        rather than fail at once.
        """
        assert self.isolated, "a link can be cut only between namespaces"
        _ip("link", "set", f"{self.prefix}{index}h", "up" if up else "down")

    def create(self) -> None:
        if os.geteuid() != 0 or shutil.which("ip") is None:
            self.reason = "not root or no 'ip' command: workers run on loopback"
            return
        tag = os.getpid() % 9000 + 1000
        self.prefix = f"mw{tag}"
        self.subnet = f"10.231.{os.getpid() % 250 + 1}"
        bridge = f"{self.prefix}br"
        try:
            _ip("link", "add", bridge, "type", "bridge")
            _ip("addr", "add", f"{self.subnet}.1/24", "dev", bridge)
            _ip("link", "set", bridge, "up")
            for i in range(self.count):
                ns, host_end, ns_end = f"{self.prefix}ns{i}", f"{self.prefix}{i}h", self.link(i)
                _ip("netns", "add", ns)
                self.namespaces.append(ns)
                _ip("link", "add", host_end, "type", "veth", "peer", "name", ns_end)
                _ip("link", "set", host_end, "master", bridge)
                _ip("link", "set", host_end, "up")
                _ip("link", "set", ns_end, "netns", ns)
                _ip(
                    "netns",
                    "exec",
                    ns,
                    "ip",
                    "addr",
                    "add",
                    f"{self.subnet}.{10 + i}/24",
                    "dev",
                    ns_end,
                )
                _ip("netns", "exec", ns, "ip", "link", "set", ns_end, "up")
                _ip("netns", "exec", ns, "ip", "link", "set", "lo", "up")
            self.isolated = True
        except (subprocess.CalledProcessError, OSError) as exc:
            detail = exc.stderr.strip() if isinstance(exc, subprocess.CalledProcessError) else exc
            self.reason = f"network namespaces not permitted here ({detail}): loopback instead"
            self.destroy()

    def destroy(self) -> None:
        for ns in self.namespaces:
            _ip("netns", "del", ns, check=False)
        if self.prefix:
            for i in range(self.count):
                _ip("link", "del", f"{self.prefix}{i}h", check=False)
            _ip("link", "del", f"{self.prefix}br", check=False)
        self.namespaces.clear()
        self.isolated = False


class Cluster(_pg._Cluster):  # type: ignore[name-defined,misc]
    """tests/pg's cluster, listening on the bridge too, and restartable."""

    def __init__(self, bin_dir: Path, hosts: Hosts) -> None:
        super().__init__(bin_dir)
        self.hosts = hosts

    def start(self) -> None:
        listen = "127.0.0.1" + (f",{self.hosts.server_address}" if self.hosts.isolated else "")
        hba = self.data / "pg_hba.conf"
        if self.hosts.isolated and self.hosts.subnet not in hba.read_text():
            with open(hba, "a") as handle:
                handle.write(f"host all all {self.hosts.subnet}.0/24 scram-sha-256\n")
        self.port = _pg._free_loopback_port()
        options = " ".join(
            [
                f"-c listen_addresses={listen}",
                f"-c port={self.port}",
                f"-c unix_socket_directories={self.root}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=200",
            ]
        )
        done = self._run(
            "pg_ctl",
            "--pgdata",
            str(self.data),
            "--log",
            str(self.log),
            "--options",
            options,
            "--wait",
            "--timeout",
            "30",
            "start",
            timeout=40,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed:\n{done.stdout}\n{done.stderr}")
        self.started = True

    def restart(self) -> None:
        """Stop (fast: every connection is cut) and start again on the same port."""
        done = self._run(
            "pg_ctl",
            "--pgdata",
            str(self.data),
            "--log",
            str(self.log),
            "--mode",
            "fast",
            "--wait",
            "restart",
            timeout=60,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl restart failed:\n{done.stdout}\n{done.stderr}")

    def url(
        self, database: str, *, host: str = "127.0.0.1", query: dict[str, str] | None = None
    ) -> str:
        return URL.create(
            "postgresql+psycopg",
            username=_pg.SUPERUSER,
            password=self.password,
            host=host,
            port=self.port,
            database=database,
            query=query or {},
        ).render_as_string(hide_password=False)


@dataclass
class QueueServer:
    cluster: Cluster
    hosts: Hosts
    server: Any  # tests/pg's PgServer: creates and drops databases

    def new_database(self) -> str:
        return str(self.server.create_database())


@pytest.fixture(scope="session")
def queue_server() -> Iterator[QueueServer]:
    try:
        import procrastinate  # noqa: F401
        import psycopg  # noqa: F401
    except ImportError:
        _pg._unavailable("procrastinate/psycopg not installed (pip install -e '.[workers]')")
    bin_dir = _pg.find_pg_bin()
    if bin_dir is None:
        _pg._unavailable("no PostgreSQL server binaries; apt-get install postgresql")
        return
    hosts = Hosts(count=4)
    hosts.create()
    cluster = Cluster(bin_dir, hosts)
    try:
        cluster.init()
        cluster.start()
    except Exception:
        cluster.stop()
        hosts.destroy()
        raise
    try:
        yield QueueServer(cluster, hosts, _pg.PgServer(cluster.admin_url))
    finally:
        cluster.stop()
        hosts.destroy()


@pytest.fixture
def queue_db(queue_server: QueueServer) -> Iterator[str]:
    """A new database (loopback URL), migrated, with the queue's tables."""
    from mlprep.store import Store
    from mlprep.workers import ensure_queue_schema

    name = queue_server.new_database()
    url = queue_server.cluster.url(name)
    Store(url).close()
    ensure_queue_schema(url)
    try:
        yield url
    finally:
        queue_server.server.drop_database(name)


@dataclass
class WorkerProcess:
    index: int
    process: subprocess.Popen[bytes]
    log: Path
    name: str = ""
    started_at: float = field(default_factory=time.monotonic)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(30)

    def terminate(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)


class Workers:
    """Start ``mlprep worker`` processes, each on its simulated host."""

    def __init__(self, server: QueueServer, database_url: str, folder: Path) -> None:
        self.server = server
        self.database = database_url.rsplit("/", 1)[1]
        self.folder = folder
        self.started: list[WorkerProcess] = []

    def start(self, index: int, *extra: str) -> WorkerProcess:
        hosts = self.server.hosts
        name = f"w{index}-{len(self.started)}"
        host = hosts.server_address if hosts.namespace(index) else "127.0.0.1"
        url = self.server.cluster.url(self.database, host=host, query=LINK_TIMEOUTS)
        command = [
            sys.executable,
            "-m",
            "mlprep",
            "worker",
            "--db",
            url,
            "--concurrency",
            "1",
            "--heartbeat",
            "1",
            "--stall-timeout",
            "5",
            "--shutdown-timeout",
            "20",
            "--max-tries",
            "10",
            "--name",
            name,
            "--verbose",
            *extra,
        ]
        ns = hosts.namespace(index)
        if ns is not None:
            command = ["ip", "netns", "exec", ns, *command]
        log = self.folder / f"worker-{index}-{len(self.started)}.log"
        env = {**os.environ, "MLPREP_HOME": str(self.folder / "home")}
        with open(log, "wb") as out:
            process = subprocess.Popen(
                command,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=REPO,
                start_new_session=True,
            )
        worker = WorkerProcess(index, process, log, name)
        self.started.append(worker)
        return worker

    def stop_all(self) -> None:
        for worker in self.started:
            worker.kill()

    def logs(self) -> str:
        parts = []
        for worker in self.started:
            tail = worker.log.read_text(errors="replace").splitlines()[-8:]
            parts.append(
                f"--- {worker.log.name} (exit {worker.process.poll()})\n" + "\n".join(tail)
            )
        return "\n".join(parts)


@pytest.fixture
def workers(queue_server: QueueServer, queue_db: str, tmp_path: Path) -> Iterator[Workers]:
    pool = Workers(queue_server, queue_db, tmp_path)
    try:
        yield pool
    finally:
        pool.stop_all()


def wait_until(condition: Any, timeout: float, what: str, every: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
