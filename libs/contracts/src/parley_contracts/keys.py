"""Deterministic keys that ingest computes without a database lookup."""

import hashlib

from parley_contracts.types import Channel


def thread_key(
    tenant: str, channel: Channel | str, account_id: str, contact_id: str, conversation: str | None = None
) -> str:
    """One conversation: (tenant, channel, channel account, contact), plus a conversation reference where a channel
    has several conversations per contact (an email conversation, a MercadoLibre question or pack). Stable across
    restarts and replicas."""
    parts = (tenant, str(channel), account_id, contact_id)
    raw = "\x1f".join((*parts, conversation) if conversation else parts)
    return "th_" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def dedupe_key(channel: Channel | str, account_id: str, provider_message_id: str) -> str:
    """Inbound dedupe key: a provider retrying a webhook sends the same message id again. The channel account is
    part of it: message ids are not global on every channel (a chat's message ids are per bot on Telegram)."""
    return f"{channel}:{account_id}:{provider_message_id}"


def inbound_media_id(channel: Channel | str, account_id: str, provider_media_id: str) -> str:
    """The media store id a customer's file gets once downloaded from the provider: known at ingest, before the
    download, so the message can name it (`MediaRef.media_id`) and the downloader fill it in later."""
    raw = "\x1f".join((str(channel), account_id, provider_media_id))
    return "med_in_" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def resource_key(channel: Channel | str, account_id: str, resource: str) -> str:
    """The partition key of a provider's notification (`channel.notification`): one resource (a MercadoLibre
    question, a message) stays in order, before anyone knows which thread it belongs to."""
    raw = "\x1f".join((str(channel), account_id, resource))
    return "rs_" + hashlib.sha256(raw.encode()).hexdigest()[:32]
