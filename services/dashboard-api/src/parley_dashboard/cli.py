"""`parley-admin`: accounts and dead letters from the command line.

- `parley-admin create-operator --email … --name … --role admin --tenant acme [--tenant …]`: the first admin
  of a real deployment (then the API creates the rest). The password is read from `--password-stdin`, else
  the `PARLEY_ADMIN_PASSWORD` environment variable, else asked twice on the terminal; never an argument.
- `parley-admin seed-demo [--knowledge-base FILE.pdf] [--flow FILE.json]`: the local demo's accounts and business
  unit (`demo` only); with `--knowledge-base`, the PDF becomes the unit's knowledge base when it has no document
  yet; with `--flow`, the question flow defined in the file (its `flow_id` plus `PUT /api/tenants/…/flows/…`'s
  body; `${VARIABLES}` filled in from the environment) when the unit has no flow of that id (`make run` passes
  `deploy/local/sample/demo-faq.pdf` and `demo-flow.json`; tests seed without them and start from empty).
- `parley-admin dead-letters list [--topic …] [--service …] [--pending]`, `dead-letters redrive <id>`,
  `dead-letters redrive --topic … [--service …]`: what `GET /api/dead-letters` and its redrive routes do, for
  someone with a shell on the deployment (parley_dashboard.dead_letters).
Uses the same MongoDB and Kafka settings as the service (`MONGODB_URL`, `MONGODB_DATABASE`,
`KAFKA_BOOTSTRAP_SERVERS`)."""

import argparse
import asyncio
import getpass
import json
import os
import sys
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import TypeVar

from pydantic import ConfigDict, Field
from pymongo.asynchronous.database import AsyncDatabase

from parley_business import BusinessUnitStore, ChannelAccountIn, UnitSettings
from parley_business.channel_accounts import ConfigValue
from parley_business.flow_store import FlowStore
from parley_business.flows import FlowIn
from parley_contracts import Actor, ActorKind, Channel
from parley_conversations.operators import Role
from parley_conversations.roster import EmailTaken, OperatorDirectory
from parley_dashboard.auth.accounts import Accounts, NewAccount
from parley_dashboard.auth.passwords import WeakPassword
from parley_dashboard.dead_letters import DeadLetters, LetterFilter, StoredLetter, source_topic_named
from parley_dashboard.settings import DashboardSettings
from parley_knowledge import DocumentSummary, KnowledgeStore, ingest_pdf
from parley_runtime.kafka import make_broker
from parley_runtime.logging import configure_logging
from parley_runtime.mongo import connect

T = TypeVar("T")

DEMO_TENANT = "demo"
DEMO_PASSWORD = "parley-demo"  # printed by `make run`; the local dev stack only
DEMO_ACCOUNTS = (
    NewAccount("admin@demo.local", "Demo Admin", Role.ADMIN, [DEMO_TENANT], DEMO_PASSWORD, auto_assign=False),
    NewAccount("ana@demo.local", "Ana Lima", Role.OPERATOR, [DEMO_TENANT], DEMO_PASSWORD),
    NewAccount("ben@demo.local", "Ben Okafor", Role.OPERATOR, [DEMO_TENANT], DEMO_PASSWORD),
)
# The number the channel sandbox shows as the business's (parley_sandbox.settings, same environment variable).
DEMO_WHATSAPP_NUMBER = os.environ.get("WHATSAPP_DISPLAY_PHONE_NUMBER", "15550000001")


async def create_operator(account: NewAccount) -> str:
    client, db = connect(DashboardSettings())
    try:
        operator = await Accounts(db, OperatorDirectory(db)).create(account)
        return operator.id
    finally:
        await client.close()


