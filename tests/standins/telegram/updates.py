"""Updates: the queue of what users did, getUpdates long polling, and the webhook that pushes updates instead."""

from __future__ import annotations

import asyncio
import contextlib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from .errors import ERROR_PHRASES, WEBHOOK_ACTIVE, ApiError, bad
from .hub import Hub
from .limits import MAX_UPDATES_LIMIT
from .model import Handler, Json, now

_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


@dataclass
class _Entry:
    """An update waiting to be confirmed (polling) or acknowledged (webhook)."""

    update_id: int
    update: Json
    delivered: bool = False
    redelivery: bool = False


@dataclass
class Webhook:
    """The active webhook and its delivery machinery."""

    url: str
    secret: str | None
    max_connections: int
    session: aiohttp.ClientSession
    task: asyncio.Task[None] | None = None
    last_error: tuple[int, str] | None = None


class Updates:
    """Pending updates and how they leave: getUpdates, or POSTs to a webhook with bounded retries."""

    def __init__(self, hub: Hub, *, webhook_max_attempts: int, webhook_retry_delay: float) -> None:
        self.hub = hub
        self.webhook_max_attempts = webhook_max_attempts
        self.webhook_retry_delay = webhook_retry_delay
        self.webhook_attempts: list[tuple[int, int | None]] = []
        self.webhook: Webhook | None = None
        self.delivering = False
        self.queue: list[_Entry] = []
        self._history: dict[int, Json] = {}
        self._next_update_id = 850_000_001
        self._allowed_updates: set[str] | None = None
        self._poll_generation = 0

    def methods(self) -> dict[str, Handler]:
        """The Bot API methods of this area, by lower-case name."""
        return {
            "getupdates": self._get_updates,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
        }

    async def enqueue(self, payload: Json) -> int:
        """Create an update from a simulated user's action; return its update_id."""
        update_id = self._next_update_id
        self._next_update_id += 1
        update = {"update_id": update_id, **payload}
        self._history[update_id] = update
        kind = next(iter(payload))
        if self._allowed_updates is None or kind in self._allowed_updates:
            self.queue.append(_Entry(update_id, update))
        self.hub.touch()
        return update_id

    def redeliver(self, update_id: int) -> None:
        """Queue an already-delivered update again, as Telegram does after a lost confirmation."""
        if update_id not in self._history:
            raise ValueError(f"unknown update_id {update_id}")
        if any(e.update_id == update_id and not e.delivered for e in self.queue):
            raise ValueError(f"update {update_id} has not been delivered yet")
        self.queue.append(_Entry(update_id, self._history[update_id], redelivery=True))
        self.queue.sort(key=lambda e: e.update_id)
        self.hub.touch()

    def is_idle(self) -> bool:
        """No pending update and no webhook post under way."""
        return not self.queue and not self.delivering

    # ------------------------------------------------------------ getUpdates

    async def _get_updates(self, params: Json) -> list[Json]:
        """Long polling: unconfirmed updates, waiting up to `timeout` seconds for the first one."""
        self._reject_if_webhook(WEBHOOK_ACTIVE)
        self._poll_generation += 1
        generation = self._poll_generation
        self._confirm(params.get("offset"))
        self._set_allowed_updates(params.get("allowed_updates"))
        limit = min(max(int(params.get("limit") or MAX_UPDATES_LIMIT), 1), MAX_UPDATES_LIMIT)
        self.hub.touch()  # an older poll still waiting is now superseded
        with contextlib.suppress(TimeoutError):
            await self.hub.wait_for(
                lambda: (
                    bool(self.queue)
                    or self.hub.closing
                    or self.webhook is not None
                    or generation != self._poll_generation
                ),
                max(float(params.get("timeout") or 0), 0.0),
            )
        if generation != self._poll_generation:
            raise ApiError(409, ERROR_PHRASES[409])
        self._reject_if_webhook("terminated by setWebhook request")
        batch = self.queue[:limit]
        for entry in batch:
            entry.delivered = True
        return [entry.update for entry in batch]

    def _confirm(self, offset: int | None) -> None:
        """Forget updates below offset (negative: keep only the last -offset)."""
        if offset is None:
            return
        if offset < 0:
            self.queue = self.queue[offset:]
            return
        self.queue = [e for e in self.queue if e.update_id >= offset or (e.redelivery and not e.delivered)]

    def _set_allowed_updates(self, allowed: Any) -> None:
        """Remember allowed_updates; an empty list means the default kinds again."""
        if isinstance(allowed, list):
            self._allowed_updates = set(allowed) if allowed else None

    def _reject_if_webhook(self, reason: str) -> None:
        """getUpdates is refused while a webhook is set."""
        if self.webhook is not None:
            raise ApiError(409, f"Conflict: {reason}")

    # ------------------------------------------------------------ webhook

    async def _set_webhook(self, params: Json) -> bool:
        """setWebhook: validate, then push every update to the URL."""
        url = str(params.get("url") or "")
        if not url:
            return await self._delete_webhook(params)
        _validate_webhook_url(url)
        secret = params.get("secret_token")
        if secret is not None and not _SECRET_RE.match(str(secret)):
            raise bad("secret token contains unallowed characters")
        max_connections = int(params.get("max_connections") or 40)
        if not 1 <= max_connections <= 100:
            raise bad("invalid max_connections specified")
        if params.get("drop_pending_updates"):
            self.queue.clear()
        self._set_allowed_updates(params.get("allowed_updates"))
        await self.stop_webhook()
        timeout = aiohttp.ClientTimeout(total=10)
        hook = Webhook(url, secret, max_connections, aiohttp.ClientSession(timeout=timeout))
        self.webhook = hook
        hook.task = asyncio.create_task(self._deliver_loop(hook))
        self.hub.notify()
        return True

    async def _delete_webhook(self, params: Json) -> bool:
        """deleteWebhook: back to getUpdates."""
        await self.stop_webhook()
        if params.get("drop_pending_updates"):
            self.queue.clear()
        return True

    async def _get_webhook_info(self, params: Json) -> Json:
        """getWebhookInfo."""
        hook = self.webhook
        info: Json = {"url": hook.url if hook else "", "has_custom_certificate": False}
        info["pending_update_count"] = len(self.queue)
        if hook is not None:
            info["max_connections"] = hook.max_connections
            if self._allowed_updates is not None:
                info["allowed_updates"] = sorted(self._allowed_updates)
            if hook.last_error is not None:
                info["last_error_date"], info["last_error_message"] = hook.last_error
        return info

    async def stop_webhook(self) -> None:
        """Stop pushing updates and close the webhook's HTTP session."""
        hook, self.webhook = self.webhook, None
        if hook is None:
            return
        if hook.task is not None:
            hook.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await hook.task
        self.delivering = False
        await hook.session.close()

    async def _deliver_loop(self, hook: Webhook) -> None:
        """POST pending updates one by one, in order, retrying non-2xx answers a bounded number of times."""
        while True:
            await self.hub.wait_for(lambda: bool(self.queue) or self.hub.closing, None)
            if self.hub.closing:
                return
            entry = self.queue[0]
            self.delivering = True
            await self._post_update(hook, entry)
            if entry in self.queue:
                self.queue.remove(entry)
            self.delivering = False
            self.hub.touch()

    async def _post_update(self, hook: Webhook, entry: _Entry) -> bool:
        """One update to the webhook, with retries; True once it was acknowledged."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": hook.secret} if hook.secret else {}
        for attempt in range(self.webhook_max_attempts):
            entry.delivered = True
            status, error = await _post_once(hook, entry.update, headers)
            self.webhook_attempts.append((entry.update_id, status))
            if status is not None and 200 <= status < 300:
                return True
            hook.last_error = (now(), error)
            self.hub.notify()  # getWebhookInfo now reports it
            await self.hub.pause(self.webhook_retry_delay * 2**attempt)
            if self.hub.closing:
                break
        return False


async def _post_once(hook: Webhook, update: Json, headers: dict[str, str]) -> tuple[int | None, str]:
    """A single POST; the status (None on connection failure) and an error text."""
    try:
        async with hook.session.post(hook.url, json=update, headers=headers) as response:
            await response.read()
            return (
                response.status,
                f"Wrong response from the webhook: {response.status} {response.reason}",
            )
    except (aiohttp.ClientError, TimeoutError) as exc:
        return None, f"Connection failed: {exc}"


def _validate_webhook_url(url: str) -> None:
    """HTTPS is required, except for loopback URLs that a test's bot listens on."""
    parts = urlsplit(url)
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise bad("bad webhook: Failed to resolve host: Name or service not known")
    if parts.scheme != "https" and not loopback:
        raise bad("bad webhook: An HTTPS URL must be provided for webhook")
    if not loopback and parts.port not in (None, 80, 88, 443, 8443):
        raise bad("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
