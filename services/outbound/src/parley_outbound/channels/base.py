"""What every channel adapter promises, and the two ways a send can fail."""

from dataclasses import dataclass
from typing import Protocol

from parley_contracts import MessageSend


@dataclass(frozen=True)
class SendResult:
    provider_message_id: str


class SendError(Exception):
    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class RetryableSendError(SendError):
    """5xx, 429, timeouts, connection errors: the same call may succeed later."""

    def __init__(self, message: str, status_code: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, status_code)
        self.retry_after = retry_after


class PermanentSendError(SendError):
    """4xx other than 429: the request itself is wrong; repeating it cannot help."""


class ChannelSender(Protocol):
    async def send(self, message: MessageSend) -> SendResult: ...