async def seed_demo(
    knowledge_base: tuple[str, bytes] | None = None,
    flows: list[tuple[str, FlowIn]] | None = None,
) -> tuple[list[str], DocumentSummary | None]:
    """Idempotent: accounts that exist are left as they are, and so is a knowledge base that has a document.
    `knowledge_base`: a PDF's file name and bytes. Answers the accounts created and the document added (None:
    none)."""
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
        stored = await units.collection.find_one({"_id": DEMO_TENANT})
        if stored is None:
            await units.put(DEMO_TENANT, UnitSettings(name="Parley Demo", whatsapp_number=DEMO_WHATSAPP_NUMBER))
        elif "whatsapp_number" not in stored:
            # Data of a run before units had a number; a number an admin removed (null) stays removed.
            unit = await units.get(DEMO_TENANT)
            settings = UnitSettings.model_validate(unit.model_dump(include=set(UnitSettings.model_fields)))
            await units.put(DEMO_TENANT, settings.model_copy(update={"whatsapp_number": DEMO_WHATSAPP_NUMBER}))
        await _connect_sandbox_accounts(db)
        added = await _seed_knowledge_base(db, *knowledge_base) if knowledge_base else None
        flow_store = FlowStore(db, DashboardSettings().secret_cipher())
        for flow_id, flow in flows or []:
            if await flow_store.get(DEMO_TENANT, flow_id) is None:
                await flow_store.put(DEMO_TENANT, flow_id, flow, by="seed-demo")
        return created, added
    finally:
        await client.close()


class DemoAccount(ChannelAccountIn):
    model_config = ConfigDict(extra="ignore")
    channel: Channel
    account_id: str
    secrets_each_run: dict[str, str] = Field(default_factory=dict)


async def _connect_sandbox_accounts(db: AsyncDatabase) -> None:
    """Every channel's sandbox account, connected to the demo unit (data/demo_channel_accounts.json); an account
    an admin changed or disconnected since is left as it is only if it is still there (re-seeding restores it)."""
    store = DashboardSettings().channel_account_store(db)
    raw = json.loads(resources.files("parley_dashboard").joinpath("data/demo_channel_accounts.json").read_text())
    for item in raw["accounts"]:
        runtime = _config_from_env(item.get("config_from_env", {}))
        account = DemoAccount.model_validate({**item, "config": {**item["config"], **runtime}, "tenant": DEMO_TENANT})
        stored = await store.view(account.channel, account.account_id)
        if stored is None:
            await store.put(
                account.channel,
                account.account_id,
                ChannelAccountIn(**account.model_dump(include=set(ChannelAccountIn.model_fields))),
            )
        elif any(stored.config.get(key) != value for key, value in runtime.items()) or account.secrets_each_run:
            # The local mail server's address is a fact of this run, and so are the tokens a restarted sandbox
            # knows: an account connected by an earlier run follows them (everything else stays as it is).
            changed = ChannelAccountIn(
                tenant=stored.tenant,
                name=stored.name,
                config={**stored.config, **runtime},
                secrets=account.secrets_each_run,
                enabled=stored.enabled,
            )
            await store.put(account.channel, account.account_id, changed)


def _config_from_env(names: dict[str, str]) -> dict[str, ConfigValue]:
    """Config values from the environment (numbers as numbers: ports)."""
    values: dict[str, ConfigValue] = {}
    for key, variable in names.items():
        value = os.environ.get(variable)
        if value:
            values[key] = int(value) if value.isdigit() else value
    return values


async def _seed_knowledge_base(db: AsyncDatabase, filename: str, data: bytes) -> DocumentSummary | None:
    """Through the upload route's code path (parley_knowledge.ingest_pdf), only when the demo unit has no
    document: an admin's own upload is never replaced (deleting every document brings the sample back at the
    next `make run`)."""
    store = KnowledgeStore(db)
    await store.ensure_indexes()
    if await store.list_documents(DEMO_TENANT):
        return None
    return await ingest_pdf(store, DEMO_TENANT, filename, data)


def _flow_file(path: Path) -> tuple[str, FlowIn]:
    """A flow's id and definition from a JSON file (`_comment` ignored, `${VARIABLES}` from the environment)."""
    raw = json.loads(os.path.expandvars(path.read_text()))
    raw.pop("_comment", None)
    return raw.pop("flow_id"), FlowIn.model_validate(raw)


async def _with_dead_letters(work: Callable[[DeadLetters], Awaitable[T]]) -> T:
    settings = DashboardSettings()
    client, db = connect(settings)
    broker = make_broker(settings, "parley-admin")
    await broker.connect()
    try:
        return await work(DeadLetters(db, broker))
    finally:
        await broker.stop()
        await client.close()


def _cli_actor() -> Actor:
    return Actor(kind=ActorKind.SYSTEM, id="parley-admin", name=getpass.getuser())


