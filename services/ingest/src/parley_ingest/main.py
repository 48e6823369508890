"""`parley-ingest`: serve the webhook API, in `INGEST_PROCESSES` processes on one port."""

from parley_ingest.app import create_app
from parley_ingest.processes import inherited_socket, serve_with_helpers
from parley_ingest.settings import IngestSettings
from parley_runtime import worker
from parley_runtime.logging import configure_logging


def run() -> None:
    settings = IngestSettings()
    configure_logging("ingest", settings.log_level)
    app = create_app(settings)
    if (sock := inherited_socket()) is not None:  # a helper of the first process
        worker.run(worker.server(app, settings.host, settings.port), sock)
    elif settings.processes > 1:
        serve_with_helpers(app, settings.host, settings.port, settings.processes - 1)
    else:
        worker.serve(app, settings.host, settings.port)


if __name__ == "__main__":
    run()
