"""Event builders for tests."""

import uuid
from datetime import UTC, datetime

from parley_contracts import (
    Actor,
    ActorKind,
    Analysis,
    Channel,
    CommandAction,
    Contact,
    InboundContent,
    MessageAnalyzed,
    MessageReceived,
    MessageSend,
    OutboundContent,
    ReplySource,
    SuggestedReply,
    ThreadCommand,
    ThreadUpdated,
    ThreadView,
    dedupe_key,
    thread_key,
)

ACCOUNT = "100000000000001"
ANA = Actor(kind=ActorKind.OPERATOR, id="op_it_ana", name="Ana Lima")


def received(
    text: str = "hello", tenant: str = "demo", wa_id: str | None = None, sent_at: datetime | None = None
) -> MessageReceived:
    wa_id = wa_id or "52155" + str(uuid.uuid4().int)[:8]
    wamid = f"wamid.{uuid.uuid4().hex}"
    return MessageReceived(
        tenant=tenant,
        channel=Channel.WHATSAPP,
        thread_key=thread_key(tenant, Channel.WHATSAPP, ACCOUNT, wa_id),
        account_id=ACCOUNT,
        contact=Contact(id=wa_id, name="Test Customer"),
        provider_message_id=wamid,
        dedupe_key=dedupe_key(Channel.WHATSAPP, ACCOUNT, wamid),
        sent_at=sent_at or datetime.now(UTC),
        content=InboundContent(text=text),
    )


def analyzed(
    inbound: MessageReceived,
    *,
    reply: str | None = "Here you go.",
    confidence: float = 0.9,
    wants_human: bool = False,
    source: ReplySource = ReplySource.KNOWLEDGE_BASE,
) -> MessageAnalyzed:
    suggestion = SuggestedReply(text=reply, confidence=confidence, source=source) if reply else None
    return MessageAnalyzed(
        tenant=inbound.tenant,
        channel=inbound.channel,
        thread_key=inbound.thread_key,
        trace_id=inbound.trace_id,
        inbound=inbound,
        analysis=Analysis(language="en", wants_human=wants_human, reply=suggestion),
    )


def command(
    inbound: MessageReceived, action: CommandAction, *, actor: Actor | None = None, **fields: object
) -> ThreadCommand:
    """An operator's command on `inbound`'s thread (Ana by default)."""
    return ThreadCommand(
        tenant=inbound.tenant,
        channel=inbound.channel,
        thread_key=inbound.thread_key,
        action=action,
        actor=actor or ANA,
        **fields,  # type: ignore[arg-type]
    )


def send(text: str = "Hi there", wa_id: str | None = None) -> MessageSend:
    inbound = received(wa_id=wa_id)
    return MessageSend(
        tenant=inbound.tenant,
        channel=inbound.channel,
        thread_key=inbound.thread_key,
        send_id=f"snd_{uuid.uuid4().hex}",
        account_id=ACCOUNT,
        recipient=inbound.contact,
        content=OutboundContent(text=text),
        in_reply_to=inbound.dedupe_key,
    )


def announced(thread: ThreadView) -> ThreadUpdated:
    """The router's announcement of a thread it wrote (the console's inbox index is kept from these)."""
    return ThreadUpdated(
        tenant=thread.tenant,
        channel=thread.channel,
        thread_key=thread.thread_key,
        cause="message.received",
        thread=thread,
    )
