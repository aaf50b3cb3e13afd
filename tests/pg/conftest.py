"""A throwaway PostgreSQL server for the pg tests, and a fresh database per test.

The server is Debian's PostgreSQL (``apt-get install postgresql``): its binaries
live in ``/usr/lib/postgresql/<version>/bin``, outside PATH. For one test session
we ``initdb`` a cluster into a temporary folder, start it on a free loopback port
(its unix socket stays in that folder) and stop it and delete the folder at the end.
PostgreSQL refuses to run as root, and tests run as root in CI, so then the server
runs as the unprivileged ``postgres`` user and the folder belongs to that user.

``MLPREP_TEST_PG_URL`` (an admin URL such as
``postgresql+psycopg://postgres:secret@localhost:5432/postgres``) uses a server you
already run instead; the tests create and drop their own databases on it.

Without PostgreSQL the tests fail when ``CI`` is set (so CI cannot silently stop
testing PostgreSQL) and are skipped, with the reason, on a developer machine.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import URL, make_url

SUPERUSER = "postgres"
SERVER_USER = "postgres"  # the OS account the server runs as when tests run as root
START_TIMEOUT_S = 30


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> None:
    """Fail in CI, skip elsewhere: CI must never quietly stop testing PostgreSQL."""
    if _in_ci():
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


def _version_key(bin_dir: str) -> tuple[int, ...]:
    version = Path(bin_dir).parent.name
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def find_pg_bin() -> Path | None:
    """The newest Debian PostgreSQL bin folder, else initdb/pg_ctl found on PATH."""
    debian = [
        d
        for d in glob.glob("/usr/lib/postgresql/*/bin")
        if os.access(os.path.join(d, "initdb"), os.X_OK)
        and os.access(os.path.join(d, "pg_ctl"), os.X_OK)
    ]
    if debian:
        return Path(max(debian, key=_version_key))
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent
    return None


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PgServer:
    """Where the test server listens, and how to make databases on it."""

    admin_url: URL  # connects to the maintenance database as a superuser

    def url_for(self, database: str) -> str:
        return self.admin_url.set(database=database).render_as_string(hide_password=False)

    def _admin(self) -> Any:
        import psycopg

        url = self.admin_url
        return psycopg.connect(
            host=url.host,
            port=url.port,
            user=url.username,
            password=url.password,
            dbname=url.database,
            autocommit=True,
            connect_timeout=10,
        )

    def create_database(self) -> str:
        name = f"mlprep_test_{uuid.uuid4().hex[:12]}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class _Cluster:
    """One initdb'd cluster in a temporary folder, run as an unprivileged user."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(prefix="mlprep-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.password = secrets.token_urlsafe(16)
        self.port = 0
        self.started = False
        if self.as_root:
            account = pwd.getpwnam(SERVER_USER)
            os.chown(self.root, account.pw_uid, account.pw_gid)
        self.root.chmod(0o700)

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(
            command,
            cwd=self.root,  # the server user cannot read root's working directory
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def _write_as_server_user(self, path: Path, text: str) -> None:
        path.write_text(text)
        path.chmod(0o600)
        if self.as_root:
            account = pwd.getpwnam(SERVER_USER)
            os.chown(path, account.pw_uid, account.pw_gid)

    def init(self) -> None:
        pwfile = self.root / "pwfile"
        self._write_as_server_user(pwfile, self.password + "\n")
        done = self._run(
            "initdb",
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--pwfile",
            str(pwfile),
            "--auth-local",
            "scram-sha-256",
            "--auth-host",
            "scram-sha-256",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
            "--no-sync",
        )
        pwfile.unlink()
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> None:
        # A throwaway cluster: durability settings off to keep the suite fast.
        # Transactions, locks and constraints behave exactly as with them on.
        last_error = ""
        for _ in range(3):  # the free port can be taken between probe and bind
            self.port = _free_loopback_port()
            options = " ".join(
                [
                    "-c listen_addresses=127.0.0.1",
                    f"-c port={self.port}",
                    f"-c unix_socket_directories={self.root}",
                    "-c fsync=off",
                    "-c synchronous_commit=off",
                    "-c full_page_writes=off",
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
                str(START_TIMEOUT_S),
                "start",
                timeout=START_TIMEOUT_S + 10,
            )
            if done.returncode == 0:
                self.started = True
                return
            last_error = f"{done.stdout}\n{done.stderr}\n{self._log_tail()}"
        raise RuntimeError(f"pg_ctl start failed:\n{last_error}")

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.started:
            self._run("pg_ctl", "--pgdata", str(self.data), "--mode", "immediate", "stop")
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def admin_url(self) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=SUPERUSER,
            password=self.password,
            host="127.0.0.1",
            port=self.port,
            database="postgres",
        )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("the psycopg driver is not installed (pip install 'psycopg[binary]')")

    given = os.environ.get("MLPREP_TEST_PG_URL")
    if given:
        yield PgServer(make_url(given))
        return

    bin_dir = find_pg_bin()
    if bin_dir is None:
        _unavailable(
            "no PostgreSQL server binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin "
            "or on PATH; install them with 'apt-get install postgresql'"
        )
        return
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            _unavailable(f"running as root and there is no '{SERVER_USER}' user to run the server")
        if shutil.which("runuser") is None:
            _unavailable("running as root and 'runuser' (util-linux) is missing")

    cluster = _Cluster(bin_dir)
    try:
        cluster.init()
        cluster.start()
    except Exception:
        cluster.stop()
        raise
    try:
        yield PgServer(cluster.admin_url)
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The SQLAlchemy URL of a new, empty database, dropped after the test."""
    name = pg_server.create_database()
    try:
        yield pg_server.url_for(name)
    finally:
        pg_server.drop_database(name)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "pg: needs a PostgreSQL server (started by tests/pg/conftest.py)"
    )
