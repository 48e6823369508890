"""dashboard-api's settings, from the environment (see .env.example)."""

from pydantic import Field

from parley_runtime.settings import ServiceSettings


class DashboardSettings(ServiceSettings):
    port: int = Field(default=8080, validation_alias="DASHBOARD_PORT")
    dashboard_api_key: str = Field(default="dev-api-key", min_length=8, description="X-API-Key for the HTTP API.")
