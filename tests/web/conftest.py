"""Fixtures of the web suite: an app over a fresh progress database, in-process."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    # Starlette 1.x nudges towards httpx2; the plain httpx client still works.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from mlprep._core import Mlprep
from mlprep.content import Bank
from mlprep.web import create_app

CODING = "mse-mae"
WRITTEN = "bias-variance"


class Browserless:
    """A TestClient plus the page-reading helpers the tests share."""

    def __init__(self, client: TestClient, core: Mlprep) -> None:
        self.client = client
        self.core = core

    def page(self, url: str) -> str:
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code, response.text[:300])
        return response.text

    def token(self, html: str | None = None) -> str:
        html = html or self.page("/settings")
        found = re.search(r'name="csrf-token" content="([^"]+)"', html)
        assert found
        return found.group(1)

    @staticmethod
    def field(html: str, name: str) -> str:
        found = re.search(rf'name="{name}" value="([^"]*)"', html)
        assert found, name
        return found.group(1)

    def wait_job(self, fragment: str, timeout: float = 60) -> str:
        """Poll a running-job fragment until the verdict arrives; return the verdict HTML."""
        found = re.search(r'data-job="([^"]+)"', fragment)
        assert found, fragment[:300]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            html = self.client.get(f"/jobs/{found.group(1)}").text
            if "verdict-box" in html:
                return html
            time.sleep(0.05)
        raise AssertionError("the job did not finish")

    @staticmethod
    def verdict(html: str) -> str:
        found = re.search(r'id="verdict">([^<]+)', html)
        assert found, html[:500]
        return found.group(1).strip()


@pytest.fixture(scope="session")
def bank() -> Bank:
    from mlprep.content import content_roots, load_bank

    return load_bank(content_roots())


@pytest.fixture
def core(tmp_path: Path, bank: Bank) -> Mlprep:
    return Mlprep(db=tmp_path / "progress.db", bank=bank)


@pytest.fixture
def web(core: Mlprep) -> Iterator[Browserless]:
    app = create_app(core, workers=2)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield Browserless(client, core)


# -- the browser (Playwright over Debian's chromium, never downloaded) -----------------

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The screenshots in docs/ are refreshed on purpose (MLPREP_UPDATE_SCREENSHOTS=1),
# not by every test run; otherwise they go to a temporary folder.
SHOTS = (
    Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    if os.environ.get("MLPREP_UPDATE_SCREENSHOTS")
    else Path(tempfile.mkdtemp(prefix="mlprep-shots-"))
)

# In CI a missing browser is a failure, not a skip.
browser_tests = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None and not os.environ.get("CI"),
    reason="Debian's chromium is not installed",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import signal

    from .test_serve import _start

    proc, url = _start(tmp_path_factory.mktemp("browser-home"))
    drain(proc)
    yield url.rstrip("/")
    proc.send_signal(signal.SIGINT)
    proc.wait(20)


def drain(proc: Any) -> None:
    """Read a server's log as it comes: a full pipe would block the server's writes."""
    import threading

    def read() -> None:
        for _line in proc.stdout:
            pass

    threading.Thread(target=read, daemon=True).start()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: str):  # type: ignore[no-untyped-def]
    # Playwright's wait_for_function evaluates strings, which our CSP forbids the page;
    # test_browser_daily.py checks the pages under the real policy.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    outside: list[str] = []
    errors: list[str] = []

    def check(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(server + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", check)
    page.on("pageerror", lambda exc: errors.append(f"{exc} (on {page.url})"))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: dialog.accept())
    page.server = server  # type: ignore[attr-defined]
    yield page
    context.close()
    assert outside == [], f"requests left the machine: {outside}"
    # Our own 4xx answers log "Failed to load resource"; anything else is a script bug.
    # (htmx reports them as "Response Status Error Code 4xx").
    own_4xx = ("Failed to load resource", "Response Status Error Code 4")
    assert [e for e in errors if not e.startswith(own_4xx) and own_4xx[0] not in e] == []


def shot(page, name: str, full_page: bool = True) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
