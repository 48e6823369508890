"""Ingest's settings, from the environment (see .env.example)."""

from typing import NamedTuple

from pydantic import Field, SecretStr

from parley_business.channel_account_store import ChannelAccountSettings
from parley_contracts import Channel
from parley_runtime.settings import ServiceSettings


class MetaApp(NamedTuple):
    """A Meta app's webhook secrets: the App Secret that signs deliveries and the verification handshake's token."""

    app_secret: SecretStr
    verify_token: SecretStr


class IngestSettings(ServiceSettings, ChannelAccountSettings):
    port: int = Field(default=8081, validation_alias="INGEST_PORT")
    whatsapp_app_secret: SecretStr = Field(default=SecretStr("sandbox-app-secret"))
    whatsapp_verify_token: SecretStr = Field(default=SecretStr("sandbox-verify-token"))
    messenger_app_secret: SecretStr = Field(default=SecretStr("sandbox-app-secret"))
    messenger_verify_token: SecretStr = Field(default=SecretStr("sandbox-verify-token"))
    instagram_app_secret: SecretStr = Field(default=SecretStr("sandbox-app-secret"))
    instagram_verify_token: SecretStr = Field(default=SecretStr("sandbox-verify-token"))
    max_body_bytes: int = Field(default=3 * 1024 * 1024, description="Meta's webhook payloads are at most 3 MB.")
    text_limit_chars: int = Field(
        default=32_768,
        ge=1,
        validation_alias="INGEST_TEXT_LIMIT_CHARS",
        description="A message's text is cut here (WhatsApp's own limit is 4,096): the rest would only make the "
        "event too big for Kafka. The original length is kept in content.data.text_truncated_from.",
    )
    event_limit_bytes: int = Field(
        default=512 * 1024,
        ge=16 * 1024,
        validation_alias="INGEST_EVENT_LIMIT_BYTES",
        description="An event's JSON above this loses its content.data (a note of its size is kept); keep it well "
        "under the broker's message.max.bytes (1 MB by default).",
    )
    publish_timeout_seconds: float = Field(
        default=5.0,
        gt=0,
        validation_alias="INGEST_PUBLISH_TIMEOUT_SECONDS",
        description="How long a delivery waits for Kafka's acknowledgement of all its events before a 503.",
    )
    rate_limit_per_second: float = Field(
        default=1000.0,
        ge=0,
        validation_alias="INGEST_RATE_LIMIT_PER_SECOND",
        description="Webhook requests per second one client address may sustain (0: no limit), per replica.",
    )
    rate_limit_burst: int = Field(
        default=2000,
        ge=1,
        validation_alias="INGEST_RATE_LIMIT_BURST",
        description="Requests above the rate allowed at once.",
    )
    processes: int = Field(
        default=1,
        ge=1,
        le=64,
        validation_alias="INGEST_PROCESSES",
        description="Processes answering webhooks on the one port (parley_ingest.processes): one spends about "
        "0.8-0.9 ms of CPU per signed webhook (docs/adr/0011), so it nears its core's limit at 1,000 a second; rate limits and duplicate memory are per process.",
    )
    email_readers_enabled: bool = Field(
        default=True, description="Read the connected email accounts' mailboxes (IMAP) in this process."
    )
    email_accounts_refresh_seconds: float = Field(
        default=10.0, gt=0, description="How often the email accounts connected are looked up (readers start/stop)."
    )
    email_idle_seconds: float = Field(
        default=60.0,
        gt=0,
        le=1740,
        description="IMAP IDLE is re-issued this often (RFC 2177: under 29 minutes); the longest a mail whose "
        "notice was missed waits.",
    )
    email_poll_seconds: float = Field(default=60.0, gt=0, description="Polling interval for servers without IDLE.")
    email_imap_timeout_seconds: float = Field(default=30.0, gt=0, description="One IMAP call's time limit.")
    email_reconnect_max_seconds: float = Field(
        default=60.0, gt=0, description="The longest pause before reconnecting to a mailbox that failed."
    )

    def meta_app(self, channel: Channel) -> MetaApp:
        """The secrets of the Meta app whose webhooks `channel` receives (WhatsApp, Messenger, Instagram)."""
        apps = {
            Channel.WHATSAPP: MetaApp(self.whatsapp_app_secret, self.whatsapp_verify_token),
            Channel.MESSENGER: MetaApp(self.messenger_app_secret, self.messenger_verify_token),
            Channel.INSTAGRAM: MetaApp(self.instagram_app_secret, self.instagram_verify_token),
        }
        return apps[channel]
