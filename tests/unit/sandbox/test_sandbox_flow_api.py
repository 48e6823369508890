"""The sandbox as a business's own API, the one Parley's question flows POST their answers to: it checks Parley's
signature and the submission's contract, answers with the endpoint's scripted responses (then its default), records
every call (refused ones too), and keeps each endpoint's script, secret and calls apart."""

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import structlog
from fastapi.testclient import TestClient

from parley_sandbox.flow_api.script import ScriptedResponse, defaults, render
from tests.unit.sandbox.sandbox_fakes import Sandbox

SECRET = "sandbox-flow-secret"  # SANDBOX_FLOW_API_SECRET's default
FINISH = {"continue_conversation": False, "final_message": "All done, thank you!"}
CONTINUE = {"continue_conversation": True, "message": "Thanks, we got your answers."}
FOLLOW_UP = {"id": "follow_up", "text": "Anything else you want to add?", "required": False}
ANSWER_TEXT = "Size M, please deliver after 6pm"


def submission(session_id: str = "sess-1", round_: int = 1, **overrides: Any) -> dict[str, Any]:
    body = {
        "user_phone": "+5491155550001",
        "contact": {"id": "contact-1", "name": "Ana"},
        "channel": "whatsapp",
        "timestamp": "2025-10-09T12:00:00+00:00",
        "answers": {"size": ANSWER_TEXT},
        "answered_at": {"size": "2025-10-09T11:59:30Z"},
        "thread_key": "whatsapp:100000000000777:5491155550001",
        "flow_id": "order-details",
        "flow_version": 3,
        "session_id": session_id,
        "round": round_,
    }
    body.update(overrides)
    return body


def sign(content: bytes, secret: str = SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), content, hashlib.sha256).hexdigest()


def request_parts(
    body: Any = None,
    *,
    content: bytes | None = None,
    secret: str | None = SECRET,
    delivery: str | None = "delivery-1",
    key: str | None = None,
    **headers: str,
) -> tuple[bytes, dict[str, str]]:
    """The bytes and headers Parley sends: signed with `secret` (None: no signature header)."""
    body = submission() if body is None and content is None else body
    content = json.dumps(body).encode() if content is None else content
    sent = {"Content-Type": "application/json"}
    if secret is not None:
        sent["X-Parley-Signature-256"] = sign(content, secret)
    if delivery is not None:
        sent["X-Parley-Delivery"] = delivery
    if key is None and isinstance(body, dict) and "session_id" in body and "round" in body:
        key = f"{body['session_id']}:{body['round']}"
    if key is not None:
        sent["X-Parley-Idempotency-Key"] = key
    sent.update(headers)
    return content, sent


def post(client: TestClient, endpoint: str, body: Any = None, **kwargs: Any) -> httpx.Response:
    content, headers = request_parts(body, **kwargs)
    return client.post(f"/sandbox/flow-api/{endpoint}", content=content, headers=headers)


def script(client: TestClient, endpoint: str, *responses: dict[str, Any], **extra: Any) -> dict[str, Any]:
    response = client.put(f"/sandbox/flow-api/{endpoint}/script", json={"responses": list(responses), **extra})
    assert response.status_code == 200, response.text
    return response.json()


def calls(client: TestClient, endpoint: str) -> list[dict[str, Any]]:
    response = client.get(f"/sandbox/flow-api/{endpoint}/calls")
    assert response.status_code == 200
    return response.json()["calls"]


def test_a_signed_submission_is_recorded_and_answered(client: TestClient):
    body = submission()
    answered = post(client, "shop", body)
    assert answered.status_code == 200 and answered.headers["content-type"] == "application/json"
    assert answered.json() == FINISH  # no script: the default default
    [call] = calls(client, "shop")
    assert call == {
        "at": "2025-10-09T08:53:20+00:00",  # the fixture's fixed clock
        "delivery": "delivery-1",
        "idempotency_key": "sess-1:1",
        "signature_ok": True,
        "body": body,
        "answered": {"status": 200, "kind": "finish"},
        "error": None,
    }


