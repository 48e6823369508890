"""The consumer of `flow.submission`: a question flow's answers, to POST to the business's API. Outbound signs
them with the flow's secret (HMAC-SHA256 of the exact body), sends them once and answers the router with a
`flow_result` command on `thread.command` (the router is the only writer of threads).

One attempt per submission, never a retry here: the router owns the schedule (it publishes a new submission,
attempt + 1, after its backoff). Each call runs in a background task, at most `FLOW_CALL_CONCURRENCY` at a time,
and the step returns at once, so an API that is slow to answer (up to 60 s) holds up no other conversation on
the partition. Acknowledging the record before the call has finished is safe: the router's deadline timer counts
an attempt whose result never comes back (within its timeout + 15 s: a crash, a lost publish) as failed and
submits it again, and the business deduplicates by `X-Parley-Idempotency-Key` (`<session_id>:<round>`, the same
for every attempt of a round).

The secret is read in the step (one read by `_id`): MongoDB unavailable is retried by the step runner with the
offset uncommitted, as everywhere (docs/adr/0005-failure-policy.md). Logs carry ids, status codes and durations,
never the answers, the API's reply, the URL's query or the secret."""

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
import structlog
from faststream.kafka import KafkaBroker

from parley_business.channel_account_store import SecretsUnavailable
from parley_contracts import Actor, ActorKind, CommandAction, FlowResult, FlowSubmission, ThreadCommand
from parley_runtime.kafka import publish

log = structlog.get_logger()

USER_AGENT = "Parley-Flows/1"
SIGNATURE_HEADER = "X-Parley-Signature-256"
DELIVERY_HEADER = "X-Parley-Delivery"
IDEMPOTENCY_HEADER = "X-Parley-Idempotency-Key"
ACTOR = Actor(kind=ActorKind.SYSTEM, name="Flow API")
ERROR_MAX_CHARS = 500  # FlowResult.error's limit
# A reply travels in a Kafka record and is kept with the thread: a bigger one is a failure, not a failed publish.
MAX_RESPONSE_BYTES = 256 * 1024
NOT_AN_OBJECT = "the API answered 2xx without a JSON object"
SECRET_UNAVAILABLE = "the flow's secret cannot be opened"


class FlowSecrets(Protocol):
    """What the caller needs of `parley_business.flow_store.FlowStore` (unit tests pass an in-memory one)."""

    async def secret(self, tenant: str, flow_id: str, version: int) -> str | None: ...


class ResponseTooLarge(Exception):
    """A 2xx whose body is over MAX_RESPONSE_BYTES (the rest is not read)."""

    def __init__(self, status_code: int) -> None:
        super().__init__(f"the API's answer is larger than {MAX_RESPONSE_BYTES // 1024} KiB")
        self.status_code = status_code


@dataclass(frozen=True)
class Outcome:
    """How one call went, before it is tied to its submission (`result`)."""

    ok: bool
    status_code: int | None = None
    error: str | None = None
    response: dict[str, Any] | None = None


def body_of(payload: dict[str, Any]) -> bytes:
    """The bytes POSTed (and signed): compact JSON, UTF-8, non-ASCII characters as they are."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def signature(secret: str, body: bytes) -> str:
    """`X-Parley-Signature-256`'s value: the business recomputes it over the raw body it received."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def request_headers(event: FlowSubmission, secret: str | None, body: bytes) -> dict[str, str]:
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        DELIVERY_HEADER: event.submission_id,
        IDEMPOTENCY_HEADER: f"{event.session_id}:{event.round}",
    }
    if secret:
        headers[SIGNATURE_HEADER] = signature(secret, body)
    return headers


def classify_response(status_code: int, body: bytes) -> Outcome:
    """A 2xx with a JSON object is the API's answer; anything else is a failed attempt."""
    if not 200 <= status_code < 300:
        return Outcome(ok=False, status_code=status_code, error=f"HTTP {status_code}")
    try:
        answer = json.loads(body)
    except ValueError:  # not JSON, or not UTF-8
        answer = None
    if not isinstance(answer, dict):
        return Outcome(ok=False, status_code=status_code, error=NOT_AN_OBJECT)
    return Outcome(ok=True, status_code=status_code, response=answer)


def classify_failure(exc: BaseException, timeout_seconds: float) -> Outcome:
    """No usable answer: a timeout, or the call failed on the way. Only the exception's class is told, never its
    message (httpx's name the URL, query included)."""
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return Outcome(ok=False, error=f"no answer within {timeout_seconds:g} s")
    if isinstance(exc, ResponseTooLarge):
        return Outcome(ok=False, status_code=exc.status_code, error=str(exc))
    return Outcome(ok=False, error=f"the call failed: {type(exc).__name__}")


