"""Outbound wiring: channel adapters, the send ledger, the media store, one subscriber on `message.send`."""

import httpx
from faststream.asgi import AsgiFastStream

from parley_contracts import Channel, MessageSend
from parley_conversations.media import MediaStore
from parley_outbound.channels.whatsapp import WhatsAppSender
from parley_outbound.handlers import OutboundHandlers
from parley_outbound.ledger import SendLedger
from parley_outbound.media import MediaFiles
from parley_outbound.settings import OutboundSettings
from parley_runtime.kafka import make_broker
from parley_runtime.mongo import connect
from parley_runtime.steps import subscribe_step
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
        MediaFiles(MediaStore(db)),
        max_attempts=settings.send_max_attempts,
        backoff_base=settings.send_backoff_base_seconds,
        backoff_cap=settings.send_backoff_max_seconds,
    )
    subscribe_step(
        broker, settings, service="outbound", group=settings.consumer_group, model=MessageSend, step=handlers.deliver
    )

    async def close() -> None:
        await http.aclose()
        await client.close()

    return make_worker_app(broker, title="Parley outbound", on_shutdown=[close])
