"""The consumer of `channel.notification`: a provider said something changed (MercadoLibre: a question asked, a
post-sale message written) without saying what. It reads the resource with the account's credentials and
publishes the customer's messages on `message.received`, where the pipeline takes them as from any webhook.

Outbound does it because outbound is the service that calls the providers' APIs (and holds the OAuth refresh).
Failures: a call that may pass (5xx, 429, timeouts) raises, and the step runner retries it (CONSUMER_MAX_ATTEMPTS,
then `channel.notification.dlq`, redrivable); a resource that is gone (404) or refused, or that has nothing Parley
can use, is logged and dead-lettered at once. Publishing the same message again is harmless: the router
deduplicates by `dedupe_key` (a notification MercadoLibre sends twice is answered once)."""

from collections.abc import Callable
from datetime import UTC, datetime

import structlog
from faststream.kafka import KafkaBroker

from parley_business.channel_account_store import AccountLookup
from parley_business.channel_accounts import ChannelAccount
from parley_contracts import Channel, ChannelNotification, Contact, MessageReceived
from parley_outbound.channels.base import PermanentSendError, SendError
from parley_outbound.channels.mercadolibre_api import MercadoLibreApi
from parley_outbound.channels.mercadolibre_resources import (
    UnusableResource,
    message_id,
    messages_of,
    nickname_of,
    pack_messages_received,
    pack_of,
    question_id,
    question_received,
    with_item,
)
from parley_runtime.deadletters import send_to_dead_letters
from parley_runtime.kafka import publish

log = structlog.get_logger()


class NotificationFetcher:
    def __init__(
        self,
        broker: KafkaBroker,
        api: MercadoLibreApi,
        accounts: AccountLookup,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._broker = broker
        self._api = api
        self._accounts = accounts
        self._now = now

    async def on_notification(self, event: ChannelNotification) -> None:
        """The consumer step for `channel.notification`."""
        if event.channel != Channel.MERCADOLIBRE:
            await self._give_up(event, f"no reader for {event.channel} notifications")
            return
        account = await self._accounts.get(event.channel, event.account_id)
        if account is None:
            await self._give_up(event, f"{event.channel} account {event.account_id} is not connected (or disabled)")
            return
        try:
            received = await self._named(account, await self._read(account, event))
        except (PermanentSendError, UnusableResource) as exc:
            await self._give_up(event, str(exc))
            return
        for message in received:
            await publish(self._broker, message)
        log.info(
            "notification.fetched",
            subject=event.subject,
            notification_id=event.notification_id,
            published=len(received),
            dedupe_keys=[m.dedupe_key for m in received],
        )

    async def _read(self, account: ChannelAccount, event: ChannelNotification) -> list[MessageReceived]:
        seller = account.account_id
        now = self._now()
        if event.subject == "questions":
            question = question_id(event.resource)
            if question is None:
                raise UnusableResource(f"resource {event.resource[:60]!r} names no question id")
            answer = await self._api.call(account, "GET", f"/questions/{question}", params={"api_version": "4"})
            message = question_received(answer, account.tenant, seller, now)
            if message is None:
                log.info("notification.question_not_open", question_id=question)
                return []
            return [await self._with_item(account, message)]
        if event.subject == "messages":
            actions = event.payload.get("actions")
            if isinstance(actions, list) and actions and "created" not in actions:
                # `read` and the like: something happened to a message, no new one to read.
                log.info("notification.no_new_message", actions=[str(a)[:20] for a in actions[:5]])
                return []
            wanted = message_id(event.resource)
            answer = await self._api.call(account, "GET", f"/messages/{wanted}", params={"tag": "post_sale"})
            found = messages_of(answer)
            pack = pack_of(found[0]) if found else None
            if pack is None:
                raise UnusableResource(f"message {wanted[:60]} names no pack or order")
            # The pack's unanswered tail: a message whose notification was lost is picked up with the next one.
            conversation = await self._api.call(
                account,
                "GET",
                f"/messages/packs/{pack}/sellers/{seller}",
                params={"tag": "post_sale", "mark_as_read": "false"},
            )
            messages, skipped = pack_messages_received(conversation, account.tenant, seller, pack, now, notified=wanted)
            if skipped:
                log.warning("notification.pack_items_skipped", pack_id=pack, skipped=skipped)
            return messages
        raise UnusableResource(f"no reader for MercadoLibre topic {event.subject[:40]!r}")

    async def _named(self, account: ChannelAccount, messages: list[MessageReceived]) -> list[MessageReceived]:
        """The buyer's public nickname (`GET /users/{id}`) as the contact's name, so people see who wrote; the
        messages as they are if it cannot be read."""
        if not messages:
            return messages
        buyer = messages[0].contact.id
        try:
            nickname = nickname_of(await self._api.call(account, "GET", f"/users/{buyer}"))
        except SendError as exc:
            log.info("notification.user_unread", error=str(exc)[:200])
            return messages
        if nickname is None:
            return messages
        return [m.model_copy(update={"contact": Contact(id=m.contact.id, name=nickname)}) for m in messages]

    async def _with_item(self, account: ChannelAccount, message: MessageReceived) -> MessageReceived:
        """The question with its item's title, for the people who read it; without, if the item cannot be read."""
        item_id = message.content.data.get("item_id")
        if not isinstance(item_id, str) or not item_id:
            return message
        try:
            item = await self._api.call(account, "GET", f"/items/{item_id}")
        except SendError as exc:
            log.info("notification.item_unread", item_id=item_id[:40], error=str(exc)[:200])
            return message
        return with_item(message, item)

    async def _give_up(self, event: ChannelNotification, error: str) -> None:
        log.warning("notification.dropped", subject=event.subject, notification_id=event.notification_id, error=error)
        await send_to_dead_letters(
            self._broker,
            source_topic=event.topic,
            service="outbound",
            key=event.thread_key,
            body=event.model_dump_json().encode(),
            error=error,
            attempts=1,
        )
