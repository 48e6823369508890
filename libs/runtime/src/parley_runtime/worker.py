"""How a Kafka-consuming service runs: an ASGI FastStream app (health + AsyncAPI) under uvicorn,
which stops cleanly on SIGTERM/SIGINT: the broker drains its in-flight handler before it closes."""

import uvicorn
from faststream.asgi import AsgiFastStream, make_ping_asgi
from faststream.kafka import KafkaBroker
from faststream.specification import AsyncAPI

from parley_runtime.kafka import FASTSTREAM_LOG


def make_worker_app(
    broker: KafkaBroker, *, title: str, on_startup=(), on_shutdown=(), after_shutdown=()
) -> AsgiFastStream:
    """`on_shutdown` runs while the broker still consumes and publishes (stop loops that publish);
    `after_shutdown` once it has stopped (close the clients its handlers use: closing MongoDB earlier made
    in-flight records fail and be dead-lettered)."""
    return AsgiFastStream(
        broker,
        asgi_routes=[("/healthz", make_ping_asgi(broker, timeout=5.0))],
        specification=AsyncAPI(title=title),
        asyncapi_path="/docs/asyncapi",
        on_startup=on_startup,
        on_shutdown=on_shutdown,
        after_shutdown=after_shutdown,
        logger=FASTSTREAM_LOG,
    )


def serve(app: object, host: str, port: int) -> None:
    uvicorn.run(app, host=host, port=port, log_config=None, access_log=False, timeout_graceful_shutdown=20)
