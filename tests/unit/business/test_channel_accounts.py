"""Channel accounts in pure code and against a small in-memory stand-in for the collection: what each channel
needs (data), secrets sealed and never shown, and reads that outlive a database outage."""

import asyncio
import json
from importlib import resources

import pytest
from cryptography.fernet import Fernet
from pymongo.errors import ServerSelectionTimeoutError

from parley_business import AccountRefused, ChannelAccountIn, SecretsUnavailable
from parley_business.channel_account_store import AccountsUnavailable, ChannelAccountStore, SecretCipher
from parley_business.channel_accounts import account_specs, check_account
from parley_contracts import Channel

KEY = Fernet.generate_key().decode()


class Collection:
    """The few collection calls the store makes, over a dict; `down` makes every call fail like an outage."""

    def __init__(self) -> None:
        self.docs: dict[str, dict] = {}
        self.down = False
        self.reads = 0

    def _check(self) -> None:
        if self.down:
            raise ServerSelectionTimeoutError("no servers")

    async def find_one(self, query: dict, projection: dict | None = None) -> dict | None:
        self._check()
        self.reads += 1
        return self.docs.get(query["_id"])

    def find(self, query: dict, projection: dict | None = None):
        self._check()
        self.reads += 1
        matching = [d for d in self.docs.values() if all(d.get(k) == v for k, v in query.items())]

        async def iterate():
            for doc in matching:
                yield doc

        return iterate()

    async def replace_one(self, query: dict, doc: dict, upsert: bool = False) -> None:
        self._check()
        self.docs[query["_id"]] = doc


class Database(dict):
    def __missing__(self, name: str) -> Collection:
        self[name] = Collection()
        return self[name]


def store(ttl: float = 0.0) -> tuple[ChannelAccountStore, Collection]:
    db = Database()
    accounts = ChannelAccountStore(db, SecretCipher(KEY), ttl_seconds=ttl)  # type: ignore[arg-type]
    return accounts, db["channel_accounts"]


def test_every_channel_has_a_spec_and_the_data_file_is_sound():
    raw = json.loads(resources.files("parley_business").joinpath("data/channel_accounts.json").read_text())
    assert set(raw["channels"]) == {c.value for c in Channel}
    for channel, spec in account_specs().items():
        assert spec.account_id, channel
        assert not set(spec.config.required) & set(spec.config.optional), channel
        assert not set(spec.secrets.required) & set(spec.secrets.optional), channel
        assert not spec.config.known & spec.secrets.known, f"{channel}: a key is both config and secret"


def test_what_a_channel_needs_is_checked():
    with pytest.raises(AccountRefused, match="missing secrets for telegram: bot_token, webhook_secret"):
        check_account(Channel.TELEGRAM, ChannelAccountIn(tenant="t"), set())
    with pytest.raises(AccountRefused, match="unknown config keys for whatsapp: colour"):
        check_account(Channel.WHATSAPP, ChannelAccountIn(tenant="t", config={"colour": "red"}), {"access_token"})
    check_account(Channel.WHATSAPP, ChannelAccountIn(tenant="t"), {"access_token"})  # a stored secret counts


async def test_secrets_are_sealed_at_rest_kept_when_left_out_and_opened_only_for_the_services():
    accounts, collection = store()
    body = ChannelAccountIn(tenant="demo", config={"waba_id": "9"}, secrets={"access_token": "s3cr3t"})
    view = await accounts.put(Channel.WHATSAPP, "100", body)
    assert view.secrets_set == ["access_token"] and "s3cr3t" not in view.model_dump_json()
    assert "s3cr3t" not in json.dumps(collection.docs, default=str)
    await accounts.put(Channel.WHATSAPP, "100", body.model_copy(update={"secrets": {}, "name": "Sales"}))
    opened = await accounts.get(Channel.WHATSAPP, "100")
    assert opened is not None and opened.secret("access_token") == "s3cr3t" and opened.name == "Sales"
    assert "s3cr3t" not in repr(opened)  # SecretStr: never in logs or reprs
    assert await accounts.directory(Channel.WHATSAPP) == {"100": "demo"}
    assert await accounts.get(Channel.WHATSAPP, "200") is None


async def test_secrets_need_the_key_and_the_right_one():
    with pytest.raises(SecretsUnavailable, match="not set"):
        SecretCipher(None).encrypt("x")
    with pytest.raises(SecretsUnavailable, match="not a Fernet key"):
        SecretCipher("short")
    sealed = SecretCipher(KEY).encrypt("x")
    with pytest.raises(SecretsUnavailable, match="does not open"):
        SecretCipher(Fernet.generate_key().decode()).decrypt(sealed)


async def test_reads_are_cached_and_outlive_a_database_outage():
    accounts, collection = store(ttl=0.05)
    await accounts.put(
        Channel.TELEGRAM, "7", ChannelAccountIn(tenant="demo", secrets={"bot_token": "7:x", "webhook_secret": "s"})
    )
    assert (await accounts.get(Channel.TELEGRAM, "7")) is not None
    assert await accounts.directory(Channel.TELEGRAM) == {"7": "demo"}
    reads = collection.reads
    await accounts.get(Channel.TELEGRAM, "7")
    assert collection.reads == reads  # within the TTL: memory

    collection.down = True
    await asyncio.sleep(0.06)  # past the TTL, the database is away: what was read before stands in
    assert (await accounts.get(Channel.TELEGRAM, "7")).secret("bot_token") == "7:x"  # type: ignore[union-attr]
    assert await accounts.directory(Channel.TELEGRAM) == {"7": "demo"}
    with pytest.raises(AccountsUnavailable):  # never read before: no answer to give
        await accounts.directory(Channel.EMAIL)
