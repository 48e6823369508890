"""`message.send` builders for outbound's unit tests: one WhatsApp recipient, replying to one inbound message."""

from parley_contracts import Channel, Contact, MediaRef, MessageSend, OutboundContent

RECIPIENT = "5215551234"


def outbound(**content) -> MessageSend:
    """A send with the given content (default: text "Hi")."""
    return MessageSend(
        tenant="t",
        channel=Channel.WHATSAPP,
        thread_key="th_1",
        send_id="s1",
        account_id="100",
        recipient=Contact(id=RECIPIENT),
        content=OutboundContent(**(content or {"text": "Hi"})),
        reply_to_provider_id="wamid.IN",
    )


def image(media_id: str = "med_img", **fields) -> MediaRef:
    return MediaRef(kind="image", media_id=media_id, mime_type="image/png", filename="photo.png", size=3, **fields)


def document(media_id: str = "med_doc", filename: str | None = "invoice.pdf") -> MediaRef:
    return MediaRef(kind="document", media_id=media_id, mime_type="application/pdf", filename=filename, size=3)
