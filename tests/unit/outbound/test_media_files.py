"""Loading an attachment for upload: the store's metadata wins; a file that is not there fails permanently."""

from datetime import UTC, datetime

import pytest

from parley_conversations.media import StoredMedia
from parley_outbound.channels.base import PermanentSendError
from parley_outbound.media import MediaFiles
from tests.unit.outbound.messages import document


class DictStore:
    """MediaStore's read side over dicts."""

    def __init__(self, infos: dict[str, StoredMedia], data: dict[str, bytes]) -> None:
        self.infos, self.data = infos, data

    async def info(self, media_id: str) -> StoredMedia | None:
        return self.infos.get(media_id)

    async def read(self, media_id: str) -> bytes | None:
        return self.data.get(media_id)


def stored(tenant: str = "t") -> StoredMedia:
    return StoredMedia(document("med_1"), tenant, datetime.now(UTC))


async def test_a_stored_file_comes_with_the_stores_metadata():
    file = await MediaFiles(DictStore({"med_1": stored()}, {"med_1": b"%PDF"})).load("med_1", "t")
    assert file.data == b"%PDF" and file.ref.mime_type == "application/pdf" and file.ref.filename == "invoice.pdf"


@pytest.mark.parametrize(
    ("infos", "data", "reason"),
    [
        ({}, {}, "med_1 is not in the media store"),
        ({"med_1": stored(tenant="other")}, {"med_1": b"%PDF"}, "med_1 is not in the media store"),
        ({"med_1": stored()}, {}, "med_1 is incomplete"),
    ],
    ids=["missing", "another-tenants", "parts-missing"],
)
async def test_a_file_that_cannot_be_had_is_a_permanent_failure(infos, data, reason):
    with pytest.raises(PermanentSendError, match=reason):
        await MediaFiles(DictStore(infos, data)).load("med_1", "t")
