"""Daily use in process: drafts, past submissions, pasteable inputs (issue 16)."""

from __future__ import annotations

import html
import re
from html import escape

from mlprep.web._literal import pasteable

from .conftest import CODING, WRITTEN, Browserless


def _draft(web: Browserless, qid: str, field: str, text: str, **extra: str) -> str:
    response = web.client.post(f"/q/{qid}/draft", data={"csrf": web.token(), field: text, **extra})
    assert response.status_code == 200, response.text
    return response.text


def test_drafts_are_stored_per_question_and_come_back(web: Browserless) -> None:
    assert "Draft saved at" in _draft(web, CODING, "source", "def mse_mae(a, b):\n    return 7\n")
    _draft(web, WRITTEN, "answer", "Bias is the error of the average model.")
    assert "return 7" in web.page(f"/q/{CODING}")
    assert "Bias is the error of the average model." in web.page(f"/q/{WRITTEN}")
    row = web.core.store.draft(CODING)
    assert row is not None and row.text.endswith("return 7\n")
    # A later draft replaces the earlier one: one row per question.
    _draft(web, CODING, "source", "def mse_mae(a, b):\n    return 8\n")
    assert "return 8" in web.page(f"/q/{CODING}") and "return 7" not in web.page(f"/q/{CODING}")
    assert web.core.store.attempts() == []  # a draft is not an attempt


def test_a_draft_needs_the_token_and_the_right_field(web: Browserless) -> None:
    refused = web.client.post(f"/q/{CODING}/draft", data={"source": "x"})
    assert refused.status_code == 403
    wrong = web.client.post(f"/q/{CODING}/draft", data={"csrf": web.token(), "answer": "x"})
    assert wrong.status_code == 400
    assert web.core.store.draft(CODING) is None


def test_mock_drafts_stay_in_the_mock_and_start_from_the_starter(web: Browserless) -> None:
    _draft(web, CODING, "source", "def mse_mae(a, b):\n    return 'practice draft'\n")
    row, plan = web.core.start_mock("ml-engineer", 30)
    coding = next(q for q in list(plan.question_ids) if web.core.question(q).is_coding)
    _draft(web, coding, "source", "def f():\n    return 'outside'\n")
    index = list(plan.question_ids).index(coding)
    page = web.page(f"/mock/{row.id}?n={index}")
    assert "outside" not in page  # a mock opens on the starter code
    assert web.core.question(coding).read("starter.py").splitlines()[0] in page
    _draft(web, coding, "source", "def f():\n    return 'inside the mock'\n", mock=str(row.id))
    assert "inside the mock" in web.page(f"/mock/{row.id}?n={index}")
    other = (index + 1) % len(list(plan.question_ids))
    web.page(f"/mock/{row.id}?n={other}")  # move to another question and back
    assert "inside the mock" in web.page(f"/mock/{row.id}?n={index}")
    assert "inside the mock" not in web.page(f"/q/{coding}")


def test_every_past_submission_can_be_opened(web: Browserless) -> None:
    token = web.token()
    answers = ["Bias is underfitting.", "Variance is overfitting to the sample."]
    for text in answers:
        assert web.client.post(
            f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": text}
        ).is_success
    page = web.page(f"/q/{WRITTEN}")
    links = re.findall(rf'href="(/q/{WRITTEN}/attempts/\d+)"', page)
    assert len(links) == 2
    opened = [web.page(link) for link in links]
    assert answers[1] in opened[0] and answers[0] in opened[1]  # newest first
    assert all('table class="criteria"' in html for html in opened)
    assert web.client.get(f"/q/{WRITTEN}/attempts/999").status_code == 404
    assert web.client.get(f"/q/{CODING}/attempts/{links[0].rsplit('/', 1)[1]}").status_code == 404


