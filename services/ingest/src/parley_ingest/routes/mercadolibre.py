"""MercadoLibre notifications (`POST /webhooks/mercadolibre`): pointers to a question or a message, with no
content and no signature. MercadoLibre wants a 200 within 500 ms, so nothing here calls MercadoLibre: the
notification is published on `channel.notification` and outbound fetches the resource.

Answers: 200 once Kafka acknowledged it (or for a topic Parley does not read, logged and ignored); 400 for a body
that is not a notification; 403 when its `application_id` is not the `client_id` of the seller's connected account
(MercadoLibre signs nothing: the application id, with the seller, is what ties a notification to the app);
413/429/503 as for every webhook. A notification for a seller nobody connected is answered 200 and kept as a
dead letter (`IngestContext.refuse_unconnected`). Served by the lane (parley_ingest.lane)."""

import structlog
from fastapi import HTTPException, status
from starlette.requests import Request
from starlette.responses import Response

from parley_contracts import Channel
from parley_ingest.delivery import MalformedWebhook
from parley_ingest.deps import IngestContext
from parley_ingest.lane import DeliveryRoute
from parley_ingest.mercadolibre import notification_event, parse_notification

log = structlog.get_logger()
CHANNEL = Channel.MERCADOLIBRE


async def receive_notification(request: Request, ingest: IngestContext) -> Response:
    """A notification of a question or message: answered 200 once it is acknowledged by Kafka."""
    raw = await ingest.read_body(request)
    try:
        notification, payload = parse_notification(raw)
    except MalformedWebhook as exc:
        log.warning("webhook.malformed", channel=CHANNEL, reason=str(exc), bytes=len(raw))
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"malformed MercadoLibre notification: {exc}") from exc
    seller = notification.user_id
    account = await ingest.accounts.get(CHANNEL, seller)
    if account is None:
        await ingest.refuse_unconnected(CHANNEL, [seller], raw)
        return Response(status_code=status.HTTP_200_OK)
    if str(account.setting("client_id", "")) != notification.application_id:
        log.warning("webhook.wrong_application", channel=CHANNEL, account_id=seller, notification_id=notification.id)
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "application_id is not the application this seller's account is connected with"
        )
    if not notification.fetched:
        log.info("webhook.topic_ignored", channel=CHANNEL, topic=notification.topic, notification_id=notification.id)
        return Response(status_code=status.HTTP_200_OK)
    event = notification_event(notification, account.tenant, payload, ingest.settings.event_limit_bytes)
    if len(event.payload) != len(payload):
        log.warning(
            "webhook.item_repaired", channel=CHANNEL, notification_id=notification.id, what="extra fields dropped"
        )
    await ingest.publish_all([event])
    return Response(status_code=status.HTTP_200_OK)


ROUTE = DeliveryRoute(
    "/webhooks/mercadolibre",
    CHANNEL,
    receive_notification,
    responses={
        200: "Acknowledged by Kafka, kept as a dead letter (seller not connected), or a topic Parley does not read.",
        400: "Not a MercadoLibre notification.",
        403: "application_id is not the client_id of the seller's connected account.",
    },
)
