"""Channel accounts: which WhatsApp number, Facebook page, Instagram account, Telegram bot, mailbox or
MercadoLibre seller belongs to which business unit, and the credentials to act as it. Pure models and rules;
storage and encryption are in `channel_account_store`. Secrets are decrypted only in the services that act with
them and never returned by the API. What each channel needs is data (data/channel_accounts.json)."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from parley_contracts import Channel

ConfigValue = str | int | float | bool


class KeyNames(BaseModel):
    required: list[str] = Field(default_factory=list)
    optional: list[str] = Field(default_factory=list)

    @property
    def known(self) -> set[str]:
        return {*self.required, *self.optional}


class AccountSpec(BaseModel):
    """What connecting one channel's account takes."""

    account_id: str = Field(description="What identifies the account in the provider's webhooks and API paths.")
    config: KeyNames
    secrets: KeyNames


@cache
def account_specs() -> dict[Channel, AccountSpec]:
    raw = json.loads(resources.files("parley_business").joinpath("data/channel_accounts.json").read_text())
    return {Channel(name): AccountSpec.model_validate(spec) for name, spec in raw["channels"].items()}


class AccountRefused(ValueError):
    """An account that does not meet its channel's spec (missing or unknown keys): a 422 for the admin."""


class SecretsUnavailable(RuntimeError):
    """No CHANNEL_SECRETS_KEY, or one that cannot open what is stored: a deployment problem, not bad input."""


class ChannelAccountIn(BaseModel):
    """What an admin sends to connect (or change) an account. Secrets left out keep their stored values."""

    model_config = ConfigDict(extra="forbid")

    tenant: str = Field(min_length=1, max_length=100, description="The business unit the account belongs to.")
    name: str | None = Field(default=None, max_length=120, description="A label for people.")
    config: dict[str, ConfigValue] = Field(default_factory=dict)
    secrets: dict[str, str] = Field(default_factory=dict, description="Write-only: never returned.")
    enabled: bool = True

    @field_validator("secrets")
    @classmethod
    def _no_empty_secret(cls, value: dict[str, str]) -> dict[str, str]:
        if empty := [k for k, v in value.items() if not v]:
            raise ValueError(f"empty secrets: {', '.join(sorted(empty))}")
        return value


class ChannelAccountView(BaseModel):
    """An account as the API shows it: which secrets are set, never their values."""

    channel: Channel
    account_id: str
    tenant: str
    name: str | None = None
    config: dict[str, ConfigValue] = Field(default_factory=dict)
    secrets_set: list[str] = Field(default_factory=list)
    enabled: bool = True
    created_at: datetime | None = None
    updated_at: datetime | None = None


class ChannelAccount(BaseModel):
    """An account with its secrets opened, for the services that act with it."""

    channel: Channel
    account_id: str
    tenant: str
    name: str | None = None
    config: dict[str, ConfigValue] = Field(default_factory=dict)
    secrets: dict[str, SecretStr] = Field(default_factory=dict)
    enabled: bool = True
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def secret(self, name: str) -> str:
        """A secret's value; KeyError names the missing secret (never a value)."""
        if name not in self.secrets:
            raise KeyError(f"{self.channel} account {self.account_id} has no secret {name!r}")
        return self.secrets[name].get_secret_value()

    def setting(self, name: str, default: ConfigValue | None = None) -> Any:
        return self.config.get(name, default)

    def view(self) -> ChannelAccountView:
        return ChannelAccountView(**self.model_dump(exclude={"secrets"}), secrets_set=sorted(self.secrets))


def account_key(channel: Channel | str, account_id: str) -> str:
    return f"{channel}:{account_id}"


def check_account(channel: Channel, incoming: ChannelAccountIn, stored_secrets: set[str]) -> None:
    """Refuse keys the channel does not know and required ones that are missing (stored secrets count)."""
    spec = account_specs()[channel]
    problems = []
    if unknown := set(incoming.config) - spec.config.known:
        problems.append(f"unknown config keys for {channel}: {', '.join(sorted(unknown))}")
    if unknown := set(incoming.secrets) - spec.secrets.known:
        problems.append(f"unknown secrets for {channel}: {', '.join(sorted(unknown))}")
    if missing := set(spec.config.required) - set(incoming.config):
        problems.append(f"missing config for {channel}: {', '.join(sorted(missing))}")
    if missing := set(spec.secrets.required) - set(incoming.secrets) - stored_secrets:
        problems.append(f"missing secrets for {channel}: {', '.join(sorted(missing))}")
    if problems:
        raise AccountRefused("; ".join(problems))
