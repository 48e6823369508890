"""Signed WhatsApp webhooks for the benchmarks, built and serialised by the sandbox (which plays Meta)."""

import time

from parley_devstack.paths import SAMPLE
from parley_nlp.evaluation import read_messages
from parley_sandbox.meta import serialize, signature_sha256
from parley_sandbox.settings import SandboxSettings
from parley_sandbox.whatsapp import payloads

META = SandboxSettings()  # the local defaults ingest also uses
# What the demo business's customers write, labelled (questions the FAQ answers and does not, requests for a
# person, complaints; English, Spanish, Portuguese): the texts of the mixed end-to-end level.
SAMPLE_MESSAGES = SAMPLE / "messages.jsonl"


def sample_texts() -> list[str]:
    return [row["text"] for row in read_messages([SAMPLE_MESSAGES])]


def webhook(wa_id: str, wamid: str, text: str) -> bytes:
    """A customer's text message, built and serialised by the sandbox (which plays Meta)."""
    message = payloads.customer_message(wa_id=wa_id, wamid=wamid, timestamp=int(time.time()), text=text)
    return serialize(payloads.messages_webhook(META, wa_id=wa_id, name="Bench", message=message))


def signature(body: bytes) -> str:
    return signature_sha256(body, META.whatsapp_app_secret)
