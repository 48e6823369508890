"""GET /api/analytics and a contact's profile, with the router and dashboard-api running on the real Kafka and
FerretDB. Three customers write (their analyses published as nlp would, so every figure is known): the bot answers
two; the third asks for a person, is handed to Ana, who answers and resolves. Every figure is asserted exactly
(this module's database holds nothing else)."""

import uuid
from datetime import UTC, datetime, time, timedelta
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import httpx
import pytest

from parley_contracts import (
    Analysis,
    MessageAnalyzed,
    MessageReceived,
    ReplySource,
    Sentiment,
    SuggestedReply,
)
from tests.auth import KEY, login
from tests.events import received
from tests.kafka_helpers import eventually, publish_events

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def stack(services):
    running = services("router", "dashboard-api", ROSTER_REFRESH_SECONDS="0", LOGIN_MAX_FAILURES_PER_ADDRESS="1000")
    running.seed_demo()
    return running


def analysed(
    inbound: MessageReceived,
    language: str,
    sentiment: tuple[str, float],
    category: str,
    *,
    reply: str | None = None,
    wants_human: bool = False,
    topics: tuple[str, ...] = (),
) -> MessageAnalyzed:
    suggestion = SuggestedReply(text=reply, confidence=0.9, source=ReplySource.KNOWLEDGE_BASE) if reply else None
    return MessageAnalyzed(
        **inbound.lineage(),
        inbound=inbound,
        analysis=Analysis(
            language=language,
            sentiment=Sentiment(label=sentiment[0], score=sentiment[1]),  # type: ignore[arg-type]
            category=category,
            topics=list(topics),
            wants_human=wants_human,
            reply=suggestion,
        ),
    )


async def _thread(http, api: str, key: str, ready) -> dict | None:
    response = await http.get(f"{api}/api/threads/{key}", headers=KEY)
    return response.json() if response.status_code == 200 and ready(response.json()) else None


@pytest.fixture(scope="module")
async def conversations(stack) -> dict[str, MessageReceived]:
    api = stack.url("dashboard-api")
    async with httpx.AsyncClient(timeout=30) as http:
        ana = await login(http, api, "ana@demo.local")  # online: the handoff is assigned to her
        hours, person, hello = (
            received("what are your opening hours?"),
            received("quiero hablar con una persona"),
            received("oi, tudo bem?"),
        )
        elsewhere = received("hello", tenant="aurora")
        events = [
            hours,
            analysed(hours, "en", ("neutral", 0.0), "inquiry", reply="We open at 9:00."),
            person,
            analysed(person, "es", ("negative", -0.5), "complaint", wants_human=True, topics=("human agent",)),
            hello,
            analysed(hello, "pt", ("positive", 0.6), "greeting", reply="Olá! Como posso ajudar?"),
            elsewhere,
        ]
        await publish_events(stack.env["KAFKA_BOOTSTRAP_SERVERS"], events)
        for inbound in (hours, hello):
            assert await eventually(
                lambda key=inbound.thread_key: _thread(http, api, key, lambda t: t["message_count"] == 2), timeout=30
            )
        assert await eventually(lambda: _thread(http, api, person.thread_key, lambda t: t["assignee"]), timeout=30)
        assert await eventually(lambda: _thread(http, api, elsewhere.thread_key, lambda t: True), timeout=30)
        base = f"{api}/api/threads/{person.thread_key}"
        answered = await http.post(base + "/messages", json={"text": "Hola, soy Ana. ¿En qué te ayudo?"}, headers=ana)
        assert answered.status_code == 200, answered.text
        resolved = await http.post(base + "/actions/resolve", headers=ana)
        assert resolved.status_code == 200 and resolved.json()["thread"]["status"] == "resolved", resolved.text
    return {"hours": hours, "person": person, "hello": hello, "elsewhere": elsewhere}