def test_failing_inputs_are_shown_as_pasteable_literals(web: Browserless) -> None:
    import ast

    token = web.token()
    wrong = "def mse_mae(y_true, y_pred):\n    return (0.0, 0.0)\n"
    fragment = web.client.post(f"/q/{CODING}/submit", data={"csrf": token, "source": wrong}).text
    verdict = fragment if "verdict-box" in fragment else web.wait_job(fragment)
    shown = re.findall(r'<pre class="test-input">([^<]*)</pre>\s*(<button|<span)', verdict)
    offered = [text for text, tag in shown if tag == "<button"]
    assert offered  # the small visible tests at least
    for text in offered:
        assert "array(" not in text and "np." not in text
        ast.literal_eval("(" + text.replace("&#39;", "'") + ",)")  # what the box accepts
    # Inputs the judge shortened (over 600 characters) are marked, not offered.
    for text, tag in shown:
        assert tag == "<button" or text.endswith("…") or "..." in text
    run = web.client.post(
        f"/q/{CODING}/run",
        data={"csrf": token, "source": wrong, "custom_input": offered[0].replace("&#39;", "'")},
    )
    assert run.status_code == 200


def test_literal_conversion_of_numpy_reprs() -> None:
    text = (
        "(array([[0. , 1.5], [2. , 3. ]]), np.float64(2.0), np.int64(3), [np.True_, 1], "
        "{'a': array([1, 2], dtype=int32)}, 'x', None)"
    )
    shown = pasteable(text)
    assert shown is not None and shown.pasteable
    assert shown.text == "[[0.0, 1.5], [2.0, 3.0]], 2.0, 3, [True, 1], {'a': [1, 2]}, 'x', None"
    for unpasteable in ("(array([0., 1., ..., 99.]),)", "(nan, 1)", "(array([1, 2, 3…"):
        result = pasteable(unpasteable)
        assert result is not None and not result.pasteable and result.text == unpasteable
    assert pasteable("np.float64(2.5)", arguments=False) == type(shown)("2.5", True)


# -- names, grader, settings -------------------------------------------------------------


def test_catalogue_and_question_show_topic_names_not_keys(web: Browserless) -> None:
    from mlprep.content import inventory

    names = inventory().keys
    catalogue = web.page("/")
    assert escape(names["T02"]) in catalogue  # "Bias, variance and the trade-off between them"
    rows = re.findall(r'<td class="small topics">(.*?)</td>', catalogue, re.S)
    assert rows and not any(re.search(r">[TC]\d\d<", row) for row in rows)
    assert '<option value="T02"' in catalogue  # the topic filter lists names
    assert escape(names["T02"]) in web.page(f"/q/{WRITTEN}")
    assert re.search(r'<div class="muted small">[a-z0-9-]+</div>', catalogue) is None  # no ids


def test_scorecard_shows_titles_and_topic_names(web: Browserless) -> None:
    from mlprep.content import inventory

    row, plan = web.core.start_mock("data-scientist", 30)
    written = next(q for q in plan.question_ids if not web.core.question(q).is_coding)
    web.core.grade(written, "Too short.", mock_id=row.id, origin="web")
    card = web.core.finish_mock(row.id)
    page = web.page(f"/mock/{row.id}")
    topics = [*card["weakest_topics"], *card["strongest_topics"]]
    assert topics
    for key in topics:  # unescaped: markupsafe writes ' as &#x27;, Jinja as &#39;
        assert inventory().keys[key] in html.unescape(page)
        assert f"<li>{key}</li>" not in page
    for qid in card["study_next"]:  # compared unescaped: Jinja writes ' as &#39;
        assert f">{web.core.question(qid).title}</a>" in html.unescape(page)
    assert escape(inventory().categories[web.core.question(written).category.value]) in page


def test_the_result_names_its_grader_and_settings_switch_it(web: Browserless) -> None:
    from mlprep.grading import available_graders, get_grader

    token = web.token()
    answer = {"csrf": token, "answer": "Bias is underfitting; variance is overfitting."}
    first = web.client.post(f"/q/{WRITTEN}/submit", data=answer).text
    default = get_grader("default").name  # the page names the grader itself, not "default"
    assert f'graded by the <strong class="grader-name">{default}</strong> grader' in first
    settings = web.page("/settings")
    for name in available_graders():
        assert f'name="grader" value="{name}"' in settings
    other = next(n for n in available_graders() if n not in ("default", default))
    response = web.client.post("/settings/grader", data={"csrf": token, "grader": other})
    assert response.status_code == 200 and "now graded by" in response.text
    assert f'value="{other}" checked' in web.page("/settings")
    second = web.client.post(f"/q/{WRITTEN}/submit", data={**answer, "answer": "Again."}).text
    assert f'<strong class="grader-name">{get_grader(other).name}</strong>' in second
    bad = web.client.post("/settings/grader", data={"csrf": token, "grader": "oracle"})
    assert bad.status_code == 400 and "no grader named" in bad.text


