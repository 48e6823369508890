"""MercadoLibre's resources as Parley's inbound messages. Pure: the fetcher reads the resources, this maps them.

- A pre-sale question (`GET /questions/{id}`: `{"id", "seller_id", "item_id", "status", "text", "date_created",
  "from": {"id"}, "answer", …}`) is one thread of its own: conversation `question:<id>`, contact the asker.
- A post-sale message (`GET /messages/packs/{pack_id}/sellers/{seller_id}?tag=post_sale`: `{"messages": [{"id",
  "from": {"user_id"}, "to": {"user_id"}, "text", "message_date": {"created", …}, "message_resources": […], …}]}`)
  belongs to its pack's thread: conversation `pack:<pack id>`, contact the buyer.
Fields Parley does not use are kept in `content.data`."""

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from parley_contracts import (
    Channel,
    Contact,
    InboundContent,
    MediaRef,
    MessageReceived,
    dedupe_key,
    inbound_media_id,
    thread_key,
)

CHANNEL = Channel.MERCADOLIBRE
# Questions in any other status (answered, banned, deleted, under review) have nothing for the bot to answer.
OPEN_QUESTION = "UNANSWERED"


class UnusableResource(ValueError):
    """A resource without what Parley needs (an id, its author): kept as a dead letter, not retried."""


