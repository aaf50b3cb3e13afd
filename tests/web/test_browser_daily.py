"""Daily use in chromium: drafts survive a reload and a server restart, the editor.

Each test fails if a request leaves 127.0.0.1 or the page logs a script error
(the ``page`` fixture); the restart test runs its own server on a fixed port.
"""

from __future__ import annotations

import signal
import socket
from pathlib import Path

from .conftest import CODING, WRITTEN, browser_tests, drain, shot

pytestmark = browser_tests

SET_CODE = "t => window.mlprepEditor.setText(document.querySelector('textarea[name=source]'), t)"
EDITOR_TEXT = (
    "() => document.querySelector('textarea[name=source]').editorView.state.doc.toString()"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_drafts_survive_reload_and_restart_and_send_again_works(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from .test_serve import _start

    port = _free_port()
    proc, url = _start(tmp_path, "--port", str(port))
    drain(proc)
    server = url.rstrip("/")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{server}/q/{CODING}")
        page.wait_for_selector(".code-editor .cm-content")
        page.evaluate(SET_CODE, "def mse_mae(y_true, y_pred):\n    return 'draft one'\n")
        assert page.evaluate("window.mlprepDraft.pending()")
        # While a save is pending, leaving the page asks first.
        prevented = page.evaluate(
            "() => { const e = new Event('beforeunload', {cancelable: true});"
            " window.dispatchEvent(e); return e.defaultPrevented; }"
        )
        assert prevented
        page.wait_for_selector("#draft-status:has-text('Draft saved')")
        assert not page.evaluate("window.mlprepDraft.pending()")
        page.reload()
        page.wait_for_selector(".code-editor .cm-content")
        assert "draft one" in page.evaluate(EDITOR_TEXT)

        # The server stops and starts again; the page stays open with an old token.
        proc.send_signal(signal.SIGINT)
        proc.wait(20)
        proc, _ = _start(tmp_path, "--port", str(port))
        drain(proc)
        page.evaluate(SET_CODE, "def mse_mae(y_true, y_pred):\n    return 'draft two'\n")
        page.wait_for_selector("#draft-status:has-text('Draft saved')")  # after a token refresh
        page.click("#submit")
        page.wait_for_selector("#verdict")  # the first send after the restart: 403 at most
        if "403" in page.inner_text("#result") or "earlier session" in page.inner_text("#result"):
            page.click("#submit")  # "send it again" works without a reload
            page.wait_for_function(
                "document.querySelector('#verdict') && "
                "!document.querySelector('#result').textContent.includes('earlier session')"
            )
        assert page.inner_text("#verdict").startswith("Wrong answer")
        page.reload()
        page.wait_for_selector(".code-editor .cm-content")
        assert "draft two" in page.evaluate(EDITOR_TEXT)
    finally:
        context.close()
        proc.send_signal(signal.SIGINT)
        proc.wait(20)
    assert errors == []


def test_stale_token_submit_then_send_again(page) -> None:  # type: ignore[no-untyped-def]
    """As after a restart: the page's token is wrong; one 403, then sending again works."""
    page.goto(f"{page.server}/q/{WRITTEN}")
    page.evaluate(
        "() => { document.querySelectorAll('input[name=csrf]').forEach(i => i.value = 'old');"
        " document.body.setAttribute('hx-headers', JSON.stringify({'X-CSRF-Token': 'old'})); }"
    )
    page.fill("textarea[name=answer]", "Bias is systematic error; variance is sensitivity.")
    page.click("#submit")
    page.wait_for_selector("#result .message.error")
    assert "earlier session" in page.inner_text("#result")
    page.wait_for_function(
        "document.querySelector('input[name=csrf]').value !== 'old'"
    )  # the page fetched the current token
    page.click("#submit")
    page.wait_for_selector("#verdict")
    assert page.inner_text("#verdict").startswith("Score")
    assert page.input_value("textarea[name=answer]").startswith("Bias is systematic")


def test_editor_keyboard_focus_reset_and_line_numbers(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{page.server}/q/{CODING}")
    page.wait_for_selector(".code-editor .cm-content")
    content = page.locator(".code-editor .cm-content")
    assert content.get_attribute("aria-label") == "Code editor: your solution"
    help_id = content.get_attribute("aria-describedby")
    assert help_id and "Escape, then Tab" in page.inner_text(f"#{help_id}")
    # Line numbers line up with the code on first load, before any click.
    measure = """() => {
      const lines = [...document.querySelectorAll('.code-editor .cm-line')];
      const numbers = [...document.querySelectorAll('.code-editor .cm-lineNumbers .cm-gutterElement')]
        .filter(e => /^\\d+$/.test(e.textContent) && e.style.visibility !== 'hidden');
      return numbers.map(n => Math.abs(
        n.getBoundingClientRect().top - lines[Number(n.textContent) - 1].getBoundingClientRect().top
      ));
    }"""  # noqa: E501
    first = page.evaluate(measure)
    assert len(first) >= 5 and max(first) < 1.0, first
    page.evaluate(SET_CODE, "\n".join(f"x{i} = {i}" for i in range(1, 13)))
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    drift = page.evaluate(measure)
    assert len(drift) >= 12 and max(drift) < 1.0, drift
    # Tab indents inside the editor; Escape then Tab moves on to the next control.
    content.click()
    page.keyboard.press("End")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('cm-content')")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.classList.contains('cm-content')")
    # After Run, the keyboard is back in the editor.
    page.click("#run")
    page.wait_for_selector("#verdict")
    page.wait_for_function("document.activeElement.classList.contains('cm-content')")
    # Reset to starter brings the starter code back.
    page.click("#reset-starter")
    starter = page.evaluate("document.getElementById('starter-code').value")
    assert page.evaluate(EDITOR_TEXT) == starter and "def mse_mae" in starter
    shot(page, "question-coding-editor", full_page=False)


def test_run_on_a_failing_tests_input(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{page.server}/q/{CODING}")
    page.wait_for_selector(".code-editor .cm-content")
    page.evaluate(SET_CODE, "def mse_mae(y_true, y_pred):\n    return (0.0, 0.0)\n")
    page.click("#submit")
    page.wait_for_selector("button.use-input")
    page.locator("button.use-input").first.click()
    value = page.input_value("input[name=custom_input]")
    assert value and "array(" not in value
    page.click("#run")
    page.wait_for_function(
        "document.querySelector('#verdict') && "
        "document.querySelector('#verdict').textContent.includes('not recorded')"
    )


def test_practice_session_in_the_browser(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.server + "/practice")
    page.fill("#session-form input[name=minutes]", "25")
    page.click("#start-session")
    page.wait_for_selector("#session-step")
    step = page.inner_text("#session-step")
    total = int(step.rsplit(" ", 1)[1])
    assert step == f"Question 1 of {total}" and total >= 2
    shot(page, "practice-session", full_page=False)
    page.click("#next-question")
    page.wait_for_selector(f"#session-step:has-text('Question 2 of {total}')")
    # The step shows before the page's scripts have run; a click then would send the
    # form natively (a GET of the page) instead of through htmx.
    page.wait_for_load_state("load")
    if page.locator("textarea[name=answer]").count():
        page.fill("textarea[name=answer]", "Regularisation adds a penalty to the loss.")
        page.click("#submit")
        page.wait_for_selector("#verdict, #result .message", timeout=60_000)
        assert page.locator("#verdict").count(), page.inner_text("#result")
    page.click("#end-session")
    page.wait_for_selector("#session-answered")
    assert page.locator("table.session-summary tbody tr").count() == total
    shot(page, "practice-summary")


def test_submit_pressed_before_the_scripts_load_is_graded_not_lost(page) -> None:  # type: ignore[no-untyped-def]
    """On a slow machine Submit can be pressed before htmx has run; the answer is held
    and sent once the page is ready, not sent natively as a GET of the page."""
    held: list[object] = []

    def hold(route) -> None:  # type: ignore[no-untyped-def]
        held.append(route)  # not answered until released below

    page.route("**/static/vendor/htmx.min.js", hold)
    url = f"{page.server}/q/{WRITTEN}"
    page.goto(url, wait_until="commit")
    page.fill("textarea[name=answer]", "Bias is systematic error; variance is sensitivity.")
    page.click("#submit", no_wait_after=True)
    assert held, "htmx was requested before the press"
    assert page.evaluate("window.htmx === undefined")  # the press came before htmx ran
    assert page.get_attribute("#answer-form", "aria-busy") == "true"
    for route in held:
        route.continue_()  # type: ignore[attr-defined]
    page.wait_for_selector("#verdict")
    assert page.inner_text("#verdict").startswith("Score")
    assert page.url == url  # no reload: the answer went through htmx
    assert page.input_value("input[name=submission]")  # stamped before it was sent
