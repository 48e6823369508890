"""dashboard-api's FastAPI app: the operators' and admins' HTTP API, the live WebSocket, the two
`thread.updated` listeners (live updates; notifications and emails) and the dead-letter keeper."""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import structlog
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.kafka.subscriber.usecase import LogicSubscriber as KafkaSubscriber
from faststream.middlewares import AckPolicy
from pydantic import ValidationError

from parley_business import BotConfigStore, BusinessUnitStore
from parley_business.flow_store import FlowStore
from parley_contracts import THREAD_UPDATED, ThreadUpdated
from parley_conversations.daily_figures_store import DailyFiguresStore
from parley_conversations.flow_sessions import FlowSessions
from parley_conversations.media import MediaStore
from parley_conversations.operators import Role
from parley_conversations.presence import PresenceStore
from parley_conversations.roster import OperatorDirectory, Roster, Workload
from parley_conversations.store import Conversations
from parley_dashboard.auth.accounts import Accounts, LoginService
from parley_dashboard.auth.api_keys import ApiKeyStore, EnvironmentKey
from parley_dashboard.auth.sessions import SessionStore
from parley_dashboard.auth.throttle import Limits, LoginThrottle
from parley_dashboard.commands import CommandGateway
from parley_dashboard.dead_letters import DeadLetterListener, DeadLetters, subscribe_dead_letters
from parley_dashboard.deps import RateLimited, Services
from parley_dashboard.inbox import Inbox
from parley_dashboard.listeners import LiveListener, NotifyListener
from parley_dashboard.live import LiveHub
from parley_dashboard.mailer import Mailer, SmtpSettings
from parley_dashboard.notifications import NotificationStore
from parley_dashboard.partitions import RouterPartitions
from parley_dashboard.privacy import ContactData
from parley_dashboard.referrals import ReferralKeys
from parley_dashboard.routes import (
    analytics,
    api_keys,
    auth,
    bot_config,
    channel_accounts,
    contacts,
    dead_letters,
    docs,
    flows,
    knowledge,
    live,
    media,
    notifications,
    operators,
    saved_replies,
    templates,
    threads,
    units,
)
from parley_dashboard.routes.console import mount_console
from parley_dashboard.saved_replies import SavedReplies
from parley_dashboard.security import BodyLimit, SecurityHeaders, upload_limit, validation_error
from parley_dashboard.settings import DashboardSettings
from parley_dashboard.templates import TemplateCatalog
from parley_runtime.http import http_client
from parley_runtime.kafka import make_broker, on_message
from parley_runtime.mongo import connect
from parley_runtime.ratelimit import TokenBuckets
from parley_runtime.steps import batch_subscriber, subscribe_step

log = structlog.get_logger()
# HTTP routers: each request takes a token from its caller's bucket (deps.rate_limit). The WebSocket is apart.
ROUTERS = (
    auth,
    threads,
    notifications,
    media,
    operators,
    api_keys,
    units,
    bot_config,
    saved_replies,
    knowledge,
    contacts,
    analytics,
    dead_letters,
    templates,
    channel_accounts,
    flows,
    docs,
)


def create_app(settings: DashboardSettings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        client, db = connect(settings)
        broker = make_broker(settings, "dashboard-api")
        services = build_services(settings, db, broker)
        directory = services.directory
        roster = Roster(directory, ttl_seconds=settings.roster_refresh_seconds)
        notifier = NotifyListener(services.notifications, roster, services.units, services.mailer, settings.public_url)
        subscribe_step(
            broker,
            settings,
            service="dashboard-api",
            group=f"{settings.dashboard_consumer_group}.notify",
            model=ThreadUpdated,
            step=notifier.on_update,
        )
        live_stream = _subscribe_live(
            broker, LiveListener(services.commands, services.hub, roster, services.inbox.index)
        )
        group = f"{settings.dashboard_consumer_group}.dead-letters"
        subscribe_dead_letters(broker, group, DeadLetterListener(services.dead_letters))
        await services.conversations.ensure_indexes()
        await services.notifications.ensure_indexes()
        await services.dead_letters.ensure_indexes()
        await services.flow_sessions.ensure_indexes()
        app.state.services = services
        await broker.start()
        await _reading_from_now(live_stream)  # then the inbox index's first pass misses nothing the stream won't bring
        inbox = asyncio.create_task(services.inbox.keep_loaded())
        beats = asyncio.create_task(services.hub.keep_presence())
        try:
            yield
        finally:
            inbox.cancel()
            beats.cancel()
            await services.hub.close_all()
            await broker.stop()
            await services.http.aclose()
            services.mailer.close()
            await client.close()

    app = FastAPI(
        title="Parley dashboard API",
        version="0.2.0",
        description="Operators' and admins' API. Log in with `POST /api/auth/login` and send "
        "`Authorization: Bearer <token>`; integrations send `X-API-Key`.",
        lifespan=lifespan,
        openapi_url=None,  # served by routes.docs: behind credentials in production
        docs_url=None,
        redoc_url=None,
    )
    for module in ROUTERS:
        app.include_router(module.router, dependencies=[RateLimited])
    app.include_router(live.router)
    mount_console(app, settings.console_path)  # last: its pages answer paths no API route took
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.max_body_bytes,
        max_upload_bytes=upload_limit(threads.MAX_ATTACHMENTS, knowledge.MAX_UPLOAD_BYTES),
    )
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(RequestValidationError, validation_error)

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


