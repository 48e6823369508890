"""The retry schedule for channel API calls. Pure."""


def backoff_delay(attempt: int, base: float, cap: float, retry_after: float | None = None) -> float:
    """Exponential backoff (base, 2·base, 4·base …) capped; a provider's Retry-After wins when longer."""
    delay = min(cap, base * 2 ** (attempt - 1))
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap))
    return delay
