"""MercadoLibre: the API side (provider.py: OAuth with expiring tokens, questions, answers, post-sale messages)
and the buyer's side (customer.py: asks a question or writes in a pack, and the notification is posted to
ingest). Both share one marketplace (market.py)."""

from fastapi import APIRouter

from parley_sandbox.state import SandboxState

CHANNEL = "mercadolibre"


def routers(state: SandboxState) -> list[APIRouter]:
    from parley_sandbox.mercadolibre import customer, provider
    from parley_sandbox.mercadolibre.market import Market

    market = Market(state.settings, lambda: state.clock())  # read each time: tests move the clock
    return [provider.build_router(state, market), customer.build_router(state, market)]
