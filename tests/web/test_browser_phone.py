"""Layout and legibility in chromium: every page at 390 px, text contrast, chart labels."""

from __future__ import annotations

import re

from .conftest import CODING, WRITTEN, browser_tests, shot

pytestmark = browser_tests

SET_CODE = "t => window.mlprepEditor.setText(document.querySelector('textarea[name=source]'), t)"

# Text contrast of every visible text element against its nearest painted background,
# as WCAG computes it; the editor's syntax colours and KaTeX are left to their themes.
CONTRAST = """() => {
  const lum = (rgb) => {
    const c = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const parse = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.cm-editor, .katex, svg, script, style, option, [hidden]')) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.closest('button[disabled]')) continue;
    const fg = parse(style.color).slice(0, 3), bg = background(el);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) low.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 30)}"`);
  }
  return low;
}"""  # noqa: E501


def _prepare(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Make every kind of page exist: a wrong verdict, a grade, a mock and its scorecard."""
    server = page.server
    page.goto(f"{server}/q/{CODING}")
    page.wait_for_selector(".code-editor .cm-content")
    page.evaluate(SET_CODE, "def mse_mae(y_true, y_pred):\n    return (0.0, 0.0)\n")
    page.click("#submit")
    page.wait_for_selector("#verdict")
    page.goto(f"{server}/q/{WRITTEN}")
    page.fill("textarea[name=answer]", "Bias is underfitting; variance is overfitting.")
    page.click("#submit")
    page.wait_for_selector("#verdict")
    attempt = (
        page.get_attribute("a.open-attempt", "href")
        if page.locator("a.open-attempt").count()
        else None
    )
    page.goto(f"{server}/mock")
    page.fill("input[name=minutes]", "20")
    page.click("#start-mock")
    page.wait_for_url(re.compile(r".*/mock/\d+$"))
    mock = page.url.removeprefix(server)
    page.click("#finish-mock")
    # Nothing answered: stored as abandoned (issue 15), its page says so.
    page.wait_for_selector("#mock-abandoned")
    page.goto(f"{server}/mock")
    page.click("#start-mock")
    page.wait_for_url(re.compile(r".*/mock/\d+$"))
    live = page.url.removeprefix(server)
    urls = [
        "/",
        f"/q/{CODING}",
        f"/q/{WRITTEN}",
        "/q/batch-norm-forward",
        "/practice",
        "/mock",
        mock,
        live,
        "/progress",
        "/settings",
        "/nowhere",
    ]
    if attempt:
        urls.append(attempt)
    page.goto(f"{server}/q/{CODING}")
    urls.append(page.get_attribute("a.open-attempt", "href"))
    return urls


def test_every_page_fits_a_phone_and_text_has_contrast(page) -> None:  # type: ignore[no-untyped-def]
    urls = _prepare(page)
    wide: dict[str, int] = {}
    low: dict[str, list[str]] = {}
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 844})
        for url in urls:
            page.goto(page.server + url)
            page.wait_for_load_state("load")
            if width == 390:
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > width:
                    wide[url] = scroll
            else:
                found = page.evaluate(CONTRAST)
                if found:
                    low[url] = found
    assert wide == {}, f"pages wider than 390 px: {wide}"
    assert low == {}, f"text under 4.5:1: {low}"
    page.goto(page.server + "/")
    shot(page, "phone-catalogue", full_page=False)


def test_charts_are_readable_on_a_phone(page) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.server + "/progress")
    heights = page.evaluate(
        "[...document.querySelectorAll('svg.chart text')]"
        ".map(t => t.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 10, heights  # ~9 px type or larger on screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "phone-progress")


def test_activity_calendar_light_days_stand_out(page) -> None:  # type: ignore[no-untyped-def]
    page.goto(page.server + "/progress")
    fills = page.evaluate(
        "['level0', 'level1'].map(c => { const r = document.querySelector("
        "'svg.calendar rect.' + c); return r && getComputedStyle(r).fill; })"
    )
    assert fills[0] is not None

    def lum(css: str) -> float:
        channels = [int(v) / 255 for v in re.findall(r"\d+", css)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    level1 = fills[1] or page.evaluate(
        "(() => { const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');"
        " r.setAttribute('class', 'level1'); document.querySelector('svg.calendar').append(r);"
        " return getComputedStyle(r).fill; })()"
    )
    a, b = sorted((lum(fills[0]), lum(level1)), reverse=True)
    assert (a + 0.05) / (b + 0.05) >= 3.0  # non-text contrast between empty and light days
