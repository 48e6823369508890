"""Outbound's consumer of `message.received` (its own consumer group, `<OUTBOUND_CONSUMER_GROUP>.inbound`): the
provider calls a customer's message asks for, through the same channel adapters that send.

1. Mark it read (channels whose adapter is a `ReadMarker`): best-effort; a failure is logged and nothing waits.
2. Download its files (channels whose adapter is a `MediaFetcher`) into the media store, each under the id
   ingest named in the message (`MediaRef.media_id`, `parley_contracts.inbound_media_id`), with the tenant of
   the event (dashboard-api's `GET /api/media/{id}` serves it to that business unit only). Idempotent: a file
   already stored is not fetched again. A failure that may pass (5xx, 429, timeouts) is raised, so the consumer
   policy retries the record (and dead-letters it past its attempts); one that cannot (4xx, too large) is
   logged and the message keeps its reference: the console shows the file as not downloaded.
Nothing here changes a thread: the router stays the only writer of conversations."""

from collections.abc import Mapping
from typing import Any

import structlog

from parley_business.channel_account_store import AccountLookup
from parley_business.channel_accounts import ChannelAccount
from parley_contracts import Channel, MediaRef, MessageReceived
from parley_conversations.media import MediaStore
from parley_outbound.channels.base import MediaFetcher, PermanentSendError, ReadMarker, SendError

log = structlog.get_logger()


class InboundHandlers:
    def __init__(self, adapters: Mapping[Channel, Any], accounts: AccountLookup, media: MediaStore) -> None:
        self._adapters = adapters
        self._accounts = accounts
        self._media = media

    async def on_received(self, event: MessageReceived) -> None:
        adapter = self._adapters.get(event.channel)
        marks = callable(getattr(adapter, "mark_read", None))
        wanted = [ref for ref in event.content.media if ref.provider_media_id and ref.media_id]
        fetches = bool(wanted) and callable(getattr(adapter, "fetch", None))
        if not (marks or fetches):
            return
        account = await self._accounts.get(event.channel, event.account_id)
        if account is None:
            log.warning("inbound.account_unknown", channel=event.channel, account_id=event.account_id)
            return
        if marks:
            await self._mark_read(adapter, account, event)
        if fetches:
            for ref in wanted:
                await self._download(adapter, account, event, ref)

    async def _mark_read(self, marker: ReadMarker, account: ChannelAccount, event: MessageReceived) -> None:
        try:
            marked = await marker.mark_read(account, event)
        except Exception as exc:  # best-effort: a read receipt never holds up anything
            reason = str(exc) if isinstance(exc, SendError) else repr(exc)
            log.warning("inbound.mark_read_failed", provider_message_id=event.provider_message_id, error=reason)
            return
        if marked:
            log.info("inbound.marked_read", provider_message_id=event.provider_message_id)

    async def _download(
        self, fetcher: MediaFetcher, account: ChannelAccount, event: MessageReceived, ref: MediaRef
    ) -> None:
        media_id = str(ref.media_id)
        if await self._media.info(media_id) is not None:
            log.info("inbound.media_already_stored", media_id=media_id)
            return
        try:
            file = await fetcher.fetch(account, ref)
        except PermanentSendError as exc:
            log.error("inbound.media_not_downloaded", media_id=media_id, kind=ref.kind, error=str(exc))
            return
        stored = await self._media.put_with_id(media_id=media_id, tenant=event.tenant, ref=file.ref, data=file.data)
        log.info("inbound.media_stored", media_id=media_id, kind=stored.kind, size=stored.size)