@pytest.mark.parametrize(
    "case",
    ["missing", "wrong secret", "tampered body", "not sha256=", "empty"],
)
def test_a_missing_or_wrong_signature_is_refused_recorded_and_consumes_nothing(client: TestClient, case: str):
    script(client, "shop", {"kind": "continue"})
    content, headers = request_parts(submission())
    if case == "missing":
        del headers["X-Parley-Signature-256"]
    elif case == "wrong secret":
        headers["X-Parley-Signature-256"] = sign(content, "not-the-secret")
    elif case == "tampered body":
        content = content.replace(b"Size M", b"Size L")
    elif case == "not sha256=":
        headers["X-Parley-Signature-256"] = sign(content).removeprefix("sha256=")
    else:
        headers["X-Parley-Signature-256"] = ""
    with structlog.testing.capture_logs() as logged:
        refused = client.post("/sandbox/flow-api/shop", content=content, headers=headers)
    assert refused.status_code == 401
    assert refused.json()["error"] == "invalid_signature"
    [line] = [e for e in logged if e["event"] == "flow_api.signature_rejected"]
    assert line["log_level"] == "warning" and line["endpoint"] == "shop"
    assert line["reason"] == ("missing" if case in ("missing", "empty") else "mismatch")
    assert "Size" not in repr(logged)  # the customer's answers never reach the logs

    [call] = calls(client, "shop")
    assert call["signature_ok"] is False and call["answered"] == {"status": 401, "kind": "rejected"}
    assert call["body"]["answers"]["size"].startswith("Size")  # recorded for the test to look at
    assert call["delivery"] == "delivery-1" and call["idempotency_key"] == "sess-1:1"

    # The scripted `continue` is still there for the next, signed, call.
    assert post(client, "shop").json() == CONTINUE
    assert [c["signature_ok"] for c in calls(client, "shop")] == [False, True]


CUSTOM_QUESTIONS = [
    {"id": "color", "text": "Which color?", "required": True, "kind": "choice", "choices": ["red", "blue"]},
    {"id": "notes", "text": "Any notes?", "required": False},
]


@pytest.mark.parametrize(
    ("scripted", "status", "expected"),
    [
        ({"kind": "continue"}, 200, CONTINUE),
        (
            {"kind": "continue", "message": "Got it, one moment."},
            200,
            {"continue_conversation": True, "message": "Got it, one moment."},
        ),
        ({"kind": "add_questions"}, 200, {"continue_conversation": True, "additional_questions": [FOLLOW_UP]}),
        (
            {"kind": "add_questions", "message": "Two more things.", "questions": CUSTOM_QUESTIONS},
            200,
            {"continue_conversation": True, "message": "Two more things.", "additional_questions": CUSTOM_QUESTIONS},
        ),
        (
            {"kind": "add_questions", "questions": [{"id": "why", "text": "Why?"}]},
            200,
            {"continue_conversation": True, "additional_questions": [{"id": "why", "text": "Why?", "required": True}]},
        ),
        ({"kind": "finish"}, 200, FINISH),
        (
            {"kind": "finish", "final_message": "Order placed."},
            200,
            {"continue_conversation": False, "final_message": "Order placed."},
        ),
        ({"kind": "fail"}, 500, {"error": "scripted failure", "status": 500}),
        ({"kind": "fail", "status": 503, "message": "down"}, 503, {"error": "down", "status": 503}),
        ({"kind": "fail", "status": 422}, 422, {"error": "scripted failure", "status": 422}),
    ],
)
def test_each_kind_answers_as_scripted(
    client: TestClient, scripted: dict[str, Any], status: int, expected: dict[str, Any]
):
    script(client, "kinds", scripted)
    answered = post(client, "kinds")
    assert answered.status_code == status
    assert answered.headers["content-type"] == "application/json"
    assert answered.json() == expected
    assert calls(client, "kinds")[-1]["answered"] == {"status": status, "kind": scripted["kind"]}


def test_garbage_is_a_200_that_is_not_json(client: TestClient):
    script(client, "shop", {"kind": "garbage"})
    answered = post(client, "shop")
    assert answered.status_code == 200 and answered.text == "<html>oops</html>"
    assert answered.headers["content-type"].startswith("text/html")
    with pytest.raises(ValueError):
        answered.json()
    assert calls(client, "shop")[0]["answered"] == {"status": 200, "kind": "garbage"}


