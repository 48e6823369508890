"""An email customer, played by the sandbox through the local mail server (GreenMail), talks to the whole running
system: their mail reaches the demo mailbox over SMTP, ingest's reader picks it up over IMAP, and Parley's
answers arrive in the customer's own mailbox as proper replies."""

import asyncio
import base64
import hashlib
import uuid
from collections.abc import Iterator

import httpx
import pytest

from parley_contracts import Channel, thread_key
from parley_devstack import Infrastructure
from parley_devstack.services import RunningStack
from tests.auth import login
from tests.customers import png, thread_messages
from tests.kafka_helpers import eventually
from tests.stack import running_stack

pytestmark = pytest.mark.e2e

MAILBOX = "support@demo.local"
PDF = b"%PDF-1.4\n% a customer's invoice\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(scope="module")
def stack(infra: Infrastructure, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    # The demo mailbox is connected by seed-demo after ingest started: ingest notices it within a second.
    with running_stack(infra, tmp_path_factory.mktemp("e2e-logs"), EMAIL_ACCOUNTS_REFRESH_SECONDS="1") as running:
        yield running


class MailCustomer:
    def __init__(self, http: httpx.AsyncClient, stack: RunningStack, name: str = "Dana Mail") -> None:
        self.http = http
        self.sandbox = stack.url("sandbox") + "/sandbox/email"
        self.address = f"dana-{uuid.uuid4().hex[:10]}@customer.test"
        self.name = name
        self.root: str | None = None

    async def write(self, text: str | None = None, **extra: object) -> dict:
        body = {"from": self.address, "name": self.name, **({"text": text} if text is not None else {}), **extra}
        sent = await self.http.post(self.sandbox + "/messages", json=body)
        assert sent.status_code == 200, sent.text
        mail = sent.json()
        if self.root is None:
            self.root = mail["message_id"]
        return mail

    async def mails(self) -> list[dict]:
        got = await self.http.get(f"{self.sandbox}/conversations/{self.address}")
        got.raise_for_status()
        return got.json()["messages"]

    async def answers(self) -> list[dict]:
        return [m for m in await self.mails() if m["direction"] == "outbound"]

    async def wait_for_answers(self, count: int, timeout: float = 60) -> list[dict]:
        async def enough() -> list[dict] | None:
            answers = await self.answers()
            return answers if len(answers) >= count else None

        answers = await eventually(enough, timeout=timeout, interval=0.5)
        assert answers is not None, f"fewer than {count} answers in {self.address}'s mailbox"
        return answers

    @property
    def thread_key(self) -> str:
        assert self.root is not None
        return thread_key("demo", Channel.EMAIL, MAILBOX, self.address, conversation=self.root)


async def _thread(http: httpx.AsyncClient, api: str, headers: dict, key: str) -> dict | None:
    got = await http.get(f"{api}/api/threads/{key}", headers=headers)
    return got.json() if got.status_code == 200 else None


async def test_a_mail_gets_a_proper_reply_and_the_conversation_stays_one_thread(stack, http):
    customer = MailCustomer(http, stack)
    first = await customer.write("hello", subject="A question about my order")

    [answer] = await customer.wait_for_answers(1)
    assert answer["subject"] == "Re: A question about my order"
    assert answer["in_reply_to"] == first["message_id"]
    assert answer["references"] == [first["message_id"]]
    assert answer["auto_submitted"] == "auto-replied"  # the bot's mail, so auto-responders leave it alone
    assert answer["text"].strip() and answer["html"]

    # The customer answers Parley's mail (quoting it, as mail clients do): same conversation, same thread.
    second = await customer.write("What are your opening hours?", reply_to_last=True)
    assert second["in_reply_to"] == answer["message_id"]
    answers = await customer.wait_for_answers(2)
    assert answers[1]["in_reply_to"] == second["message_id"]
    assert answers[1]["references"][0] == first["message_id"]  # the root stays first
    assert answers[1]["subject"] == "Re: A question about my order"

    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")

    async def four_messages() -> list[dict] | None:
        found = await thread_messages(http, api, customer.thread_key, ana)
        return found if len(found) >= 4 else None

    messages = await eventually(four_messages, timeout=20)
    assert messages is not None
    assert [m["author"] for m in messages] == ["customer", "bot", "customer", "bot"]
    assert messages[0]["provider_message_id"] == first["message_id"]
    assert messages[2]["text"] == "What are your opening hours?"  # the quoted history is trimmed ...
    assert "wrote:" in messages[2]["data"]["full_text"]  # ... and kept
    assert messages[1]["provider_message_id"] == answer["message_id"]
    thread = await _thread(http, api, ana, customer.thread_key)
    assert thread is not None and thread["contact"] == {"id": customer.address, "name": "Dana Mail"}


async def test_talk_to_a_person_hands_off_and_an_operator_answers_by_mail(stack, http):
    customer = MailCustomer(http, stack)
    first = await customer.write("I want to talk to a real person, please", subject="Help")
    [holding] = await customer.wait_for_answers(1)
    assert holding["in_reply_to"] == first["message_id"]

    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")

    async def waiting() -> dict | None:
        thread = await _thread(http, api, ana, customer.thread_key)
        return thread if thread and thread["status"] in ("needs_human", "human") else None

    assert await eventually(waiting, timeout=20), "the thread was not handed to a person"
    sent = await http.post(
        f"{api}/api/threads/{customer.thread_key}/messages", json={"text": "Hi, Ana here. How can I help?"}, headers=ana
    )
    assert sent.status_code == 200, sent.text

    answers = await customer.wait_for_answers(2)
    operator = answers[1]
    assert "Ana here" in operator["text"]
    assert operator["subject"] == "Re: Help"
    assert operator["in_reply_to"] == first["message_id"]  # an operator's mail answers the customer's latest
    assert operator["references"][0] == first["message_id"]
    assert operator["auto_submitted"] is None  # a person wrote it


async def test_attachments_in_are_stored_and_attachments_out_arrive(stack, http):
    customer = MailCustomer(http, stack)
    invoice = {
        "filename": "invoice.pdf",
        "mime_type": "application/pdf",
        "content_base64": base64.b64encode(PDF).decode(),
    }
    await customer.write("Here is the invoice", subject="Invoice", attachments=[invoice])
    await customer.wait_for_answers(1)

    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")

    async def with_media() -> dict | None:
        found = await thread_messages(http, api, customer.thread_key, ana)
        return next((m for m in found if m["author"] == "customer" and m["media"]), None)

    message = await eventually(with_media, timeout=20)
    assert message is not None and message["text"] == "Here is the invoice"
    [ref] = message["media"]
    assert ref["kind"] == "document" and ref["filename"] == "invoice.pdf" and ref["mime_type"] == "application/pdf"
    stored = await http.get(f"{api}/api/media/{ref['media_id']}", headers=ana)
    assert stored.status_code == 200 and stored.content == PDF

    picture = png()
    files = {"files": ("receipt.png", picture, "image/png")}
    sent = await http.post(
        f"{api}/api/threads/{customer.thread_key}/messages", data={"text": "Your receipt"}, files=files, headers=ana
    )
    assert sent.status_code == 200, sent.text
    answers = await customer.wait_for_answers(2)
    [attached] = answers[1]["attachments"]
    assert attached["filename"] == "receipt.png" and attached["mime_type"] == "image/png"
    assert attached["sha256"] == hashlib.sha256(picture).hexdigest()
    assert "Your receipt" in answers[1]["text"]


async def test_a_mail_delivered_twice_is_answered_once(stack, http):
    customer = MailCustomer(http, stack)
    first = await customer.write("hello", subject="Twice")
    again = await customer.write(message_id=first["message_id"])
    assert again["duplicate"] and again["message_id"] == first["message_id"]

    await customer.wait_for_answers(1)
    await asyncio.sleep(5)  # every chance for a second answer
    assert len(await customer.answers()) == 1

    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    messages = await thread_messages(http, api, customer.thread_key, ana)
    assert [m["author"] for m in messages] == ["customer", "bot"]


async def test_an_html_mail_is_read_as_text_and_an_auto_reply_is_recorded_unanswered(stack, http):
    customer = MailCustomer(http, stack)
    html = "<html><head><style>p{color:red}</style></head><body><p>Hi,&nbsp;what are your <b>opening hours</b>?</p></body></html>"
    first = await customer.write(html=html, subject="Hours")
    await customer.wait_for_answers(1)
    await customer.write(
        "I am out of the office until Monday.", reply_to_last=True, headers={"Auto-Submitted": "auto-replied"}
    )

    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")

    async def three_messages() -> list[dict] | None:
        found = await thread_messages(http, api, customer.thread_key, ana)
        return found if len(found) >= 3 else None

    messages = await eventually(three_messages, timeout=30)
    assert messages is not None
    assert messages[0]["provider_message_id"] == first["message_id"]
    assert messages[0]["text"] == "Hi, what are your opening hours?" and messages[0]["data"]["from_html"] is True
    assert (messages[2]["type"], messages[2]["author"]) == ("system", "customer")
    await asyncio.sleep(4)  # every chance for an answer to the auto-reply
    assert len(await customer.answers()) == 1
