"""How a send becomes MercadoLibre calls. Pure and deterministic (a redelivered send is planned the same way).

The thread's conversation says where: `question:<id>` → one public answer (`POST /answers`), the whole text at
once, never split (a question takes one answer); `pack:<id>` → post-sale messages to the buyer (`POST
/messages/packs/{pack_id}/sellers/{seller_id}?tag=post_sale`), a text longer than a message holds split at
whitespace, then each attachment as a message of its own (named by its file), uploaded first to
`/messages/attachments`. Quick replies become numbered lines (MercadoLibre has no buttons). An answer carries text
only."""

import json
from functools import cache
from importlib import resources
from typing import Any

from parley_contracts import MediaRef, MessageSend
from parley_outbound.channels.base import Part, PermanentSendError

ANSWER = "answer"
PACK_MESSAGE = "pack_message"


@cache
def _raw_limits() -> dict[str, Any]:
    return json.loads(resources.files("parley_outbound.channels").joinpath("mercadolibre_limits.json").read_text())


@cache
def limits() -> dict[str, int]:
    raw = _raw_limits()
    return {
        "answer": int(raw["answer_text_max"]),
        "message": int(raw["message_text_max"]),
        "attachment_bytes": int(raw["attachment_max_bytes"]),
    }


def attachment_types() -> frozenset[str]:
    return frozenset(_raw_limits()["attachment_types"])


def plan_parts(message: MessageSend) -> list[Part]:
    kind, _, ref = (message.conversation or "").partition(":")
    if not ref or kind not in ("question", "pack"):
        raise PermanentSendError(
            "a MercadoLibre send needs its thread's conversation (question:<id> or pack:<id>); this one has "
            f"{message.conversation!r}"
        )
    content = message.content
    if content.template is not None:
        raise PermanentSendError("MercadoLibre has no message templates: send text")
    text = with_choices(content.text or "", [q.title for q in content.quick_replies])
    if kind == "question" and content.attachments:
        raise PermanentSendError("an answer to a MercadoLibre question carries text only: send the files in the pack")
    if not text.strip() and not content.attachments:
        raise PermanentSendError("nothing to send")
    if kind == "question":
        if len(text) > limits()["answer"]:
            raise PermanentSendError(
                f"an answer to a MercadoLibre question holds at most {limits()['answer']} characters and a question "
                f"takes one answer: this one has {len(text)}"
            )
        return [Part({"kind": ANSWER, "question_id": ref, "text": text})]
    base = {"kind": PACK_MESSAGE, "pack_id": ref, "buyer": message.recipient.id}
    parts = [Part({**base, "text": chunk}) for chunk in split_text(text, limits()["message"])]
    for attachment in content.attachments:
        check_attachment(attachment)
        label = (attachment.filename or attachment.kind)[: limits()["message"]]
        parts.append(Part({**base, "text": label}, media_id=attachment.media_id))
    return parts


def check_attachment(attachment: MediaRef) -> None:
    """What MercadoLibre takes in a post-sale message, refused before anything is sent."""
    if attachment.mime_type and attachment.mime_type not in attachment_types():
        allowed = ", ".join(sorted(attachment_types()))
        raise PermanentSendError(f"MercadoLibre takes {allowed} attachments, not {attachment.mime_type}")
    if attachment.size is not None and attachment.size > limits()["attachment_bytes"]:
        raise PermanentSendError(
            f"MercadoLibre takes attachments up to {limits()['attachment_bytes']} bytes; this one has {attachment.size}"
        )


def with_choices(text: str, titles: list[str]) -> str:
    if not titles:
        return text
    options = "\n".join(f"{n}. {title}" for n, title in enumerate(titles, start=1))
    return f"{text}\n{options}" if text else options


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, cut at the last whitespace before the limit where there is one."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = max(rest.rfind(" ", 0, limit + 1), rest.rfind("\n", 0, limit + 1))
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces
