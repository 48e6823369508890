"""Channel accounts with ingest and dashboard-api running (real Kafka, FerretDB): an admin connects a WhatsApp
number to a business unit through the API, its secrets are stored encrypted and never returned, and ingest files
the number's webhooks under that unit; a webhook for a number nobody connected creates no conversation and is kept
as a dead letter an admin sees (and cannot redrive)."""

import asyncio
import uuid

import pytest

from parley_contracts import MESSAGE_RECEIVED, THREAD_UPDATED
from parley_dashboard.dead_letters import DEAD_LETTER_TOPICS
from parley_sandbox.meta import serialize, signed_headers
from parley_sandbox.settings import SandboxSettings
from parley_sandbox.whatsapp import payloads
from tests.auth import KEY, login
from tests.kafka_helpers import eventually, start_groups_at_end, wait_for_records

pytestmark = pytest.mark.integration
SECRET = "accounts-app-secret"


@pytest.fixture(scope="module")
def stack(services, infra):
    group = f"parley-dashboard-accounts-{uuid.uuid4().hex[:8]}"
    positions = {f"{group}.notify": (THREAD_UPDATED,), f"{group}.dead-letters": DEAD_LETTER_TOPICS}
    asyncio.run(start_groups_at_end(infra.kafka_bootstrap, positions))
    running = services(
        "ingest",
        "dashboard-api",
        DASHBOARD_CONSUMER_GROUP=group,
        WHATSAPP_APP_SECRET=SECRET,
        CHANNEL_ACCOUNTS_CACHE_SECONDS="0",
    )
    running.seed_demo()
    return running


def webhook(phone_number_id: str, wamid: str) -> bytes:
    meta = SandboxSettings(whatsapp_app_secret=SECRET, whatsapp_phone_number_id=phone_number_id)
    message = payloads.customer_message(wa_id="5215550099", wamid=wamid, timestamp=1767225600, text="hola")
    return serialize(payloads.messages_webhook(meta, wa_id="5215550099", name="Ana", message=message))


async def test_an_admin_connects_a_number_and_its_secrets_never_come_back(stack, http, db):
    api = stack.url("dashboard-api")
    number = f"1{uuid.uuid4().int % 10**14:014d}"
    url = f"{api}/api/channel-accounts/whatsapp/{number}"
    body = {
        "tenant": "demo",
        "name": "Sales line",
        "config": {"waba_id": "2001"},
        "secrets": {"access_token": "s3cr3t"},
    }
    saved = await http.put(url, json=body, headers=KEY)
    assert saved.status_code == 200, saved.text
    assert saved.json()["secrets_set"] == ["access_token"] and "s3cr3t" not in saved.text
    listed = await http.get(f"{api}/api/channel-accounts", headers=KEY)
    assert number in [a["account_id"] for a in listed.json()] and "s3cr3t" not in listed.text
    stored = await db["channel_accounts"].find_one({"_id": f"whatsapp:{number}"})
    assert stored["secrets"]["access_token"] != "s3cr3t" and "s3cr3t" not in str(stored)  # sealed at rest

    # A change without secrets keeps them; what a channel needs is checked; an operator may not touch accounts.
    renamed = await http.put(url, json={**body, "name": "Sales", "secrets": {}}, headers=KEY)
    assert renamed.status_code == 200 and renamed.json()["secrets_set"] == ["access_token"]
    missing = await http.put(f"{api}/api/channel-accounts/telegram/123", json={"tenant": "demo"}, headers=KEY)
    assert missing.status_code == 422 and "bot_token" in missing.text
    unknown = await http.put(url, json={**body, "config": {"colour": "red"}}, headers=KEY)
    assert unknown.status_code == 422 and "colour" in unknown.text
    moved = await http.put(url, json={**body, "tenant": "aurora"}, headers=KEY)
    assert moved.status_code == 409
    ana = await login(http, api, "ana@demo.local")
    assert (await http.get(f"{api}/api/channel-accounts", headers=ana)).status_code == 403
    specs = await http.get(f"{api}/api/channel-accounts/specs", headers=KEY)
    assert set(specs.json()) == {"whatsapp", "messenger", "instagram", "telegram", "email", "mercadolibre"}

    # Its webhooks are filed under its unit; once deleted, they are not.
    wamid = f"wamid.{uuid.uuid4().hex}"
    raw = webhook(number, wamid)
    posted = await http.post(
        stack.url("ingest") + "/webhooks/whatsapp", content=raw, headers=signed_headers(raw, SECRET)
    )
    assert posted.status_code == 200
    [record] = await wait_for_records(
        stack.env["KAFKA_BOOTSTRAP_SERVERS"],
        MESSAGE_RECEIVED,
        lambda v: v.get("provider_message_id") == wamid,
        timeout=20,
    )
    assert record["tenant"] == "demo" and record["account_id"] == number
    assert (await http.delete(url, headers=KEY)).status_code == 204
    assert (await http.get(url, headers=KEY)).status_code == 404


async def test_a_webhook_for_a_number_nobody_connected_is_a_dead_letter_not_a_thread(stack, http):
    api = stack.url("dashboard-api")
    number = f"9{uuid.uuid4().int % 10**14:014d}"
    wamid = f"wamid.{uuid.uuid4().hex}"
    raw = webhook(number, wamid)
    posted = await http.post(
        stack.url("ingest") + "/webhooks/whatsapp", content=raw, headers=signed_headers(raw, SECRET)
    )
    assert posted.status_code == 200  # accepted and kept: Meta must not retry it for a week

    async def ours() -> list[dict] | None:
        response = await http.get(api + "/api/dead-letters", params={"service": "ingest"}, headers=KEY)
        found = [item for item in response.json()["items"] if wamid in str(item["original"])]
        return found or None

    [letter] = await eventually(ours, timeout=30)
    assert letter["source_topic"] == MESSAGE_RECEIVED and letter["redrivable"] is False
    assert number in letter["error"] and letter["tenant"] is None
    refused = await http.post(f"{api}/api/dead-letters/{letter['id']}/redrive", headers=KEY)
    assert refused.status_code == 409
    admin = await login(http, api, "admin@demo.local")  # an admin of demo only: the letter is no unit's
    assert (await http.get(f"{api}/api/dead-letters/{letter['id']}", headers=admin)).status_code == 404
    published = await wait_for_records(
        stack.env["KAFKA_BOOTSTRAP_SERVERS"],
        MESSAGE_RECEIVED,
        lambda v: v.get("provider_message_id") == wamid,
        timeout=3,
    )
    assert published == []
