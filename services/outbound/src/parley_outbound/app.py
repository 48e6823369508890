"""Outbound wiring: channel adapters, the send ledger, one subscriber on `message.send`."""

import httpx
from faststream.asgi import AsgiFastStream

from parley_contracts import MESSAGE_SEND, Channel, MessageSend
from parley_outbound.channels.whatsapp import WhatsAppSender
from parley_outbound.handlers import OutboundHandlers
from parley_outbound.ledger import SendLedger
from parley_outbound.settings import OutboundSettings
from parley_runtime.kafka import make_broker
from parley_runtime.mongo import connect
from parley_runtime.steps import StepRunner
from parley_runtime.worker import make_worker_app


def create_app(settings: OutboundSettings) -> AsgiFastStream:
    broker = make_broker(settings, "outbound")
    client, db = connect(settings)
    http = httpx.AsyncClient(timeout=settings.http_timeout_seconds)
    senders = {
        Channel.WHATSAPP: WhatsAppSender(
            http,
            settings.whatsapp_api_base_url,
            settings.whatsapp_api_version,
            settings.whatsapp_access_token.get_secret_value(),
        ),
    }
    handlers = OutboundHandlers(
        broker,
        SendLedger(db),
        senders,
        max_attempts=settings.send_max_attempts,
        backoff_base=settings.send_backoff_base_seconds,
        backoff_cap=settings.send_backoff_max_seconds,
    )
    broker.subscriber(MESSAGE_SEND, group_id=settings.consumer_group, auto_offset_reset="earliest")(
        StepRunner(
            broker=broker,
            service="outbound",
            model=MessageSend,
            step=handlers.deliver,
            max_attempts=settings.consumer_max_attempts,
            base_delay=settings.consumer_retry_base_seconds,
        )
    )

    async def close() -> None:
        await http.aclose()
        await client.close()

    return make_worker_app(broker, title="Parley outbound", on_shutdown=[close])
