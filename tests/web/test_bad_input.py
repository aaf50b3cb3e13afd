"""Bad requests get a clear 4xx, never a 500, and never lose what the learner wrote."""

from __future__ import annotations

import json
import re

import pytest
from starlette.testclient import TestClient

from mlprep._core import Mlprep
from mlprep.web import create_app
from mlprep.web._guard import MAX_BODY_BYTES

from .conftest import CODING, WRITTEN, Browserless


def test_post_without_or_with_a_foreign_token_is_refused(web: Browserless) -> None:
    cross_site = {"origin": "http://evil.example", "sec-fetch-site": "cross-site"}
    for data, headers in (
        ({"answer": "def steal(): pass"}, {}),
        ({"answer": "def steal(): pass", "csrf": "forged"}, cross_site),
        ({"answer": "def steal(): pass", "csrf": "forged"}, {"origin": "null"}),
    ):
        response = web.client.post(f"/q/{WRITTEN}/submit", data=data, headers=headers)
        assert response.status_code == 403
        assert "another site" in response.text
        # The foreign request's text is not the learner's: never shown as "yours".
        assert "steal" not in response.text and "kept" not in response.text
    assert web.core.store.attempts() == []
    for url in (
        f"/q/{WRITTEN}/hint",
        f"/q/{WRITTEN}/solution",
        f"/q/{WRITTEN}/note",
        "/mock",
        "/settings",
    ):
        assert web.client.post(url, data={"csrf": "x"}).status_code == 403, url
    assert web.core.hints(WRITTEN).revealed == ()
    assert not web.core.store.solution_seen(WRITTEN)


def test_stale_form_from_an_earlier_server_keeps_the_code(web: Browserless, core) -> None:
    old_app = create_app(core, warm_judge=False)
    with TestClient(old_app, base_url="http://127.0.0.1") as old:
        old_token = Browserless(old, core).token()
    response = web.client.post(
        f"/q/{CODING}/submit",
        data={"csrf": old_token, "source": "def mse_mae(a, b):\n    return 42\n"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 403
    assert "return 42" in response.text and "<html" not in response.text


def test_oversize_body_is_413(web: Browserless) -> None:
    token = web.token()
    big = "x" * (MAX_BODY_BYTES + 10)
    response = web.client.post(f"/q/{WRITTEN}/submit", data={"csrf": token, "answer": big})
    assert response.status_code == 413 and "too large" in response.text

    def chunks():  # no Content-Length: the limit is enforced while reading
        for _ in range(30):
            yield b"a" * 10_000

    response = web.client.post(
        f"/q/{WRITTEN}/submit",
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded", "X-CSRF-Token": token},
    )
    assert response.status_code == 413
    assert web.core.store.attempts() == []


def test_invalid_utf8_is_400(web: Browserless) -> None:
    token = web.token()
    tail = b"&csrf=" + token.encode()
    for body in (b"answer=%FF%FE%FA" + tail, b"answer=\xff\xfe" + tail):
        response = web.client.post(
            f"/q/{WRITTEN}/submit",
            content=body,
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert response.status_code == 400 and "UTF-8" in response.text
    assert web.core.store.attempts() == []


def test_other_form_encodings_are_415(web: Browserless) -> None:
    token = web.token()
    response = web.client.post(
        f"/q/{WRITTEN}/submit",
        content=json.dumps({"answer": "x"}),
        headers={"content-type": "application/json", "X-CSRF-Token": token},
    )
    assert response.status_code == 415


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/q/no-such-question"),
        ("post", "/q/no-such-question/hint"),
        ("post", "/q/no-such-question/submit"),
        ("get", "/mock/9999"),
        ("get", "/mock/abc"),
        ("post", "/mock/9999/finish"),
        ("get", "/nowhere"),
        ("post", f"/q/{WRITTEN}/explode"),
    ],
)
def test_unknown_ids_are_404(web: Browserless, method: str, url: str) -> None:
    token = web.token()
    extra = {"data": {"csrf": token}} if method == "post" else {}
    response = getattr(web.client, method)(url, **extra)
    assert response.status_code == 404
    assert "<h1>404" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/?category=cooking",
        "/?status=forgotten",
        "/practice?minutes=lots",
        "/practice?minutes=-3",
        "/practice?difficulty=insane",
    ],
)
def test_bad_filters_are_400(web: Browserless, url: str) -> None:
    assert web.client.get(url).status_code == 400


def test_empty_answers_are_messages_not_attempts(web: Browserless) -> None:
    token = web.token()
    for url, field in ((f"/q/{WRITTEN}/submit", "answer"), (f"/q/{CODING}/submit", "source")):
        response = web.client.post(url, data={"csrf": token, field: "   "})
        assert response.status_code == 400 and "empty" in response.text
    run = web.client.post(f"/q/{WRITTEN}/run", data={"csrf": token, "answer": "x"})
    assert run.status_code == 400
    assert web.core.store.attempts() == []


def test_wrong_kind_of_answer_is_refused(web: Browserless) -> None:
    token = web.token()
    # A coding question posted as a written answer: nothing to judge, so a message.
    response = web.client.post(f"/q/{CODING}/submit", data={"csrf": token, "answer": "words"})
    assert response.status_code == 400


def test_double_submit_of_a_written_answer_is_recorded_once(web: Browserless) -> None:
    token = web.token()
    form = {
        "csrf": token,
        "answer": "Bias is systematic error; variance is sensitivity.",
        "submission": "one-form",
    }
    first = web.client.post(f"/q/{WRITTEN}/submit", data=form)
    second = web.client.post(f"/q/{WRITTEN}/submit", data=form)
    assert first.status_code == second.status_code == 200
    assert first.text == second.text
    assert len(web.core.store.attempts(question_id=WRITTEN)) == 1


def test_a_written_answer_sent_again_while_it_is_graded_is_recorded_once(core: Mlprep) -> None:
    """A client whose request timed out sends it again while the server still grades
    the first: the repeat waits for the first one's answer instead of grading it too."""
    import asyncio

    import httpx

    app = create_app(core, warm_judge=False, workers=1)
    form = {"answer": "Bias is systematic error; variance is sensitivity.", "submission": "f1"}

    async def twice() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            token = re.search(
                r'name="csrf-token" content="([^"]+)"', (await client.get("/settings")).text
            )
            assert token
            send = {**form, "csrf": token.group(1)}
            return list(
                await asyncio.gather(
                    *(client.post(f"/q/{WRITTEN}/submit", data=send) for _ in range(3))
                )
            )

    answers = asyncio.run(twice())
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert answers[0].text == answers[1].text == answers[2].text
    assert len(core.store.attempts(question_id=WRITTEN)) == 1


def test_foreign_host_header_is_refused(web: Browserless) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 gets nothing."""
    response = web.client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert web.client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_get_on_a_post_route_is_405(web: Browserless) -> None:
    assert web.client.get(f"/q/{WRITTEN}/hint").status_code == 405
