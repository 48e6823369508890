"""MercadoLibre notifications: `{"_id", "resource", "user_id", "topic", "application_id", "attempts", "sent",
"received", "actions"?}` (developers.mercadolibre.com, "Receive notifications"). A notification is only a pointer:
no content, no signature. Pure: the route checks the account and publishes; outbound fetches the resource."""

import json
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from parley_contracts import Channel, ChannelNotification, resource_key
from parley_ingest.delivery import MalformedWebhook
from parley_runtime.validation import summarize


@cache
def fetched_topics() -> frozenset[str]:
    raw = json.loads(resources.files("parley_ingest").joinpath("data/mercadolibre.json").read_text())
    return frozenset(raw["fetched_topics"])


def _id_text(value: Any) -> Any:
    """User and application ids come as numbers or strings: digits as text, anything else left to fail."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


class Notification(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    id: str | None = Field(default=None, alias="_id", max_length=200)
    resource: str = Field(min_length=1, max_length=500)
    user_id: str = Field(pattern=r"^[0-9]{1,20}$")
    topic: str = Field(min_length=1, max_length=100)
    application_id: str = Field(pattern=r"^[0-9]{1,20}$|^[A-Za-z0-9_.-]{1,100}$")
    attempts: int = Field(default=1, ge=0)
    sent: datetime | None = None

    _ids = field_validator("user_id", "application_id", "id", mode="before")(_id_text)

    @field_validator("sent", mode="before")
    @classmethod
    def _plausible_time(cls, value: Any) -> Any:
        """A time that does not parse is not a reason to refuse the notification: it only says when it was sent."""
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return None
        return value if isinstance(value, datetime) else None

    @property
    def fetched(self) -> bool:
        return self.topic in fetched_topics()


def parse_notification(raw: bytes) -> tuple[Notification, dict[str, Any]]:
    """The notification and the JSON object it came as; `MalformedWebhook` for anything else."""
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise MalformedWebhook("the body is not JSON (or is nested too deeply)") from exc
    if not isinstance(payload, dict):
        raise MalformedWebhook("the body is not a JSON object")
    try:
        return Notification.model_validate(payload), payload
    except ValidationError as exc:
        raise MalformedWebhook(summarize(exc)) from exc


SMALL_FIELD_BYTES = 1000  # a documented field bigger than this is not MercadoLibre's either
KNOWN_FIELDS = ("_id", "resource", "user_id", "topic", "application_id", "attempts", "sent", "received", "actions")


def notification_event(
    notification: Notification, tenant: str, payload: dict[str, Any], limit_bytes: int | None = None
) -> ChannelNotification:
    """The event to publish; past `limit_bytes` (Kafka's record size, with room) the payload keeps only the fields
    MercadoLibre documents, so an oversized notification is still published rather than failing every retry."""
    event = _event(notification, tenant, payload)
    if limit_bytes is not None and len(event.model_dump_json()) > limit_bytes:
        known = {k: v for k, v in payload.items() if k in KNOWN_FIELDS and len(json.dumps(v)) <= SMALL_FIELD_BYTES}
        event = _event(notification, tenant, known)
    return event


def _event(notification: Notification, tenant: str, payload: dict[str, Any]) -> ChannelNotification:
    channel = Channel.MERCADOLIBRE
    return ChannelNotification(
        tenant=tenant,
        channel=channel,
        thread_key=resource_key(channel, notification.user_id, notification.resource),
        account_id=notification.user_id,
        subject=notification.topic,
        resource=notification.resource,
        notification_id=notification.id,
        attempts=notification.attempts,
        sent_at=notification.sent,
        payload=payload,
    )
