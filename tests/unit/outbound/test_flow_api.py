"""Outbound's consumer of `flow.submission` against a mocked business API: the exact body, signed; one attempt,
classified; the answer to the router as a `flow_result` command; calls in the background, side by side."""

import asyncio
import hashlib
import hmac
import json
from collections.abc import Awaitable, Callable

import httpx
import pytest
from structlog.testing import capture_logs

from parley_business.channel_account_store import SecretsUnavailable
from parley_contracts import (
    THREAD_COMMAND,
    ActorKind,
    Channel,
    CommandAction,
    FlowSubmission,
    ThreadCommand,
)
from parley_outbound.flow_api import (
    MAX_RESPONSE_BYTES,
    NOT_AN_OBJECT,
    SECRET_UNAVAILABLE,
    FlowApiCaller,
    Outcome,
    classify_failure,
    classify_response,
    result,
)
from tests.fakes import RecordingBroker

SECRET = "s3cret-ñ"
URL = "https://api.example/flows/quote?key=hidden-token"
PAYLOAD = {"flow": "quote", "answers": {"name": "José Núñez", "qty": 3, "notes": "año 2024 – 🚚"}, "extra": None}

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


class Secrets:
    """FlowStore's `secret` in memory; `broken` stands for a secret sealed under another key."""

    def __init__(self, secret: str | None = SECRET, *, broken: bool = False) -> None:
        self._secret = secret
        self._broken = broken
        self.reads: list[tuple[str, str, int]] = []

    async def secret(self, tenant: str, flow_id: str, version: int) -> str | None:
        self.reads.append((tenant, flow_id, version))
        if self._broken:
            raise SecretsUnavailable("a stored channel secret does not open with CHANNEL_SECRETS_KEY")
        return self._secret


def submission(n: int = 1, **fields) -> FlowSubmission:
    values = {
        "tenant": "demo",
        "channel": Channel.WHATSAPP,
        "thread_key": f"th_{n}",
        "trace_id": f"trace_{n}",
        "submission_id": f"sub_{n}",
        "session_id": f"fs_{n}",
        "flow_id": "quote",
        "flow_version": 2,
        "round": 1,
        "attempt": 1,
        "url": URL,
        "timeout_seconds": 10,
        "payload": PAYLOAD,
    }
    return FlowSubmission(**{**values, **fields})


def caller(
    handler: Handler, secrets: Secrets | None = None, broker: RecordingBroker | None = None, concurrency: int = 32
) -> tuple[FlowApiCaller, RecordingBroker]:
    broker = broker or RecordingBroker()
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return FlowApiCaller(broker, http, secrets or Secrets(), concurrency=concurrency), broker  # type: ignore[arg-type]


async def submit(handler: Handler, event: FlowSubmission | None = None, secrets: Secrets | None = None) -> list:
    """Runs one submission to its end; the commands published."""
    flows, broker = caller(handler, secrets)
    await flows.on_submission(event or submission())
    async with asyncio.timeout(5):  # a guard against a hang, not a timing assertion
        await flows.wait_idle()
    return commands(broker)


def commands(broker: RecordingBroker) -> list[ThreadCommand]:
    assert all(topic == THREAD_COMMAND for topic, _ in broker.published)
    return [ThreadCommand.model_validate(body) for _, body in broker.published]


def answering(status: int = 200, **response) -> Callable[[httpx.Request], httpx.Response]:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, **(response or {"json": {"status": "done", "message": "Thanks!"}}))

    return handle


# --- what is sent -------------------------------------------------------------------------------------------


