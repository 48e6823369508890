"""What Parley sends a business's API when a question flow's round is answered, checked as the receiving side.

Headers: `X-Parley-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the flow's secret>`,
`X-Parley-Delivery` (this attempt) and `X-Parley-Idempotency-Key: <session_id>:<round>` (the same for every retry
of one submission, so the business can tell a retry from a new round). The body is `Submission`. The sandbox is
strict where a business could rely on the contract (field types, the key matching the body): a Parley that drifts
from it fails here, in a test, rather than at a customer's API."""

import hmac
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from parley_sandbox.meta import signature_sha256

SIGNATURE_HEADER = "X-Parley-Signature-256"
DELIVERY_HEADER = "X-Parley-Delivery"
IDEMPOTENCY_HEADER = "X-Parley-Idempotency-Key"


def signature_ok(body: bytes, secret: str, given: str | None) -> bool:
    """Constant-time, over the raw bytes as received (never over re-serialized JSON)."""
    if not given:
        return False
    # The same scheme as Meta's `X-Hub-Signature-256` (HMAC-SHA256 of the raw body, "sha256=<hex>").
    return hmac.compare_digest(signature_sha256(body, secret).encode(), given.encode("utf-8", errors="replace"))


def _iso(value: str) -> str:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("not an ISO-8601 date-time") from None
    return value


IsoTime = Annotated[str, AfterValidator(_iso)]


class Contact(BaseModel):
    model_config = ConfigDict(strict=True)

    id: str
    name: str | None  # present, null when the channel gives no name


class Submission(BaseModel):
    """The body, field by field; types are strict (a number where a string belongs is refused). Fields beyond
    these are ignored, as a business's API would."""

    model_config = ConfigDict(strict=True)

    user_phone: str
    contact: Contact
    channel: str
    timestamp: IsoTime
    answers: dict[str, str]
    answered_at: dict[str, IsoTime]
    thread_key: str
    flow_id: str
    flow_version: int
    session_id: str
    round: int

    @property
    def idempotency_key(self) -> str:
        return f"{self.session_id}:{self.round}"
