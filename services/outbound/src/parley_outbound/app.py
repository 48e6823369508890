"""Outbound wiring: channel adapters, the send ledger, the media store, the consumer of `message.send`, the loop
that retries parked sends, the consumer of `message.received` (its own group) that marks customers' messages
read and downloads their files (inbound.py), the consumer of `channel.notification` (its own group) that reads
the resources a notification points at (notifications.py: MercadoLibre), and the consumer of `flow.submission`
(its own group) that POSTs question flows' answers to the business's API and answers the router with a
`flow_result` command (flow_api.py)."""

from faststream.asgi import AsgiFastStream

from parley_business.flow_store import FlowStore
from parley_contracts import Channel, ChannelNotification, FlowSubmission, MessageReceived, MessageSend
from parley_conversations.media import MediaStore
from parley_outbound.channels.email import EmailSender
from parley_outbound.channels.mercadolibre import MercadoLibreSender
from parley_outbound.channels.mercadolibre_api import MercadoLibreApi
from parley_outbound.channels.meta_messaging import InstagramSender, MessengerSender
from parley_outbound.channels.telegram import TelegramSender
from parley_outbound.channels.whatsapp import WhatsAppSender
from parley_outbound.flow_api import FlowApiCaller
from parley_outbound.handlers import OutboundHandlers, ParkedSendsWatcher, RetryLoop, RetryPolicy
from parley_outbound.inbound import InboundHandlers
from parley_outbound.ledger import SendLedger
from parley_outbound.media import MediaFiles
from parley_outbound.notifications import NotificationFetcher
from parley_outbound.settings import OutboundSettings
from parley_runtime.http import http_client
from parley_runtime.kafka import make_broker
from parley_runtime.mongo import connect
from parley_runtime.steps import subscribe_step, subscribe_steps
from parley_runtime.worker import make_worker_app


def create_app(settings: OutboundSettings) -> AsgiFastStream:
    broker = make_broker(settings, "outbound")
    client, db = connect(settings)
    http = http_client(timeout=settings.http_timeout_seconds)
    store = MediaStore(db)
    media = MediaFiles(store)
    accounts = settings.channel_account_store(db)
    # One MercadoLibre API per process: the sender and the notification fetcher share its token refreshes.
    mercadolibre = MercadoLibreApi(http, settings.mercadolibre_api_base_url, accounts)
    senders = {
        Channel.WHATSAPP: WhatsAppSender(http, settings.whatsapp_api_base_url, settings.whatsapp_api_version),
        Channel.TELEGRAM: TelegramSender(http, settings.telegram_api_base_url, media),
        Channel.MESSENGER: MessengerSender(http, settings.meta_graph_base_url, settings.meta_graph_version),
        Channel.INSTAGRAM: InstagramSender(http, settings.instagram_graph_base_url, settings.meta_graph_version),
        Channel.MERCADOLIBRE: MercadoLibreSender(mercadolibre),
        Channel.EMAIL: EmailSender(media, settings.email_smtp_timeout_seconds),
    }
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
    inbound = InboundHandlers(senders, accounts, store)
    subscribe_steps(
        broker,
        settings,
        service="outbound",
        group=settings.inbound_consumer_group,
        steps={MessageReceived: inbound.on_received},
    )
    # Its own consumer group: reading a provider's resource never waits behind (or holds up) sends.
    subscribe_step(
        broker,
        settings,
        service="outbound",
        group=settings.notifications_consumer_group,
        model=ChannelNotification,
        step=NotificationFetcher(broker, mercadolibre, accounts).on_notification,
    )
    # Its own consumer group and HTTP client: a business's flow API (up to a minute per call, each in the
    # background) never waits behind sends, nor takes the senders' connections.
    flows_http = http_client(max_connections=settings.flow_call_concurrency)
    flows = FlowApiCaller(
        broker, flows_http, FlowStore(db, settings.secret_cipher()), concurrency=settings.flow_call_concurrency
    )
    subscribe_step(
        broker,
        settings,
        service="outbound",
        group=settings.flows_consumer_group,
        model=FlowSubmission,
        step=flows.on_submission,
    )

    async def close() -> None:
        await http.aclose()
        await flows_http.aclose()
        await client.close()

    return make_worker_app(
        broker,
        title="Parley outbound",
        on_startup=[ledger.ensure_indexes, retries.start],
        on_shutdown=[retries.stop, flows.stop],
        after_shutdown=[close],
    )
