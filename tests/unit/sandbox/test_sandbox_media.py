"""Media: upload, retrieve the URL, download with the token; sends by uploaded id; the limits data file."""

import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from parley_sandbox.store import MediaStore
from parley_sandbox.whatsapp.media import MediaLimits, media_limits
from parley_sandbox.whatsapp.schemas import MEDIA_TYPES
from tests.unit.sandbox.sandbox_fakes import (
    AUTH,
    GRAPH_URL,
    MEDIA_URL,
    PHONE_NUMBER_ID,
    PNG,
    media_body,
    upload_form,
)

WA_ID = "5491155550001"
MB = 1024 * 1024


def _upload(client: TestClient, **form: Any) -> str:
    response = client.post(MEDIA_URL, headers=AUTH, **upload_form(**form))
    assert response.status_code == 200, response.text
    return response.json()["id"]


def _graph_error(response: Any, status: int, code: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["fbtrace_id"]
    return error


def test_upload_retrieve_download_round_trip(client: TestClient) -> None:
    response = client.post(MEDIA_URL, headers=AUTH, **upload_form(PNG, "photo.png", "image/png"))
    assert response.status_code == 200
    assert list(response.json()) == ["id"]
    media_id = response.json()["id"]
    assert media_id.isdigit()

    info = client.get(f"/graph/v21.0/{media_id}", headers=AUTH).json()
    assert info == {
        "messaging_product": "whatsapp",
        "url": info["url"],
        "mime_type": "image/png",
        "sha256": hashlib.sha256(PNG).hexdigest(),
        "file_size": str(len(PNG)),
        "id": media_id,
    }
    assert info["url"].startswith("http://testserver/")

    download = client.get(info["url"], headers=AUTH)
    assert download.status_code == 200
    assert download.content == PNG
    assert download.headers["content-type"] == "image/png"
    # Like Meta's lookaside URL, the download needs the token.
    assert client.get(info["url"]).status_code == 401


def test_upload_is_recorded_without_its_bytes(client: TestClient) -> None:
    media_id = _upload(client)
    [record] = client.get("/sandbox/sent").json()["requests"]
    assert (record["type"], record["to"], record["message_id"], record["status_code"]) == (
        "upload",
        None,
        media_id,
        200,
    )
    assert record["body"] == {
        "messaging_product": "whatsapp",
        "type": "image/png",
        "file": {"filename": "photo.png", "content_type": "image/png", "size": len(PNG)},
    }


def test_retrieving_an_unknown_media_id_is_a_graph_error(client: TestClient) -> None:
    error = _graph_error(client.get("/graph/v21.0/1234567890123456", headers=AUTH), 400, 100)
    assert "1234567890123456" in error["message"] and error["error_subcode"] == 33


def test_retrieving_needs_the_token_and_the_uploading_number(client: TestClient) -> None:
    media_id = _upload(client)
    _graph_error(client.get(f"/graph/v21.0/{media_id}"), 401, 190)
    ok = client.get(f"/graph/v21.0/{media_id}", headers=AUTH, params={"phone_number_id": PHONE_NUMBER_ID})
    assert ok.status_code == 200
    other = client.get(f"/graph/v21.0/{media_id}", headers=AUTH, params={"phone_number_id": "100000000000999"})
    _graph_error(other, 400, 100)


def test_unsupported_type_is_refused_naming_the_accepted_ones(client: TestClient) -> None:
    response = client.post(MEDIA_URL, headers=AUTH, **upload_form(b"PK\x03\x04", "files.zip", "application/zip"))
    error = _graph_error(response, 400, 100)
    assert error["message"].startswith("(#100) Param file must be a file with one of the following types: audio/aac")
    assert "image/png" in error["message"] and "application/pdf" in error["message"]
    assert error["message"].endswith("Received file of type 'application/zip'.")
    rejected = client.get("/sandbox/sent", params={"include_rejected": True}).json()["requests"]
    assert [(r["type"], r["status_code"], r["error"]["code"]) for r in rejected] == [("upload", 400, 100)]


def test_the_file_parts_own_type_is_checked_bare(client: TestClient) -> None:
    # Meta checks the part's Content-Type, parameters included: a voice note's codecs suffix is refused.
    form = upload_form(b"OggS", "note.ogg", "audio/ogg; codecs=opus", type_="audio/ogg")
    error = _graph_error(client.post(MEDIA_URL, headers=AUTH, **form), 400, 100)
    assert "Received file of type 'audio/ogg; codecs=opus'" in error["message"]


@pytest.mark.parametrize(
    ("filename", "content_type", "limit"),
    [
        ("photo.jpg", "image/jpeg", 5 * MB),
        ("sticker.webp", "image/webp", 500 * 1024),
        ("clip.mp4", "video/mp4", 16 * MB),
    ],
)
def test_size_limits_are_metas(client: TestClient, filename: str, content_type: str, limit: int) -> None:
    assert client.post(MEDIA_URL, headers=AUTH, **upload_form(b"x" * limit, filename, content_type)).status_code == 200
    too_big = client.post(MEDIA_URL, headers=AUTH, **upload_form(b"x" * (limit + 1), filename, content_type))
    error = _graph_error(too_big, 400, 100)
    assert "File Too Large" in error["message"] and f"({limit} bytes)" in error["message"]


@pytest.mark.parametrize(
    ("form", "words"),
    [
        (upload_form(messaging_product="instagram"), "messaging_product"),
        (upload_form(type_="application/zip"), "Param type"),
        (upload_form(b""), "empty"),
        ({"data": {"messaging_product": "whatsapp", "type": "image/png"}}, "file"),
        ({"data": {"messaging_product": "whatsapp", "type": "image/png", "file": "not a file"}}, "file part"),
        (upload_form(colour="red"), '"colour"'),
    ],
    ids=["wrong-product", "unsupported-type-field", "empty-file", "no-file", "file-as-text", "unknown-field"],
)
def test_bad_upload_forms_are_code_100(client: TestClient, form: dict[str, Any], words: str) -> None:
    error = _graph_error(client.post(MEDIA_URL, headers=AUTH, **form), 400, 100)
    assert words in error["message"], error["message"]


def test_uploads_check_token_and_sender_like_messages(client: TestClient) -> None:
    _graph_error(client.post(MEDIA_URL, **upload_form()), 401, 190)
    other_sender = client.post("/graph/v21.0/999999999999999/media", headers=AUTH, **upload_form())
    assert "999999999999999" in _graph_error(other_sender, 400, 100)["message"]


def test_uploads_are_provider_calls_that_faults_fail(client: TestClient) -> None:
    client.post("/sandbox/faults", json={"channel": "whatsapp", "status": 503, "count": 1})
    _graph_error(client.post(MEDIA_URL, headers=AUTH, **upload_form()), 503, 2)
    assert client.post(MEDIA_URL, headers=AUTH, **upload_form()).status_code == 200


@pytest.mark.parametrize("kind", MEDIA_TYPES)
def test_sending_an_id_that_was_never_uploaded_is_refused(client: TestClient, kind: str) -> None:
    response = client.post(GRAPH_URL, headers=AUTH, json=media_body(kind, id="1234567890123456"))
    error = _graph_error(response, 400, 100)
    assert error["message"] == f"(#100) Param {kind}['id'] is not a valid whatsapp business account media attachment ID"


def test_a_media_message_by_uploaded_id_shows_in_the_transcript(client: TestClient) -> None:
    media_id = _upload(client, data=b"%PDF-1.7 ...", filename="invoice.pdf", content_type="application/pdf")
    sent = client.post(GRAPH_URL, headers=AUTH, json=media_body("document", id=media_id, caption="Your invoice"))
    assert sent.status_code == 200, sent.text

    [message] = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert message["type"] == "document" and message["text"] == "Your invoice"
    assert message["media"] == {
        "kind": "document",
        "id": media_id,
        "link": None,
        "mime_type": "application/pdf",
        "filename": "invoice.pdf",
        "caption": "Your invoice",
        "url": f"/sandbox/media/{media_id}",
    }
    # The page shows it without a token.
    shown = client.get(message["media"]["url"])
    assert shown.status_code == 200 and shown.content == b"%PDF-1.7 ..."
    assert shown.headers["content-type"] == "application/pdf"
    assert "invoice.pdf" in shown.headers["content-disposition"]


def test_the_filename_of_the_send_wins_over_the_uploaded_one(client: TestClient) -> None:
    media_id = _upload(client, data=b"hello", filename="tmp123.txt", content_type="text/plain")
    client.post(GRAPH_URL, headers=AUTH, json=media_body("document", id=media_id, filename="notes.txt"))
    [message] = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert message["media"]["filename"] == "notes.txt"


def test_media_by_link_is_still_accepted_and_shown_by_its_link(client: TestClient) -> None:
    link = "https://example.com/a.png"
    assert client.post(GRAPH_URL, headers=AUTH, json=media_body("image", link=link)).status_code == 200
    [message] = client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]
    assert (message["media"]["url"], message["media"]["link"], message["media"]["mime_type"]) == (link, link, None)


