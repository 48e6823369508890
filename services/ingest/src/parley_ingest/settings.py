"""Ingest's settings, from the environment (see .env.example)."""

from pydantic import Field, SecretStr

from parley_runtime.settings import ServiceSettings


class IngestSettings(ServiceSettings):
    port: int = Field(default=8081, validation_alias="INGEST_PORT")
    default_tenant: str = Field(default="demo", description="Tenant for channel accounts not listed below.")
    whatsapp_app_secret: SecretStr = Field(default=SecretStr("sandbox-app-secret"))
    whatsapp_verify_token: SecretStr = Field(default=SecretStr("sandbox-verify-token"))
    whatsapp_accounts: dict[str, str] = Field(
        default_factory=dict, description='JSON: WhatsApp phone_number_id → tenant, e.g. {"1000…": "aurora"}.'
    )
    max_body_bytes: int = Field(default=3 * 1024 * 1024, description="Meta's webhook payloads are at most 3 MB.")

    def tenant_for(self, account_id: str) -> str:
        return self.whatsapp_accounts.get(account_id, self.default_tenant)
