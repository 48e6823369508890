"""What every Graph API call the sandbox answers goes through, in Meta's order: path version, access token,
object id, then (for the calls that change something) an injected fault, before the body is looked at.

Shared by `/messages`, `/media` and `/message_templates`, so the three answer bad tokens and unknown ids
exactly alike; and the one way a refused call is recorded and answered.
"""

import asyncio
import hmac
import re
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from parley_sandbox.faults import Fault
from parley_sandbox.logs import get_logger
from parley_sandbox.meta import GraphError, unknown_object
from parley_sandbox.settings import SandboxSettings
from parley_sandbox.state import SandboxState
from parley_sandbox.whatsapp import CHANNEL

log = get_logger("parley_sandbox.whatsapp.graph")

# Status -> (Graph error code, message) when a fault does not say otherwise.
_FAULT_ERRORS: dict[int, tuple[int, str]] = {
    429: (130429, "(#130429) Rate limit hit"),
    500: (1, "An unknown error occurred"),
    503: (2, "Service temporarily unavailable"),
}


def fault_error(fault: Fault) -> GraphError:
    code, message = _FAULT_ERRORS.get(fault.status, (131000, "(#131000) Something went wrong"))
    if fault.code is not None:
        code = fault.code
    details = "Cloud API message throughput has been reached." if code == 130429 else "Injected by the sandbox."
    return GraphError(fault.status, code, fault.message or message, details=details)


def check_version(version: str, path: str) -> None:
    if not re.fullmatch(r"v\d+\.\d+", version):
        raise GraphError(400, 2500, f"Unknown path components: /{version}/{path}")


def check_auth(request: Request, settings: SandboxSettings) -> None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        token = request.query_params.get("access_token", "")  # Graph also takes the token as a param
    if not token or not hmac.compare_digest(token.strip().encode(), settings.whatsapp_access_token.encode()):
        raise GraphError(401, 190, "Invalid OAuth access token - Cannot parse access token", type_="OAuthException")


async def check_post(state: SandboxState, request: Request, version: str, phone_number_id: str, edge: str) -> None:
    """A POST to `/{phone_number_id}/{edge}`: version, token, known sender, then an outage or throttle."""
    check_version(version, f"{phone_number_id}/{edge}")
    check_auth(request, state.settings)
    if phone_number_id != state.settings.whatsapp_phone_number_id:
        raise unknown_object("post", phone_number_id)
    if (fault := await state.faults.take(CHANNEL)) is not None:
        if fault.delay_seconds:
            await asyncio.sleep(fault.delay_seconds)  # the caller may die meanwhile: the call still completes
        if fault.status >= 400:
            raise fault_error(fault)


async def reject(
    state: SandboxState,
    error: GraphError,
    *,
    account_id: str,
    to: str | None,
    type_: str | None,
    body: Any,
) -> JSONResponse:
    """Record a refused call (listed with `include_rejected=true`) and answer it with the Graph error."""
    err_body = error.body()
    await state.store.add_request(
        channel=CHANNEL,
        account_id=account_id,
        to=to,
        type=type_,
        body=body,
        status_code=error.status_code,
        message_id=None,
        error=err_body["error"],
    )
    log.info(
        "whatsapp.call.rejected",
        account_id=account_id,
        type=type_,
        status=error.status_code,
        code=error.code,
        message=error.message,
    )
    return JSONResponse(status_code=error.status_code, content=err_body)
