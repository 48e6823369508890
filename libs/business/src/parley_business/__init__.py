"""Parley's business units (tenants / company profiles): their settings, bot configuration and channel accounts. No knowledge-base
or PDF code here: the router reads these without the PDF stack."""

from parley_business.bot_config import BotConfig, BotConfigStore, BotSettings
from parley_business.channel_account_store import ChannelAccountSettings, ChannelAccountStore
from parley_business.channel_accounts import (
    AccountRefused,
    ChannelAccount,
    ChannelAccountIn,
    ChannelAccountView,
    SecretsUnavailable,
)
from parley_business.units import BusinessUnit, BusinessUnitStore, UnitSettings

__all__ = [
    "AccountRefused",
    "BotConfig",
    "BotConfigStore",
    "BotSettings",
    "BusinessUnit",
    "BusinessUnitStore",
    "ChannelAccount",
    "ChannelAccountIn",
    "ChannelAccountSettings",
    "ChannelAccountStore",
    "ChannelAccountView",
    "SecretsUnavailable",
    "UnitSettings",
]
