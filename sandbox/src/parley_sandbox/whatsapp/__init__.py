"""WhatsApp Cloud API: the Graph API side (provider.py) and the customer's side (customer.py)."""

from fastapi import APIRouter

from parley_sandbox.state import SandboxState

CHANNEL = "whatsapp"


def routers(state: SandboxState) -> list[APIRouter]:
    # Imported here so `parley_sandbox.whatsapp.CHANNEL` stays importable without FastAPI routing setup.
    from parley_sandbox.whatsapp import customer, provider

    return [provider.build_router(state), customer.build_router(state)]