async def test_the_figures_of_the_period(stack, conversations, http):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")

    async def counted() -> dict | None:
        # The router writes its figures every ROUTER_FIGURES_WRITE_SECONDS (1 s): Ana's resolution shows within it.
        response = await http.get(api + "/api/analytics", params={"tenant": "demo", "days": 7}, headers=ana)
        assert response.status_code == 200, response.text
        return response.json() if response.json()["totals"]["resolved"] else None

    body = await eventually(counted, timeout=15)
    assert body is not None, "the resolution was never counted"
    assert body["tenant"] == "demo"
    since, until = datetime.fromisoformat(body["since"]), datetime.fromisoformat(body["until"])
    # Whole days of the unit's time zone (UTC unless set): today and the six before it.
    assert body["time_zone"] == "UTC"
    assert since == datetime.combine(until.date() - timedelta(days=6), time(), UTC)
    assert abs((datetime.now(UTC) - until).total_seconds()) < 60
    assert body["totals"] == {
        "conversations": 3,
        "messages_in": 3,
        "messages_out": 4,  # the bot's two answers, its "a person will answer" and Ana's reply
        "handoffs": 1,
        "handoff_rate": 0.3333,
        "bot_answer_rate": 0.6667,
        "resolved": 1,
    }
    today = until.date().isoformat()
    assert body["per_day"] == [{"day": today, "channel": "whatsapp", "conversations": 3, "messages": 7}]
    assert body["languages"] == [{"key": "en", "count": 1}, {"key": "es", "count": 1}, {"key": "pt", "count": 1}]
    assert body["sentiment"] == [
        {"key": "negative", "count": 1},
        {"key": "neutral", "count": 1},
        {"key": "positive", "count": 1},
    ]
    assert body["categories"] == [
        {"key": "complaint", "count": 1},
        {"key": "greeting", "count": 1},
        {"key": "inquiry", "count": 1},
    ]
    assert body["handoff_reasons"] == [
        {"key": "customer_asked", "label": "the customer asked for a person", "count": 1}
    ]
    first = body["first_response_seconds"]
    assert first["count"] == 3 and 0 <= first["p50"] <= first["p90"] < 60
    resolution = body["resolution_seconds"]
    assert resolution["count"] == 1 and 0 < resolution["p50"] == resolution["p90"] < 120
    assert [(o["name"], o["open_threads"], o["replies"], o["resolved"]) for o in body["operators"]] == [
        ("Ana Lima", 0, 1, 1),
        ("Ben Okafor", 0, 0, 0),
        ("Demo Admin", 0, 0, 0),
    ]


async def test_analytics_is_only_for_ones_business_units(stack, conversations, http):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    assert (await http.get(api + "/api/analytics")).status_code == 401
    assert (await http.get(api + "/api/analytics", params={"tenant": "aurora"}, headers=ana)).status_code == 404
    for days in (0, 367):
        assert (await http.get(api + "/api/analytics", params={"days": days}, headers=ana)).status_code == 422
    mine = (await http.get(api + "/api/analytics", headers=ana)).json()  # all of Ana's units: demo only
    assert mine["tenant"] is None and mine["totals"]["conversations"] == 3

    async def everything() -> dict | None:  # every unit: aurora's too (written within the router's second)
        body = (await http.get(api + "/api/analytics", headers=KEY)).json()
        return body if body["totals"]["conversations"] == 4 else None

    every_unit = await eventually(everything, timeout=15)
    assert every_unit is not None and every_unit["totals"]["messages_in"] == 4