def test_unusable_data_folders_get_one_line_reasons(web: Browserless, tmp_path) -> None:  # type: ignore[no-untyped-def]
    token = web.token()
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    for folder, expected in (
        ("/proc", "cannot write in /proc"),
        (str(a_file), "is a file, not a folder"),
        (str(tmp_path / "nowhere"), "does not exist"),
    ):
        response = web.client.post("/settings", data={"csrf": token, "data": folder})
        assert response.status_code == 400, folder
        message = re.search(
            r'<div class="message error" role="alert">\s*<p>(.*?)</p>', response.text
        )
        assert message and expected in message.group(1)
        assert "\n" not in message.group(1)
        assert "sqlalchemy" not in response.text.lower() and "Traceback" not in response.text
    assert web.core.db_target == tmp_path / "progress.db"  # still the same database


def test_switching_to_a_folder_without_progress_asks_first(web: Browserless, tmp_path) -> None:  # type: ignore[no-untyped-def]
    token = web.token()
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    before = web.core
    asked = web.client.post("/settings", data={"csrf": token, "data": str(empty)})
    assert asked.status_code == 200 and 'id="confirm-empty"' in asked.text
    assert "no progress in" in asked.text
    assert web.client.app.state.web.core is before and not (empty / "progress.db").exists()
    confirmed = web.client.post(
        "/settings", data={"csrf": token, "data": str(empty), "confirm_empty": str(empty)}
    )
    assert confirmed.status_code == 200 and "Saved:" in confirmed.text
    assert (empty / "progress.db").exists()
    assert 'id="packs-warning"' in web.page("/settings")
    assert "outside the sandbox" in web.page("/settings")


# -- a practice session ------------------------------------------------------------------


def test_practice_session_walks_the_queue_and_sums_up(web: Browserless) -> None:
    from urllib.parse import parse_qs, urlsplit

    token = web.token()
    # The session is the practice queue (due reviews, then new) within the budget.
    start = web.client.get("/practice/session?minutes=40", follow_redirects=False)
    assert start.status_code == 303
    plan = parse_qs(urlsplit(start.headers["location"]).query)
    ids = plan["ids"][0].split(",")
    expected = [i.question.id for i in web.core.practice_queue(minutes=40)]
    assert ids == expected and plan["n"] == ["0"]
    total = sum(web.core.question(q).meta.minutes for q in ids)
    assert total <= 40 or len(ids) == 1
    first = web.page(start.headers["location"])
    assert f"Question 1 of {len(ids)}" in first
    assert escape(web.core.question(ids[0]).title) in first
    nxt = re.search(r'href="([^"]+)" id="next-question"', first)
    assert nxt
    second_url = nxt.group(1).replace("&amp;", "&")
    assert "n=1" in second_url and (len(ids) == 1 or "Question 2 of" in web.page(second_url))
    # Answer the first question, skip the rest, end: the summary says what happened.
    q0 = web.core.question(ids[0])
    field, text = (
        ("source", "def f():\n    return 1\n") if q0.is_coding else ("answer", "An answer.")
    )
    answered = web.client.post(f"/q/{q0.id}/submit", data={"csrf": token, field: text})
    if q0.is_coding and "verdict-box" not in answered.text:
        web.wait_job(answered.text)
    end = re.search(r'href="([^"]+)" id="end-session"', first)
    assert end
    summary = web.page(end.group(1).replace("&amp;", "&"))
    assert f'id="session-answered">1 of {len(ids)}' in summary
    assert summary.count("skipped") == len(ids) - 1
    for qid in ids:
        assert escape(web.core.question(qid).title) in summary


def test_practice_session_bad_addresses(web: Browserless) -> None:
    assert web.client.get("/practice/session?minutes=abc").status_code == 400
    assert web.client.get("/practice/session?ids=k-means&n=5&since=0").status_code == 404
    assert web.client.get("/practice/session?ids=k-means&n=x").status_code == 400
    assert web.client.get("/practice/session?ids=nope&n=0&since=0").status_code == 404
