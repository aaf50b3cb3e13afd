"""Every page renders from the core's data, offline, and the catalogue filters work."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from .conftest import CODING, WRITTEN, Browserless

PAGES = ["/", f"/q/{CODING}", f"/q/{WRITTEN}", "/practice", "/mock", "/progress", "/settings"]
EXTERNAL = re.compile(r"""(?:src|href|action|hx-get|hx-post)\s*=\s*["']\s*(?:[a-z]+:)?//""", re.I)


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_without_external_references(web: Browserless, url: str) -> None:
    html = web.page(url)
    assert EXTERNAL.search(html) is None
    assert "http://" not in html and "https://" not in html
    # Every local asset the page names is served.
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert web.client.get(asset).status_code == 200, asset


def test_static_assets_fetch_nothing_from_outside(web: Browserless) -> None:
    css = web.client.get("/static/vendor/katex/katex.min.css").text
    urls = re.findall(r"url\(([^)]+)\)", css)
    assert urls and all(u.startswith("fonts/") and u.endswith(".woff2") for u in urls)
    for u in urls:
        assert web.client.get(f"/static/vendor/katex/{u}").status_code == 200
    app_css = web.client.get("/static/app.css").text
    assert "url(" not in app_css and "@import" not in app_css


def test_catalogue_lists_every_question_and_filters(web: Browserless) -> None:
    html = web.page("/")
    total = len(web.core.bank)
    assert f"{total} of {total} questions" in html
    coding = web.page("/?category=coding")
    ids = set(re.findall(r'href="/q/([^"]+)"', coding))
    assert ids == {q.id for q in web.core.questions(category="coding")}
    easy_written = web.page("/?difficulty=easy&kind=written")
    ids = set(re.findall(r'href="/q/([^"]+)"', easy_written))
    assert ids == {q.id for q in web.core.questions(difficulty="easy", kind="written")}
    keyed = set(re.findall(r'href="/q/([^"]+)"', web.page("/?key=t02")))
    assert WRITTEN in keyed and keyed == {q.id for q in web.core.questions(key="T02")}
    found = set(re.findall(r'href="/q/([^"]+)"', web.page("/?q=k-means")))
    assert "k-means" in found and len(found) < total


def test_catalogue_cells_are_rendered_once_per_question(web: Browserless) -> None:
    """A question's cells but its status hold nothing of the learner: rendered once per
    process and reused by every catalogue (it was most of the page's work); the status
    cell is the request's own."""
    cells = web.client.app.state.web.env.get_template("_catalogue_cells.html")
    rendered: list[str] = []
    original = cells.render

    def counting(*args: object, **kwargs: object) -> str:
        rendered.append(kwargs["q"].id)  # type: ignore[attr-defined]
        return original(*args, **kwargs)

    cells.render = counting  # type: ignore[method-assign]
    html = web.page("/")
    assert sorted(rendered) == sorted(q.id for q in web.core.bank)
    theory = web.page("/?category=theory")
    assert len(rendered) == len(web.core.bank)  # the second catalogue rendered no cells
    question = web.core.questions(category="theory")[0]
    row = re.search(rf"<tr>\s*<td><a href=\"/q/{question.id}\">.*?</tr>", theory, re.S)
    assert row is not None and row.group(0) in html
    assert str(escape(question.title)) in row.group(0) and 'class="status new"' in row.group(0)


def test_catalogue_partial_for_htmx(web: Browserless) -> None:
    response = web.client.get(
        "/?category=theory", headers={"HX-Request": "true", "HX-Target": "results"}
    )
    assert response.status_code == 200
    assert "<html" not in response.text and "questions" in response.text


