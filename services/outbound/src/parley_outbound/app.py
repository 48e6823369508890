"""Outbound wiring: channel adapters, the send ledger, the media store, the consumer of `message.send` and the
loop that retries parked sends."""

import httpx
from faststream.asgi import AsgiFastStream

from parley_contracts import Channel, MessageSend
from parley_conversations.media import MediaStore
from parley_outbound.channels.email import EmailSender
from parley_outbound.channels.whatsapp import WhatsAppSender
from parley_outbound.handlers import OutboundHandlers, ParkedSendsWatcher, RetryLoop, RetryPolicy
from parley_outbound.ledger import SendLedger
from parley_outbound.media import MediaFiles
from parley_outbound.settings import OutboundSettings
from parley_runtime.kafka import make_broker
from parley_runtime.mongo import connect
from parley_runtime.steps import subscribe_steps
from parley_runtime.worker import make_worker_app


def create_app(settings: OutboundSettings) -> AsgiFastStream:
    broker = make_broker(settings, "outbound")
    client, db = connect(settings)
    http = httpx.AsyncClient(timeout=settings.http_timeout_seconds)
    media = MediaFiles(MediaStore(db))
    senders = {
        Channel.WHATSAPP: WhatsAppSender(http, settings.whatsapp_api_base_url, settings.whatsapp_api_version),
        Channel.EMAIL: EmailSender(media, settings.email_smtp_timeout_seconds),
    }
    accounts = settings.channel_account_store(db)
    ledger = SendLedger(db)
    policy = RetryPolicy(
        settings.send_retry_horizon_seconds, settings.send_backoff_base_seconds, settings.send_backoff_max_seconds
    )
    handlers = OutboundHandlers(broker, ledger, senders, accounts, media, policy)
    retries = RetryLoop(handlers, tick=0.5, concurrency=settings.send_retry_concurrency)
    subscribe_steps(
        broker,
        settings,
        service="outbound",
        group=settings.consumer_group,
        steps={MessageSend: handlers.deliver},
        listener=ParkedSendsWatcher(retries, handlers, ledger, MessageSend.topic),
    )

    async def close() -> None:
        await http.aclose()
        await client.close()

    return make_worker_app(
        broker,
        title="Parley outbound",
        on_startup=[ledger.ensure_indexes, retries.start],
        on_shutdown=[retries.stop],
        after_shutdown=[close],
    )
