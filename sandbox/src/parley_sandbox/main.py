"""`parley-sandbox`: serve the sandbox on SANDBOX_HOST:SANDBOX_PORT (default 127.0.0.1:8090)."""

import uvicorn

from parley_sandbox.app import create_app
from parley_sandbox.logs import configure_logging, get_logger
from parley_sandbox.settings import get_settings


def run() -> None:
    settings = get_settings()
    configure_logging(settings.sandbox_log_level)
    get_logger("parley_sandbox").info(
        "sandbox.starting",
        host=settings.sandbox_host,
        port=settings.sandbox_port,
        ingest_url=settings.sandbox_ingest_url,
        status_webhooks=settings.sandbox_status_webhooks,
    )
    # log_config=None: uvicorn keeps our JSON handler instead of installing its own. No access log: every provider
    # call the sandbox answers is already its own event (whatsapp.send.accepted, webhook.delivered, …), as in the
    # services (parley_runtime.worker).
    uvicorn.run(
        create_app(settings),
        host=settings.sandbox_host,
        port=settings.sandbox_port,
        log_config=None,
        access_log=False,
        log_level=settings.sandbox_log_level.lower(),
    )


if __name__ == "__main__":
    run()
