"""Keeping a bot under Telegram's rate limits: about one message a second per chat (bursts tolerated), twenty a
minute in a group, about thirty a second in all. Pure: the caller passes the time and does the waiting.

Each limit is a generic cell rate (GCRA): per key, the time its next message is due (`tat`); a message may go
once `tat - (burst - 1) × interval` has passed. A reservation takes a slot in every limit that applies (the bot's
and the chat's), at the earliest time all of them allow; one that would have to wait longer than `max_wait` is not
taken (the caller retries the send later instead of holding its partition). A 429's `retry_after` holds the chat
until then. Per process: several outbound replicas sending for one bot share Telegram's limits, not these."""

from dataclasses import dataclass, field

from parley_outbound.channels.telegram_parts import PacingSpec, RateSpec

# Keys whose slots are all in the past are forgotten once there are more than this many.
_MAX_KEYS = 10_000


@dataclass(frozen=True)
class Reservation:
    granted: bool
    wait: float
    """Seconds until the message may go: waited for when granted, the retry hint when not."""


@dataclass
class Pacer:
    spec: PacingSpec
    _tat: dict[str, float] = field(default_factory=dict)

    def reserve(self, bot: str, chat: str, now: float) -> Reservation:
        starts = {key: self._earliest(key, rate, now) for key, rate in self._limits(bot, chat)}
        wait = max(starts.values()) - now
        if wait > self.spec.max_wait_seconds:
            return Reservation(granted=False, wait=wait)
        # Each limit counts the message at the earliest time it allows: a chat held back by its own limit does
        # not hold the bot's other chats back too.
        for key, rate in self._limits(bot, chat):
            self._tat[key] = max(self._tat.get(key, now), starts[key]) + rate.interval_seconds
        self._forget_past(now)
        return Reservation(granted=True, wait=wait)

    def _earliest(self, key: str, rate: RateSpec, now: float) -> float:
        return max(now, self._tat.get(key, now) - (rate.burst - 1) * rate.interval_seconds)

    def hold(self, bot: str, chat: str, until: float) -> None:
        """Telegram said to wait (a 429's retry_after): nothing more goes to this chat before `until`."""
        key, rate = self._limits(bot, chat)[1]
        self._tat[key] = max(self._tat.get(key, 0.0), until + (rate.burst - 1) * rate.interval_seconds)

    def _limits(self, bot: str, chat: str) -> list[tuple[str, RateSpec]]:
        # Group and supergroup chat ids are negative; private chats' are the user's (positive) id.
        chat_rate = self.spec.group_chat if chat.startswith("-") else self.spec.private_chat
        return [(f"bot:{bot}", self.spec.bot), (f"chat:{bot}:{chat}", chat_rate)]

    def _forget_past(self, now: float) -> None:
        if len(self._tat) > _MAX_KEYS:
            self._tat = {key: tat for key, tat in self._tat.items() if tat > now}
