"""Messenger and Instagram (the Messenger Platform): the Graph Send API side (provider.py) and the customer's side
(customer.py), one implementation for both platforms, told apart by `Platform`."""

from dataclasses import dataclass

from fastapi import APIRouter

from parley_sandbox.settings import SandboxSettings
from parley_sandbox.state import SandboxState

MESSENGER_CHANNEL = "messenger"
INSTAGRAM_CHANNEL = "instagram"


@dataclass(frozen=True)
class Platform:
    """One of Meta's messaging platforms as the sandbox plays it: its channel, webhook `object`, and which
    settings hold its account id, token, app secret and verify token."""

    channel: str
    object: str
    name: str
    account_setting: str
    token_setting: str

    def account_id(self, settings: SandboxSettings) -> str:
        return str(getattr(settings, self.account_setting))

    def token(self, settings: SandboxSettings) -> str:
        return str(getattr(settings, self.token_setting))

    def app_secret(self, settings: SandboxSettings) -> str:
        return str(getattr(settings, f"{self.channel}_app_secret"))

    def verify_token(self, settings: SandboxSettings) -> str:
        return str(getattr(settings, f"{self.channel}_verify_token"))


MESSENGER = Platform(MESSENGER_CHANNEL, "page", "Messenger", "messenger_page_id", "messenger_page_access_token")
INSTAGRAM = Platform(INSTAGRAM_CHANNEL, "instagram", "Instagram", "instagram_account_id", "instagram_access_token")


def _routers(state: SandboxState, platform: Platform) -> list[APIRouter]:
    # Imported here, as whatsapp/ does, so the constants stay importable without routing setup.
    from parley_sandbox.messenger import customer, provider

    provider.rules()  # the data file is read (and validated) now: a broken one stops the sandbox at start-up
    return [provider.build_router(state, platform), customer.build_router(state, platform)]


def messenger_routers(state: SandboxState) -> list[APIRouter]:
    return _routers(state, MESSENGER)


def instagram_routers(state: SandboxState) -> list[APIRouter]:
    return _routers(state, INSTAGRAM)