def test_unknown_page_media_is_404(client: TestClient) -> None:
    assert client.get("/sandbox/media/1234567890123456").status_code == 404


def test_media_is_bounded_by_max_records(make_client: Callable[..., TestClient]) -> None:
    client = make_client(sandbox_max_records=2)
    first, second, third = (_upload(client) for _ in range(3))
    _graph_error(client.get(f"/graph/v21.0/{first}", headers=AUTH), 400, 100)
    assert all(client.get(f"/graph/v21.0/{i}", headers=AUTH).status_code == 200 for i in (second, third))


async def test_media_is_bounded_by_bytes_keeping_the_newest() -> None:
    store = MediaStore(max_items=100, max_bytes=10)

    async def add(media_id: str, size: int) -> None:
        await store.add(
            id=media_id,
            channel="whatsapp",
            account_id="1",
            kind="document",
            mime_type="text/plain",
            filename=None,
            data=b"x" * size,
            sha256="",
        )

    await add("a", 4)
    await add("b", 4)
    await add("c", 4)  # 12 bytes: "a" goes
    assert [await store.get(i) is not None for i in "abc"] == [False, True, True]
    await add("d", 50)  # alone over the budget, still kept: its upload was answered
    assert [await store.get(i) is not None for i in "bcd"] == [False, False, True]


