"""Meta's 24-hour customer-service window.

A customer's message opens a 24 h window in which the business may send any message; outside it only
templates may be sent. The Cloud API still accepts a free-form send made outside the window (200 and a
wamid) and then reports the failure asynchronously: a `failed` status webhook with error 131047
"Re-engagement message" (Cloud API error-codes page; messages webhook reference).

The sandbox knows a customer's messages from the webhooks it posted for them (`POST /sandbox/whatsapp/messages`,
whose `timestamp` may be set in the past); so resetting or evicting those recordings closes the window.
"""

from parley_sandbox.state import SandboxState
from parley_sandbox.whatsapp import CHANNEL

WINDOW_SECONDS = 24 * 3600
# Templates exist to reach customers outside the window; reactions are let through as well.
ALWAYS_ALLOWED = ("template", "reaction")


async def last_customer_message_at(state: SandboxState, wa_id: str) -> int | None:
    """The `timestamp` of the customer's latest message (the greatest, not the last posted), if any."""
    deliveries = await state.store.deliveries(CHANNEL, kind="message", contact_id=wa_id)
    stamps = [int(d.meta["timestamp"]) for d in deliveries if d.meta.get("timestamp") is not None]
    return max(stamps, default=None)


async def is_closed(state: SandboxState, message_type: str, wa_id: str) -> bool:
    """Would Meta fail this send with 131047? (After accepting it.)"""
    if not state.enforce_window or message_type in ALWAYS_ALLOWED:
        return False
    opened_at = await last_customer_message_at(state, wa_id)
    return opened_at is None or state.clock() - opened_at > WINDOW_SECONDS
