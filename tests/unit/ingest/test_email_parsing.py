"""Customers' mail → what Parley keeps (parley_ingest.email.message, .text), on real-world-shaped messages
(email_fixtures/README.md)."""

import base64
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from parley_contracts import Channel, dedupe_key, inbound_media_id, thread_key
from parley_ingest.email.message import Unusable, inbound_mail, parse_mail, root_in_parley_id
from parley_ingest.email.text import html_to_text, trim_reply

FIXTURES = Path(__file__).parent / "email_fixtures"
RECEIVED = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
ACCOUNT = "support@demo.local"


def parley_reply_id(root: str) -> str:
    """What outbound's `own_message_id` makes for a reply in the conversation of `root` (written out here:
    services do not import one another)."""
    inner = base64.b32encode(root[1:-1].encode()).decode().rstrip("=").lower()
    return f"<parley.{'0' * 32}.{inner}@demo.local>"


def mail(name: str):
    return parse_mail((FIXTURES / name).read_bytes(), RECEIVED)


def event(name: str):
    return inbound_mail(mail(name), tenant="demo", account_id=ACCOUNT, mailbox="INBOX", received_at=RECEIVED)


def test_plain_text_with_a_signature():
    parsed = mail("plain_signature.eml")
    assert parsed.message_id == "<5f1c2e0a-9b1d-4c55-8f3e-1a2b3c4d5e6f@example.test>"
    assert parsed.from_address == "jane.doe@example.test"  # the contact id: lowercased
    assert parsed.from_name == "Jane Doe"
    assert parsed.subject == "Where is my order #4521?"
    assert parsed.sent_at == datetime(2026, 12, 1, 9, 58, 9, tzinfo=UTC)
    assert parsed.text == (
        "Hello,\n\nI ordered a kettle last week and it has not arrived yet. Could you check?\n\nThanks"
    )
    assert "ACME Gardens" in parsed.full_text and "ACME" not in parsed.text
    assert parsed.auto is None and parsed.attachments == []


def test_html_only_becomes_clean_text_with_links_kept():
    parsed = mail("html_only.eml")
    assert parsed.subject == "Pregunta sobre envío"
    assert parsed.from_html
    assert parsed.text == (
        "Hola, necesito ayuda con mi pedido.\n"
        "- Pedido 4521\n"
        "- Envío a Montevideo\n"
        "Ver mi pedido (https://shop.test/orders/4521) o https://shop.test.\n"
        "Gracias\n"
        "Marta"
    )
    assert "alert" not in parsed.full_text and "color" not in parsed.full_text and "ignored" not in parsed.full_text


def test_multipart_keeps_plain_text_and_every_attachment_inline_images_too():
    parsed = mail("multipart_attachment.eml")
    assert parsed.text == "The lamp arrived broken, see the photo and the invoice."
    assert not parsed.from_html
    image, pdf = parsed.attachments
    assert (image.mime_type, image.inline, image.content_id, image.kind) == (
        "image/png",
        True,
        "<photo1@client.test>",
        "image",
    )
    assert image.data.startswith(b"\x89PNG")
    assert (pdf.mime_type, pdf.filename, pdf.inline, pdf.kind) == (
        "application/pdf",
        "invoice-4521.pdf",
        False,
        "document",
    )
    assert pdf.data.startswith(b"%PDF")


def test_the_event_names_each_attachment_by_its_derived_media_id():
    built = event("multipart_attachment.eml")
    received = built.event
    assert received.content.type == "text"
    refs = received.content.media
    assert [r.kind for r in refs] == ["image", "document"]
    for ref, (stored_ref, data) in zip(refs, built.files, strict=True):
        assert ref == stored_ref
        assert ref.provider_media_id.startswith("<att-0001@client.test>:")
        assert ref.media_id == inbound_media_id(Channel.EMAIL, ACCOUNT, ref.provider_media_id)
        assert ref.size == len(data)
    assert refs[1].filename == "invoice-4521.pdf"


