"""How a Kafka-consuming service runs: an ASGI FastStream app (health + AsyncAPI) under uvicorn,
which stops cleanly on SIGTERM/SIGINT: the broker drains its in-flight handler before it closes."""

import asyncio
import socket
import sys
from collections.abc import Callable

import uvicorn
from faststream.asgi import AsgiFastStream, make_ping_asgi
from faststream.kafka import KafkaBroker
from faststream.specification import AsyncAPI
from uvicorn.config import STARTUP_FAILURE

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


class Server(uvicorn.Server):
    """uvicorn's server, with `after_shutdown` run once it has drained: before a SIGTERM it caught ends the
    process (uvicorn raises the signal again after shutting down, so nothing after `run` would be reached)."""

    def __init__(self, config: uvicorn.Config, after_shutdown: Callable[[], None] | None = None) -> None:
        super().__init__(config)
        self._after_shutdown = after_shutdown

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await super().shutdown(sockets=sockets)
        if self._after_shutdown is not None:
            await asyncio.to_thread(self._after_shutdown)


def server(app: object, host: str, port: int, *, after_shutdown: Callable[[], None] | None = None) -> Server:
    config = uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False, timeout_graceful_shutdown=20)
    return Server(config, after_shutdown)


def run(server: Server, sock: socket.socket | None = None) -> None:
    """Serve on the configured host and port, or on `sock` already listening (processes sharing one port:
    parley_ingest.processes), until SIGTERM/SIGINT or `server.should_exit`."""
    try:
        server.run(sockets=[sock] if sock is not None else None)
    except KeyboardInterrupt:
        pass
    if not server.started:
        sys.exit(STARTUP_FAILURE)  # as uvicorn.run: a port in use or a failed lifespan is an exit code


def serve(app: object, host: str, port: int) -> None:
    run(server(app, host, port))
