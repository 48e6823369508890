"""How a send becomes MercadoLibre calls. Pure and deterministic (a redelivered send is planned the same way).

The thread's conversation says where: `question:<id>` → one public answer (`POST /answers`), the whole text at
once, never split (a question takes one answer); `pack:<id>` → post-sale messages to the buyer (`POST
/messages/packs/{pack_id}/sellers/{seller_id}?tag=post_sale`), a text longer than a message holds split at
whitespace. Quick replies become numbered lines (MercadoLibre has no buttons). Attachments are not sent yet."""

import json
from functools import cache
from importlib import resources

from parley_contracts import MessageSend
from parley_outbound.channels.base import Part, PermanentSendError

ANSWER = "answer"
PACK_MESSAGE = "pack_message"


@cache
def limits() -> dict[str, int]:
    raw = json.loads(resources.files("parley_outbound.channels").joinpath("mercadolibre_limits.json").read_text())
    return {"answer": int(raw["answer_text_max"]), "message": int(raw["message_text_max"])}


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
    if content.attachments:
        raise PermanentSendError("attachments are not sent on MercadoLibre yet: send the text on its own")
    text = with_choices(content.text or "", [q.title for q in content.quick_replies])
    if not text.strip():
        raise PermanentSendError("nothing to send: MercadoLibre carries text only")
    if kind == "question":
        if len(text) > limits()["answer"]:
            raise PermanentSendError(
                f"an answer to a MercadoLibre question holds at most {limits()['answer']} characters and a question "
                f"takes one answer: this one has {len(text)}"
            )
        return [Part({"kind": ANSWER, "question_id": ref, "text": text})]
    return [
        Part({"kind": PACK_MESSAGE, "pack_id": ref, "buyer": message.recipient.id, "text": chunk})
        for chunk in split_text(text, limits()["message"])
    ]


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
