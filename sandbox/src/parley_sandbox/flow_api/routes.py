"""Routes of the stand-in business API, all under `/sandbox/flow-api`.

- `POST /{endpoint}`: what Parley calls. Checked in this order: signature (401, consumes nothing), media type (415),
  JSON (400), the submission's shape and headers (400); then the endpoint's next scripted response answers it.
- `PUT /{endpoint}/script`, `GET /{endpoint}/script`: choose (and see) what the next calls are answered with.
- `GET /{endpoint}/calls`: every call received, refused ones too, oldest first.
- `DELETE /{endpoint}`: forget the endpoint (script, default, secret, calls).
- `GET /`: a page to do the same by hand.

Every call is recorded before it is answered, so a `timeout` call shows up while the sandbox is still waiting (and
stays recorded when Parley's client has given up)."""

import asyncio
import json
from datetime import UTC, datetime
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ValidationError

from parley_sandbox.flow_api.contract import (
    DELIVERY_HEADER,
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    Submission,
    signature_ok,
)
from parley_sandbox.flow_api.endpoints import EndpointView, FlowCall
from parley_sandbox.flow_api.script import ScriptedResponse, ScriptIn, render
from parley_sandbox.logs import get_logger
from parley_sandbox.state import SandboxState

log = get_logger("parley_sandbox.flow_api")
EndpointName = Annotated[
    str, Path(min_length=1, max_length=200, description="any name: one per business, flow or test")
]
REJECTED = "rejected"


class CallAnswer(BaseModel):
    status: int
    kind: str  # the scripted kind, or "rejected"


class CallOut(BaseModel):
    at: str
    delivery: str | None
    idempotency_key: str | None
    signature_ok: bool
    body: Any
    answered: CallAnswer
    error: str | None = None


class CallsOut(BaseModel):
    calls: list[CallOut]


class ScriptOut(BaseModel):
    endpoint: str
    responses: list[ScriptedResponse]
    default: ScriptedResponse
    custom_secret: bool  # the script set this endpoint's secret (it is never shown)


def _script_out(endpoint: str, view: EndpointView) -> ScriptOut:
    return ScriptOut(
        endpoint=endpoint, responses=view.responses, default=view.default, custom_secret=view.custom_secret
    )


def _call_out(call: FlowCall) -> CallOut:
    return CallOut(
        at=call.at,
        delivery=call.delivery,
        idempotency_key=call.idempotency_key,
        signature_ok=call.signature_ok,
        body=call.body,
        answered=CallAnswer(status=call.status, kind=call.kind),
        error=call.error,
    )


def _parse(raw: bytes) -> tuple[bool, Any]:
    try:
        return True, json.loads(raw)
    except ValueError:  # includes UnicodeDecodeError
        return False, None


def _problems(exc: ValidationError) -> list[dict[str, str]]:
    """Where and what, never the offending values (they are the customer's answers)."""
    return [{"loc": ".".join(str(part) for part in e["loc"]) or "body", "msg": e["msg"]} for e in exc.errors()]


def build_router(state: SandboxState) -> APIRouter:
    router = APIRouter(prefix="/sandbox/flow-api", tags=["flow api (a business's API)"])
    flows = state.flow_api
    page = resources.files("parley_sandbox.flow_api").joinpath("page.html").read_text(encoding="utf-8")

    def now() -> str:
        return datetime.fromtimestamp(state.clock(), UTC).isoformat()

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def flow_api_page() -> HTMLResponse:
        """A page to script an endpoint's answers by hand and watch Parley's calls arrive."""
        return HTMLResponse(page)

    @router.post(
        "/{endpoint}",
        summary="What Parley's question flows call: answered by the endpoint's script",
        responses={
            400: {"description": "malformed JSON, or a body or header off the contract"},
            401: {"description": "missing or wrong X-Parley-Signature-256"},
            415: {"description": "not application/json"},
        },
    )
    async def submit(endpoint: EndpointName, request: Request) -> Response:
        raw = await request.body()
        delivery = request.headers.get(DELIVERY_HEADER)
        key = request.headers.get(IDEMPOTENCY_HEADER)
        is_json, body = _parse(raw)

        async def refuse(
            status: int, error: str, detail: str, *, signed: bool = True, problems: list[dict[str, str]] | None = None
        ) -> JSONResponse:
            call = FlowCall(now(), delivery, key, signed, body, status, REJECTED, detail)
            await flows.record(endpoint, call)
            content: dict[str, Any] = {"error": error, "detail": detail}
            if problems:
                content["problems"] = problems
            return JSONResponse(content, status_code=status)

        given = request.headers.get(SIGNATURE_HEADER)
        if not signature_ok(raw, await flows.secret(endpoint), given):
            reason = "missing" if not given else "mismatch"
            # No body text: it holds the customer's answers.
            log.warning(
                "flow_api.signature_rejected",
                endpoint=endpoint,
                reason=reason,
                delivery=delivery,
                idempotency_key=key,
                body_bytes=len(raw),
            )
            detail = f"{SIGNATURE_HEADER} is {reason}" if reason == "missing" else f"{SIGNATURE_HEADER} does not match"
            return await refuse(401, "invalid_signature", detail, signed=False)

        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type != "application/json":
            return await refuse(
                415, "unsupported_media_type", f"Content-Type must be application/json, not {media_type!r}"
            )
        if not is_json:
            return await refuse(400, "malformed_json", "the body is not JSON")
        try:
            submission = Submission.model_validate(body)
        except ValidationError as exc:
            problems = _problems(exc)
            log.warning("flow_api.invalid_submission", endpoint=endpoint, delivery=delivery, problems=problems)
            return await refuse(400, "invalid_submission", "the body does not follow the contract", problems=problems)
        if not delivery:
            return await refuse(400, "invalid_submission", f"{DELIVERY_HEADER} is missing")
        if key != submission.idempotency_key:
            detail = f"{IDEMPOTENCY_HEADER} must be <session_id>:<round> ({submission.idempotency_key!r}), not {key!r}"
            return await refuse(400, "invalid_submission", detail)

        answer = render(await flows.take(endpoint))
        await flows.record(endpoint, FlowCall(now(), delivery, key, True, body, answer.status, answer.kind))
        log.info(
            "flow_api.answered",
            endpoint=endpoint,
            kind=answer.kind,
            status=answer.status,
            delivery=delivery,
            idempotency_key=key,
            delay_seconds=answer.delay_seconds,
        )
        if answer.delay_seconds:
            await asyncio.sleep(answer.delay_seconds)
        return Response(answer.content, status_code=answer.status, media_type=answer.media_type)

    @router.put(
        "/{endpoint}/script",
        response_model=ScriptOut,
        response_model_exclude_none=True,
        summary="Queue the endpoint's next answers",
    )
    async def put_script(endpoint: EndpointName, script: ScriptIn) -> ScriptOut:
        view = await flows.script(endpoint, script.responses, default=script.default, secret=script.secret)
        log.info(
            "flow_api.scripted",
            endpoint=endpoint,
            kinds=[r.kind for r in script.responses],
            default=view.default.kind,
            custom_secret=view.custom_secret,
        )
        return _script_out(endpoint, view)

    @router.get(
        "/{endpoint}/script",
        response_model=ScriptOut,
        response_model_exclude_none=True,
        summary="What the next calls will be answered with",
    )
    async def get_script(endpoint: EndpointName) -> ScriptOut:
        return _script_out(endpoint, await flows.view(endpoint))

    @router.get("/{endpoint}/calls", response_model=CallsOut, summary="Calls received, refused ones too")
    async def calls(endpoint: EndpointName) -> CallsOut:
        return CallsOut(calls=[_call_out(c) for c in await flows.calls(endpoint)])

    @router.delete("/{endpoint}", summary="Forget the endpoint: its script, default, secret and calls")
    async def clear(endpoint: EndpointName) -> dict[str, bool]:
        return {"cleared": await flows.clear(endpoint)}

    return router