def build_services(settings: DashboardSettings, db, broker: KafkaBroker) -> Services:
    directory = OperatorDirectory(db)
    accounts = Accounts(db, directory)
    sessions = SessionStore(db, timedelta(hours=settings.session_hours))
    limits = Limits(
        timedelta(seconds=settings.login_window_seconds),
        settings.login_max_failures_per_account,
        settings.login_max_failures_per_address,
    )
    notifications = NotificationStore(db)
    mailer = _mailer(settings, db)
    commands = CommandGateway(broker, settings.command_wait_seconds)
    conversations = Conversations(db)
    media = MediaStore(db)
    http = http_client(timeout=settings.http_timeout_seconds)
    presence = PresenceStore(db)
    return Services(
        settings=settings,
        db=db,
        conversations=conversations,
        inbox=Inbox(conversations, settings.inbox_reload_seconds),
        directory=directory,
        accounts=accounts,
        logins=LoginService(accounts, sessions, LoginThrottle(db, limits)),
        sessions=sessions,
        api_keys=ApiKeyStore(db),
        environment_key=_environment_key(settings),
        units=BusinessUnitStore(db),
        bot_configs=BotConfigStore(db),
        workload=Workload(db),
        media=media,
        notifications=notifications,
        commands=commands,
        hub=LiveHub(presence, settings.presence_beat_seconds),
        presence=presence,
        saved_replies=SavedReplies(db),
        mailer=mailer,
        contacts=ContactData(
            db,
            conversations=conversations,
            media=media,
            notifications=notifications,
            mailer=mailer,
            commands=commands,
            hash_salt=settings.erasure_hash_salt.get_secret_value() if settings.erasure_hash_salt else None,
        ),
        dead_letters=DeadLetters(db, broker),
        rate_limiter=TokenBuckets(settings.rate_limit_per_second, settings.rate_limit_burst),
        http=http,
        referral_keys=ReferralKeys(db),
        templates=TemplateCatalog(http, settings.graph_url, settings.templates_cache_seconds),
        channel_accounts=settings.channel_account_store(db),
        # Flow endpoint secrets are sealed under the channel secrets' key (as outbound, which signs with them, opens
        # them); no cache: an admin reads back what they saved.
        flows=FlowStore(db, settings.secret_cipher()),
        flow_sessions=FlowSessions(db),
        figures=DailyFiguresStore(db),
        partitions=RouterPartitions(settings.kafka_bootstrap_servers),
    )


def _environment_key(settings: DashboardSettings) -> EnvironmentKey | None:
    if settings.dashboard_api_key is None:
        return None
    tenants = [t.strip() for t in settings.dashboard_api_key_tenants.split(",") if t.strip()]
    return EnvironmentKey(
        settings.dashboard_api_key.get_secret_value(),
        Role(settings.dashboard_api_key_role),
        None if "*" in tenants else frozenset(tenants),
    )


def _mailer(settings: DashboardSettings, db) -> Mailer:
    smtp = None
    if settings.smtp_host:
        smtp = SmtpSettings(
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=settings.smtp_security,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
            sender=settings.notify_email_from,
            timeout=settings.smtp_timeout_seconds,
        )
    return Mailer(db, smtp)


LIVE_BATCH_RECORDS = 500  # the most updates one fetch of the live stream hands over


def _subscribe_live(broker: KafkaBroker, listener: LiveListener) -> KafkaSubscriber:
    """Every replica reads every update from now on (no group, nothing to commit): live views need no replay;
    a console that reconnects reloads what it shows, and the inbox index starts from a pass over the threads.
    Records come in batches, each applied in turn, not one FastStream call per record (at 80 msg/s in `make bench`,
    dashboard-api's CPU per message 1.62 -> 1.42 ms)."""

    async def on_records(msg: KafkaMessage) -> None:
        for record in msg.raw_message:
            try:
                await listener.on_update(ThreadUpdated.model_validate_json(record.value))
            except ValidationError:
                log.warning("live.invalid_update", offset=record.offset)
            except Exception as exc:  # one bad push must not stop the stream for everyone
                log.error("live.push_failed", error=repr(exc))

    live = batch_subscriber(
        broker,
        THREAD_UPDATED,
        max_records=LIVE_BATCH_RECORDS,
        group_id=None,
        auto_offset_reset="latest",
        ack_policy=AckPolicy.ACK_FIRST,
    )
    live(on_message(broker, on_records, "dashboard_live"))
    return live


async def _reading_from_now(live: KafkaSubscriber, timeout: float = 30.0) -> None:
    """Wait until the live stream has its offset on every partition of `thread.updated`: whatever is announced from
    then on reaches this replica. The inbox index's first pass starts after this, so it misses nothing (an update
    announced before the pass was written before it too: the router writes, then announces)."""
    consumer = live.consumer
    if consumer is None:  # not started
        return
    deadline = time.monotonic() + timeout
    while not consumer.assignment():
        if time.monotonic() > deadline:
            log.warning("live.not_assigned", waited_seconds=timeout)  # the periodic pass heals what is missed
            return
        await asyncio.sleep(0.05)
    for partition in consumer.assignment():
        await consumer.position(partition)
