"""Settings of the brain (from the environment)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class EngineSettings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True)

    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    openai_model: str = Field(default="gpt-4o-mini", validation_alias="OPENAI_MODEL")
    llm_timeout_seconds: float = Field(default=15.0, gt=0, validation_alias="LLM_TIMEOUT_SECONDS")
    llm_max_retries: int = Field(default=1, ge=0, le=5, validation_alias="LLM_MAX_RETRIES")
    nlp_engine: Literal["auto", "offline", "llm"] = Field(default="auto", validation_alias="NLP_ENGINE")
    kb_refresh_seconds: float = Field(
        default=2.0, ge=0, validation_alias="KB_REFRESH_SECONDS", description="How stale a cached KB index may be."
    )
    config_refresh_seconds: float = Field(default=2.0, ge=0, validation_alias="BOT_CONFIG_REFRESH_SECONDS")

    @property
    def llm_configured(self) -> bool:
        return bool(self.openai_api_key and self.openai_api_key.get_secret_value()) or bool(self.openai_base_url)

    def wants_llm(self) -> bool:
        if self.nlp_engine == "offline":
            return False
        if self.nlp_engine == "llm":
            return True
        return self.llm_configured
