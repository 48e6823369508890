"""Email: the customer's side of a mailbox conversation. The provider is a real mail server (GreenMail under
`make run` and the tests): the customer's mail goes to the demo mailbox over SMTP, and what Parley sent is read
from the customer's own mailbox over IMAP (customer.py)."""

from fastapi import APIRouter

from parley_sandbox.state import SandboxState

CHANNEL = "email"


def routers(state: SandboxState) -> list[APIRouter]:
    from parley_sandbox.email import customer

    return [customer.build_router(state)]
