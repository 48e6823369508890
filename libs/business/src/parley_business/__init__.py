"""Parley's business units (tenants / company profiles): their settings and bot configuration. No knowledge-base
or PDF code here: the router reads these without the PDF stack."""

from parley_business.bot_config import BotConfig, BotConfigStore, BotSettings
from parley_business.units import BusinessUnit, BusinessUnitStore, UnitSettings

__all__ = ["BotConfig", "BotConfigStore", "BotSettings", "BusinessUnit", "BusinessUnitStore", "UnitSettings"]