async def test_timeout_answers_finish_only_after_its_delay(make_sandbox: Sandbox):
    http, _ = make_sandbox()
    delay = 0.05
    scripted = await http.put(
        "/sandbox/flow-api/slow/script", json={"responses": [{"kind": "timeout", "delay_seconds": delay}]}
    )
    assert scripted.status_code == 200
    content, headers = request_parts(submission())
    started = time.perf_counter()
    answered = await http.post("/sandbox/flow-api/slow", content=content, headers=headers)
    elapsed = time.perf_counter() - started
    assert elapsed >= delay
    assert answered.status_code == 200 and answered.json() == FINISH
    calls_out = (await http.get("/sandbox/flow-api/slow/calls")).json()["calls"]
    assert [c["answered"] for c in calls_out] == [{"status": 200, "kind": "timeout"}]


def test_timeout_waits_30_seconds_unless_told():
    assert render(ScriptedResponse(kind="timeout")).delay_seconds == 30
    assert render(ScriptedResponse(kind="timeout", delay_seconds=0.5)).delay_seconds == 0.5
    assert render(ScriptedResponse(kind="finish")).delay_seconds == 0


def test_the_queue_answers_in_order_then_the_default(client: TestClient):
    script(client, "shop", {"kind": "continue"}, {"kind": "add_questions"}, {"kind": "fail", "status": 503})
    statuses = []
    for n in range(5):
        answered = post(client, "shop", submission(round_=n + 1), delivery=f"d-{n}")
        statuses.append((answered.status_code, answered.json()))
    assert statuses == [
        (200, CONTINUE),
        (200, {"continue_conversation": True, "additional_questions": [FOLLOW_UP]}),
        (503, {"error": "scripted failure", "status": 503}),
        (200, FINISH),
        (200, FINISH),
    ]
    assert [c["answered"]["kind"] for c in calls(client, "shop")] == [
        "continue",
        "add_questions",
        "fail",
        "finish",
        "finish",
    ]

    # Another default; an empty queue keeps it, the next script replaces only the queue.
    view = script(client, "shop", default={"kind": "continue", "message": "Still here."})
    assert view == {
        "endpoint": "shop",
        "responses": [],
        "default": {"kind": "continue", "message": "Still here."},
        "custom_secret": False,
    }
    assert post(client, "shop").json() == {"continue_conversation": True, "message": "Still here."}
    script(client, "shop", {"kind": "finish"})
    assert post(client, "shop").json() == FINISH
    assert post(client, "shop").json()["message"] == "Still here."


def test_a_script_replaces_the_queue(client: TestClient):
    script(client, "shop", {"kind": "fail"}, {"kind": "fail"})
    view = script(client, "shop", {"kind": "continue"})
    assert view["responses"] == [{"kind": "continue"}] and view["default"] == {"kind": "finish"}
    assert client.get("/sandbox/flow-api/shop/script").json() == view
    assert post(client, "shop").json() == CONTINUE
    assert post(client, "shop").json() == FINISH


def test_retries_of_one_submission_each_consume_a_response(client: TestClient):
    """Parley retries a failed submission with the same idempotency key and a new delivery id."""
    script(client, "shop", {"kind": "fail", "status": 503}, {"kind": "continue"})
    assert post(client, "shop", delivery="attempt-1").status_code == 503
    assert post(client, "shop", delivery="attempt-2").json() == CONTINUE
    recorded = calls(client, "shop")
    assert [(c["delivery"], c["idempotency_key"]) for c in recorded] == [
        ("attempt-1", "sess-1:1"),
        ("attempt-2", "sess-1:1"),
    ]


