"""When a reply may be sent: each channel's customer-service window (WhatsApp: 24 hours after the customer's
last message; outside it only approved templates), and on Messenger and Instagram the human-agent window (a
person may still answer for 7 days, the send then tagged HUMAN_AGENT; the bot may not). Pure; the rules are
data (data/channels.json).

Checked twice with the same function: by dashboard-api before it accepts an operator's reply (a clear 409 at
once, never a silent failure at the provider) and by the router before it sends anything, bot or operator; the
router also sets the send's tag (`message_tag`, carried as `MessageSend.tag`) so outbound sends it as the
provider requires."""

import json
from datetime import datetime, timedelta
from functools import cache
from importlib import resources

from pydantic import BaseModel, Field

from parley_contracts import AuthorKind, Channel, OutboundContent


class ChannelRules(BaseModel):
    name: str
    reply_window_hours: float | None = Field(default=None, gt=0)
    templates: bool = False
    text_limit_chars: int = Field(gt=0)
    human_agent_window_hours: float | None = Field(default=None, gt=0)
    human_agent_tag: str | None = Field(default=None, min_length=1)
    one_reply_conversations: list[str] = Field(default_factory=list)


@cache
def channel_rules() -> dict[Channel, ChannelRules]:
    raw = json.loads(resources.files("parley_conversations").joinpath("data/channels.json").read_text())
    return {Channel(name): ChannelRules.model_validate(rule) for name, rule in raw["channels"].items()}


def text_limit(channel: Channel) -> int:
    return channel_rules()[channel].text_limit_chars


def window_closes_at(channel: Channel, last_inbound_at: datetime | None) -> datetime | None:
    """When free-form replies stop being allowed; None when the channel has no window (or nobody wrote yet:
    then `refusal` decides)."""
    hours = channel_rules()[channel].reply_window_hours
    if hours is None or last_inbound_at is None:
        return None
    return last_inbound_at + timedelta(hours=hours)


def human_agent_closes_at(channel: Channel, last_inbound_at: datetime | None) -> datetime | None:
    """When a person's replies stop being allowed where the channel lets people answer past the window; None
    where it does not (or nobody wrote yet)."""
    hours = channel_rules()[channel].human_agent_window_hours
    if hours is None or last_inbound_at is None:
        return None
    return last_inbound_at + timedelta(hours=hours)


def refusal(
    channel: Channel,
    content: OutboundContent,
    last_inbound_at: datetime | None,
    now: datetime,
    author: AuthorKind = AuthorKind.BOT,
) -> str | None:
    """Why `content` from `author` (the bot, or an operator) may not be sent now, or None when it may."""
    rules = channel_rules()[channel]
    if content.template is not None:
        return None if rules.templates else f"{rules.name} has no message templates: send text or attachments"
    hours = rules.reply_window_hours
    if hours is None:
        return None
    closes = window_closes_at(channel, last_inbound_at)
    if closes is None:
        if rules.templates:
            return f"the customer has not written on {rules.name} yet: only an approved template can start the conversation"
        return f"the customer has not written on {rules.name} yet: {rules.name} allows no message before they do"
    if now < closes:
        return None
    human_closes = human_agent_closes_at(channel, last_inbound_at)
    if human_closes is None:
        instead = "send an approved template instead" if rules.templates else "wait until the customer writes again"
        return (
            f"{rules.name}'s {hours:g}-hour customer-service window closed at {closes.isoformat(timespec='minutes')} "
            f"(the customer last wrote more than {hours:g} hours ago): {instead}"
        )
    human_hours = rules.human_agent_window_hours
    if author != AuthorKind.OPERATOR:
        return (
            f"{rules.name}'s {hours:g}-hour standard messaging window closed at {closes.isoformat(timespec='minutes')}: "
            f"only a person may still answer (up to {human_hours:g} hours after the customer's last message)"
        )
    if now < human_closes:
        return None
    return (
        f"{rules.name}'s {human_hours:g}-hour human-agent window closed at {human_closes.isoformat(timespec='minutes')} "
        f"(the customer last wrote more than {human_hours:g} hours ago): nothing can be sent until they write again"
    )


def message_tag(
    channel: Channel, last_inbound_at: datetime | None, now: datetime, author: AuthorKind = AuthorKind.BOT
) -> str | None:
    """The tag a send that `refusal` allows must carry: the channel's human-agent tag for a person's reply past
    the standard window (Messenger/Instagram `HUMAN_AGENT`); None for everything else."""
    rules = channel_rules()[channel]
    closes = window_closes_at(channel, last_inbound_at)
    if author != AuthorKind.OPERATOR or rules.human_agent_tag is None or closes is None or now < closes:
        return None
    return rules.human_agent_tag


def takes_one_reply(channel: Channel, conversation: str | None) -> bool:
    """Whether the conversation takes a single reply (a MercadoLibre question: one public answer)."""
    kind = conversation.split(":", 1)[0] if conversation else None
    return kind is not None and kind in channel_rules()[channel].one_reply_conversations


def reply_limit_refusal(channel: Channel, conversation: str | None, replies_sent: int) -> str | None:
    """Why one more reply may not be sent in this conversation, or None when it may."""
    if not takes_one_reply(channel, conversation) or replies_sent < 1:
        return None
    kind = (conversation or "").split(":", 1)[0]
    return f"{channel_rules()[channel].name} takes one answer per {kind}, and this {kind} has been answered already"
