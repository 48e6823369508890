"""Outbound's settings, from the environment (see .env.example)."""

from pydantic import Field

from parley_business.channel_account_store import ChannelAccountSettings
from parley_runtime.settings import ServiceSettings, WhatsAppApiSettings


class OutboundSettings(ServiceSettings, WhatsAppApiSettings, ChannelAccountSettings):
    port: int = Field(default=8084, validation_alias="OUTBOUND_PORT")
    consumer_group: str = Field(default="parley-outbound", validation_alias="OUTBOUND_CONSUMER_GROUP")
    send_retry_horizon_seconds: float = Field(
        default=3600.0,
        gt=0,
        description="How long a send is retried (from its first attempt) before it is given up and a person is told.",
    )
    send_backoff_base_seconds: float = Field(default=0.5, gt=0)
    send_backoff_max_seconds: float = Field(default=30.0, gt=0)
    send_retry_concurrency: int = Field(default=8, ge=1, description="Parked sends tried at the same time.")
    email_smtp_timeout_seconds: float = Field(
        default=30.0, gt=0, description="One SMTP submission's time limit (connect, login, send)."
    )
