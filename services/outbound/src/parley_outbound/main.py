"""`parley-outbound`: deliver replies through the channel APIs."""

from parley_outbound.app import create_app
from parley_outbound.settings import OutboundSettings
from parley_runtime.logging import configure_logging
from parley_runtime.worker import serve


def run() -> None:
    settings = OutboundSettings()
    configure_logging("outbound", settings.log_level)
    serve(create_app(settings), settings.host, settings.port)


if __name__ == "__main__":
    run()
