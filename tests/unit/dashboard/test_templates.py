"""The template list the console offers when a reply window is closed: Graph's listing, read leniently."""

import httpx
import pytest
from pydantic import SecretStr

from parley_business import ChannelAccount
from parley_contracts import Channel
from parley_dashboard.templates import TemplateCatalog, TemplatesUnavailable, parse_listing

HELLO = {
    "name": "hello_world",
    "language": "en_US",
    "status": "APPROVED",
    "category": "UTILITY",
    "components": [
        {"type": "HEADER", "format": "TEXT", "text": "Hello World"},
        {"type": "BODY", "text": "Hi {{1}}, your order {{2}} ships on {{1}}."},
        {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Stop"}]},
    ],
    "id": "1",
}


def test_approved_templates_with_their_texts_and_parameter_count():
    rejected = {**HELLO, "name": "draft", "status": "REJECTED"}
    odd = ["not a template", {"name": 3}, {**HELLO, "name": "strange", "components": [{"type": "BODY"}, 7]}]
    listed = parse_listing([HELLO, rejected, *odd])
    assert [(t.name, t.parameters) for t in listed] == [("hello_world", 2), ("strange", 0)]
    hello = listed[0]
    assert hello.header == "Hello World" and hello.body.startswith("Hi {{1}}") and hello.footer is None


ACCOUNT = ChannelAccount(
    channel=Channel.WHATSAPP,
    account_id="100",
    tenant="t",
    config={"waba_id": "waba"},
    secrets={"access_token": SecretStr("token")},
)


def _catalog(handler) -> TemplateCatalog:
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return TemplateCatalog(client, lambda path: f"http://graph.test/v21.0/{path}", ttl_seconds=60)


async def test_pages_are_followed_and_the_list_is_reused():
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        assert request.headers["authorization"] == "Bearer token"  # the account's own token
        if "after" in str(request.url):
            return httpx.Response(200, json={"data": [{**HELLO, "name": "second"}], "paging": {}})
        return httpx.Response(200, json={"data": [HELLO], "paging": {"next": "http://graph.test/next?after=x"}})

    catalog = _catalog(handler)
    assert [t.name for t in await catalog.approved(ACCOUNT)] == ["hello_world", "second"]
    assert [t.name for t in await catalog.approved(ACCOUNT)] == ["hello_world", "second"]
    assert len(calls) == 2  # two pages, once
    assert calls[0].startswith("http://graph.test/v21.0/waba/message_templates")


async def test_an_account_without_its_business_account_id_has_no_templates():
    catalog = _catalog(lambda request: httpx.Response(200, json={"data": []}))
    with pytest.raises(TemplatesUnavailable, match="no waba_id"):
        await catalog.approved(ACCOUNT.model_copy(update={"config": {}}))


async def test_an_error_or_a_strange_answer_is_unavailable():
    for answer in (httpx.Response(500, json={}), httpx.Response(200, json={"data": "x"}), httpx.Response(200)):
        catalog = _catalog(lambda request, answer=answer: answer)
        with pytest.raises(TemplatesUnavailable):
            await catalog.approved(ACCOUNT)
