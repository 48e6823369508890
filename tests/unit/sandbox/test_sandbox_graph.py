"""Provider side: the Graph API `/messages` endpoint validates, answers and records like Meta."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.unit.sandbox.sandbox_fakes import AUTH, GRAPH_URL, PHONE_NUMBER_ID, TOKEN, buttons_body, list_body, text_body


def _graph_error(response: Any, status: int, code: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["fbtrace_id"]
    assert isinstance(error["message"], str) and error["message"]
    return error


def test_text_send_answers_like_meta(client: TestClient) -> None:
    response = client.post(GRAPH_URL, headers=AUTH, json=text_body(to="5491155550001"))

    assert response.status_code == 200
    data = response.json()
    assert data["messaging_product"] == "whatsapp"
    assert data["contacts"] == [{"input": "5491155550001", "wa_id": "5491155550001"}]
    assert len(data["messages"]) == 1
    assert data["messages"][0]["id"].startswith("wamid.")


def test_each_send_gets_a_unique_wamid(client: TestClient) -> None:
    ids = {client.post(GRAPH_URL, headers=AUTH, json=text_body()).json()["messages"][0]["id"] for _ in range(50)}
    assert len(ids) == 50


def test_formatted_phone_number_is_normalised_to_wa_id(client: TestClient) -> None:
    data = client.post(GRAPH_URL, headers=AUTH, json=text_body(to="+1 (555) 000-1234")).json()
    assert data["contacts"] == [{"input": "+1 (555) 000-1234", "wa_id": "15550001234"}]


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer "},
    ],
    ids=["absent", "wrong", "not-bearer", "empty"],
)
def test_bad_or_missing_token_is_401_oauth_exception(client: TestClient, headers: dict[str, str]) -> None:
    error = _graph_error(client.post(GRAPH_URL, headers=headers, json=text_body()), 401, 190)
    assert error["type"] == "OAuthException"


def test_token_as_access_token_query_param_is_accepted(client: TestClient) -> None:
    response = client.post(f"{GRAPH_URL}?access_token={TOKEN}", json=text_body())
    assert response.status_code == 200


def test_unknown_phone_number_id_is_400_code_100(client: TestClient) -> None:
    response = client.post("/graph/v21.0/999999999999999/messages", headers=AUTH, json=text_body())
    error = _graph_error(response, 400, 100)
    assert "999999999999999" in error["message"]


def test_malformed_version_is_rejected(client: TestClient) -> None:
    response = client.post(f"/graph/latest/{PHONE_NUMBER_ID}/messages", headers=AUTH, json=text_body())
    assert response.status_code == 400


def _buttons(n: int, title: str = "Option", id_: str = "opt") -> list[dict[str, Any]]:
    return [{"type": "reply", "reply": {"id": f"{id_}{i}", "title": f"{title}{i}"}} for i in range(n)]


def _with(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Set a dotted path in a body (creating nothing: the path must exist up to its parent)."""
    node = body
    keys = path.split(".")
    for key in keys[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[keys[-1]]
    else:
        node[keys[-1]] = value
    return body


_DELETE = object()
_rows = [{"id": f"r{i}", "title": f"Row {i}"} for i in range(6)]
_more_rows = [{"id": f"s{i}", "title": f"Row {i}"} for i in range(5)]

INVALID: list[tuple[str, dict[str, Any], str]] = [
    ("no messaging_product", _with(text_body(), "messaging_product", _DELETE), "messaging_product"),
    ("wrong messaging_product", text_body(messaging_product="instagram"), "messaging_product"),
    ("no to", _with(text_body(), "to", _DELETE), "to"),
    ("to not a number", text_body(to="not-a-number"), "to"),
    ("no type", _with(text_body(), "type", _DELETE), "type"),
    ("unknown type", _with(text_body(), "type", "hologram"), "type"),
    ("text missing", _with(text_body(), "text", _DELETE), "text"),
    ("text empty", text_body(body=""), "text.body"),
    ("text too long", text_body(body="x" * 4097), "text.body"),
    ("typo key", _with(text_body(), "text", {"bdy": "hi"}), '"bdy"'),
    ("unknown top key", text_body(colour="red"), '"colour"'),
    ("4 buttons", _with(buttons_body(), "interactive.action.buttons", _buttons(4)), "interactive.action.buttons"),
    ("0 buttons", _with(buttons_body(), "interactive.action.buttons", []), "interactive.action.buttons"),
    (
        "button title 21",
        _with(buttons_body(), "interactive.action.buttons", _buttons(1, title="T" * 20)),
        "interactive.action.buttons.0.reply.title",
    ),
    (
        "duplicate titles",
        buttons_body("5491155550001", ("a", "Same"), ("b", "Same")),
        "interactive.action.buttons",
    ),
    (
        "duplicate ids",
        buttons_body("5491155550001", ("a", "One"), ("a", "Two")),
        "interactive.action.buttons",
    ),
    (
        "button id 257",
        buttons_body("5491155550001", ("x" * 257, "Ok")),
        "interactive.action.buttons.0.reply.id",
    ),
    ("button body 1025", buttons_body(text="b" * 1025), "interactive.body.text"),
    ("no body", _with(buttons_body(), "interactive.body", _DELETE), "interactive.body"),
    (
        "header text 61",
        _with(buttons_body(), "interactive.header", {"type": "text", "text": "h" * 61}),
        "interactive.header.text",
    ),
    (
        "unsupported interactive type",
        _with(buttons_body(), "interactive.type", "carousel"),
        "interactive.type",
    ),
    (
        "11 rows in total",
        list_body(
            sections=[{"title": "A", "rows": _rows}, {"title": "B", "rows": [*_more_rows, {"id": "z", "title": "Z"}]}]
        ),
        "interactive.action.sections",
    ),
    (
        "several sections without titles",
        list_body(sections=[{"rows": _rows[:2]}, {"title": "B", "rows": _more_rows[:2]}]),
        "interactive.action.sections",
    ),
    (
        "list row title 25",
        list_body(sections=[{"title": "A", "rows": [{"id": "r", "title": "t" * 25}]}]),
        "interactive.action.sections.0.rows.0.title",
    ),
    (
        "list row description 73",
        list_body(sections=[{"title": "A", "rows": [{"id": "r", "title": "t", "description": "d" * 73}]}]),
        "interactive.action.sections.0.rows.0.description",
    ),
    ("list label 21", _with(list_body(), "interactive.action.button", "L" * 21), "interactive.action.button"),
    (
        "image without source",
        {"messaging_product": "whatsapp", "to": "5491155550001", "type": "image", "image": {"caption": "c"}},
        "image",
    ),
    (
        "image with link and id",
        {
            "messaging_product": "whatsapp",
            "to": "5491155550001",
            "type": "image",
            "image": {"id": "123", "link": "https://example.com/a.png"},
        },
        "image",
    ),
    (
        "document link not a URL",
        {"messaging_product": "whatsapp", "to": "5491155550001", "type": "document", "document": {"link": "a.pdf"}},
        "document.link",
    ),
    (
        # Meta only knows the media ids its upload endpoint answered (sending by an uploaded id: test_sandbox_media).
        "document by an id never uploaded",
        {
            "messaging_product": "whatsapp",
            "to": "5491155550001",
            "type": "document",
            "document": {"id": "1234567890", "filename": "catalogue.pdf"},
        },
        "document['id']",
    ),
    ("mark read without message_id", {"messaging_product": "whatsapp", "status": "read"}, "message_id"),
    ("status other than read", {"messaging_product": "whatsapp", "status": "sent", "message_id": "wamid.X"}, "status"),
]


@pytest.mark.parametrize(("body", "field"), [(b, f) for _, b, f in INVALID], ids=[name for name, _, _ in INVALID])
def test_invalid_bodies_are_400_code_100_naming_the_field(client: TestClient, body: dict[str, Any], field: str) -> None:
    error = _graph_error(client.post(GRAPH_URL, headers=AUTH, json=body), 400, 100)
    assert field in error["message"], error["message"]
    assert error["message"].startswith("(#100)")


@pytest.mark.parametrize("content", [b"not json", b"[1, 2]", b""], ids=["garbage", "array", "empty"])
def test_body_that_is_not_a_json_object_is_400(client: TestClient, content: bytes) -> None:
    response = client.post(GRAPH_URL, headers={**AUTH, "Content-Type": "application/json"}, content=content)
    _graph_error(response, 400, 100)


VALID: list[tuple[str, dict[str, Any]]] = [
    ("text at 4096", text_body(body="x" * 4096)),
    (
        "text with context and preview",
        {**text_body(context={"message_id": "wamid.ABC"}), "text": {"body": "https://x.org", "preview_url": True}},
    ),
    (
        "3 buttons at the limits",
        _with(
            buttons_body(text="b" * 1024),
            "interactive.action.buttons",
            [{"type": "reply", "reply": {"id": str(i) * 256, "title": f"{i}" * 20}} for i in range(3)],
        ),
    ),
    (
        "buttons with header and footer",
        _with(
            _with(buttons_body(), "interactive.header", {"type": "text", "text": "h" * 60}),
            "interactive.footer",
            {"text": "f" * 60},
        ),
    ),
    (
        "10 rows over two titled sections",
        list_body(sections=[{"title": "A", "rows": _rows}, {"title": "B", "rows": _more_rows[:4]}]),
    ),
    (
        "image by link",
        {
            "messaging_product": "whatsapp",
            "to": "5491155550001",
            "type": "image",
            "image": {"link": "https://example.com/a.png", "caption": "c" * 1024},
        },
    ),
    (
        "template",
        {
            "messaging_product": "whatsapp",
            "to": "5491155550001",
            "type": "template",
            "template": {"name": "hello_world", "language": {"code": "en_US"}},
        },
    ),
]


@pytest.mark.parametrize("body", [b for _, b in VALID], ids=[name for name, _ in VALID])
def test_valid_bodies_at_the_limits_are_accepted(client: TestClient, body: dict[str, Any]) -> None:
    response = client.post(GRAPH_URL, headers=AUTH, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["messages"][0]["id"].startswith("wamid.")


def test_mark_as_read_returns_success_and_is_recorded(client: TestClient) -> None:
    body = {"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.INBOUND1"}
    response = client.post(GRAPH_URL, headers=AUTH, json=body)
    assert response.status_code == 200
    assert response.json() == {"success": True}

    sent = client.get("/sandbox/sent", params={"channel": "whatsapp"}).json()
    assert [(r["type"], r["message_id"], r["body"]) for r in sent["requests"]] == [("read", "wamid.INBOUND1", body)]


def test_mark_as_read_with_typing_indicator(client: TestClient) -> None:
    body = {
        "messaging_product": "whatsapp",
        "status": "read",
        "message_id": "wamid.INBOUND1",
        "typing_indicator": {"type": "text"},
    }
    assert client.post(GRAPH_URL, headers=AUTH, json=body).json() == {"success": True}
    bad = {**body, "typing_indicator": {"type": "audio"}}
    _graph_error(client.post(GRAPH_URL, headers=AUTH, json=bad), 400, 100)


def test_a_send_to_a_business_scoped_user_id_uses_recipient(client: TestClient) -> None:
    body = {k: v for k, v in text_body().items() if k != "to"} | {"recipient": "US.13491208655302741918"}
    response = client.post(GRAPH_URL, headers=AUTH, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["contacts"] == [{"input": "US.13491208655302741918", "user_id": "US.13491208655302741918"}]
    neither = client.post(GRAPH_URL, headers=AUTH, json={k: v for k, v in text_body().items() if k != "to"})
    assert neither.status_code == 400 and "to" in neither.json()["error"]["message"]
