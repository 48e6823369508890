"""dashboard-api's settings, from the environment (see .env.example)."""

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator

from parley_business.channel_account_store import ChannelAccountSettings
from parley_runtime.settings import ServiceSettings, WhatsAppApiSettings

# Where `make console` builds the operator console (services/dashboard-api/console/dist), from this file's place.
BUILT_CONSOLE = Path(__file__).resolve().parents[2] / "console" / "dist"


class DashboardSettings(ServiceSettings, WhatsAppApiSettings, ChannelAccountSettings):
    port: int = Field(default=8080, validation_alias="DASHBOARD_PORT")
    public_url: str = Field(
        default="http://127.0.0.1:8080",
        validation_alias="DASHBOARD_PUBLIC_URL",
        description="Where people reach the dashboard (links in notification emails).",
    )
    console_dir: Path | None = Field(
        default=None, description="The built operator console served at / (empty: built here)."
    )
    templates_cache_seconds: float = Field(
        default=300.0, ge=0, description="How long the WhatsApp template list is reused before asking Graph again."
    )
    # Integration key from the environment: a deployment's first key, before any admin exists to create one.
    dashboard_api_key: SecretStr | None = Field(
        default=None, description="X-API-Key accepted as an integration (empty: none from the environment)."
    )
    dashboard_api_key_role: str = Field(default="admin", pattern="^(operator|manager|admin)$")
    dashboard_api_key_tenants: str = Field(
        default="*", description="Comma-separated business units the environment key may see; * = all."
    )
    session_hours: float = Field(default=12.0, gt=0, description="How long a login lasts.")
    login_window_seconds: int = Field(default=900, ge=1, description="Window for counting failed logins.")
    login_max_failures_per_account: int = Field(default=5, ge=1)
    login_max_failures_per_address: int = Field(default=20, ge=1)
    command_wait_seconds: float = Field(
        default=2.0, ge=0, description="How long an action waits for the router before answering 202."
    )
    presence_beat_seconds: float = Field(
        default=20.0,
        gt=0,
        validation_alias="PRESENCE_BEAT_SECONDS",
        description="How often the operators with a console connected are marked present; keep it well below the "
        "router's OPERATOR_PRESENCE_SECONDS.",
    )
    inbox_reload_seconds: float = Field(
        default=3600.0,
        gt=0,
        description="How often the inbox index is loaded again from the threads, a safety net: thread.updated keeps"
        " it current, and each load reads every thread (15 s of FerretDB's time for 20,000).",
    )
    roster_refresh_seconds: float = Field(
        default=2.0, ge=0, validation_alias="ROSTER_REFRESH_SECONDS", description="Cached operators per business unit."
    )
    dashboard_consumer_group: str = Field(
        default="parley-dashboard", description="Consumer group of the notifier (stores notifications, emails)."
    )
    smtp_host: str | None = Field(default=None, description="Mail server for notification emails (empty: no email).")
    smtp_port: int = Field(default=587)
    smtp_security: str = Field(default="starttls", pattern="^(none|starttls|tls)$")
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout_seconds: float = Field(default=10.0, gt=0)
    notify_email_from: str = Field(default="Parley <parley@localhost>")
    environment: Literal["development", "production"] = Field(
        default="development",
        validation_alias="PARLEY_ENVIRONMENT",
        description="production: the API's docs (/docs, /redoc, /openapi.json) need credentials too.",
    )
    rate_limit_per_second: float = Field(
        default=50.0, gt=0, validation_alias="DASHBOARD_RATE_LIMIT_PER_SECOND", description="Per caller, sustained."
    )
    rate_limit_burst: int = Field(default=200, ge=1, validation_alias="DASHBOARD_RATE_LIMIT_BURST")
    max_body_bytes: int = Field(
        default=1024 * 1024,
        ge=1024,
        validation_alias="DASHBOARD_MAX_BODY_BYTES",
        description="Largest request body except uploads (multipart keeps the attachment limits).",
    )
    erasure_hash_salt: SecretStr | None = Field(
        default=None,
        description="Erasure records keep an HMAC of the erased contact id under this key (empty: no trace of it).",
    )

    @field_validator(
        "console_dir",
        "dashboard_api_key",
        "smtp_host",
        "smtp_username",
        "smtp_password",
        "erasure_hash_salt",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @property
    def console_path(self) -> Path:
        return self.console_dir or BUILT_CONSOLE
