"""MercadoLibre's API as one seller (a channel account): every call carries the seller's OAuth access token,
refreshed at `POST /oauth/token` (grant_type=refresh_token) when it is about to expire or answered 401. The renewed
tokens are stored encrypted through the channel account store (`update_secrets`); MercadoLibre's refresh tokens
are single-use, so refreshes of one account are serialised in this process (replicas of outbound may still race:
the loser's refresh is refused and its call retried, finding the winner's token in the store).

Shared by the notification fetcher (reading questions and messages) and the sender (answers, post-sale
messages). Failures come out as outbound's `RetryableSendError` (5xx, 429, timeouts) or `PermanentSendError`."""

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import httpx
import structlog

from parley_business.channel_accounts import ChannelAccount
from parley_contracts import Channel
from parley_outbound.channels.base import PermanentSendError, RetryableSendError, SendError
from parley_outbound.channels.http import classify_http_failure

log = structlog.get_logger()

# Refresh a little before the expiry MercadoLibre announced (6 hours), so a call never starts with a token that
# expires on the way.
REFRESH_MARGIN = timedelta(seconds=60)
ACCESS_TOKEN = "access_token"
EXPIRES_AT = "access_token_expires_at"
REFRESH_TOKEN = "refresh_token"


class SellerAccounts(Protocol):
    """What the API needs of the channel account store."""

    async def get(self, channel: Channel | str, account_id: str) -> ChannelAccount | None: ...

    async def update_secrets(self, account: ChannelAccount, secrets: dict[str, str]) -> ChannelAccount: ...


def needs_refresh(account: ChannelAccount, now: datetime, margin: timedelta = REFRESH_MARGIN) -> bool:
    """Whether to refresh before calling: no access token, or one that expires within `margin`. A token without a
    known expiry is tried (a 401 refreshes it then)."""
    if not account.secrets.get(ACCESS_TOKEN):
        return True
    expires = account.secrets.get(EXPIRES_AT)
    if expires is None:
        return False
    try:
        at = datetime.fromisoformat(expires.get_secret_value())
    except ValueError:
        return True
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at - margin <= now


def renewed_secrets(answer: Any, now: datetime) -> dict[str, str]:
    """The secrets to store from `/oauth/token`'s answer `{"access_token", "expires_in", "refresh_token", …}`."""
    if not isinstance(answer, dict) or not isinstance(answer.get(ACCESS_TOKEN), str) or not answer[ACCESS_TOKEN]:
        raise PermanentSendError("MercadoLibre's /oauth/token answered without an access_token")
    expires_in = answer.get("expires_in")
    seconds = expires_in if isinstance(expires_in, int | float) and not isinstance(expires_in, bool) else 21600
    secrets = {ACCESS_TOKEN: answer[ACCESS_TOKEN], EXPIRES_AT: (now + timedelta(seconds=seconds)).isoformat()}
    if isinstance(answer.get(REFRESH_TOKEN), str) and answer[REFRESH_TOKEN]:
        secrets[REFRESH_TOKEN] = answer[REFRESH_TOKEN]
    return secrets


def refresh_refused(response: httpx.Response, account_id: str) -> SendError:
    """Why a refresh failed. A refused grant is retried: another replica may have used the refresh token a moment
    ago (they are single-use), and the next try reads its successor from the store; if the seller revoked the app,
    it fails again until the caller gives up (a send's retry horizon, a notification's attempts). Other refusals
    (a wrong client_secret) are the account's configuration: permanent."""
    failure = classify_http_failure(response, error_message(response))
    if isinstance(failure, RetryableSendError):
        return failure
    try:
        grant_refused = response.json().get("error") == "invalid_grant"
    except (ValueError, AttributeError):
        grant_refused = False
    if grant_refused:
        log.error("mercadolibre.refresh_refused", account_id=account_id, status=response.status_code)
        return RetryableSendError(
            f"MercadoLibre refused seller {account_id}'s refresh token ({failure}): retried; if it persists, "
            "reconnect the account",
            failure.status_code,
        )
    return PermanentSendError(
        f"MercadoLibre refused to refresh seller {account_id}'s token ({failure}): check the account's client_id "
        "and client_secret",
        failure.status_code,
    )


def error_message(response: httpx.Response) -> str:
    """MercadoLibre's errors: `{"message", "error", "status", "cause": [...]}`."""
    try:
        body = response.json()
        return f"({body.get('error')}) {body.get('message')}"
    except (ValueError, AttributeError):
        return response.text[:200]


class MercadoLibreApi:
    def __init__(
        self,
        http: httpx.AsyncClient,
        base_url: str,
        accounts: SellerAccounts,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._http = http
        self._base = base_url.rstrip("/")
        self._accounts = accounts
        self._now = now
        self._locks: dict[str, asyncio.Lock] = {}

    async def call(self, account: ChannelAccount, method: str, path: str, **request: Any) -> Any:
        """One call as the seller (`request`: httpx's json, params, files); its JSON answer."""
        response = await self.response(account, method, path, **request)
        try:
            return response.json()
        except ValueError as exc:
            raise PermanentSendError(f"MercadoLibre answered {method} {path} with a body that is not JSON") from exc

    async def response(self, account: ChannelAccount, method: str, path: str, **request: Any) -> httpx.Response:
        """One call as the seller, its successful response (a file's bytes, for downloads). A 401 refreshes the
        token and tries once more."""
        account = await self._current(account)
        if needs_refresh(account, self._now()):
            account = await self._refresh(account, stale=account.secrets.get(ACCESS_TOKEN))
        response = await self._send(account, method, path, **request)
        if response.status_code == httpx.codes.UNAUTHORIZED:
            log.info("mercadolibre.token_refused", account_id=account.account_id)
            account = await self._refresh(account, stale=account.secrets.get(ACCESS_TOKEN))
            response = await self._send(account, method, path, **request)
        if not response.is_success:
            raise classify_http_failure(response, error_message(response))
        return response

    async def _send(self, account: ChannelAccount, method: str, path: str, **request: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {account.secret(ACCESS_TOKEN)}"}
        try:
            return await self._http.request(method, f"{self._base}{path}", headers=headers, **request)
        except httpx.TransportError as exc:
            raise RetryableSendError(f"MercadoLibre API unreachable: {exc!r}") from exc

    async def _current(self, account: ChannelAccount) -> ChannelAccount:
        """The account as stored now: another call may have refreshed its tokens since it was read."""
        return await self._accounts.get(account.channel, account.account_id) or account

    async def _refresh(self, account: ChannelAccount, stale: Any) -> ChannelAccount:
        lock = self._locks.setdefault(account.account_id, asyncio.Lock())
        async with lock:
            current = await self._current(account)
            fresh = current.secrets.get(ACCESS_TOKEN)
            if fresh is not None and fresh != stale and not needs_refresh(current, self._now()):
                return current  # refreshed by another call while this one waited
            form = {
                "grant_type": "refresh_token",
                "client_id": str(current.setting("client_id", "")),
                "client_secret": current.secret("client_secret"),
                "refresh_token": current.secret(REFRESH_TOKEN),
            }
            try:
                response = await self._http.post(
                    f"{self._base}/oauth/token", data=form, headers={"Accept": "application/json"}
                )
            except httpx.TransportError as exc:
                raise RetryableSendError(f"MercadoLibre OAuth unreachable: {exc!r}") from exc
            if not response.is_success:
                raise refresh_refused(response, current.account_id)
            renewed = await self._accounts.update_secrets(current, renewed_secrets(response.json(), self._now()))
            log.info("mercadolibre.token_refreshed", account_id=current.account_id)
            return renewed
