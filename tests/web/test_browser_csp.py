"""The pages work under their real Content-Security-Policy in chromium (no bypass)."""

from __future__ import annotations

from .conftest import CODING, WRITTEN, browser_tests

pytestmark = browser_tests


def test_pages_run_under_the_csp_without_violations(browser, server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text))
    page.on("pageerror", lambda exc: messages.append(str(exc)))
    page.on("dialog", lambda dialog: dialog.accept())
    try:
        page.goto(f"{server}/q/{CODING}")
        page.wait_for_selector(".code-editor .cm-content")  # the bundled editor runs
        page.goto(f"{server}/q/batch-norm-forward")
        page.wait_for_selector(".math .katex")  # KaTeX renders
        page.goto(f"{server}/q/{WRITTEN}")
        page.click("#next-hint")  # htmx posts and swaps
        page.wait_for_selector("ol.hints li")
        page.goto(f"{server}/")
        page.select_option("select[name=category]", "coding")
        page.wait_for_url("**category=coding**")
        for url in ("/practice", "/mock", "/progress", "/settings", "/nowhere"):
            page.goto(server + url)
    finally:
        context.close()
    violations = [m for m in messages if "Content Security Policy" in m]
    assert violations == []
