"""Telegram Bot API webhook: `POST /webhooks/telegram/{bot_id}`, the URL each connected bot is given with
`setWebhook` (with its `secret_token`).

Served by the lane (parley_ingest.lane). Answers: 200 once the update's event is acknowledged by Kafka (or when there is nothing in it for Parley); 400
for a body that is not an Update; 401 when `X-Telegram-Bot-Api-Secret-Token` is missing or is not the bot's
`webhook_secret`; 404 for a bot id no business unit connected; 413, 429 and 503 as for every webhook (deps.py).
Refusals are logged with ids and reasons only.

Unlike a Meta delivery for an unconnected number (signed with the app's secret, so kept as a dead letter), an
update for an unconnected bot cannot be authenticated: the secret token belongs to the connection. Keeping it
would let anyone fill the dead letters, so it is refused and logged. Nothing genuine is lost: Telegram keeps an
update it could not deliver and retries it (for up to 24 hours), so connecting the bot lets it through.

A tapped inline button (`callback_query`) must be answered with `answerCallbackQuery` or the customer's app
shows a spinner. Ingest makes no provider calls (it must answer fast, and calls belong to outbound), so the
acknowledgement rides on the webhook's own answer, as the Bot API allows ("Making requests when getting
updates": a JSON body naming the `method`): once the tap is safely in Kafka, the 200 carries
`{"method": "answerCallbackQuery", "callback_query_id": …}`. Telegram does not report on such calls; a lost
one only leaves the spinner until the app's own timeout, and the bot's answer still arrives as a message."""

import hmac

import structlog
from fastapi import HTTPException, status
from fastapi.responses import JSONResponse
from starlette.requests import Request
from starlette.responses import Response

from parley_contracts import Channel
from parley_ingest.delivery import MalformedWebhook
from parley_ingest.deps import IngestContext
from parley_ingest.lane import DeliveryRoute
from parley_ingest.telegram import parse_update

log = structlog.get_logger()

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def receive_update(request: Request, ingest: IngestContext) -> Response:
    """An update for a connected bot: answered 200 once its event is acknowledged by Kafka."""
    bot_id = request.path_params["bot_id"]
    secret = request.headers.get(SECRET_HEADER)
    raw = await ingest.read_body(request)
    account = await ingest.accounts.get(Channel.TELEGRAM, bot_id)
    if account is None:
        log.warning("webhook.unknown_bot", channel="telegram", bot_id=bot_id, bytes=len(raw))
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"Telegram bot {bot_id} is not connected to a business unit")
    expected = account.secret("webhook_secret")
    if secret is None or not hmac.compare_digest(secret.encode(), expected.encode()):
        log.warning("webhook.bad_secret_token", channel="telegram", bot_id=bot_id, present=secret is not None)
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, f"{SECRET_HEADER} missing or does not match the bot's")
    try:
        parsed = parse_update(raw, bot_id, account.tenant, ingest.size_limits)
    except MalformedWebhook as exc:
        log.warning("webhook.malformed", channel="telegram", bot_id=bot_id, reason=str(exc), bytes=len(raw))
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"malformed Telegram update: {exc}") from exc
    await ingest.accept(Channel.TELEGRAM, parsed.delivery, raw)
    if parsed.callback_query_id is not None:
        return JSONResponse({"method": "answerCallbackQuery", "callback_query_id": parsed.callback_query_id})
    return Response(status_code=status.HTTP_200_OK)


ROUTE = DeliveryRoute(
    "/webhooks/telegram/{bot_id}",
    Channel.TELEGRAM,
    receive_update,
    params={"bot_id": r"\d{1,20}"},  # the bot's numeric id (its token's prefix)
    headers={SECRET_HEADER: "The secret_token the bot's webhook was set with."},
    responses={
        200: 'Acknowledged by Kafka; for a tapped button the body is {"method": "answerCallbackQuery", …}.',
        400: "Not a Telegram Update.",
        401: f"{SECRET_HEADER} missing or not the bot's.",
        404: "No business unit connected this bot.",
    },
)
