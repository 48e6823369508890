"""Attachments' bytes, from Parley's media store, for a channel adapter to upload."""

from parley_conversations.media import MediaStore
from parley_outbound.channels.base import MediaFile, PermanentSendError


class MediaFiles:
    def __init__(self, store: MediaStore) -> None:
        self._store = store

    async def load(self, media_id: str, tenant: str) -> MediaFile:
        """The store's metadata is used, not the event's copy: it describes the bytes actually sent. A file
        that is gone (or another tenant's) will not come back by retrying: a permanent failure."""
        stored = await self._store.info(media_id)
        if stored is None or stored.tenant != tenant:
            raise PermanentSendError(f"attachment {media_id} is not in the media store (tenant {tenant})")
        data = await self._store.read(media_id)
        if data is None:
            raise PermanentSendError(f"attachment {media_id} is incomplete in the media store")
        return MediaFile(stored.ref, data)
