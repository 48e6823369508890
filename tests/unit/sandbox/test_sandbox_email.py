"""The sandbox's email customer, without a mail server: the mails it builds (parley_sandbox.email.mail) and the
routes that need none."""

import base64
from datetime import UTC, datetime
from email import message_from_bytes, policy

import httpx
import pytest

from parley_sandbox.app import create_app
from parley_sandbox.email.mail import CustomerMailIn, Reply, build_mail, reply_to, view
from parley_sandbox.settings import SandboxSettings

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def test_a_new_mail_with_html_and_an_attachment():
    req = CustomerMailIn.model_validate(
        {
            "from": "dana@customer.test",
            "name": "Dana",
            "text": "hello",
            "html": "<p>hello</p>",
            "subject": "Order",
            "attachments": [
                {
                    "filename": "a.pdf",
                    "mime_type": "application/pdf",
                    "content_base64": base64.b64encode(b"%PDF").decode(),
                }
            ],
        }
    )
    mail = view(build_mail(req, "support@demo.local", None, NOW).as_bytes(), "inbound", "customer", 0)
    assert (mail.subject, mail.text.strip(), mail.html.strip()) == ("Order", "hello", "<p>hello</p>")
    assert mail.message_id.endswith("@customer.test>") and mail.in_reply_to is None
    [attached] = mail.attachments
    assert (attached.filename, attached.mime_type, attached.size) == ("a.pdf", "application/pdf", 4)


def test_a_reply_to_parley_quotes_it_and_chains_the_references():
    parley = build_mail(
        CustomerMailIn.model_validate(
            {
                "from": "support@demo.local",
                "name": "Demo Support",
                "text": "Ships tomorrow.\nBye",
                "subject": "Re: Order",
            }
        ),
        "dana@customer.test",
        Reply("<root@customer.test>", "Order"),
        NOW,
    )
    replying = reply_to(parley.as_bytes())
    assert replying.references == ["<root@customer.test>"] and replying.text.startswith("Ships tomorrow.")
    answer = build_mail(
        CustomerMailIn.model_validate({"from": "dana@customer.test", "text": "Thanks"}),
        "support@demo.local",
        replying,
        NOW,
    )
    parsed = message_from_bytes(answer.as_bytes(), policy=policy.default)
    assert parsed["Subject"] == "Re: Order"
    assert parsed["In-Reply-To"] == replying.message_id
    assert parsed["References"].split() == ["<root@customer.test>", replying.message_id]
    body = parsed.get_content()
    assert body.startswith("Thanks\n\nOn ") and "wrote:\n> Ships tomorrow.\n> Bye" in body


def test_an_html_only_mail_and_nothing_at_all():
    req = CustomerMailIn.model_validate({"from": "dana@customer.test", "html": "<b>hi</b>"})
    parsed = message_from_bytes(build_mail(req, "support@demo.local", None, NOW).as_bytes(), policy=policy.default)
    assert parsed.get_content_type() == "text/html"
    with pytest.raises(ValueError):
        build_mail(CustomerMailIn.model_validate({"from": "dana@customer.test"}), "support@demo.local", None, NOW)


async def test_the_page_and_its_config_and_refusals_without_a_mail_server():
    app = create_app(SandboxSettings(smtp_port=1, imap_port=1))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sandbox") as client:
        assert "Email customer" in (await client.get("/sandbox/email/")).text
        assert (await client.get("/sandbox/email/config")).json()["mailbox"] == "support@demo.local"
        unknown = await client.post("/sandbox/email/messages", json={"from": "d@c.test", "message_id": "<nope@x>"})
        assert unknown.status_code == 404
        refused = await client.post("/sandbox/email/messages", json={"from": "d@c.test", "text": "hi"})
        assert refused.status_code == 502  # nothing listens on port 1
        assert (
            await client.post("/sandbox/email/messages", json={"from": "not-an-address", "text": "x"})
        ).status_code == 422
