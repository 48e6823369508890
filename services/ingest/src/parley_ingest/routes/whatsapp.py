"""WhatsApp Cloud API webhook: verification handshake (GET) and signed deliveries (POST)."""

from typing import Annotated

import structlog
from fastapi import APIRouter, Header, HTTPException, Query, Request, Response, status
from fastapi.responses import PlainTextResponse

from parley_contracts import MessageReceived
from parley_ingest.deps import Ingest
from parley_ingest.signatures import valid_meta_signature
from parley_ingest.whatsapp import MalformedWebhook, parse_events

router = APIRouter(prefix="/webhooks/whatsapp", tags=["whatsapp"])
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
        events = parse_events(raw, ingest.settings.tenant_for)
    except MalformedWebhook as exc:
        log.warning("webhook.malformed", channel="whatsapp", reason=str(exc))
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"malformed WhatsApp webhook: {exc}") from exc
    for event in events:
        if isinstance(event, MessageReceived) and event.dedupe_key in ingest.recent:
            log.info("webhook.duplicate_skipped", dedupe_key=event.dedupe_key)
            continue
        # Answer 200 only once Kafka holds every event (acks=all): a failure here is a 5xx, and Meta retries.
        await ingest.publisher.publish(event)
        if isinstance(event, MessageReceived):
            ingest.recent.add(event.dedupe_key)
        log.info("webhook.accepted", event_id=event.event_id, thread_key=event.thread_key, topic=event.topic)
    return Response(status_code=status.HTTP_200_OK)
