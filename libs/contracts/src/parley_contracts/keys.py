"""Deterministic keys that ingest computes without a database lookup."""

import hashlib

from parley_contracts.types import Channel


def thread_key(tenant: str, channel: Channel | str, account_id: str, contact_id: str) -> str:
    """One conversation: (tenant, channel, channel account, contact). Stable across restarts and replicas."""
    raw = "\x1f".join((tenant, str(channel), account_id, contact_id))
    return "th_" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def dedupe_key(channel: Channel | str, account_id: str, provider_message_id: str) -> str:
    """Inbound dedupe key: a provider retrying a webhook sends the same message id again. The channel account is
    part of it: message ids are not global on every channel (a chat's message ids are per bot on Telegram)."""
    return f"{channel}:{account_id}:{provider_message_id}"
