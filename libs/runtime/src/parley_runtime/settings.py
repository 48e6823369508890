"""Settings every service reads from the environment (documented in .env.example)."""

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    kafka_bootstrap_servers: str = Field(default="127.0.0.1:9092")
    mongodb_url: str = Field(default="mongodb://127.0.0.1:27017")
    mongodb_database: str = Field(default="parley")
    log_level: str = Field(default="INFO")
    host: str = Field(default="127.0.0.1", validation_alias="SERVICE_HOST")
    consumer_max_attempts: int = Field(
        default=5, ge=1, description="Tries of one event (for non-infrastructure errors) before it is dead-lettered."
    )
    consumer_retry_base_seconds: float = Field(default=0.2, gt=0)
    step_budget_seconds: float = Field(
        default=60.0, gt=0, description="Longest one record may take to process before it is dead-lettered."
    )
    consumer_concurrency: int = Field(
        default=16,
        ge=1,
        description="Threads (record keys) of one fetched batch processed at once; each thread's records stay in order.",
    )
    consumer_linger_ms: float = Field(
        default=10.0,
        ge=0,
        description="When records arrive steadily, how long a consumer gathers them into one batch (one write to the"
        " store and one offset commit for several); an idle consumer's first record is processed at once.",
    )
    kafka_publish_timeout_seconds: float = Field(
        default=10.0, gt=0, description="A publish not acknowledged in this time fails (and is retried)."
    )


class WhatsAppApiSettings(BaseModel):
    """Where WhatsApp's Cloud API (Graph) is and how to call it: outbound sends through it, dashboard-api lists a
    WhatsApp account's message templates. Mixed into those services' settings (same variables for both); the
    credentials are each channel account's own (parley_business.channel_accounts)."""

    whatsapp_api_base_url: str = Field(
        default="http://127.0.0.1:8090/graph", description="https://graph.facebook.com in production."
    )
    whatsapp_api_version: str = Field(default="v21.0")
    http_timeout_seconds: float = Field(default=10.0, gt=0, description="Each call to the Graph API.")

    def graph_url(self, path: str) -> str:
        return f"{self.whatsapp_api_base_url.rstrip('/')}/{self.whatsapp_api_version}/{path.lstrip('/')}"
