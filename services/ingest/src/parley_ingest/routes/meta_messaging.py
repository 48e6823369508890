"""Messenger and Instagram webhooks (the Messenger Platform): verification handshake (GET) and signed deliveries
(POST), one router per platform, each with its own app secret and verify token.

Answers as WhatsApp's route does (routes/whatsapp.py): 200 once every event is acknowledged by Kafka; 400 for a
body that is not this platform's webhook; 401 for a missing or wrong `X-Hub-Signature-256`; 403 for a failed
verification; 413, 429, 503 from the shared machinery. A delivery for a page or Instagram account nobody
connected is answered 200 and kept as a dead letter."""

from typing import Annotated

import structlog
from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response, status
from fastapi.responses import PlainTextResponse
from pydantic import SecretStr

from parley_ingest.delivery import MalformedWebhook
from parley_ingest.deps import Ingest, IngestContext, rate_limited
from parley_ingest.meta_messaging import INSTAGRAM, MESSENGER, Platform, parse_delivery
from parley_ingest.signatures import valid_meta_signature

log = structlog.get_logger()


def _secrets(ingest: IngestContext, platform: Platform) -> tuple[SecretStr, SecretStr]:
    """(app secret, verify token) of the platform's Meta app."""
    s = ingest.settings
    if platform is INSTAGRAM:
        return s.instagram_app_secret, s.instagram_verify_token
    return s.messenger_app_secret, s.messenger_verify_token


def build_router(platform: Platform) -> APIRouter:
    channel = platform.channel
    router = APIRouter(prefix=f"/webhooks/{channel}", tags=[str(channel)], dependencies=[Depends(rate_limited)])

    @router.get("", response_class=PlainTextResponse)
    async def verify_subscription(
        ingest: Ingest,
        mode: Annotated[str | None, Query(alias="hub.mode")] = None,
        token: Annotated[str | None, Query(alias="hub.verify_token")] = None,
        challenge: Annotated[str | None, Query(alias="hub.challenge")] = None,
    ) -> str:
        """Meta's subscription check: echo the challenge exactly when mode and token match."""
        _, verify_token = _secrets(ingest, platform)
        if mode != "subscribe" or token != verify_token.get_secret_value() or challenge is None:
            log.warning("webhook.verification_refused", channel=channel, mode=mode)
            raise HTTPException(status.HTTP_403_FORBIDDEN, "verification failed: wrong hub.mode or hub.verify_token")
        return challenge

    @router.post("")
    async def receive_delivery(
        request: Request,
        ingest: Ingest,
        signature: Annotated[str | None, Header(alias="X-Hub-Signature-256")] = None,
    ) -> Response:
        raw = await ingest.read_body(request)
        app_secret, _ = _secrets(ingest, platform)
        if not valid_meta_signature(raw, signature, app_secret.get_secret_value()):
            log.warning("webhook.bad_signature", channel=channel, present=signature is not None, bytes=len(raw))
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "X-Hub-Signature-256 missing or does not match the body")
        try:
            delivery = parse_delivery(raw, platform, await ingest.tenant_for(channel), ingest.size_limits)
        except MalformedWebhook as exc:
            log.warning("webhook.malformed", channel=channel, reason=str(exc), bytes=len(raw))
            raise HTTPException(status.HTTP_400_BAD_REQUEST, f"malformed {platform.name} webhook: {exc}") from exc
        await ingest.accept(channel, delivery, raw)
        return Response(status_code=status.HTTP_200_OK)

    return router


messenger = build_router(MESSENGER)
instagram = build_router(INSTAGRAM)
