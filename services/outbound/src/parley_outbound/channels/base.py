"""What every channel adapter promises, what it works on (parts, files), and the two ways a call can fail."""

from dataclasses import dataclass
from typing import Any, Protocol

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import MediaRef, MessageReceived, MessageSend


@dataclass(frozen=True)
class Part:
    """One provider message of a send. A send may need several (text, then each attachment): each is sent,
    recorded and announced on its own, so a part that reached the customer is never sent again."""

    body: dict[str, Any]
    media_id: str | None = None
    """The attachment (media store id) to upload first; the provider's id for it goes into `body` when sent."""


@dataclass(frozen=True)
class MediaFile:
    """An attachment's bytes and the media store's own metadata for them (mime type, filename)."""

    ref: MediaRef
    data: bytes


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
    """4xx other than 429, or content the channel cannot carry: repeating it cannot help."""


class ChannelSender(Protocol):
    def plan(self, message: MessageSend) -> list[Part]:
        """The provider messages `message` becomes, in order. Pure and deterministic: a redelivered send is
        planned the same way, so the ledger's count of sent parts says where to resume."""
        ...

    async def upload(self, account: ChannelAccount, file: MediaFile) -> str:
        """Hand the file to the provider; returns its media id."""
        ...

    async def send(self, account: ChannelAccount, part: Part, media_id: str | None) -> SendResult:
        """Send one part as `account` (its credentials: parley_business.channel_accounts); `media_id` is the
        provider's id of the part's uploaded attachment."""
        ...


class MediaFetcher(Protocol):
    """Adapters that can download a customer's file from the provider implement this too (outbound downloads
    every inbound `MediaRef` with a `provider_media_id` into the media store, under its `media_id`)."""

    async def fetch(self, account: ChannelAccount, ref: MediaRef) -> MediaFile:
        """The file's bytes and what the provider says of it (mime type, filename); RetryableSendError /
        PermanentSendError classify failures as for sends."""
        ...


class ReadMarker(Protocol):
    """Adapters of channels that show the customer their message was read implement this too (outbound's
    inbound consumer calls it for every customer message, best-effort: a failure is logged, nothing waits)."""

    async def mark_read(self, account: ChannelAccount, message: MessageReceived) -> bool:
        """Tell the provider the business read `message`; False when this kind of message is not marked."""
        ...