async def test_the_body_is_the_payload_as_compact_utf8_json_signed_with_the_flows_secret():
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"status": "done"})

    secrets = Secrets()
    await submit(handle, submission(round=2, attempt=3), secrets)

    [request] = seen
    assert request.method == "POST" and str(request.url) == URL
    assert request.content == json.dumps(PAYLOAD, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert json.loads(request.content) == PAYLOAD
    assert "José Núñez".encode() in request.content  # not \u-escaped
    expected = hmac.new(SECRET.encode(), request.content, hashlib.sha256).hexdigest()
    assert request.headers["X-Parley-Signature-256"] == f"sha256={expected}"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["User-Agent"] == "Parley-Flows/1"
    assert request.headers["X-Parley-Delivery"] == "sub_1"
    assert request.headers["X-Parley-Idempotency-Key"] == "fs_1:2"
    assert secrets.reads == [("demo", "quote", 2)]


async def test_without_a_secret_nothing_is_signed():
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    [command] = await submit(handle, secrets=Secrets(None))
    assert "X-Parley-Signature-256" not in seen[0].headers
    assert command.flow_result is not None and command.flow_result.ok


async def test_the_call_has_the_submissions_time_limit():
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    await submit(handle, submission(timeout_seconds=7.5))
    assert seen[0].extensions["timeout"] == {"connect": 7.5, "read": 7.5, "write": 7.5, "pool": 7.5}


# --- what the router is told --------------------------------------------------------------------------------


async def test_a_json_object_is_the_answer_in_a_flow_result_command_in_the_submissions_conversation():
    event = submission(round=2, attempt=3)
    [command] = await submit(answering(200, json={"status": "done", "message": "Order 7 is on its way"}), event)

    assert command.action == CommandAction.FLOW_RESULT
    assert command.command_id == "flowres_sub_1"
    assert (command.tenant, command.channel, command.thread_key, command.trace_id) == (
        "demo",
        Channel.WHATSAPP,
        "th_1",
        "trace_1",
    )
    assert command.actor.kind == ActorKind.SYSTEM and command.actor.name == "Flow API"
    assert command.flow_result is not None
    assert command.flow_result.model_dump() == {
        "session_id": "fs_1",
        "round": 2,
        "attempt": 3,
        "ok": True,
        "status_code": 200,
        "error": None,
        "response": {"status": "done", "message": "Order 7 is on its way"},
    }


@pytest.mark.parametrize(
    ("response", "status_code", "error"),
    [
        ({"json": ["not", "an", "object"]}, 200, NOT_AN_OBJECT),
        ({"text": "<html>ok</html>", "headers": {"content-type": "text/html"}}, 200, NOT_AN_OBJECT),
        ({"content": b""}, 204, NOT_AN_OBJECT),
        ({"json": {"error": "boom"}}, 500, "HTTP 500"),
        ({"json": {"error": "who are you"}}, 401, "HTTP 401"),
        ({"headers": {"location": "https://elsewhere.example/"}}, 302, "HTTP 302"),
    ],
)
async def test_any_other_answer_is_a_failed_attempt(response, status_code, error):
    [command] = await submit(answering(status_code, **response))
    flow_result = command.flow_result
    assert flow_result is not None
    assert (flow_result.ok, flow_result.status_code, flow_result.error, flow_result.response) == (
        False,
        status_code,
        error,
        None,
    )


async def test_no_answer_in_time_is_a_timeout():
    def handle(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    [command] = await submit(handle, submission(timeout_seconds=12))
    assert command.flow_result is not None
    assert (command.flow_result.ok, command.flow_result.status_code, command.flow_result.error) == (
        False,
        None,
        "no answer within 12 s",
    )


async def test_an_unreachable_api_is_named_by_the_errors_class_only():
    def handle(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot connect to {request.url}", request=request)

    [command] = await submit(handle)
    assert command.flow_result is not None
    assert (command.flow_result.ok, command.flow_result.error) == (False, "the call failed: ConnectError")
    assert "hidden-token" not in command.model_dump_json()
    assert "José" not in command.model_dump_json()


async def test_an_answer_too_large_to_carry_is_a_failed_attempt():
    huge = {"blob": "x" * MAX_RESPONSE_BYTES}
    [command] = await submit(answering(200, json=huge))
    assert command.flow_result is not None
    assert not command.flow_result.ok and command.flow_result.response is None
    assert "larger than" in (command.flow_result.error or "")


async def test_a_secret_that_cannot_be_opened_fails_the_attempt_without_a_call():
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    [command] = await submit(handle, secrets=Secrets(broken=True))
    assert seen == []
    assert command.command_id == "flowres_sub_1" and command.action == CommandAction.FLOW_RESULT
    assert command.flow_result is not None
    assert (command.flow_result.ok, command.flow_result.error) == (False, SECRET_UNAVAILABLE)


# --- classification, alone ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (200, b'{"status":"done"}', Outcome(ok=True, status_code=200, response={"status": "done"})),
        (201, '{"a":"ñ"}'.encode(), Outcome(ok=True, status_code=201, response={"a": "ñ"})),
        (200, b"[1, 2]", Outcome(ok=False, status_code=200, error=NOT_AN_OBJECT)),
        (200, b'"done"', Outcome(ok=False, status_code=200, error=NOT_AN_OBJECT)),
        (200, b"<html></html>", Outcome(ok=False, status_code=200, error=NOT_AN_OBJECT)),
        (200, b"\xff\xfe", Outcome(ok=False, status_code=200, error=NOT_AN_OBJECT)),
        (404, b'{"status":"done"}', Outcome(ok=False, status_code=404, error="HTTP 404")),
        (503, b"", Outcome(ok=False, status_code=503, error="HTTP 503")),
    ],
)
def test_classify_response(status, body, expected):
    assert classify_response(status, body) == expected


def test_classify_failure():
    request = httpx.Request("POST", URL)
    assert classify_failure(httpx.ReadTimeout("t", request=request), 30) == Outcome(
        ok=False, error="no answer within 30 s"
    )
    assert classify_failure(TimeoutError(), 2.5).error == "no answer within 2.5 s"
    assert classify_failure(httpx.ConnectError(URL, request=request), 30) == Outcome(
        ok=False, error="the call failed: ConnectError"
    )
    assert classify_failure(httpx.RemoteProtocolError(URL), 30).error == "the call failed: RemoteProtocolError"


def test_the_error_is_capped_at_500_characters():
    flow_result = result(submission(), Outcome(ok=False, error="e" * 2000))
    assert flow_result.error == "e" * 500


# --- in the background ----------------------------------------------------------------------------------------


async def test_the_step_returns_before_the_api_answers_and_submissions_run_side_by_side():
    second_arrived = asyncio.Event()
    order: list[str] = []

    async def handle(request: httpx.Request) -> httpx.Response:
        delivery = request.headers["X-Parley-Delivery"]
        order.append(f"{delivery} called")
        if delivery == "sub_1":
            await second_arrived.wait()  # answers only once the second call is under way
        else:
            second_arrived.set()
        order.append(f"{delivery} answered")
        return httpx.Response(200, json={"for": delivery})

    flows, broker = caller(handle)
    await flows.on_submission(submission(1))
    assert broker.published == []  # the first call is still waiting: the step did not
    await flows.on_submission(submission(2))
    async with asyncio.timeout(5):  # a guard against a hang (it would mean the calls ran one after the other)
        await flows.wait_idle()

    assert order == ["sub_1 called", "sub_2 called", "sub_2 answered", "sub_1 answered"]
    assert [(c.command_id, c.thread_key) for c in commands(broker)] == [
        ("flowres_sub_2", "th_2"),
        ("flowres_sub_1", "th_1"),
    ]


async def test_calls_beyond_the_concurrency_wait_for_a_slot():
    release = asyncio.Event()
    called: list[str] = []

    async def handle(request: httpx.Request) -> httpx.Response:
        called.append(request.headers["X-Parley-Delivery"])
        await release.wait()
        return httpx.Response(200, json={})

    flows, broker = caller(handle, concurrency=1)
    await flows.on_submission(submission(1))
    await flows.on_submission(submission(2))
    for _ in range(20):
        await asyncio.sleep(0)
    assert called == ["sub_1"]
    release.set()
    async with asyncio.timeout(5):
        await flows.wait_idle()
    assert called == ["sub_1", "sub_2"]
    assert len(commands(broker)) == 2


async def test_stopping_cancels_the_calls_still_waiting_and_publishes_nothing_for_them():
    async def handle(request: httpx.Request) -> httpx.Response:
        await asyncio.Event().wait()  # never answers
        return httpx.Response(200, json={})

    flows, broker = caller(handle)
    await flows.on_submission(submission())
    await asyncio.sleep(0)
    await flows.stop(grace_seconds=0.01)
    await flows.wait_idle()
    assert broker.published == []


async def test_a_result_that_cannot_be_published_is_left_to_the_routers_deadline():
    class DownBroker(RecordingBroker):
        async def publish(self, body: bytes, topic: str, **kwargs) -> None:
            raise RuntimeError("kafka is down")

    flows, _ = caller(answering(200, json={}), broker=DownBroker())
    with capture_logs() as logs:
        await flows.on_submission(submission())
        async with asyncio.timeout(5):
            await flows.wait_idle()
    [unpublished] = [e for e in logs if e["event"] == "flow.result_unpublished"]
    assert unpublished["submission_id"] == "sub_1" and unpublished["error"] == "RuntimeError"


async def test_logs_carry_ids_and_timings_never_the_answers_the_reply_the_query_or_the_secret():
    with capture_logs() as logs:
        await submit(answering(200, json={"status": "done", "message": "private reply"}))
    [answered] = [e for e in logs if e["event"] == "flow.submission.answered"]
    assert answered["session_id"] == "fs_1" and answered["submission_id"] == "sub_1"
    assert answered["attempt"] == 1 and answered["status_code"] == 200
    assert isinstance(answered["duration_ms"], int)
    text = repr(logs)
    for private in ("José", "private reply", "hidden-token", SECRET, "api.example"):
        assert private not in text