async def test_a_contacts_profile(stack, conversations, http):
    api = stack.url("dashboard-api")
    ana = await login(http, api, "ana@demo.local")
    person = conversations["person"]
    url = f"{api}/api/contacts/whatsapp/{person.contact.id}"
    response = await http.get(url, headers=ana)
    assert response.status_code == 200, response.text
    profile = response.json()
    assert profile["channel"] == "whatsapp" and profile["contact_id"] == person.contact.id
    assert profile["name"] == "Test Customer" and profile["messages_in"] == 1
    assert [t["thread_key"] for t in profile["threads"]] == [person.thread_key]
    assert profile["threads"][0]["status"] == "resolved"
    assert profile["first_seen"] <= profile["last_seen"]
    assert profile["languages"] == [{"key": "es", "count": 1}]
    assert profile["topics"] == [{"key": "human agent", "count": 1}]
    assert profile["average_sentiment"] == -0.5
    assert [(p["score"], p["label"]) for p in profile["sentiment_trend"]] == [(-0.5, "negative")]

    # The demo unit's WhatsApp number (seeded: the sandbox's), with the contact's referral code, not their number.
    link = profile["click_to_chat"]
    parsed = urlparse(link["url"])
    assert (parsed.netloc, parsed.path) == ("wa.me", "/15550000001")
    assert parse_qs(parsed.query)["text"] == [f"Hi Parley Demo! (ref {link['referral']})"]
    assert len(link["referral"]) == 10 and person.contact.id not in link["url"]
    again = (await http.get(url, headers=KEY)).json()["click_to_chat"]
    assert again == link  # the same code every time
    other = conversations["hours"]
    theirs = (await http.get(f"{api}/api/contacts/whatsapp/{other.contact.id}", headers=ana)).json()
    assert theirs["click_to_chat"]["referral"] != link["referral"]

    # Nothing held, or held only in a unit Ana does not work for: 404; an admin of every unit sees it.
    nobody = await http.get(f"{api}/api/contacts/whatsapp/52155{uuid.uuid4().int % 10**8:08d}", headers=ana)
    assert nobody.status_code == 404
    aurora = conversations["elsewhere"]
    assert (await http.get(f"{api}/api/contacts/whatsapp/{aurora.contact.id}", headers=ana)).status_code == 404
    seen = await http.get(f"{api}/api/contacts/whatsapp/{aurora.contact.id}", headers=KEY)
    assert seen.status_code == 200 and seen.json()["click_to_chat"] is None  # aurora has no number
    narrowed = await http.get(url, params={"tenant": "aurora"}, headers=KEY)
    assert narrowed.status_code == 404


async def test_a_unit_in_another_time_zone_counts_its_own_days(stack, conversations, http):
    """Runs last: the unit it adds would change the other tests' totals of every unit."""
    api, zone = stack.url("dashboard-api"), "Pacific/Kiritimati"  # UTC+14: from 10:00 UTC its day is UTC's next
    refused = await http.put(f"{api}/api/business-units/islands", json={"time_zone": "Mars/Base"}, headers=KEY)
    assert refused.status_code == 422 and "unknown time zone" in refused.text
    put = await http.put(f"{api}/api/business-units/islands", json={"time_zone": zone}, headers=KEY)
    assert put.status_code == 200 and put.json()["time_zone"] == zone, put.text
    days_there = {datetime.now(ZoneInfo(zone)).date().isoformat()}
    await publish_events(stack.env["KAFKA_BOOTSTRAP_SERVERS"], [received("hello", tenant="islands")])

    async def counted() -> dict | None:
        response = await http.get(api + "/api/analytics", params={"tenant": "islands", "days": 1}, headers=KEY)
        assert response.status_code == 200, response.text
        return response.json() if response.json()["totals"]["messages_in"] else None

    body = await eventually(counted, timeout=15)
    assert body is not None, "the message was never counted"
    days_there.add(datetime.now(ZoneInfo(zone)).date().isoformat())  # in case its midnight passed meanwhile
    assert body["time_zone"] == zone
    [row] = body["per_day"]
    assert row["day"] in days_there and (row["conversations"], row["messages"]) == (1, 1)
    since = datetime.fromisoformat(body["since"])
    assert (
        since.utcoffset() == timedelta(hours=14) and since.time() == time() and since.date().isoformat() == row["day"]
    )