def _text_id(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def provider_time(value: Any, fallback: datetime) -> datetime:
    """MercadoLibre's ISO 8601 times (`2021-02-16T14:50:27.938-04:00`, `…Z`); `fallback` when absent or not one."""
    if isinstance(value, str):
        try:
            at = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return fallback
        return at if at.tzinfo else at.replace(tzinfo=UTC)
    return fallback


class Author(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str = Field(pattern=r"^[0-9]{1,20}$")
    _ids = field_validator("id", mode="before")(_text_id)


class Question(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str = Field(pattern=r"^[0-9]{1,20}$")
    text: str = ""
    status: str = OPEN_QUESTION
    item_id: str | None = None
    date_created: str | None = None
    author: Author = Field(alias="from")
    _ids = field_validator("id", mode="before")(_text_id)


def question_id(resource: str) -> str | None:
    """`/questions/5036111111` (or the bare id) → `5036111111`."""
    tail = resource.strip().rstrip("/").rsplit("/", 1)[-1]
    return tail if tail.isascii() and tail.isdigit() else None


def message_id(resource: str) -> str:
    """The `messages` topic's resource is the message id, bare or as `/messages/<id>`."""
    return resource.strip().rstrip("/").rsplit("/", 1)[-1]


def question_received(raw: Any, tenant: str, seller: str, received_at: datetime) -> MessageReceived | None:
    """The customer's message for a question; None for a question that is not waiting for an answer."""
    try:
        question = Question.model_validate(raw)
    except ValidationError as exc:
        raise UnusableResource(f"not a question: {exc.error_count()} problem(s)") from exc
    if question.status != OPEN_QUESTION:
        return None
    buyer = question.author.id
    conversation = f"question:{question.id}"
    data = {k: v for k, v in raw.items() if k not in ("id", "text", "from")}
    return MessageReceived(
        tenant=tenant,
        channel=CHANNEL,
        thread_key=thread_key(tenant, CHANNEL, seller, buyer, conversation),
        account_id=seller,
        contact=Contact(id=buyer),
        provider_message_id=question.id,
        dedupe_key=dedupe_key(CHANNEL, seller, conversation),
        sent_at=provider_time(question.date_created, received_at),
        content=InboundContent(type="text", text=question.text, data=data),
        conversation=conversation,
    )


def nickname_of(user: Any) -> str | None:
    """A user's public nickname (`GET /users/{id}`: `{"id", "nickname", …}`)."""
    nickname = user.get("nickname") if isinstance(user, dict) else None
    return nickname[:100] if isinstance(nickname, str) and nickname.strip() else None


def with_item(message: MessageReceived, item: Any) -> MessageReceived:
    """The question's message with its item (`GET /items/{id}`: id, title, price, permalink) in `content.data`."""
    if not isinstance(item, dict):
        return message
    kept = {k: item[k] for k in ("id", "title", "price", "currency_id", "permalink") if k in item}
    content = message.content.model_copy(update={"data": {**message.content.data, "item": kept}})
    return message.model_copy(update={"content": content})


class Party(BaseModel):
    model_config = ConfigDict(extra="allow")
    user_id: str = Field(pattern=r"^[0-9]{1,20}$")
    _ids = field_validator("user_id", mode="before")(_text_id)


class PackMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str = Field(min_length=1, max_length=200)
    text: str = ""
    sender: Party = Field(alias="from")
    to: Party | None = None
    message_date: dict[str, Any] = Field(default_factory=dict)
    date_created: str | None = None
    message_resources: list[dict[str, Any]] = Field(default_factory=list)


def messages_of(answer: Any) -> list[Any]:
    """The messages in an answer: `{"messages": [...]}` (a pack, or a message by id) or a message on its own."""
    if isinstance(answer, dict) and isinstance(answer.get("messages"), list):
        return answer["messages"]
    return [answer] if isinstance(answer, dict) else []


def pack_of(raw: Any) -> str | None:
    """The pack a message belongs to (`message_resources: [{"id", "name": "packs"}, …]`); the order when the
    purchase has no pack (MercadoLibre then uses the order id as the pack id)."""
    resources = raw.get("message_resources") if isinstance(raw, dict) else None
    by_name = {r.get("name"): _text_id(r.get("id")) for r in resources or [] if isinstance(r, dict)}
    for name in ("packs", "orders"):
        if isinstance(by_name.get(name), str) and by_name[name]:
            return by_name[name]
    return None


def attachments_of(raw: Any, seller: str) -> list[MediaRef]:
    """A message's files (`message_attachments: [{"filename", "original_filename", "type", "size", …}]`): the
    provider's id is `filename` (what `GET /messages/attachments/{filename}` serves); the media store id is derived
    from it, so the downloader can fill it in later."""
    found = raw.get("message_attachments") if isinstance(raw, dict) else None
    media: list[MediaRef] = []
    for item in found if isinstance(found, list) else []:
        name = item.get("filename") if isinstance(item, dict) else None
        if not isinstance(name, str) or not name:
            continue
        mime = item.get("type") if isinstance(item.get("type"), str) else None
        size = item.get("size")
        media.append(
            MediaRef(
                kind="image" if mime and mime.startswith("image/") else "document",
                media_id=inbound_media_id(CHANNEL, seller, name),
                provider_media_id=name,
                mime_type=mime,
                filename=item.get("original_filename") if isinstance(item.get("original_filename"), str) else None,
                size=size if isinstance(size, int) and not isinstance(size, bool) and size >= 0 else None,
            )
        )
    return media


def pack_messages_received(
    answer: Any, tenant: str, seller: str, pack_id: str, received_at: datetime, notified: str | None = None
) -> tuple[list[MessageReceived], int]:
    """The buyer's messages of a pack still waiting for the seller (those after the seller's latest message), plus
    the `notified` one, oldest first; and how many items were not messages (skipped). The seller's own messages
    (Parley's sends among them) are not the customer's.

    Why not the whole pack: a message the router saw long ago may have left its memory of applied records (kept
    per thread, bounded), and would be stored and answered again. What is still unanswered is recent: a lost
    notification is caught up with the next one, and a repeated one is recognised."""
    parsed: list[tuple[PackMessage, dict[str, Any], datetime]] = []
    skipped = 0
    for raw in messages_of(answer):
        try:
            message = PackMessage.model_validate(raw)
        except ValidationError:
            skipped += 1
            continue
        dates = message.message_date
        sent_at = provider_time(dates.get("created") or dates.get("received") or message.date_created, received_at)
        parsed.append((message, raw, sent_at))
    answered_until = max((at for m, _, at in parsed if m.sender.user_id == seller), default=None)
    conversation = f"pack:{pack_id}"
    received: list[MessageReceived] = []
    for message, raw, sent_at in parsed:
        buyer = message.sender.user_id
        waiting = answered_until is None or sent_at > answered_until
        if buyer == seller or not (waiting or message.id == notified):
            continue
        data = {k: v for k, v in raw.items() if k not in ("id", "text", "from")}
        media = attachments_of(raw, seller)
        kind = "text" if message.text.strip() or not media else media[0].kind
        received.append(
            MessageReceived(
                tenant=tenant,
                channel=CHANNEL,
                thread_key=thread_key(tenant, CHANNEL, seller, buyer, conversation),
                account_id=seller,
                contact=Contact(id=buyer),
                provider_message_id=message.id,
                dedupe_key=dedupe_key(CHANNEL, seller, message.id),
                sent_at=sent_at,
                content=InboundContent(type=kind, text=message.text, media=media, data=data),
                conversation=conversation,
            )
        )
    received.sort(key=lambda m: m.sent_at)
    return received, skipped