def result(event: FlowSubmission, outcome: Outcome) -> FlowResult:
    error = outcome.error[:ERROR_MAX_CHARS] if outcome.error is not None else None
    return FlowResult(
        session_id=event.session_id,
        round=event.round,
        attempt=event.attempt,
        ok=outcome.ok,
        status_code=outcome.status_code,
        error=error,
        response=outcome.response,
    )


def result_command(event: FlowSubmission, outcome: Outcome) -> ThreadCommand:
    """The answer to the router, in the submission's conversation and trace; its id comes from the submission's,
    so a submission handled twice gives the router one command twice (deduplicated by `command_id`)."""
    return ThreadCommand(
        **event.lineage(),
        command_id=f"flowres_{event.submission_id}",
        action=CommandAction.FLOW_RESULT,
        actor=ACTOR,
        flow_result=result(event, outcome),
    )


class FlowApiCaller:
    def __init__(
        self,
        broker: KafkaBroker,
        http: httpx.AsyncClient,
        secrets: FlowSecrets,
        *,
        concurrency: int = 32,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._broker = broker
        self._http = http
        self._secrets = secrets
        self._slots = asyncio.Semaphore(concurrency)
        self._clock = clock
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_submission(self, event: FlowSubmission) -> None:
        """The consumer step for `flow.submission`: reads the secret, starts the call and returns."""
        try:
            secret = await self._secrets.secret(event.tenant, event.flow_id, event.flow_version)
        except SecretsUnavailable:
            log.error(
                "flow.secret_unavailable",
                session_id=event.session_id,
                submission_id=event.submission_id,
                flow_id=event.flow_id,
                flow_version=event.flow_version,
            )
            await publish(self._broker, result_command(event, Outcome(ok=False, error=SECRET_UNAVAILABLE)))
            return
        task = asyncio.create_task(self._submit(event, secret), name=f"flow-submission:{event.submission_id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def wait_idle(self) -> None:
        """Until every call started so far has been answered (tests)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def stop(self, grace_seconds: float = 5.0) -> None:
        """At shutdown (while the broker still publishes): a little time for the calls in flight to finish and
        report, then the rest are cancelled; the router's deadline re-submits those."""
        if not self._tasks:
            return
        pending = set(self._tasks)
        _, unfinished = await asyncio.wait(pending, timeout=grace_seconds)
        for task in unfinished:
            task.cancel()
        if unfinished:
            await asyncio.gather(*unfinished, return_exceptions=True)
            log.warning("flow.calls_cancelled", cancelled=len(unfinished))

    async def _submit(self, event: FlowSubmission, secret: str | None) -> None:
        async with self._slots:
            started = self._clock()
            outcome = await self._call(event, secret)
            duration_ms = round((self._clock() - started) * 1000)
        log.info(
            "flow.submission.answered" if outcome.ok else "flow.submission.failed",
            session_id=event.session_id,
            submission_id=event.submission_id,
            round=event.round,
            attempt=event.attempt,
            status_code=outcome.status_code,
            error=outcome.error,
            duration_ms=duration_ms,
        )
        try:
            await publish(self._broker, result_command(event, outcome))
        except Exception as exc:
            # Nobody retries a background task: the router's deadline counts this attempt as failed.
            log.error(
                "flow.result_unpublished",
                session_id=event.session_id,
                submission_id=event.submission_id,
                error=type(exc).__name__,
            )

    async def _call(self, event: FlowSubmission, secret: str | None) -> Outcome:
        try:
            body = body_of(event.payload)
            headers = request_headers(event, secret, body)
            # httpx's timeout applies to each phase (connect, each read…): the whole call gets the same limit.
            async with asyncio.timeout(event.timeout_seconds):
                request = self._http.build_request(
                    "POST", event.url, content=body, headers=headers, timeout=event.timeout_seconds
                )
                response = await self._http.send(request, stream=True)
                try:
                    # Only a 2xx's body is used: an error page is not read at all.
                    answer = await _read_capped(response) if response.is_success else b""
                finally:
                    await response.aclose()
        except Exception as exc:
            return classify_failure(exc, event.timeout_seconds)
        return classify_response(response.status_code, answer)


async def _read_capped(response: httpx.Response) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise ResponseTooLarge(response.status_code)
        chunks.append(chunk)
    return b"".join(chunks)
