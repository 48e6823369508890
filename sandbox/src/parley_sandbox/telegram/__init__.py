"""Telegram Bot API: the Bot API side (botapi.py) and the customer's side (customer.py), sharing one
`TelegramWorld` (world.py): the bot, its chats, files and open callback queries."""

from fastapi import APIRouter

from parley_sandbox.state import SandboxState

CHANNEL = "telegram"


def routers(state: SandboxState) -> list[APIRouter]:
    # Imported here so `parley_sandbox.telegram.CHANNEL` stays importable without FastAPI routing setup.
    from parley_sandbox.telegram import botapi, customer
    from parley_sandbox.telegram.world import TelegramWorld, limits

    limits()  # the data file is read (and validated) now, so a broken one stops the sandbox at start-up
    world = TelegramWorld(state)
    return [botapi.build_router(state, world), customer.build_router(state, world)]
