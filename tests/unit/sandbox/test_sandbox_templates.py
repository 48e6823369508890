"""Message templates: the approved registry, its Graph listing, and template sends checked like Meta."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from parley_sandbox.whatsapp.templates import TemplatesFile, registry
from tests.unit.sandbox.sandbox_fakes import AUTH, GRAPH_URL, template_body

WA_ID = "5491155550001"
WABA_ID = "200000000000777"  # make_settings' WHATSAPP_WABA_ID
LIST_URL = f"/graph/v21.0/{WABA_ID}/message_templates"


def _graph_error(response: Any, status: int, code: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["fbtrace_id"]
    return error


def _transcript(client: TestClient) -> list[dict[str, Any]]:
    return client.get(f"/sandbox/whatsapp/conversations/{WA_ID}").json()["messages"]


def test_templates_are_listed_like_meta(client: TestClient) -> None:
    response = client.get(LIST_URL, headers=AUTH)
    assert response.status_code == 200
    data = response.json()["data"]
    assert {(t["name"], t["language"]) for t in data} == {
        ("hello_world", "en_US"),
        ("conversation_follow_up", "en"),
        ("conversation_follow_up", "es"),
        ("conversation_follow_up", "pt_BR"),
        ("order_update", "en"),
    }
    follow_up = next(t for t in data if (t["name"], t["language"]) == ("conversation_follow_up", "en"))
    assert follow_up == {
        "name": "conversation_follow_up",
        "language": "en",
        "status": "APPROVED",
        "category": "UTILITY",
        "components": [
            {
                "type": "BODY",
                "text": "Hi {{1}}, we have an update on your request. Reply to this message to continue the conversation.",
            }
        ],
        "id": follow_up["id"],
    }
    assert set(response.json()["paging"]["cursors"]) == {"before", "after"}
    assert "next" not in response.json()["paging"]


def test_listing_filters_and_pages(client: TestClient) -> None:
    named = client.get(LIST_URL, headers=AUTH, params={"name": "follow_up", "language": "es"}).json()["data"]
    assert [(t["name"], t["language"]) for t in named] == [("conversation_follow_up", "es")]

    first = client.get(LIST_URL, headers=AUTH, params={"limit": 2}).json()
    assert len(first["data"]) == 2 and first["paging"]["next"].startswith("http://testserver/graph/")
    rest = client.get(first["paging"]["next"], headers=AUTH).json()
    assert len(rest["data"]) == 2
    last = client.get(LIST_URL, headers=AUTH, params={"limit": 2, "after": rest["paging"]["cursors"]["after"]}).json()
    assert len(last["data"]) == 1 and "next" not in last["paging"]
    names = [(t["name"], t["language"]) for page in (first, rest, last) for t in page["data"]]
    assert len(set(names)) == 5


def test_listing_checks_token_and_waba(client: TestClient) -> None:
    _graph_error(client.get(LIST_URL), 401, 190)
    error = _graph_error(client.get("/graph/v21.0/999999999999999/message_templates", headers=AUTH), 400, 100)
    assert "999999999999999" in error["message"]
    _graph_error(client.get(LIST_URL, headers=AUTH, params={"after": "%%%"}), 400, 100)


def test_a_template_send_shows_as_the_customer_sees_it(client: TestClient) -> None:
    response = client.post(GRAPH_URL, headers=AUTH, json=template_body("conversation_follow_up", "es", "Ana"))
    assert response.status_code == 200, response.text
    [message] = _transcript(client)
    assert message["type"] == "template"
    assert message["template"] == {"name": "conversation_follow_up", "language": "es"}
    assert message["text"] == (
        "Hola Ana, tenemos novedades sobre tu solicitud. Responde a este mensaje para continuar la conversación."
    )


def test_hello_world_shows_header_body_and_footer(client: TestClient) -> None:
    assert client.post(GRAPH_URL, headers=AUTH, json=template_body("hello_world", "en_US")).status_code == 200
    [message] = _transcript(client)
    assert message["header"] == "Hello World"
    assert message["text"].startswith("Welcome and congratulations!!")
    assert message["footer"] == "WhatsApp Business Platform sample message"


def test_two_parameters_fill_in_order_and_component_type_is_case_insensitive(client: TestClient) -> None:
    body = template_body("order_update", "en", "Ana", "#1042", component="BODY")
    assert client.post(GRAPH_URL, headers=AUTH, json=body).status_code == 200
    [message] = _transcript(client)
    assert message["text"].startswith("Hi Ana, your order #1042 has been updated.")


def test_currency_and_date_time_parameters_show_their_fallback(client: TestClient) -> None:
    body = template_body("order_update", "en", "Ana", "x")
    body["template"]["components"][0]["parameters"][1] = {
        "type": "currency",
        "currency": {"fallback_value": "$10.00", "code": "USD", "amount_1000": 10000},
    }
    assert client.post(GRAPH_URL, headers=AUTH, json=body).status_code == 200
    assert "your order $10.00 has" in _transcript(client)[0]["text"]


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        (template_body("hello_wrld", "en_US"), "template name (hello_wrld) does not exist in en_US"),
        (template_body("hello_world", "en"), "template name (hello_world) does not exist in en"),
        (
            template_body("conversation_follow_up", "fr", "Ana"),
            "template name (conversation_follow_up) does not exist in fr",
        ),
    ],
    ids=["unknown-name", "name-without-that-language", "language-not-approved"],
)
def test_unknown_template_or_translation_is_132001(client: TestClient, body: dict[str, Any], missing: str) -> None:
    error = _graph_error(client.post(GRAPH_URL, headers=AUTH, json=body), 404, 132001)
    assert error["message"] == "(#132001) Template name does not exist in the translation"
    assert error["error_data"] == {"messaging_product": "whatsapp", "details": missing}


@pytest.mark.parametrize(
    ("body", "details"),
    [
        (template_body("conversation_follow_up", "en"), "body: number of localizable_params (0)"),
        (template_body("conversation_follow_up", "en", "Ana", "extra"), "body: number of localizable_params (2)"),
        (template_body("order_update", "en", "Ana"), "body: number of localizable_params (1)"),
        (template_body("hello_world", "en_US", "Ana"), "body: number of localizable_params (1)"),
        (template_body("hello_world", "en_US", "Hi", component="header"), "header: number of localizable_params (1)"),
    ],
    ids=["none-for-one", "two-for-one", "one-for-two", "one-for-none", "header-for-none"],
)
def test_wrong_parameter_count_is_132000(client: TestClient, body: dict[str, Any], details: str) -> None:
    error = _graph_error(client.post(GRAPH_URL, headers=AUTH, json=body), 400, 132000)
    assert error["message"] == "(#132000) Number of parameters does not match the expected number of params"
    assert error["error_data"]["details"].startswith(details)
    assert "does not match the expected number of params" in error["error_data"]["details"]


@pytest.mark.parametrize("parameter", [{"type": "text", "text": ""}, {"type": "text"}], ids=["empty", "absent"])
def test_a_text_parameter_without_text_is_131008(client: TestClient, parameter: dict[str, Any]) -> None:
    body = template_body("conversation_follow_up", "en", "Ana")
    body["template"]["components"][0]["parameters"] = [parameter]
    error = _graph_error(client.post(GRAPH_URL, headers=AUTH, json=body), 400, 131008)
    assert error["message"] == "(#131008) Required parameter is missing"
    assert error["error_data"]["details"] == "Parameter of type text is missing text value"


@pytest.mark.parametrize(
    ("component", "words"),
    [
        ({"type": "button", "sub_type": "quick_reply", "index": "0", "parameters": []}, "no buttons"),
        ({"type": "footer", "parameters": []}, "template.components.0.type"),
        ({"type": "body", "parameters": [{"type": "image", "image": {"id": "1"}}]}, "components.0.parameters.0"),
        ({"type": "body", "parameters": [{"type": "currency"}]}, "currency"),
    ],
    ids=["button", "footer-component", "media-parameter", "currency-without-object"],
)
def test_components_the_registry_cannot_have_are_code_100(
    client: TestClient, component: dict[str, Any], words: str
) -> None:
    body = template_body("hello_world", "en_US")
    body["template"]["components"] = [component]
    error = _graph_error(client.post(GRAPH_URL, headers=AUTH, json=body), 400, 100)
    assert words in error["message"], error["message"]


def test_refused_template_sends_are_recorded_as_rejected(client: TestClient) -> None:
    client.post(GRAPH_URL, headers=AUTH, json=template_body("nope", "en"))
    assert client.get("/sandbox/sent").json()["count"] == 0
    [record] = client.get("/sandbox/sent", params={"include_rejected": True}).json()["requests"]
    assert (record["type"], record["to"], record["status_code"], record["error"]["code"]) == (
        "template",
        WA_ID,
        404,
        132001,
    )


def test_the_templates_data_file_is_valid() -> None:
    templates = registry()
    follow_up = {t.language: t for t in templates.templates if t.name == "conversation_follow_up"}
    assert set(follow_up) == {"en", "es", "pt_BR"}
    assert all(t.expected_parameters("body") == 1 for t in follow_up.values())
    hello = templates.find("hello_world", "en_US")
    assert hello is not None and hello.expected_parameters("body") == 0
    order = templates.find("order_update", "en")
    assert order is not None and order.expected_parameters("body") == 2


def _file(*components: dict[str, Any], name: str = "t", copies: int = 1) -> dict[str, Any]:
    template = {"id": "300000000000009", "name": name, "language": "en", "category": "UTILITY"}
    return {"about": "x", "templates": [{**template, "components": list(components)}] * copies}


@pytest.mark.parametrize(
    "data",
    [
        _file({"type": "BODY", "text": "Hi {{2}}"}),
        _file({"type": "HEADER", "format": "TEXT", "text": "Hi {{1}}"}, {"type": "BODY", "text": "x"}),
        _file({"type": "FOOTER", "text": "x"}),
        _file({"type": "BODY", "text": "x"}, copies=2),
        _file({"type": "BODY", "text": "x"}, name="Not A Name"),
    ],
    ids=["placeholder-gap", "header-placeholder", "no-body", "duplicate", "bad-name"],
)
def test_a_broken_templates_file_is_refused(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        TemplatesFile.model_validate(data)
