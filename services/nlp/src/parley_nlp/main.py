"""`parley-nlp`: analyse every received message."""

from parley_nlp.app import create_app
from parley_nlp.engines.config import EngineSettings
from parley_nlp.settings import NlpSettings
from parley_runtime.logging import configure_logging
from parley_runtime.worker import serve


def run() -> None:
    settings = NlpSettings()
    configure_logging("nlp", settings.log_level)
    serve(create_app(settings, EngineSettings()), settings.host, settings.port)


if __name__ == "__main__":
    run()
