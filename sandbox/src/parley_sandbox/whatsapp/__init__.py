"""WhatsApp Cloud API: the Graph API side (provider.py, media.py, templates.py) and the customer's side
(customer.py)."""

from fastapi import APIRouter

from parley_sandbox.state import SandboxState

CHANNEL = "whatsapp"


def routers(state: SandboxState) -> list[APIRouter]:
    # Imported here so `parley_sandbox.whatsapp.CHANNEL` stays importable without FastAPI routing setup.
    from parley_sandbox.whatsapp import customer, media, provider, templates

    # The data files are read (and validated) now, so a broken one stops the sandbox at start-up.
    media.media_limits()
    templates.registry()
    return [
        provider.build_router(state),
        media.build_router(state),
        templates.build_router(state),
        customer.build_router(state),
    ]
