"""`parley-router`: thread state and decisions."""

from parley_router.app import create_app
from parley_router.settings import RouterSettings
from parley_runtime.logging import configure_logging
from parley_runtime.worker import serve


def run() -> None:
    settings = RouterSettings()
    configure_logging("router", settings.log_level)
    serve(create_app(settings), settings.host, settings.port)


if __name__ == "__main__":
    run()
