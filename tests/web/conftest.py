"""Fixtures of the web suite: an app over a fresh progress database, in-process."""

from __future__ import annotations

import re
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

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
