"""Outbound's consumer of customers' messages: read receipts and file downloads through the channel adapter (the
WhatsApp one against a mocked Graph API), stored under the id ingest named; idempotent; failures classified."""

import json

import httpx
import pytest

from parley_contracts import Channel, InboundContent, MediaRef, MessageReceived, inbound_media_id
from parley_conversations.media import StoredMedia
from parley_outbound.channels.base import PermanentSendError, RetryableSendError
from parley_outbound.channels.whatsapp import WhatsAppSender
from parley_outbound.inbound import InboundHandlers
from tests.events import received
from tests.fakes import StaticAccounts, channel_account

ACCOUNT = channel_account(Channel.WHATSAPP, "100000000000001", tenant="demo", access_token="tok")
JPEG = b"\xff\xd8\xff tiny jpeg"
LOOKASIDE = "https://lookaside.example/whatsapp_business/attachments/?mid=778"


class MemoryMedia:
    """MediaStore over a dict: what the consumer stores, under which id and tenant."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[str, MediaRef, bytes]] = {}

    async def info(self, media_id: str) -> StoredMedia | None:
        if media_id not in self.files:
            return None
        tenant, ref, _ = self.files[media_id]
        return StoredMedia(ref, tenant, None)  # type: ignore[arg-type]

    async def put_with_id(self, *, media_id: str, tenant: str, ref: MediaRef, data: bytes) -> MediaRef:
        kept = ref.model_copy(update={"media_id": media_id})
        self.files.setdefault(media_id, (tenant, kept, data))
        return kept


def graph(seen: list[httpx.Request], *, media_status: int = 200, read_status: int = 200) -> WhatsAppSender:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.method == "POST":
            return httpx.Response(read_status, json={"success": True} if read_status == 200 else {"error": {}})
        if request.url.host == "lookaside.example":
            return httpx.Response(200, content=JPEG, headers={"content-type": "image/jpeg"})
        if media_status != 200:
            return httpx.Response(media_status, json={"error": {"code": 100, "message": "no such media"}})
        return httpx.Response(200, json={"url": LOOKASIDE, "mime_type": "image/jpeg", "id": "778", "file_size": "14"})

    return WhatsAppSender(httpx.AsyncClient(transport=httpx.MockTransport(handle)), "https://graph.example", "v21.0")


def photo(caption: str = "is this in stock?") -> MessageReceived:
    event = received(caption)
    media_id = inbound_media_id(Channel.WHATSAPP, event.account_id, "778")
    ref = MediaRef(kind="image", provider_media_id="778", media_id=media_id, mime_type="image/jpeg")
    event.content = InboundContent(type="image", text=caption, media=[ref])
    return event


def consumer(sender: WhatsAppSender, media: MemoryMedia) -> InboundHandlers:
    return InboundHandlers({Channel.WHATSAPP: sender}, StaticAccounts(ACCOUNT), media)  # type: ignore[arg-type]


async def test_a_photo_is_marked_read_then_downloaded_and_stored_under_its_id():
    seen: list[httpx.Request] = []
    media = MemoryMedia()
    event = photo()
    await consumer(graph(seen), media).on_received(event)

    read, describe, download = seen
    assert read.url == "https://graph.example/v21.0/100000000000001/messages"
    assert json.loads(read.content) == {
        "messaging_product": "whatsapp",
        "status": "read",
        "message_id": event.provider_message_id,
    }
    assert describe.url.path == "/v21.0/778" and describe.url.params["phone_number_id"] == "100000000000001"
    assert all(r.headers["Authorization"] == "Bearer tok" for r in seen)
    assert str(download.url) == LOOKASIDE
    media_id = event.content.media[0].media_id
    tenant, ref, data = media.files[media_id]
    assert (tenant, data, ref.mime_type, ref.size) == ("demo", JPEG, "image/jpeg", len(JPEG))


async def test_a_file_already_stored_is_not_fetched_again():
    seen: list[httpx.Request] = []
    media = MemoryMedia()
    event = photo()
    await consumer(graph(seen), media).on_received(event)
    await consumer(graph(seen), media).on_received(event)
    assert [r.method for r in seen] == ["POST", "GET", "GET", "POST"]


async def test_a_permanent_failure_is_logged_and_the_message_keeps_its_reference():
    seen: list[httpx.Request] = []
    media = MemoryMedia()
    await consumer(graph(seen, media_status=400), media).on_received(photo())
    assert media.files == {}


async def test_a_passing_failure_is_raised_for_the_consumer_policy_to_retry():
    with pytest.raises(RetryableSendError):
        await consumer(graph([], media_status=503), MemoryMedia()).on_received(photo())


async def test_a_failed_read_receipt_blocks_nothing():
    seen: list[httpx.Request] = []
    media = MemoryMedia()
    await consumer(graph(seen, read_status=500), media).on_received(photo())
    assert len(media.files) == 1


async def test_reactions_and_notices_are_not_marked_read_and_unknown_accounts_are_skipped():
    seen: list[httpx.Request] = []
    reaction = received("👍")
    reaction.content = InboundContent(type="reaction", text="👍", data={"message_id": "wamid.x"})
    await consumer(graph(seen), MemoryMedia()).on_received(reaction)
    assert seen == []
    stranger = received("hi")
    stranger.account_id = "999"
    await consumer(graph(seen), MemoryMedia()).on_received(stranger)
    assert seen == []


async def test_a_file_without_a_provider_id_cannot_be_fetched():
    sender = graph([])
    with pytest.raises(PermanentSendError):
        await sender.fetch(ACCOUNT, MediaRef(kind="image", media_id="med_in_x"))
