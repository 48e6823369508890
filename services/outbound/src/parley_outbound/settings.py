"""Outbound's settings, from the environment (see .env.example)."""

from pydantic import BaseModel, Field

from parley_business.channel_account_store import ChannelAccountSettings
from parley_runtime.settings import ServiceSettings, WhatsAppApiSettings


class MetaMessagingApiSettings(BaseModel):
    """Where Messenger's and Instagram's Send API are (the sandbox's Graph by default); the tokens are the
    channel accounts' own."""

    meta_graph_base_url: str = Field(
        default="http://127.0.0.1:8090/graph", description="Messenger: https://graph.facebook.com in production."
    )
    instagram_graph_base_url: str = Field(
        default="http://127.0.0.1:8090/graph",
        description="Instagram (Instagram API with Instagram Login): https://graph.instagram.com in production.",
    )
    meta_graph_version: str = Field(default="v21.0")


class OutboundSettings(ServiceSettings, WhatsAppApiSettings, MetaMessagingApiSettings, ChannelAccountSettings):
    port: int = Field(default=8084, validation_alias="OUTBOUND_PORT")
    consumer_group: str = Field(default="parley-outbound", validation_alias="OUTBOUND_CONSUMER_GROUP")
    mercadolibre_api_base_url: str = Field(
        default="http://127.0.0.1:8090/mercadolibre",
        description="MercadoLibre's API (and its /oauth/token): https://api.mercadolibre.com in production.",
    )

    @property
    def notifications_consumer_group(self) -> str:
        """The group reading `channel.notification` (providers' resources to fetch): the send group's name plus
        `.notifications`."""
        return f"{self.consumer_group}.notifications"

    @property
    def flows_consumer_group(self) -> str:
        """The group reading `flow.submission` (question flows' answers to POST to the business's API): the send
        group's name plus `.flows`."""
        return f"{self.consumer_group}.flows"

    flow_call_concurrency: int = Field(
        default=32,
        ge=1,
        description="Calls to businesses' flow APIs in flight at the same time (each in the background, so a slow "
        "API holds up no other conversation); more wait for a free slot.",
    )

    send_retry_horizon_seconds: float = Field(
        default=3600.0,
        gt=0,
        description="How long a send is retried (from its first attempt) before it is given up and a person is told.",
    )
    send_backoff_base_seconds: float = Field(default=0.5, gt=0)
    send_backoff_max_seconds: float = Field(default=30.0, gt=0)
    send_retry_concurrency: int = Field(default=8, ge=1, description="Parked sends tried at the same time.")
    telegram_api_base_url: str = Field(
        default="http://127.0.0.1:8090/telegram",
        description="The Telegram Bot API: https://api.telegram.org in production; the local sandbox by default.",
    )
    email_smtp_timeout_seconds: float = Field(
        default=30.0, gt=0, description="One SMTP submission's time limit (connect, login, send)."
    )

    @property
    def inbound_consumer_group(self) -> str:
        """The group reading `message.received` (read receipts, customers' files): its own offsets."""
        return f"{self.consumer_group}.inbound"
