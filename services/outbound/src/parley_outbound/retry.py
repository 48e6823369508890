"""The retry schedule for channel API calls. Pure."""

from datetime import datetime, timedelta


def backoff_delay(attempt: int, base: float, cap: float, retry_after: float | None = None) -> float:
    """Exponential backoff (base, 2·base, 4·base …) capped; a provider's Retry-After wins when longer."""
    delay = min(cap, base * 2 ** (attempt - 1))
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap))
    return delay


def next_attempt_at(
    attempt: int,
    first_attempt_at: datetime,
    now: datetime,
    *,
    horizon_seconds: float,
    base: float,
    cap: float,
    retry_after: float | None = None,
) -> datetime | None:
    """When to try a send again after its `attempt`-th retryable failure, or None when the next try would fall
    past the horizon (counted from the first attempt): then the send is given up and a person is told."""
    at = now + timedelta(seconds=backoff_delay(attempt, base, cap, retry_after))
    return at if at - first_attempt_at <= timedelta(seconds=horizon_seconds) else None
