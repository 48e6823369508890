"""The mailbox readers of an ingest process: what they publish with, where cursors and attachments go."""

from pymongo.asynchronous.database import AsyncDatabase

from parley_business.channel_accounts import ChannelAccount
from parley_conversations.media import MediaStore
from parley_ingest.deps import IngestContext
from parley_ingest.email.reader import CursorStore, MailboxReader, MailReaders, ReaderSettings


def email_readers(ingest: IngestContext, db: AsyncDatabase) -> MailReaders:
    settings = ingest.settings
    reader_settings = ReaderSettings(
        idle_seconds=settings.email_idle_seconds,
        poll_seconds=settings.email_poll_seconds,
        timeout_seconds=settings.email_imap_timeout_seconds,
        publish_timeout_seconds=settings.publish_timeout_seconds,
        reconnect_max_seconds=settings.email_reconnect_max_seconds,
        limits=ingest.size_limits,
    )
    cursors = CursorStore(db)
    media = MediaStore(db)

    def make_reader(account: ChannelAccount) -> MailboxReader:
        return MailboxReader(
            account,
            cursors_store=cursors,
            media=media,
            publisher=ingest.publisher,
            recent=ingest.recent,
            settings=reader_settings,
        )

    return MailReaders(ingest.accounts, make_reader, settings.email_accounts_refresh_seconds)
