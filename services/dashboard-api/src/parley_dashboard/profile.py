"""A contact's profile for operators (`GET /api/contacts/{channel}/{contact_id}`): who they are, when they came,
what they write about and how they feel, built from their threads and messages. Pure.

The click-to-chat link opens a WhatsApp chat with the business, with a prefilled message carrying a referral
code: a keyed hash of the contact, so a campaign can recognise who came back through it without the link
showing (or letting anyone recover) the contact's number. The key is the business unit's own
(parley_dashboard.referrals)."""

import base64
import hashlib
import hmac
from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from urllib.parse import quote

from pydantic import BaseModel, Field

from parley_contracts import AuthorKind, Channel, MessageView, ThreadView
from parley_dashboard.analytics import KeyCount, ranked

# The trend is for a sparkline: the latest points are enough, and the answer stays small for chatty contacts.
MAX_TREND_POINTS = 200
REFERRAL_LENGTH = 10  # base32 characters: 50 bits, no collisions in practice within one business unit
PREFILLED = "Hi {business}! (ref {referral})"


class SentimentPoint(BaseModel):
    at: datetime
    score: float = Field(ge=-1.0, le=1.0)
    label: str


class ClickToChat(BaseModel):
    url: str = Field(description="A wa.me link to the business's WhatsApp number with a prefilled message.")
    referral: str = Field(description="The contact's referral code in that message (a keyed hash, not the number).")


class ContactProfile(BaseModel):
    channel: Channel
    contact_id: str
    name: str | None
    first_seen: datetime = Field(description="When the contact first wrote (their first thread's start).")
    last_seen: datetime = Field(description="When the contact last wrote.")
    threads: list[ThreadView] = Field(description="Oldest first.")
    messages_in: int = Field(description="Messages the contact sent.")
    languages: list[KeyCount] = Field(description="Languages of their analysed messages, most frequent first.")
    average_sentiment: float | None = Field(description="Mean sentiment score (-1…1) of their analysed messages.")
    sentiment_trend: list[SentimentPoint] = Field(
        description=f"Sentiment of their analysed messages in order (the latest {MAX_TREND_POINTS})."
    )
    topics: list[KeyCount] = Field(description="Topics of their analysed messages, most frequent first.")
    click_to_chat: ClickToChat | None = Field(
        description="WhatsApp contacts of a business unit with a `whatsapp_number`; else null."
    )


def referral_code(key: bytes, tenant: str, channel: Channel | str, contact_id: str) -> str:
    """Deterministic per (business unit, channel, contact) under the unit's key; upper-case base32."""
    digest = hmac.new(key, f"{tenant}\x1f{channel}\x1f{contact_id}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:REFERRAL_LENGTH]


def click_to_chat(number: str, business: str, referral: str) -> ClickToChat:
    text = PREFILLED.format(business=business, referral=referral)
    return ClickToChat(url=f"https://wa.me/{number}?text={quote(text, safe='')}", referral=referral)


def build_profile(
    channel: Channel,
    contact_id: str,
    threads: list[ThreadView],
    messages: Iterable[MessageView],
    link: ClickToChat | None,
) -> ContactProfile:
    """`threads` oldest first (at least one); `messages` of those threads, any order."""
    inbound = sorted((m for m in messages if m.author == AuthorKind.CUSTOMER), key=lambda m: (m.at, m.id))
    analysed = [m.analysis for m in inbound if m.analysis is not None]
    trend = [
        SentimentPoint(at=m.at, score=m.analysis.sentiment.score, label=m.analysis.sentiment.label)
        for m in inbound
        if m.analysis is not None
    ]
    scores = [a.sentiment.score for a in analysed]
    names = [t.contact.name for t in sorted(threads, key=lambda t: t.updated_at) if t.contact.name]
    first_seen = min([t.created_at for t in threads] + [m.at for m in inbound[:1]])
    last_seen = max([m.at for m in inbound[-1:]] + [t.last_inbound_at or t.created_at for t in threads])
    return ContactProfile(
        channel=channel,
        contact_id=contact_id,
        name=names[-1] if names else None,
        first_seen=first_seen,
        last_seen=last_seen,
        threads=threads,
        messages_in=len(inbound),
        languages=ranked(Counter(a.language for a in analysed)),
        average_sentiment=round(sum(scores) / len(scores), 3) if scores else None,
        sentiment_trend=trend[-MAX_TREND_POINTS:],
        topics=ranked(Counter(topic for a in analysed for topic in a.topics)),
        click_to_chat=link,
    )