def test_endpoints_are_isolated(client: TestClient):
    script(client, "bakery", {"kind": "fail"}, default={"kind": "continue"}, secret="bakery-secret")
    # The other endpoint keeps its own (empty) script, default and the sandbox's secret.
    assert post(client, "florist").json() == FINISH
    assert post(client, "bakery").status_code == 401  # signed with the sandbox's secret
    assert post(client, "bakery", secret="bakery-secret").status_code == 500
    assert post(client, "bakery", secret="bakery-secret").json() == CONTINUE
    assert post(client, "florist", secret="bakery-secret").status_code == 401

    assert [c["answered"]["kind"] for c in calls(client, "florist")] == ["finish", "rejected"]
    assert [c["answered"]["kind"] for c in calls(client, "bakery")] == ["rejected", "fail", "continue"]
    assert calls(client, "nobody") == []
    assert client.get("/sandbox/flow-api/bakery/script").json()["custom_secret"] is True
    assert "bakery-secret" not in client.get("/sandbox/flow-api/bakery/script").text


def test_the_secret_comes_from_the_settings(make_client: Callable[..., TestClient]):
    client = make_client(sandbox_flow_api_secret="configured-secret")
    assert post(client, "shop").status_code == 401
    assert post(client, "shop", secret="configured-secret").json() == FINISH


@pytest.mark.parametrize(
    "bad",
    [
        {"responses": [{"kind": "explode"}]},
        {"responses": [{"kind": "finish", "status": 503}]},  # a field of another kind
        {"responses": [{"kind": "continue", "questions": [FOLLOW_UP]}]},
        {"responses": [{"kind": "fail", "status": 200}]},
        {"responses": [{"kind": "timeout", "delay_seconds": -1}]},
        {"responses": [{"kind": "add_questions", "questions": []}]},
        {"responses": [{"kind": "add_questions", "questions": [{"id": "q"}]}]},  # no text
        {"responses": [{"kind": "add_questions", "questions": [{"id": "bad id", "text": "?"}]}]},
        {"responses": [{"kind": "add_questions", "questions": [{"id": "q", "text": "?", "kind": "dropdown"}]}]},
        {"responses": [{"kind": "add_questions", "questions": [{"id": "q", "text": "?", "choices": ["x"] * 11}]}]},
        {"responses": [{"kind": "finish", "colour": "red"}]},
        {"responses": [], "default": {"kind": "nope"}},
        {"responses": [], "secret": ""},
        {"responses": [], "unknown": 1},
    ],
)
def test_an_invalid_script_is_422_and_changes_nothing(client: TestClient, bad: dict[str, Any]):
    before = script(client, "shop", {"kind": "continue"})
    assert client.put("/sandbox/flow-api/shop/script", json=bad).status_code == 422
    assert client.get("/sandbox/flow-api/shop/script").json() == before


@pytest.mark.parametrize(
    ("name", "build", "status", "error"),
    [
        ("malformed JSON", lambda: request_parts(content=b'{"user_phone": '), 400, "malformed_json"),
        ("not UTF-8", lambda: request_parts(content=b"\xff\xfe"), 400, "malformed_json"),
        ("not an object", lambda: request_parts([1, 2]), 400, "invalid_submission"),
        (
            "missing field",
            lambda: request_parts({k: v for k, v in submission().items() if k != "flow_id"}),
            400,
            "invalid_submission",
        ),
        ("round as a string", lambda: request_parts(submission(round_="1"), key="sess-1:1"), 400, "invalid_submission"),
        ("name absent", lambda: request_parts(submission(contact={"id": "c"})), 400, "invalid_submission"),
        ("answer not a string", lambda: request_parts(submission(answers={"size": 3})), 400, "invalid_submission"),
        ("timestamp not ISO", lambda: request_parts(submission(timestamp="yesterday")), 400, "invalid_submission"),
        (
            "answered_at not ISO",
            lambda: request_parts(submission(answered_at={"size": "soon"})),
            400,
            "invalid_submission",
        ),
        ("no delivery id", lambda: request_parts(submission(), delivery=None), 400, "invalid_submission"),
        ("no idempotency key", lambda: request_parts(submission(), key=""), 400, "invalid_submission"),
        ("key of another round", lambda: request_parts(submission(), key="sess-1:2"), 400, "invalid_submission"),
        (
            "text/plain",
            lambda: request_parts(submission(), **{"Content-Type": "text/plain"}),
            415,
            "unsupported_media_type",
        ),
    ],
)
def test_a_request_off_the_contract_is_refused_and_consumes_nothing(
    client: TestClient, name: str, build: Callable[[], tuple[bytes, dict[str, str]]], status: int, error: str
):
    script(client, "shop", {"kind": "continue"})
    content, headers = build()
    with structlog.testing.capture_logs() as logged:
        refused = client.post("/sandbox/flow-api/shop", content=content, headers=headers)
    assert refused.status_code == status, name
    assert refused.json()["error"] == error
    assert ANSWER_TEXT not in repr(logged) and ANSWER_TEXT not in refused.text
    [call] = calls(client, "shop")
    assert call["signature_ok"] is True and call["answered"] == {"status": status, "kind": "rejected"}
    assert call["error"]
    if error == "malformed_json":
        assert call["body"] is None
    assert post(client, "shop").json() == CONTINUE


