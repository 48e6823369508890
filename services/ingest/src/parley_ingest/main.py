"""`parley-ingest`: serve the webhook API."""

from parley_ingest.app import create_app
from parley_ingest.settings import IngestSettings
from parley_runtime.logging import configure_logging
from parley_runtime.worker import serve


def run() -> None:
    settings = IngestSettings()
    configure_logging("ingest", settings.log_level)
    serve(create_app(settings), settings.host, settings.port)


if __name__ == "__main__":
    run()
