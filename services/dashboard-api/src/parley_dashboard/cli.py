"""`parley-admin`: accounts from the command line.

- `parley-admin create-operator --email … --name … --role admin --tenant acme [--tenant …]`: the first admin
  of a real deployment (then the API creates the rest). The password is read from `--password-stdin`, else
  the `PARLEY_ADMIN_PASSWORD` environment variable, else asked twice on the terminal; never an argument.
- `parley-admin seed-demo`: the local demo's accounts (business unit `demo` only; `make run` calls it).
Uses the same MongoDB settings as the service (`MONGODB_URL`, `MONGODB_DATABASE`)."""

import argparse
import asyncio
import getpass
import os
import sys

from parley_business import BusinessUnitStore, UnitSettings
from parley_conversations.operators import Role
from parley_conversations.roster import EmailTaken, OperatorDirectory
from parley_dashboard.auth.accounts import Accounts, NewAccount
from parley_dashboard.auth.passwords import WeakPassword
from parley_dashboard.settings import DashboardSettings
from parley_runtime.mongo import connect

DEMO_TENANT = "demo"
DEMO_PASSWORD = "parley-demo"  # printed by `make run`; the local dev stack only
DEMO_ACCOUNTS = (
    NewAccount("admin@demo.local", "Demo Admin", Role.ADMIN, [DEMO_TENANT], DEMO_PASSWORD, auto_assign=False),
    NewAccount("ana@demo.local", "Ana Lima", Role.OPERATOR, [DEMO_TENANT], DEMO_PASSWORD),
    NewAccount("ben@demo.local", "Ben Okafor", Role.OPERATOR, [DEMO_TENANT], DEMO_PASSWORD),
)


async def create_operator(account: NewAccount) -> str:
    client, db = connect(DashboardSettings())
    try:
        operator = await Accounts(db, OperatorDirectory(db)).create(account)
        return operator.id
    finally:
        await client.close()


async def seed_demo() -> list[str]:
    """Idempotent: accounts that exist are left as they are."""
    client, db = connect(DashboardSettings())
    try:
        directory = OperatorDirectory(db)
        accounts = Accounts(db, directory)
        created = []
        for account in DEMO_ACCOUNTS:
            if await directory.by_email(account.email) is None:
                await accounts.create(account)
                created.append(account.email)
        units = BusinessUnitStore(db)
        if DEMO_TENANT not in {u.tenant for u in await units.known()}:
            await units.put(DEMO_TENANT, UnitSettings(name="Parley Demo"))
        return created
    finally:
        await client.close()


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if password := os.environ.get("PARLEY_ADMIN_PASSWORD"):
        return password
    if not sys.stdin.isatty():
        raise SystemExit("no password: use --password-stdin or PARLEY_ADMIN_PASSWORD")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise SystemExit("the passwords differ")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="parley-admin", description="Parley operator accounts.")
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create-operator", help="create an account (the first admin of a deployment)")
    create.add_argument("--email", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--role", choices=[str(r) for r in Role], default=str(Role.ADMIN))
    create.add_argument("--tenant", action="append", required=True, help="a business unit (repeat for several)")
    create.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    commands.add_parser("seed-demo", help="the local demo's accounts (admin, ana, ben @demo.local)")
    args = parser.parse_args(argv)

    if args.command == "seed-demo":
        created = asyncio.run(seed_demo())
        print(f"demo accounts: {', '.join(created) if created else 'already there'}")
        return 0
    account = NewAccount(args.email, args.name, Role(args.role), args.tenant, _password(args.password_stdin))
    try:
        operator_id = asyncio.run(create_operator(account))
    except (WeakPassword, EmailTaken, ValueError) as exc:
        print(f"not created: {exc}", file=sys.stderr)
        return 1
    print(f"created {account.role} {account.email} ({operator_id}) for {', '.join(account.tenants)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
