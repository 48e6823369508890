"""Email sends (parley_outbound.channels.email_parts, .email): planning a proper reply, the MIME message, and how
SMTP failures are classified."""

import base64
from datetime import UTC, datetime
from email import message_from_bytes, policy

import aiosmtplib
import pytest
from pydantic import SecretStr

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import AuthorKind, Channel, Contact, MediaRef, MessageSend, OutboundContent, QuickReply
from parley_outbound.channels.base import MediaFile, PermanentSendError, RetryableSendError
from parley_outbound.channels.email import EmailSender, classify_smtp_failure
from parley_outbound.channels.email_parts import (
    REFERENCES_KEPT,
    build_message,
    own_message_id,
    plan_parts,
    reply_references,
    reply_subject,
)

CONTEXT = {
    "message_id": "<c2@customer.test>",
    "subject": "Where is my order?",
    "references": ["<c1@customer.test>", "<parley.1@demo.local>"],
    "root": "<c1@customer.test>",
}


def send(**changes) -> MessageSend:
    fields = {
        "tenant": "demo",
        "channel": Channel.EMAIL,
        "thread_key": "th_1",
        "send_id": "snd_1",
        "account_id": "support@demo.local",
        "recipient": Contact(id="jane@customer.test", name="Jane Doe"),
        "content": OutboundContent(text="Your order ships tomorrow."),
        "reply_to_provider_id": "<c2@customer.test>",
        "reply_context": CONTEXT,
        **changes,
    }
    return MessageSend(**fields)


def test_a_reply_answers_the_customers_message_and_chains_the_references():
    [part] = plan_parts(send())
    body = part.body
    assert part.media_id is None  # nothing to upload: attachments travel inside the message
    assert body["subject"] == "Re: Where is my order?"
    assert body["in_reply_to"] == "<c2@customer.test>"
    assert body["references"] == ["<c1@customer.test>", "<parley.1@demo.local>", "<c2@customer.test>"]
    assert body["message_id"] == own_message_id("snd_1", 0, "support@demo.local", "<c1@customer.test>")
    assert body["message_id"].endswith("@demo.local>") and body["automatic"] is True
    # The id carries the conversation's root (base32, so it stays a valid id) for replies without References.
    carried = body["message_id"].split(".")[2].split("@")[0]
    assert base64.b32decode(carried.upper() + "=" * (-len(carried) % 8)) == b"c1@customer.test"
    assert own_message_id("snd_1", 0, "support@demo.local", "<" + "x" * 200 + "@y>").count(".") == 2
    assert plan_parts(send()) == [part]  # a redelivered send: the same message, the same Message-ID


def test_an_operators_reply_answers_the_threads_latest_mail():
    [part] = plan_parts(send(reply_to_provider_id=None, author=AuthorKind.OPERATOR, operator_id="op_ana"))
    assert part.body["in_reply_to"] == "<c2@customer.test>" and part.body["automatic"] is False


def test_subjects_and_references():
    assert reply_subject("RE: Invoice", "x") == "RE: Invoice"
    assert reply_subject("Aw: Rechnung", "x") == "Aw: Rechnung"
    assert reply_subject(None, "\nHello there\nmore") == "Hello there"
    assert reply_subject(None, "") == "Your message"
    long_chain = {"references": [f"<r{n}@x>" for n in range(50)], "root": "<r0@x>"}
    kept = reply_references(long_chain, "<last@x>")
    assert len(kept) == REFERENCES_KEPT and kept[0] == "<r0@x>" and kept[-1] == "<last@x>"
    assert reply_references({"references": ["<b@x>"], "root": "<a@x>"}, None) == ["<a@x>", "<b@x>"]
    assert reply_references({}, None) == []


def test_choices_are_numbered_and_templates_are_refused():
    content = OutboundContent(
        text="Was this helpful?", quick_replies=[QuickReply(id="y", title="Yes"), QuickReply(id="n", title="No")]
    )
    [part] = plan_parts(send(content=content))
    assert part.body["text"] == "Was this helpful?\n\n1. Yes\n2. No"
    with pytest.raises(PermanentSendError):
        plan_parts(send(content=OutboundContent(template={"name": "hello", "language": "en"})))


def test_the_mime_message_has_text_html_and_attachments():
    pdf = MediaRef(kind="document", media_id="med_1", mime_type="application/pdf", filename="invoice.pdf", size=8)
    [part] = plan_parts(
        send(content=OutboundContent(text="See https://shop.test/o/1\n\n<b>thanks</b>", attachments=[pdf]))
    )
    message = build_message(
        part.body,
        sender="support@demo.local",
        sender_name="Demo Support",
        files=[MediaFile(pdf, b"%PDF-1.4")],
        at=datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
    )
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert parsed["From"] == "Demo Support <support@demo.local>"
    assert parsed["To"] == "Jane Doe <jane@customer.test>"
    assert parsed["Message-ID"] == part.body["message_id"]
    assert parsed["In-Reply-To"] == "<c2@customer.test>"
    assert parsed["References"].split() == part.body["references"]
    assert parsed["Auto-Submitted"] == "auto-replied"
    assert parsed.get_content_type() == "multipart/mixed"
    assert parsed.get_body(("plain",)).get_content().strip().startswith("See https://shop.test/o/1")
    html = parsed.get_body(("html",)).get_content()
    assert '<a href="https://shop.test/o/1">' in html and "&lt;b&gt;thanks&lt;/b&gt;" in html  # escaped, not markup
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_filename() == "invoice.pdf" and attachment.get_content() == b"%PDF-1.4"


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (aiosmtplib.SMTPResponseException(451, "try again later"), RetryableSendError),
        (aiosmtplib.SMTPResponseException(554, "message refused"), PermanentSendError),
        (aiosmtplib.SMTPAuthenticationError(535, "bad credentials"), PermanentSendError),
        (
            aiosmtplib.SMTPRecipientsRefused([aiosmtplib.SMTPRecipientRefused(550, "no such user", "x@y")]),
            PermanentSendError,
        ),
        (
            aiosmtplib.SMTPRecipientsRefused([aiosmtplib.SMTPRecipientRefused(452, "mailbox full", "x@y")]),
            RetryableSendError,
        ),
        (aiosmtplib.SMTPTimeoutError("timed out"), RetryableSendError),
        (aiosmtplib.SMTPServerDisconnected("gone"), RetryableSendError),
    ],
)
def test_smtp_failures_are_classified(error, kind):
    assert isinstance(classify_smtp_failure(error, "smtp.test:587"), kind)


async def test_a_mail_that_cannot_be_built_is_a_permanent_failure_not_a_crash():
    account = ChannelAccount(
        channel=Channel.EMAIL,
        account_id="support@demo.local",
        tenant="demo",
        config={"imap_host": "h", "imap_port": 1, "smtp_host": "h", "smtp_port": 1},
        secrets={"password": SecretStr("p")},
    )
    [part] = plan_parts(send(reply_context={**CONTEXT, "subject": "Order\r\nBcc: someone@else.test"}))
    with pytest.raises(PermanentSendError):
        await EmailSender(media=None, timeout=1).send(account, part, None)  # type: ignore[arg-type]
