"""A submission that forges its reports and prints markup: the web shows it inert."""

from __future__ import annotations

import json
import re

from .conftest import CODING, Browserless

# Replaces the child's frame writer: absurd times on every report, and output that
# would be markup, an escape sequence and a lone surrogate.
FORGER = """
import sys
_wire = next(m for m in list(sys.modules.values()) if "pack_frame" in getattr(m, "__dict__", {}))
_pack = _wire.pack_frame

def _forged(msg):
    if msg.get("t") == "done":
        msg = dict(msg, time_ms=1.5e308, cpu_ms=1.5e308)
    return _pack(msg)

_wire.pack_frame = _forged
print("<script>alert(1)</script>\\x1b]0;pwned\\x07 \\ud800")

def mse_mae(y_true, y_pred):
    return (0.0, 0.0)
"""

PRINTER = """
print("<script>alert(1)</script>\\x1b[32mAccepted")

def mse_mae(y_true, y_pred):
    print("<img src=x onerror=alert(2)>")
    return (0.0, 0.0)
"""


def _no_constants(name: str) -> None:
    raise AssertionError(f"non-standard JSON: {name}")


def _submit(web: Browserless, source: str, submission: str) -> tuple[str, str]:
    response = web.client.post(
        f"/q/{CODING}/submit",
        data={"csrf": web.token(), "source": source, "submission": submission},
    )
    assert response.status_code == 200, response.text[:300]
    html = web.wait_job(response.text)
    job_id = re.search(r'data-job="([^"]+)"', response.text).group(1)  # type: ignore[union-attr]
    return html, job_id


def test_forged_reports_give_a_verdict_and_standard_json(web: Browserless) -> None:
    html, job_id = _submit(web, FORGER, "forged")
    assert web.verdict(html) == "Forbidden"
    response = web.client.get(f"/jobs/{job_id}.json")
    assert response.status_code == 200
    doc = json.loads(response.text, parse_constant=_no_constants)
    assert doc["result"]["verdict"] == "forbidden"
    assert "<script>" not in html and "&lt;script&gt;" in html
    [attempt] = web.core.store.attempts(question_id=CODING)
    assert attempt.verdict == "forbidden"
    json.loads(attempt.result_json or "", parse_constant=_no_constants)


def test_printed_markup_is_escaped(web: Browserless) -> None:
    html, _ = _submit(web, PRINTER, "printer")
    assert web.verdict(html) == "Wrong answer"
    assert "<script>" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