def test_a_gmail_reply_is_trimmed_to_what_the_customer_wrote_and_threads_on_the_root():
    parsed = mail("gmail_reply.eml")
    assert parsed.text == "Great, thank you! Can I change the delivery address?"
    assert "your order ships tomorrow" in parsed.full_text
    assert parsed.in_reply_to == "<parley.0123456789abcdef0123456789abcdef@demo.local>"
    assert parsed.root == "<5f1c2e0a-9b1d-4c55-8f3e-1a2b3c4d5e6f@example.test>"

    received = event("gmail_reply.eml").event
    # Same thread as the first mail of the conversation (plain_signature.eml), whose Message-ID is the root.
    first = event("plain_signature.eml").event
    assert received.thread_key == first.thread_key
    assert received.thread_key == thread_key(
        "demo", Channel.EMAIL, ACCOUNT, "jane.doe@example.test", conversation=parsed.root
    )
    assert received.reply_context == {
        "message_id": "<CAGmail-reply-2@mail.gmail.test>",
        "subject": "Re: Where is my order #4521?",
        "references": parsed.references,
        "root": parsed.root,
    }
    assert received.dedupe_key == dedupe_key(Channel.EMAIL, ACCOUNT, "<CAGmail-reply-2@mail.gmail.test>")
    assert received.content.data["full_text"] == parsed.full_text


def test_an_outlook_reply_loses_the_original_and_the_mobile_footer():
    parsed = mail("outlook_reply.eml")
    assert parsed.text == "Yes, please send it to accounting."
    assert parsed.root == "<AM0PR01MB0000.outlook.test>"
    older = mail("outlook_original_message.eml")
    assert older.text == "Thank you, received."
    assert older.root == "<refund-1@demo.local>"


def test_html_quotes_of_mail_clients_can_be_skipped():
    html = (
        '<div>Yes please.</div><div class="gmail_quote">On Mon … wrote:<blockquote>old</blockquote></div>'
        '<blockquote type="cite">older</blockquote><div id="divRplyFwdMsg">From: us</div>'
    )
    assert html_to_text(html, skip_quotes=True) == "Yes please."
    assert "old" in html_to_text(html)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Fine.\n\nEl mar, 1 dic 2026 a las 10:00, Soporte <s@demo.local> escribió:\n> Hola", "Fine."),
        ("Merci.\n\nLe mar. 1 déc. 2026 à 10:00, Support <s@demo.local> a écrit :\n> Bonjour", "Merci."),
        ("Danke.\n\nAm Di., 1. Dez. 2026 um 10:00 Uhr schrieb Support <s@demo.local>:\n> Hallo", "Danke."),
        ("ok\n\nEnviado desde mi iPhone", "ok"),
        ("> quoted first\nmy answer below", "my answer below"),
        ("> only a quote", "> only a quote"),  # nothing would be left: the text stays whole
        ("Call me -- tomorrow is fine", "Call me -- tomorrow is fine"),  # not a delimiter line
    ],
)
def test_trimming(text, kept):
    assert trim_reply(text) == kept


def test_auto_replies_and_bounces_are_system_messages():
    auto = event("auto_reply.eml").event
    assert auto.content.type == "system" and auto.content.data["auto"] == "Auto-Submitted: auto-replied"
    bounce = event("bounce.eml").event
    assert bounce.content.type == "system"
    assert bounce.content.data["auto"] == "sent by mailer-daemon"
    assert bounce.content.media == []  # the delivery-status part is not a file
    assert event("plain_signature.eml").event.content.type == "text"


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ("From: News <news@shop.test>\r\nList-Unsubscribe: <mailto:u@shop.test>\r\n", "List-Unsubscribe present"),
        ("From: Team <team@lists.test>\r\nPrecedence: bulk\r\n", "Precedence: bulk"),
        ("From: Demo Support <Support@demo.local>\r\n", "sent by this mailbox"),
        ("From: x@y.test\r\nAuto-Submitted: auto-generated; x\r\n", "Auto-Submitted: auto-generated"),
    ],
)
def test_mail_from_machines_and_from_the_mailbox_itself_is_not_for_the_bot(headers, reason):
    raw = f"{headers}Message-ID: <n@x.test>\r\nSubject: s\r\n\r\nbody".encode()
    built = inbound_mail(
        parse_mail(raw, RECEIVED), tenant="demo", account_id=ACCOUNT, mailbox="INBOX", received_at=RECEIVED
    )
    assert built.event.content.type == "system" and built.event.content.data["auto"] == reason


