"""Test doubles shared by unit tests."""

import json

from pydantic import SecretStr

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import Channel


class RecordingBroker:
    """Stands in for FastStream's KafkaBroker: keeps what was published, as (topic, decoded JSON)."""

    def __init__(self) -> None:
        self.published: list[tuple[str, dict]] = []

    async def publish(self, body: bytes, topic: str, **kwargs) -> None:
        self.published.append((topic, json.loads(body)))


class StaticAccounts:
    """Channel accounts in memory (parley_business.channel_accounts.AccountLookup), for unit tests."""

    def __init__(self, *accounts: ChannelAccount) -> None:
        self._accounts = {(str(a.channel), a.account_id): a for a in accounts}

    def add(self, account: ChannelAccount) -> None:
        self._accounts[(str(account.channel), account.account_id)] = account

    async def get(self, channel: Channel | str, account_id: str) -> ChannelAccount | None:
        return self._accounts.get((str(channel), account_id))

    async def directory(self, channel: Channel | str) -> dict[str, str]:
        return {a.account_id: a.tenant for (c, _), a in self._accounts.items() if c == str(channel)}


def channel_account(channel: Channel, account_id: str, tenant: str = "t", **secrets: str) -> ChannelAccount:
    return ChannelAccount(
        channel=channel, account_id=account_id, tenant=tenant, secrets={k: SecretStr(v) for k, v in secrets.items()}
    )