def test_status_filter_follows_the_scheduler(web: Browserless) -> None:
    token = web.token()
    assert WRITTEN in web.page("/?status=new")
    web.client.post(f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": "no idea"})
    # A failed answer is rated Again: reviewed, so no longer new.
    assert f'href="/q/{WRITTEN}"' not in web.page("/?status=new")
    statuses = web.page("/")
    assert re.search(rf'href="/q/{WRITTEN}".*?class="status (\w+)"', statuses, re.S).group(1) in {
        "due",
        "learning",
    }


def test_question_page_shows_prompt_starter_and_math(web: Browserless) -> None:
    html = web.page(f"/q/{CODING}")
    question = web.core.question(CODING)
    assert question.title in html
    assert 'data-editor="python"' in html
    assert "def mse_mae(" in html  # the starter code
    assert "/static/vendor/editor.js" in html
    written = web.page(f"/q/{WRITTEN}")
    assert 'name="answer"' in written and "data-editor" not in written


def test_math_reaches_the_page_as_tex_for_katex(web: Browserless) -> None:
    html = web.page("/q/batch-norm-forward")  # its prompt has TeX between dollars
    spans = re.findall(r'<span class="math">([^<]+)</span>', html)
    assert spans and any("\\" in tex for tex in spans)
    # A price is not math: "$420 at ElectroMart" stays text.
    fraud = web.page("/q/fraud-approve-deny-loop")
    assert "$420" in fraud


def test_hints_one_at_a_time_and_solution_behind_a_button(web: Browserless) -> None:
    token = web.token()
    question = web.core.question(WRITTEN)
    html = web.page(f"/q/{WRITTEN}")
    assert question.answer[:40] not in html
    first = web.client.post(f"/q/{WRITTEN}/hint", data={"csrf": token})
    assert first.status_code == 200 and first.text.count("<li") == 1
    second = web.client.post(f"/q/{WRITTEN}/hint", headers={"X-CSRF-Token": token})
    assert second.text.count("<li") == 2
    assert web.core.hints(WRITTEN).revealed == question.hints[:2]
    answer = web.client.post(f"/q/{WRITTEN}/solution", data={"csrf": token})
    assert answer.status_code == 200 and "Rubric" in answer.text
    assert web.core.store.solution_seen(WRITTEN)


def test_notes_are_saved(web: Browserless) -> None:
    token = web.token()
    response = web.client.post(f"/q/{WRITTEN}/note", data={"csrf": token, "note": "é ∑ remember"})
    assert response.status_code == 200 and "Saved" in response.text
    assert web.core.store.note(WRITTEN) == "é ∑ remember"
    assert "é ∑ remember" in web.page(f"/q/{WRITTEN}")


def test_written_answer_is_graded_and_recorded(web: Browserless) -> None:
    token = web.token()
    strong = next(s for s in web.core.question(WRITTEN).samples if s.quality == "strong")
    response = web.client.post(
        f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": strong.text, "opened": "0"}
    )
    assert response.status_code == 200
    assert "Score" in web.verdict(response.text)
    assert response.text.count('class="status ') >= 3  # one per criterion
    [attempt] = web.core.store.attempts(question_id=WRITTEN)
    assert attempt.source == "web" and attempt.kind == "written" and attempt.score > 0.5


def test_practice_queue_matches_the_core(web: Browserless) -> None:
    html = web.page("/practice?category=theory&minutes=20")
    expected = [i.question.id for i in web.core.practice_queue(category="theory", minutes=20)]
    assert re.findall(r'<li class="(?:due|new)">\s*<a href="/q/([^"]+)"', html) == expected


def test_progress_dashboard_draws_charts(web: Browserless) -> None:
    token = web.token()
    web.client.post(f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": "bias is error"})
    html = web.page("/progress")
    assert html.count("<svg") >= 2 and "<polyline" in html
    assert re.search(r'id="attempts">1<', html)


def test_settings_show_the_folders_and_reject_missing_ones(web: Browserless, tmp_path) -> None:
    html = web.page("/settings")
    assert "progress.db" in html
    token = web.token(html)
    response = web.client.post(
        "/settings", data={"csrf": token, "content": str(tmp_path / "nope"), "data": ""}
    )
    assert response.status_code == 400 and "do not exist" in response.text
    extra = tmp_path / "mine"
    extra.mkdir()
    response = web.client.post("/settings", data={"csrf": token, "content": str(extra)})
    assert response.status_code == 200 and str(extra) in response.text


def test_cached_pages_follow_writes_from_elsewhere(web: Browserless) -> None:
    """A page served from the cache changes as soon as the CLI (another process) writes."""
    from mlprep._core import Mlprep

    before = web.page("/progress")
    assert web.page("/progress") == before  # served again, unchanged
    assert re.search(r'id="attempts">0<', before)
    other = Mlprep(db=web.core.store.engine.url.database, bank=web.core.bank)
    other.grade(WRITTEN, "Bias is systematic error from a model that is too simple.")
    assert re.search(r'id="attempts">1<', web.page("/progress"))
    assert f'href="/q/{WRITTEN}"' not in web.page("/?status=new")


def test_long_practice_queue_is_cut_with_a_link_to_all(web: Browserless) -> None:
    html = web.page("/practice?difficulty=medium")
    queue = web.core.practice_queue(difficulty="medium")
    assert len(queue) > 40
    assert html.count('<li class="new">') == 40
    link = re.search(r'href="([^"]+)" id="show-all"', html).group(1).replace("&amp;", "&")
    assert link == "/practice?difficulty=medium&all=1"
    assert web.page(link).count('<li class="new">') == len(queue)
