"""A business's own API, as Parley's question flows call it: not a channel, the other end of a flow.

A question flow asks the customer questions, then POSTs the answers to the business's API, whose reply decides what
happens next (continue, ask more, finish). The sandbox stands in for that API: `POST /sandbox/flow-api/{endpoint}`
checks Parley's signature and the submission's shape (contract.py), records the call and answers with the next
response scripted for that endpoint (script.py), or the endpoint's default. Tests and a person on the page
(`/sandbox/flow-api/`) choose the script; each endpoint name has its own script, secret and calls (endpoints.py,
held by `SandboxState.flow_api`)."""

from typing import TYPE_CHECKING

from fastapi import APIRouter

if TYPE_CHECKING:  # state.py imports endpoints.py, hence this package: no import of state at run time here
    from parley_sandbox.state import SandboxState


def router(state: "SandboxState") -> APIRouter:
    # Imported here so state.py can import `flow_api.endpoints` without a cycle through routes.py.
    from parley_sandbox.flow_api import routes
    from parley_sandbox.flow_api.script import defaults

    defaults()  # the data file is read (and validated) now, so a broken one stops the sandbox at start-up
    return routes.build_router(state)
