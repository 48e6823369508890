"""A contact's profile from their threads and messages (parley_dashboard.profile), and the click-to-chat link."""

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

from parley_contracts import (
    Analysis,
    AuthorKind,
    Channel,
    Contact,
    MessageView,
    Sentiment,
    ThreadStatus,
    ThreadView,
)
from parley_dashboard.profile import MAX_TREND_POINTS, build_profile, click_to_chat, referral_code

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NUMBER = "5215550001234"


def thread(key: str, days: int, name: str | None) -> ThreadView:
    at = T0 + timedelta(days=days)
    return ThreadView(
        thread_key=key,
        tenant="demo",
        channel=Channel.WHATSAPP,
        account_id="1",
        contact=Contact(id=NUMBER, name=name),
        status=ThreadStatus.BOT,
        created_at=at,
        updated_at=at + timedelta(hours=1),
        last_inbound_at=at + timedelta(minutes=30),
    )


def said(key: str, n: int, minutes: float, analysis: Analysis | None = None, author=AuthorKind.CUSTOMER):
    return MessageView(
        id=f"{key}_{n}",
        thread_key=key,
        direction="in" if author == AuthorKind.CUSTOMER else "out",
        author=author,
        text="…",
        at=T0 + timedelta(minutes=minutes),
        analysis=analysis,
    )


def feeling(language: str, score: float, label: str, topics: list[str]) -> Analysis:
    return Analysis(language=language, sentiment=Sentiment(label=label, score=score), topics=topics)


def test_the_profile_sums_up_the_contacts_messages():
    threads = [thread("th_1", 0, "Carla"), thread("th_2", 5, "Carla M.")]
    messages = [
        said("th_2", 1, 5 * 1440 + 30, feeling("es", -0.6, "negative", ["delivery", "refund"])),
        said("th_1", 1, 0, feeling("en", 0.4, "positive", ["delivery"])),
        said("th_1", 2, 1, author=AuthorKind.BOT),
        said("th_1", 3, 2, feeling("en", 0.2, "neutral", ["opening hours"])),
        said("th_1", 4, 3),  # not analysed (yet)
    ]
    profile = build_profile(Channel.WHATSAPP, NUMBER, threads, messages, None)
    assert profile.name == "Carla M." and profile.messages_in == 4
    assert profile.first_seen == T0 and profile.last_seen == T0 + timedelta(days=5, minutes=30)
    assert [t.thread_key for t in profile.threads] == ["th_1", "th_2"]
    assert [(k.key, k.count) for k in profile.languages] == [("en", 2), ("es", 1)]
    assert [(k.key, k.count) for k in profile.topics] == [("delivery", 2), ("opening hours", 1), ("refund", 1)]
    assert profile.average_sentiment == 0.0
    assert [(p.score, p.label) for p in profile.sentiment_trend] == [
        (0.4, "positive"),
        (0.2, "neutral"),
        (-0.6, "negative"),
    ]
    assert profile.click_to_chat is None


def test_without_analyses_there_is_no_average_and_the_trend_is_bounded():
    profile = build_profile(Channel.WHATSAPP, NUMBER, [thread("th_1", 0, None)], [said("th_1", 1, 0)], None)
    assert profile.name is None and profile.average_sentiment is None and profile.sentiment_trend == []
    chatty = [said("th_1", n, n, feeling("en", 0.1, "neutral", [])) for n in range(MAX_TREND_POINTS + 50)]
    trend = build_profile(Channel.WHATSAPP, NUMBER, [thread("th_1", 0, None)], chatty, None).sentiment_trend
    assert len(trend) == MAX_TREND_POINTS and trend[-1].at == chatty[-1].at


def test_referral_codes_are_keyed_deterministic_and_do_not_show_the_number():
    code = referral_code(b"k" * 32, "demo", Channel.WHATSAPP, NUMBER)
    assert code == referral_code(b"k" * 32, "demo", "whatsapp", NUMBER)
    assert len(code) == 10 and set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")  # base32
    assert code != referral_code(b"x" * 32, "demo", Channel.WHATSAPP, NUMBER)  # another unit's key
    assert code != referral_code(b"k" * 32, "demo", Channel.WHATSAPP, NUMBER[:-1] + "5")
    assert not any(part in code for part in (NUMBER, NUMBER[-4:]))


def test_the_click_to_chat_link_prefills_the_referral():
    link = click_to_chat("15550000001", "Parley Demo Cycles", "ABCDEFGH23")
    url = urlparse(link.url)
    assert (url.scheme, url.netloc, url.path) == ("https", "wa.me", "/15550000001")
    assert parse_qs(url.query)["text"] == ["Hi Parley Demo Cycles! (ref ABCDEFGH23)"]
    assert link.referral == "ABCDEFGH23"


def test_the_profile_has_exactly_the_frontend_keys():
    link = click_to_chat("15550000001", "Demo", "ABCDEFGH23")
    body = build_profile(Channel.WHATSAPP, NUMBER, [thread("th_1", 0, "C")], [said("th_1", 1, 0)], link)
    assert set(body.model_dump(mode="json")) == {
        "channel",
        "contact_id",
        "name",
        "first_seen",
        "last_seen",
        "threads",
        "messages_in",
        "languages",
        "average_sentiment",
        "sentiment_trend",
        "topics",
        "click_to_chat",
    }
    assert set(body.model_dump()["click_to_chat"]) == {"url", "referral"}
