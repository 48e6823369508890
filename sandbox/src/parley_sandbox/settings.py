"""Sandbox settings, read from the environment. Every value has a local default: no credentials needed."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class SandboxSettings(BaseSettings):
    """Flat on purpose: field names are the env var names (case-insensitive), as the README documents them."""

    model_config = SettingsConfigDict(env_file=None, extra="ignore", case_sensitive=False)

    sandbox_host: str = "127.0.0.1"
    sandbox_port: int = Field(default=8090, ge=1, le=65535)
    sandbox_log_level: str = "INFO"
    # Parley's ingest service; each channel posts to {ingest}/webhooks/{channel}.
    sandbox_ingest_url: str = "http://127.0.0.1:8081"
    sandbox_ingest_timeout_seconds: float = Field(default=10.0, gt=0)
    # After an accepted send, post signed `sent` then `delivered` status webhooks to ingest.
    sandbox_status_webhooks: bool = False
    sandbox_status_delay_seconds: float = Field(default=0.2, ge=0)
    # Recorded traffic is kept in memory, bounded so a long benchmark cannot exhaust it.
    sandbox_max_records: int = Field(default=10_000, ge=1)
    # Meta's 24-hour customer-service window (whatsapp/window.py). Off only for load tests that post webhooks
    # straight to ingest, so the sandbox never sees the customers write.
    sandbox_enforce_window: bool = True
    # Added to the ids the sandbox makes up where the provider's never repeat (Telegram message and update ids,
    # MercadoLibre question and pack ids): Parley's store outlives a sandbox run, and an id seen before is taken
    # for a provider's retry. `make run` and the test stacks set it from the clock.
    sandbox_id_base: int = Field(default=0, ge=0, le=10**9)
    # Question flows (flow_api/): the secret Parley signs its answer submissions with (`X-Parley-Signature-256`)
    # when the sandbox plays a business's API; a script can set another per endpoint.
    sandbox_flow_api_secret: str = Field(default="sandbox-flow-secret", min_length=1)

    whatsapp_app_secret: str = "sandbox-app-secret"
    whatsapp_access_token: str = "sandbox-access-token"
    whatsapp_phone_number_id: str = "100000000000001"
    whatsapp_display_phone_number: str = "15550000001"
    whatsapp_waba_id: str = "200000000000001"
    whatsapp_verify_token: str = "sandbox-verify-token"

    # The sandbox's Telegram bot (its id is the token's prefix) and the secret_token its webhook was set with.
    telegram_bot_token: str = Field(default="7000000001:sandbox-telegram-token", pattern=r"^\d+:[A-Za-z0-9_-]+$")
    telegram_webhook_secret: str = Field(default="sandbox-telegram-secret", pattern=r"^[A-Za-z0-9_-]{1,256}$")
    # Messenger (a Facebook page) and Instagram (a professional account): messenger/.
    messenger_app_secret: str = "sandbox-app-secret"
    messenger_verify_token: str = "sandbox-verify-token"
    messenger_page_id: str = "300000000000001"
    messenger_page_access_token: str = "sandbox-page-token"
    instagram_app_secret: str = "sandbox-app-secret"
    instagram_verify_token: str = "sandbox-verify-token"
    instagram_account_id: str = "400000000000001"
    instagram_access_token: str = "sandbox-instagram-token"
    # MercadoLibre (mercadolibre/): the one seller, its application's OAuth credentials, and token lifetimes.
    mercadolibre_seller_id: str = "500000001"
    mercadolibre_client_id: str = "sandbox-ml-app"
    mercadolibre_client_secret: str = "sandbox-ml-secret"
    mercadolibre_refresh_token: str = "sandbox-ml-refresh"
    mercadolibre_token_ttl_seconds: int = Field(default=21600, ge=1)
    mercadolibre_answer_max_chars: int = Field(default=2000, ge=1)
    mercadolibre_message_max_chars: int = Field(default=350, ge=1)
    # Email: the mail server the customers write through (the devstack passes its GreenMail's address) and the
    # demo mailbox they write to (connected to the demo unit by seed-demo).
    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(default=3025, ge=1, le=65535)
    imap_host: str = "127.0.0.1"
    imap_port: int = Field(default=3143, ge=1, le=65535)
    email_sandbox_mailbox: str = "support@demo.local"

    def ingest_webhook_url(self, channel: str) -> str:
        return f"{self.sandbox_ingest_url.rstrip('/')}/webhooks/{channel}"


@lru_cache(maxsize=1)
def get_settings() -> SandboxSettings:
    return SandboxSettings()