def _letter_line(letter: StoredLetter) -> str:
    state = f"redriven x{letter.redrives}" if letter.redrives else "pending"
    when = letter.occurred_at.isoformat(timespec="seconds")
    return f"{letter.id}  {when}  {letter.source_topic}  {letter.service}  {state}  {letter.error[:100]}"


def dead_letters_command(args: argparse.Namespace) -> int:
    configure_logging("parley-admin", "WARNING")  # standard output is for the answer
    topic = source_topic_named(args.topic) if args.topic else None
    if args.topic and topic is None:
        print(f"no topic {args.topic}", file=sys.stderr)
        return 2
    where = LetterFilter(None, topic, args.service, False if getattr(args, "pending", False) else None)
    if args.action == "list":
        letters, total = asyncio.run(_with_dead_letters(lambda store: store.page(where, skip=0, limit=args.limit)))
        for letter in letters:
            print(_letter_line(letter))
        print(f"{len(letters)} of {total} dead letters")
        return 0
    if args.id:
        return _redrive_one(args.id)
    if not (topic or args.service):
        print("redrive: name a letter id, or --topic and/or --service", file=sys.stderr)
        return 2
    ids = asyncio.run(_with_dead_letters(lambda store: store.redrive_pending(where, _cli_actor(), args.limit)))
    print(f"redriven {len(ids)}" + (f": {' '.join(ids)}" if ids else ""))
    return 0


def _redrive_one(letter_id: str) -> int:
    async def work(store: DeadLetters) -> StoredLetter | None:
        letter = await store.get(letter_id)
        return await store.redrive(letter, _cli_actor()) if letter else None

    letter = asyncio.run(_with_dead_letters(work))
    if letter is None:
        print(f"no dead letter {letter_id}", file=sys.stderr)
        return 1
    print(_letter_line(letter))
    return 0


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
    seed = commands.add_parser("seed-demo", help="the local demo's accounts (admin, ana, ben @demo.local) and unit")
    seed.add_argument(
        "--knowledge-base", type=Path, help="a PDF for the demo unit's knowledge base, added if it has no document"
    )
    seed.add_argument("--flow", type=Path, action="append", default=[], help="a question flow (JSON) for the demo unit")
    _dead_letter_parser(commands)
    args = parser.parse_args(argv)

    if args.command == "dead-letters":
        return dead_letters_command(args)
    if args.command == "seed-demo":
        pdf: Path | None = args.knowledge_base
        if pdf and not pdf.is_file():
            print(f"no such file: {pdf}", file=sys.stderr)
            return 2
        flows = [_flow_file(path) for path in args.flow]
        created, added = asyncio.run(seed_demo((pdf.name, pdf.read_bytes()) if pdf else None, flows))
        print(f"demo accounts: {', '.join(created) if created else 'already there'}")
        if pdf:
            kb = f"{added.filename}, {len(added.sections)} sections" if added else "already has a document"
            print(f"demo knowledge base: {kb}")
        return 0
    account = NewAccount(args.email, args.name, Role(args.role), args.tenant, _password(args.password_stdin))
    try:
        operator_id = asyncio.run(create_operator(account))
    except (WeakPassword, EmailTaken, ValueError) as exc:
        print(f"not created: {exc}", file=sys.stderr)
        return 1
    print(f"created {account.role} {account.email} ({operator_id}) for {', '.join(account.tenants)}")
    return 0


def _dead_letter_parser(commands: argparse._SubParsersAction) -> None:
    letters = commands.add_parser("dead-letters", help="records that failed for good: list them, send them again")
    actions = letters.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="newest first")
    listing.add_argument("--pending", action="store_true", help="only those not redriven yet")
    redrive = actions.add_parser("redrive", help="publish again to the source topic (one id, or by topic/service)")
    redrive.add_argument("id", nargs="?", help="a dead letter's id (its event_id)")
    for sub, limit in ((listing, 50), (redrive, 100)):
        sub.add_argument("--topic", help="message.send or message.send.dlq")
        sub.add_argument("--service", help="the service that gave up on it")
        sub.add_argument("--limit", type=int, default=limit)


if __name__ == "__main__":
    sys.exit(main())
