"""`parley-dashboard-api`: serve the operators' and admins' API."""

from parley_dashboard.app import create_app
from parley_dashboard.settings import DashboardSettings
from parley_runtime.logging import configure_logging
from parley_runtime.worker import serve


def run() -> None:
    settings = DashboardSettings()
    configure_logging("dashboard-api", settings.log_level)
    serve(create_app(settings), settings.host, settings.port)


if __name__ == "__main__":
    run()
