"""Reading WhatsApp webhook bodies the way ingest does, loosely: which messages, for which phone number id. Used to
know what an acknowledged body must have produced (fuzz) and what a kept dead letter holds (observe)."""

from typing import Any

from parley_contracts import Channel, dedupe_key


def provider_id(value: Any) -> str | None:
    """A provider id as ingest reads one: a non-empty string, or a number taken for its digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value else None


def message_values(doc: Any) -> list[tuple[dict[str, Any], str]]:
    if not isinstance(doc, dict):
        return []
    values = []
    for entry in items(doc.get("entry")):
        for change in items(entry.get("changes")):
            value = change.get("value")
            if change.get("field") == "messages" and isinstance(value, dict):
                metadata = value.get("metadata")
                account = provider_id(metadata.get("phone_number_id")) if isinstance(metadata, dict) else None
                if account:
                    values.append((value, account))
    return values


def items(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def message_keys(doc: Any) -> set[str]:
    """The dedupe keys of the customers' messages in a webhook body."""
    return {
        dedupe_key(Channel.WHATSAPP, account, wamid)
        for value, account in message_values(doc)
        for m in items(value.get("messages"))
        if (wamid := provider_id(m.get("id")))
    }
