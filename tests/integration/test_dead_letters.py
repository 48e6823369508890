"""Dead letters with the router and dashboard-api running (real Kafka, FerretDB): a poison record the router
gives up on is kept, listed and redriven; a failed `message.send` is redriven with its `redrive` count raised,
from the API and from `parley-admin dead-letters`."""

import asyncio
import subprocess
import sys
import uuid

import pytest

from parley_contracts import DeadLetter, dead_letter_topic
from parley_contracts.topics import THREAD_UPDATED
from parley_dashboard.dead_letters import DEAD_LETTER_TOPICS
from tests.auth import KEY, login
from tests.events import send
from tests.kafka_helpers import eventually, publish_raw, start_groups_at_end, wait_for_records

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def stack(services, infra):
    """Its own dashboard consumer groups, started at the topics' end: letters earlier test modules left on the
    shared `*.dlq` topics are not this module's to list or redrive."""
    group = f"parley-dashboard-dlq-{uuid.uuid4().hex[:8]}"
    positions = {f"{group}.notify": (THREAD_UPDATED,), f"{group}.dead-letters": DEAD_LETTER_TOPICS}
    asyncio.run(start_groups_at_end(infra.kafka_bootstrap, positions))
    running = services("router", "dashboard-api", DASHBOARD_CONSUMER_GROUP=group)
    running.seed_demo()
    return running


async def letters(http, api: str, **params) -> list[dict]:
    response = await http.get(api + "/api/dead-letters", params=params, headers=KEY)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def test_a_poison_record_is_kept_listed_and_redriven(stack, http):
    api = stack.url("dashboard-api")
    marker = uuid.uuid4().hex
    key = f"th_poison_{marker}"
    await publish_raw(
        stack.env["KAFKA_BOOTSTRAP_SERVERS"], "message.received", b'{"poison": "' + marker.encode(), key.encode()
    )

    def ours(items: list[dict]) -> list[dict]:
        return [letter for letter in items if marker in str(letter["original"])]

    [letter] = await eventually(lambda: _ours(http, api, ours, topic="message.received"), timeout=30)
    assert letter["source_topic"] == "message.received" and letter["service"] == "router" and letter["key"] == key
    assert letter["error"].startswith("invalid MessageReceived") and letter["redrives"] == 0
    assert ours(await letters(http, api, topic="message.received.dlq")) == [letter]
    assert (await http.get(api + "/api/dead-letters", params={"topic": "nope"}, headers=KEY)).status_code == 422
    ana = await login(http, api, "ana@demo.local")
    assert (await http.get(api + "/api/dead-letters", headers=ana)).status_code == 403
    admin = await login(
        http, api, "admin@demo.local"
    )  # of business unit demo only: a record with no tenant is not theirs
    assert (await http.get(f"{api}/api/dead-letters/{letter['id']}", headers=admin)).status_code == 404

    redriven = await http.post(f"{api}/api/dead-letters/{letter['id']}/redrive", headers=KEY)
    assert redriven.status_code == 200, redriven.text
    assert redriven.json()["redrives"] == 1 and redriven.json()["redriven_by"]["id"] == "key_environment"
    # The router reads it again, and gives up again: a second letter with the same original.
    both = await eventually(lambda: _ours(http, api, ours, topic="message.received", count=2), timeout=30)
    assert sorted(item["redrives"] for item in both) == [0, 1]
    assert (await http.post(f"{api}/api/dead-letters/no-such-letter/redrive", headers=KEY)).status_code == 404


async def _ours(http, api: str, ours, count: int = 1, **params) -> list[dict] | None:
    found = ours(await letters(http, api, **params))
    return found if len(found) >= count else None


async def test_a_failed_send_is_redriven_with_its_redrive_count_raised(stack, http):
    api = stack.url("dashboard-api")
    bootstrap = stack.env["KAFKA_BOOTSTRAP_SERVERS"]
    failed = send("Your order has shipped")
    service = f"it-outbound-{uuid.uuid4().hex[:8]}"
    letter = DeadLetter(
        source_topic="message.send",
        service=service,
        key=failed.thread_key,
        original=failed.model_dump(mode="json"),
        error="HTTP 503 from the channel API",
        attempts=5,
    )
    topic = dead_letter_topic("message.send")
    await publish_raw(bootstrap, topic, letter.model_dump_json().encode(), failed.thread_key.encode())
    [kept] = await eventually(lambda: _ours(http, api, lambda items: items, service=service), timeout=30)
    assert kept["id"] == letter.event_id and kept["tenant"] == "demo" and kept["original"]["redrive"] == 0

    listed = await _admin_cli(stack, "list", "--topic", "message.send", "--service", service)
    assert letter.event_id in listed and "pending" in listed
    redriven = await _admin_cli(stack, "redrive", "--topic", "message.send.dlq", "--service", service)
    assert redriven.strip() == f"redriven 1: {letter.event_id}"
    await _sent_again(bootstrap, failed.send_id, redrive=1)

    again = await http.post(
        api + "/api/dead-letters/redrive", json={"topic": "message.send", "service": service}, headers=KEY
    )
    assert again.json() == {"redriven": 0, "ids": []}  # nothing pending any more
    assert (await http.post(api + "/api/dead-letters/redrive", json={}, headers=KEY)).status_code == 422
    [done] = await letters(http, api, service=service, redriven="true")
    assert done["redrives"] == 1 and done["redriven_by"]["id"] == "parley-admin"
    once_more = await http.post(f"{api}/api/dead-letters/{letter.event_id}/redrive", headers=KEY)
    assert once_more.json()["redrives"] == 2
    await _sent_again(bootstrap, failed.send_id, redrive=2)
    shown = await _admin_cli(stack, "redrive", letter.event_id)
    assert "redriven x3" in shown


async def _admin_cli(stack, *args: str) -> str:
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "parley_dashboard.cli", "dead-letters", *args],
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


async def _sent_again(bootstrap: str, send_id: str, redrive: int) -> None:
    found = await wait_for_records(
        bootstrap, "message.send", lambda v: v.get("send_id") == send_id and v.get("redrive") == redrive
    )
    assert found, f"no message.send {send_id} with redrive {redrive}"