def test_parleys_own_bytes_pass_as_sent(client: TestClient):
    """Parley's outbound posts compact JSON with non-ASCII characters as they are, a field or two more than the
    contract's (`language`), a null contact name: the signature is over those very bytes."""
    body = submission(contact={"id": "5491155550001", "name": None}, answers={"city": "São Paulo"}, language="pt")
    body["answered_at"] = {"city": "2025-10-09T11:59:30.123456+00:00"}
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    answered = post(
        client, "shop", content=content, key="sess-1:1", **{"Content-Type": "application/json; charset=utf-8"}
    )
    assert answered.status_code == 200 and answered.json() == FINISH
    assert calls(client, "shop")[0]["body"]["answers"] == {"city": "São Paulo"}


def test_delete_forgets_the_endpoint(client: TestClient):
    script(client, "shop", {"kind": "fail"}, default={"kind": "continue"}, secret="shop-secret")
    script(client, "other", {"kind": "fail"})
    post(client, "shop", secret="shop-secret")
    post(client, "other")
    assert client.delete("/sandbox/flow-api/shop").json() == {"cleared": True}
    assert calls(client, "shop") == []
    assert client.get("/sandbox/flow-api/shop/script").json() == {
        "endpoint": "shop",
        "responses": [],
        "default": {"kind": "finish"},
        "custom_secret": False,
    }
    assert post(client, "shop").json() == FINISH  # the sandbox's secret and the default default again
    assert client.delete("/sandbox/flow-api/never-used").json() == {"cleared": False}
    assert len(calls(client, "other")) == 1  # untouched


def test_resetting_the_recordings_clears_the_calls_and_keeps_the_scripts(client: TestClient):
    script(client, "shop", {"kind": "continue"}, {"kind": "continue"})
    post(client, "shop")
    assert client.delete("/sandbox/sent").json() == {"requests": 0, "webhooks": 0}
    assert calls(client, "shop") == []
    assert client.get("/sandbox/flow-api/shop/script").json()["responses"] == [{"kind": "continue"}]
    # A channel's own reset leaves the flow API alone.
    post(client, "shop")
    client.delete("/sandbox/sent", params={"channel": "whatsapp"})
    assert len(calls(client, "shop")) == 1


def test_the_page_is_served_and_linked_from_the_index(client: TestClient):
    page = client.get("/sandbox/flow-api/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for needle in (
        "/sandbox/flow-api/",
        "/script",
        "/calls",
        "setInterval",
        'data-kind="timeout"',
        'data-kind="garbage"',
    ):
        assert needle in page.text
    for kind in ("continue", "add_questions", "finish", "fail"):
        assert f'data-kind="{kind}"' in page.text
    assert 'href="/sandbox/flow-api/"' in client.get("/").text
    # The page's route is no endpoint: it is not in the way of one named like it.
    assert post(client, "page").json() == FINISH


def test_the_defaults_file_is_valid():
    d = defaults()
    assert d.continue_message == CONTINUE["message"] and d.final_message == FINISH["final_message"]
    assert [q.model_dump(exclude_none=True) for q in d.additional_questions] == [FOLLOW_UP]
    assert d.fail_status == 500 and d.timeout_delay_seconds == 30
