"""Router wiring: one co-partitioned consumer for its four input topics, the timers, the stores, the question
flows, the daily figures."""

import asyncio
from datetime import timedelta

from faststream.asgi import AsgiFastStream

from parley_business import BotConfigStore, BusinessUnitStore
from parley_business.channel_account_store import SecretCipher
from parley_business.flow_store import FlowStore
from parley_contracts import MessageAnalyzed, MessageReceived, MessageStatus, ThreadCommand, utcnow
from parley_conversations.daily_figures_store import DailyFiguresStore
from parley_conversations.flow_sessions import FlowSessions
from parley_conversations.presence import PresenceStore
from parley_conversations.roster import OperatorDirectory, Roster, Workload
from parley_router.figures import FiguresLedger
from parley_router.flows import FlowRunner
from parley_router.handlers import RouterHandlers
from parley_router.owned import OwnedConversations
from parley_router.settings import RouterSettings
from parley_router.timers import PartitionWatcher, TimerIndex, TimerLoop
from parley_runtime.kafka import make_broker
from parley_runtime.mongo import connect
from parley_runtime.steps import subscribe_steps
from parley_runtime.worker import make_worker_app


def create_app(settings: RouterSettings) -> AsgiFastStream:
    broker = make_broker(settings, "router")
    client, db = connect(settings)
    conversations = OwnedConversations(db, settings.document_cache)
    timers = TimerIndex()
    units = BusinessUnitStore(db, ttl_seconds=settings.roster_refresh_seconds)
    # The router reads flow definitions, never their secrets (outbound signs the submissions): no key needed.
    flow_store = FlowStore(db, SecretCipher(None), ttl_seconds=settings.bot_config_refresh_seconds)
    sessions = FlowSessions(db)
    between_batches = asyncio.Lock()  # held by the consumer while a batch is processed
    figures = FiguresLedger(
        DailyFiguresStore(db),
        every_seconds=settings.figures_write_seconds,
        zone_of=units.zone,
        between_batches=between_batches,
    )
    handlers = RouterHandlers(
        broker=broker,
        conversations=conversations,
        bot_configs=BotConfigStore(db, ttl_seconds=settings.bot_config_refresh_seconds),
        units=units,
        roster=Roster(OperatorDirectory(db), ttl_seconds=settings.roster_refresh_seconds),
        workload=Workload(db),
        timers=timers,
        flows=FlowRunner(flow_store, sessions),
        presence=PresenceStore(db),
        presence_seconds=settings.operator_presence_seconds,
        figures=figures,
    )

    async def rebalanced() -> None:  # partitions this process owns again may have been written elsewhere
        conversations.forget_all()
        await figures.hand_over()

    subscribe_steps(
        broker,
        settings,
        service="router",
        group=settings.consumer_group,
        steps={
            MessageReceived: handlers.on_received,
            MessageAnalyzed: handlers.on_analyzed,
            MessageStatus: handlers.on_status,
            ThreadCommand: handlers.on_command,
        },
        listener=PartitionWatcher(timers, conversations.open_threads, rebalanced),
        held_writes=conversations,
        between_batches=between_batches,
    )
    loop = TimerLoop(
        timers,
        interval=settings.timer_interval_seconds,
        retry_assignment_every=timedelta(seconds=settings.assign_retry_seconds),
        idle_seconds=handlers.idle_seconds,
        someone_available=handlers.someone_available,
        fire_idle=handlers.fire_idle,
        fire_flow=handlers.fire_flow,
        retry_assignment=handlers.retry_assignment,
        now=utcnow,
    )

    async def close_db() -> None:
        await figures.stop()  # the consumer has stopped: the last counts written
        await client.close()

    return make_worker_app(
        broker,
        title="Parley router",
        on_startup=[conversations.ensure_indexes, sessions.ensure_indexes, loop.start, figures.start],
        on_shutdown=[loop.stop],
        after_shutdown=[close_db],
    )
