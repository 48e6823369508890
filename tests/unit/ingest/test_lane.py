"""The lane that serves webhook deliveries ahead of FastAPI: what it matches, what it leaves to FastAPI, how it
answers errors, and the OpenAPI document it keeps whole. (The deliveries themselves: test_webhook_routes and the
channels' tests, which all go through it.)"""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.requests import Request
from starlette.responses import Response

from parley_contracts import Channel
from parley_ingest import lane
from parley_ingest.lane import DeliveryRoute
from tests.unit.ingest.test_webhook_routes import RecordingPublisher, client


async def _echo(request: Request, ingest: object) -> Response:
    """Echo the path parameters."""
    return Response(repr(request.path_params))


ECHO = DeliveryRoute("/hooks/{bot}/x", Channel.TELEGRAM, _echo, params={"bot": r"\d{1,3}"})


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/hooks/7/x", {"bot": "7"}),
        ("/hooks/123/x", {"bot": "123"}),
        ("/hooks/1234/x", None),  # the pattern is the whole parameter
        ("/hooks/7a/x", None),
        ("/hooks/7/x/", None),  # the whole path, no prefix or suffix
        ("/api/hooks/7/x", None),
        ("/hooks//x", None),
    ],
)
def test_a_route_matches_the_whole_path_and_each_parameter_by_its_pattern(path, params):
    assert ECHO.match(path) == params


def test_a_path_parameter_without_a_pattern_fails_when_the_route_is_made_not_when_it_is_called():
    with pytest.raises(KeyError, match="bot"):
        DeliveryRoute("/hooks/{bot}", Channel.TELEGRAM, _echo)


class _Limiter:
    """An IngestContext as far as the lane sees it before a handler runs."""

    def check_rate(self, request: Request) -> None:
        pass


async def _broken(request: Request, ingest: object) -> Response:
    raise RuntimeError("a bug")


def test_an_unexpected_error_is_a_500_and_the_next_delivery_is_served():
    app = FastAPI()
    app.state.ingest = _Limiter()
    lane.serve(app, (DeliveryRoute("/broken", Channel.WHATSAPP, _broken), ECHO))
    with TestClient(app, raise_server_exceptions=False) as http:
        assert http.post("/broken", content=b"{}").status_code == 500
        answer = http.post("/hooks/42/x", content=b"{}")
    assert answer.status_code == 200 and answer.text == "{'bot': '42'}"


def test_other_methods_and_paths_are_fastapis_own_answers():
    with client(RecordingPublisher()) as http:
        assert http.put("/webhooks/whatsapp").status_code == 405  # FastAPI serves its GET
        assert http.get("/webhooks/telegram/123").status_code == 404  # a delivery route: POST only
        assert http.post("/webhooks/telegram/not-a-bot-id", content=b"{}").status_code == 404
        assert http.post("/webhooks/unknown", content=b"{}").status_code == 404


def test_the_openapi_document_lists_every_delivery_route_beside_fastapis_routes():
    with client(RecordingPublisher()) as http:
        paths = http.get("/openapi.json").json()["paths"]
    assert {path: sorted(item) for path, item in paths.items() if path.startswith("/webhooks")} == {
        "/webhooks/whatsapp": ["get", "post"],
        "/webhooks/messenger": ["get", "post"],
        "/webhooks/instagram": ["get", "post"],
        "/webhooks/telegram/{bot_id}": ["post"],
        "/webhooks/mercadolibre": ["post"],
    }
    telegram = paths["/webhooks/telegram/{bot_id}"]["post"]
    assert [(p["name"], p["in"]) for p in telegram["parameters"]] == [
        ("bot_id", "path"),
        ("X-Telegram-Bot-Api-Secret-Token", "header"),
    ]
    assert {"200", "400", "401", "404", "413", "429", "503"} <= set(telegram["responses"])
    whatsapp = paths["/webhooks/whatsapp"]["post"]
    assert whatsapp["tags"] == ["whatsapp"] and whatsapp["summary"].startswith("A signed delivery")
    assert [p["name"] for p in whatsapp["parameters"]] == ["X-Hub-Signature-256"]
