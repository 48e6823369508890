"""GDPR erasure of one thread (`thread.command` with action `erase`), on the router's side.

The router is the only writer of threads (docs/adr/0001-router-single-writer.md), so dashboard-api asks it to
erase each thread of a contact and deletes only what it owns itself (notifications, emails, media files).

An erasure is not a state-machine step: the thread document is deleted, not written back, so the usual
replay bookkeeping (the keys applied, kept on the document) cannot hold it. It is idempotent instead: each
deletion is safe to repeat, and the thread document goes last, so a crash part-way leaves the thread in
place (with fewer messages) and the replayed command finishes the job. The announcement's id is derived from
the command, so a replay announces it again under the same id."""

import structlog
from faststream.kafka import KafkaBroker

from parley_contracts import ThreadCommand, ThreadUpdated
from parley_conversations.flow_sessions import FlowSessions
from parley_conversations.roster import Workload
from parley_conversations.store import Conversations
from parley_router.step import derived_id
from parley_router.timers import TimerIndex
from parley_runtime.kafka import publish
from parley_runtime.steps import current_partition

log = structlog.get_logger()
ERASED = "erased"


async def erase(
    command: ThreadCommand,
    conversations: Conversations,
    workload: Workload,
    timers: TimerIndex,
    broker: KafkaBroker,
    flow_sessions: FlowSessions,
) -> None:
    """Delete the thread's messages, their provider-id mappings, its question flow sessions (the customer's
    answers), its place in the holder's workload and the thread document; then announce `outcome: applied` with
    `thread: null`."""
    thread_key = command.thread_key
    thread = await conversations.thread(thread_key)
    listed = thread.message_ids if thread else None  # lone-`_id` reads and deletes (docs/adr/0012-console-reads.md)
    messages = await conversations.messages_of_thread(thread_key, listed)
    await conversations.delete_provider_ids(m.provider_message_id for m in messages if m.provider_message_id)
    await conversations.delete_thread_messages(thread_key, listed)
    await flow_sessions.delete_thread(thread_key)
    partition = thread.partition if thread and thread.partition is not None else current_partition()
    if thread is not None and thread.assignee is not None and partition is not None:
        await workload.release(thread.assignee.id, partition, thread_key)
    await conversations.delete_thread(thread_key)
    timers.forget(thread_key)
    await conversations.after_written(lambda: publish(broker, erased_update(command)), thread_key=thread_key)
    log.info("router.erased", existed=thread is not None, messages=len(messages))


def erased_update(command: ThreadCommand) -> ThreadUpdated:
    """The answer to an erase command: applied, and no thread any more."""
    return ThreadUpdated(
        **command.lineage(),
        event_id=derived_id("upd_", "erase", command.command_id),
        occurred_at=command.occurred_at,
        cause=command.topic,
        thread=None,
        command_id=command.command_id,
        outcome="applied",
        reason=ERASED,
    )
