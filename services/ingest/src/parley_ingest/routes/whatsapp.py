"""WhatsApp Cloud API webhook: verification handshake (GET) and signed deliveries (POST).

Answers: 200 once every event of the delivery is acknowledged by Kafka; 400 for a body that is not a WhatsApp
webhook (or has nothing usable in it); 401 for a missing or wrong signature; 413 for a body over MAX_BODY_BYTES;
429 when the client address sends too fast; 503 when Kafka does not acknowledge in time. Every refusal is logged
with ids and reasons only, never what a customer wrote or their number. A delivery for a phone number id no
business unit connected is answered 200 and kept as a dead letter (`IngestContext.refuse_unconnected`)."""

from typing import Annotated

import structlog
from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response, status
from fastapi.responses import PlainTextResponse

from parley_contracts import Channel
from parley_ingest.delivery import MalformedWebhook
from parley_ingest.deps import Ingest, rate_limited
from parley_ingest.signatures import valid_meta_signature
from parley_ingest.whatsapp import parse_delivery

router = APIRouter(prefix="/webhooks/whatsapp", tags=["whatsapp"], dependencies=[Depends(rate_limited)])
log = structlog.get_logger()


@router.get("", response_class=PlainTextResponse)
async def verify_subscription(
    ingest: Ingest,
    mode: Annotated[str | None, Query(alias="hub.mode")] = None,
    token: Annotated[str | None, Query(alias="hub.verify_token")] = None,
    challenge: Annotated[str | None, Query(alias="hub.challenge")] = None,
) -> str:
    """Meta's subscription check: echo the challenge exactly when mode and token match."""
    if mode != "subscribe" or token != ingest.settings.whatsapp_verify_token.get_secret_value() or challenge is None:
        log.warning("webhook.verification_refused", channel="whatsapp", mode=mode)
        raise HTTPException(status.HTTP_403_FORBIDDEN, "verification failed: wrong hub.mode or hub.verify_token")
    return challenge


@router.post("")
async def receive_delivery(
    request: Request,
    ingest: Ingest,
    signature: Annotated[str | None, Header(alias="X-Hub-Signature-256")] = None,
) -> Response:
    raw = await ingest.read_body(request)
    if not valid_meta_signature(raw, signature, ingest.settings.whatsapp_app_secret.get_secret_value()):
        log.warning("webhook.bad_signature", channel="whatsapp", present=signature is not None, bytes=len(raw))
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "X-Hub-Signature-256 missing or does not match the body")
    try:
        delivery = parse_delivery(raw, await ingest.tenant_for(Channel.WHATSAPP), ingest.size_limits)
    except MalformedWebhook as exc:
        log.warning("webhook.malformed", channel="whatsapp", reason=str(exc), bytes=len(raw))
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"malformed WhatsApp webhook: {exc}") from exc
    await ingest.accept(Channel.WHATSAPP, delivery, raw)
    return Response(status_code=status.HTTP_200_OK)
