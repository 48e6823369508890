"""Meta's webhooks: WhatsApp Cloud API, Messenger and Instagram. One router shape for the three: the verification
handshake (GET) and signed deliveries (POST), each platform with its own app secret and verify token
(`IngestSettings.meta_app`) and its own pure parser.

Deliveries are served by the lane (parley_ingest.lane), the verification GETs by FastAPI.

Answers: 200 once every event of the delivery is acknowledged by Kafka; 400 for a body that is not this
platform's webhook (or has nothing usable in it); 401 for a missing or wrong `X-Hub-Signature-256`; 403 for a
failed verification; 413 for a body over MAX_BODY_BYTES; 429 when the client address sends too fast; 503 when
Kafka does not acknowledge in time. Every refusal is logged with ids and reasons only, never what a customer wrote
or their number. A delivery for an account no business unit connected is answered 200 and kept as a dead letter
(`IngestContext.refuse_unconnected`)."""

from collections.abc import Callable
from typing import Annotated

import structlog
from fastapi import APIRouter, Depends, HTTPException, Query, status
from fastapi.responses import PlainTextResponse
from starlette.requests import Request
from starlette.responses import Response

from parley_contracts import Channel
from parley_ingest import meta_messaging, whatsapp
from parley_ingest.delivery import Delivery, MalformedWebhook, TenantFor
from parley_ingest.deps import Ingest, IngestContext, rate_limited
from parley_ingest.lane import DeliveryRoute
from parley_ingest.signatures import valid_meta_signature
from parley_ingest.sizing import SizeLimits

log = structlog.get_logger()

SIGNATURE_HEADER = "X-Hub-Signature-256"

Parser = Callable[[bytes, TenantFor, SizeLimits], Delivery]


def build_router(channel: Channel) -> APIRouter:
    router = APIRouter(prefix=f"/webhooks/{channel}", tags=[str(channel)], dependencies=[Depends(rate_limited)])

    @router.get("", response_class=PlainTextResponse)
    async def verify_subscription(
        ingest: Ingest,
        mode: Annotated[str | None, Query(alias="hub.mode")] = None,
        token: Annotated[str | None, Query(alias="hub.verify_token")] = None,
        challenge: Annotated[str | None, Query(alias="hub.challenge")] = None,
    ) -> str:
        """Meta's subscription check: echo the challenge exactly when mode and token match."""
        verify_token = ingest.settings.meta_app(channel).verify_token.get_secret_value()
        if mode != "subscribe" or token != verify_token or challenge is None:
            log.warning("webhook.verification_refused", channel=channel, mode=mode)
            raise HTTPException(status.HTTP_403_FORBIDDEN, "verification failed: wrong hub.mode or hub.verify_token")
        return challenge

    return router


def delivery_route(channel: Channel, name: str, parse: Parser) -> DeliveryRoute:
    async def receive_delivery(request: Request, ingest: IngestContext) -> Response:
        """A signed delivery: answered 200 once every event in it is acknowledged by Kafka."""
        raw = await ingest.read_body(request)
        signature = request.headers.get(SIGNATURE_HEADER)
        app_secret = ingest.settings.meta_app(channel).app_secret.get_secret_value()
        if not valid_meta_signature(raw, signature, app_secret):
            log.warning("webhook.bad_signature", channel=channel, present=signature is not None, bytes=len(raw))
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, f"{SIGNATURE_HEADER} missing or does not match the body")
        try:
            delivery = parse(raw, await ingest.tenant_for(channel), ingest.size_limits)
        except MalformedWebhook as exc:
            log.warning("webhook.malformed", channel=channel, reason=str(exc), bytes=len(raw))
            raise HTTPException(status.HTTP_400_BAD_REQUEST, f"malformed {name} webhook: {exc}") from exc
        await ingest.accept(channel, delivery, raw)
        return Response(status_code=status.HTTP_200_OK)

    return DeliveryRoute(
        f"/webhooks/{channel}",
        channel,
        receive_delivery,
        headers={SIGNATURE_HEADER: "sha256=<hex HMAC-SHA256 of the raw body, keyed by the app secret>"},
        responses={
            400: f"Not a {name} webhook, or nothing in it is usable.",
            401: f"{SIGNATURE_HEADER} missing or wrong.",
        },
    )


def _platform(platform: meta_messaging.Platform) -> Parser:
    def parse(raw: bytes, tenant_for: TenantFor, limits: SizeLimits) -> Delivery:
        return meta_messaging.parse_delivery(raw, platform, tenant_for, limits)

    return parse


PLATFORMS: tuple[tuple[Channel, str, Parser], ...] = (
    (Channel.WHATSAPP, "WhatsApp", whatsapp.parse_delivery),
    (Channel.MESSENGER, meta_messaging.MESSENGER.name, _platform(meta_messaging.MESSENGER)),
    (Channel.INSTAGRAM, meta_messaging.INSTAGRAM.name, _platform(meta_messaging.INSTAGRAM)),
)
ROUTERS = tuple(build_router(channel) for channel, _, _ in PLATFORMS)
DELIVERY_ROUTES = tuple(delivery_route(channel, name, parse) for channel, name, parse in PLATFORMS)