def test_the_limits_data_file_matches_metas_table() -> None:
    limits = media_limits()
    assert set(limits.kinds) == set(MEDIA_TYPES)
    expected = {
        "image": (5 * MB, {"image/jpeg", "image/png"}),
        "audio": (16 * MB, {"audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"}),
        "video": (16 * MB, {"video/mp4", "video/3gpp"}),
        "sticker": (500 * 1024, {"image/webp"}),
    }
    for kind, (max_bytes, mimes) in expected.items():
        assert (limits.kinds[kind].max_bytes, set(limits.kinds[kind].mime_types)) == (max_bytes, mimes)
    document = limits.kinds["document"]
    assert document.max_bytes == 100 * MB
    assert {"application/pdf", "text/plain", "application/msword", "application/vnd.ms-excel"} <= set(
        document.mime_types
    )
    assert "application/vnd.openxmlformats-officedocument.wordprocessingml.document" in document.mime_types


@pytest.mark.parametrize(
    "kinds",
    [
        {"image": {"max_bytes": 1, "mime_types": ["image/png"]}},
        {kind: {"max_bytes": 1, "mime_types": ["image/png"]} for kind in MEDIA_TYPES},
        {kind: {"max_bytes": 0, "mime_types": [f"x/{kind}"]} for kind in MEDIA_TYPES},
        {kind: {"max_bytes": 1, "mime_types": [f"X/{kind}; q=1"]} for kind in MEDIA_TYPES},
    ],
    ids=["missing-kinds", "ambiguous-mime", "zero-size", "not-bare-mime"],
)
def test_a_broken_limits_table_is_refused(kinds: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        MediaLimits.model_validate({"about": "x", "kinds": kinds})


def test_the_page_shows_media_by_their_url(client: TestClient) -> None:
    page = client.get("/").text
    for needle in ("m.media.url", 'el("img")', 'el("a", "doc"', "media.filename", "m.error"):
        assert needle in page