def test_auto_submitted_no_is_a_person():
    raw = b"From: x@y.test\r\nAuto-Submitted: no\r\nMessage-ID: <p@x.test>\r\n\r\nhi"
    assert parse_mail(raw, RECEIVED).auto is None


def test_a_mail_without_message_id_or_date_still_threads_and_dedupes():
    raw = (FIXTURES / "no_message_id.eml").read_bytes()
    parsed = parse_mail(raw, RECEIVED)
    assert parsed.message_id_derived and parsed.message_id.endswith("@parley.invalid>")
    assert parse_mail(raw, RECEIVED).message_id == parsed.message_id  # read again: the same id
    received = event("no_message_id.eml").event
    assert received.sent_at == RECEIVED and received.content.data["date_unreadable"] is True
    assert received.contact.id == "someone@legacy.test" and received.contact.name is None


def test_a_mail_without_any_sender_address_is_unusable():
    parsed = parse_mail(b"Subject: who?\r\n\r\nbody", RECEIVED)
    with pytest.raises(Unusable):
        inbound_mail(parsed, tenant="demo", account_id=ACCOUNT, mailbox="INBOX", received_at=RECEIVED)


def test_a_date_in_the_future_is_not_believed():
    raw = b"From: a@b.test\r\nDate: Fri, 01 Jan 2100 00:00:00 +0000\r\nMessage-ID: <x@b.test>\r\n\r\nhi"
    assert parse_mail(raw, RECEIVED).sent_at is None


def test_a_reply_to_parley_threads_on_the_root_parley_carries_even_without_references():
    root = "<5f1c2e0a-9b1d-4c55-8f3e-1a2b3c4d5e6f@example.test>"
    answered = parley_reply_id(root)
    raw = (
        f"From: Jane Doe <jane.doe@example.test>\r\nMessage-ID: <only-irt@example.test>\r\n"
        f"In-Reply-To: {answered}\r\nSubject: Re: Where is my order #4521?\r\n\r\nthanks"
    ).encode()
    parsed = parse_mail(raw, RECEIVED)
    assert parsed.references == [answered] and parsed.root == root
    first = event("plain_signature.eml").event
    reply = inbound_mail(parsed, tenant="demo", account_id=ACCOUNT, mailbox="INBOX", received_at=RECEIVED).event
    assert reply.thread_key == first.thread_key
    assert root_in_parley_id("<parley.0123456789abcdef0123456789abcdef@demo.local>") is None
    assert root_in_parley_id("<parley.0123456789abcdef0123456789abcdef.!!!@demo.local>") is None


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.eml")))
def test_truncated_and_mangled_mail_never_raises(name):
    raw = (FIXTURES / name).read_bytes()
    for cut in range(0, len(raw), max(1, len(raw) // 25)):
        for variant in (raw[:cut], raw[:cut].replace(b"\n", b"\r"), raw[cut:], bytes(b ^ 0x80 for b in raw[:cut])):
            parsed = parse_mail(variant, RECEIVED)
            assert parsed.message_id.startswith("<")


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.eml")))
def test_randomly_damaged_mail_never_raises_and_always_builds_an_event(name):
    rng = random.Random(name)
    raw = bytearray((FIXTURES / name).read_bytes())
    for _ in range(60):
        damaged = bytearray(raw)
        for _ in range(rng.randint(1, 12)):
            damaged[rng.randrange(len(damaged))] = rng.choice(b'<>"@:;=\r\n\t \\()[],\x00\xff-')
        parsed = parse_mail(bytes(damaged), RECEIVED)
        if parsed.from_address is not None:
            inbound_mail(parsed, tenant="demo", account_id=ACCOUNT, mailbox="INBOX", received_at=RECEIVED)
