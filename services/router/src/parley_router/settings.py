"""Router's settings, from the environment (see .env.example)."""

from pydantic import Field

from parley_runtime.settings import ServiceSettings


class RouterSettings(ServiceSettings):
    port: int = Field(default=8083, validation_alias="ROUTER_PORT")
    consumer_group: str = Field(default="parley-router", validation_alias="ROUTER_CONSUMER_GROUP")
