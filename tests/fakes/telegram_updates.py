"""Pending updates and their two ways to the bot: long polling and a webhook.

Semantics follow the Bot API: `getUpdates` confirms (drops) only updates
below `offset`, parks until an update arrives or `timeout` passes, and a newer
`getUpdates` ends an older parked one with 409. While a webhook is set,
updates are POSTed to it one at a time with the secret token header, and
`getUpdates` answers 409. Stopping wakes every parked poll at once, so the
bot's shutdown never waits out a long-poll timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import time
from collections.abc import Callable
from typing import Any

import aiohttp

from .telegram_objects import JSON, ApiError, checked_update, now

# What Telegram delivers when allowed_updates was never set (or set to []).
_DEFAULT_EXCLUDED = {"chat_member", "message_reaction", "message_reaction_count"}


def update_type(update: JSON) -> str:
    """The update's kind: the one field besides update_id."""
    return next(key for key in update if key != "update_id")


class UpdateQueue:
    """Updates Telegram holds for the bot until it confirms them."""

    def __init__(self, on_change: Callable[[], None], *, check: bool = True) -> None:
        self.pending: list[JSON] = []
        self.parked = 0  # getUpdates requests waiting right now
        self._on_change = on_change  # an update arrived, a poll parked or a webhook answered
        self._check = check
        self.webhook: JSON = {}
        self._next_update_id = 100_001
        self._allowed: set[str] | None = None
        self._wakeup = asyncio.Event()
        self._stopping = False
        self._poll_generation = 0
        self._webhook_task: asyncio.Task[None] | None = None
        self._last_webhook_error: tuple[int, str] | None = None

    def push(self, kind: str, payload: JSON) -> JSON:
        """Queue a new update after checking PTB accepts it; return the update."""
        # A copy: later edits or votes must not change an update already sent.
        payload = copy.deepcopy(payload)
        update = {"update_id": self._next_update_id, kind: payload}
        if self._check:
            checked_update(update)
        self._next_update_id += 1
        self.pending.append(update)
        self._wake()
        self._on_change()
        return update

    def _wake(self) -> None:
        self._wakeup.set()
        self._wakeup = asyncio.Event()

    def _allowed_now(self) -> list[JSON]:
        """Drop updates of types the bot did not ask for, as Telegram never stores them."""

        def allowed(update: JSON) -> bool:
            kind = update_type(update)
            return kind in self._allowed if self._allowed else kind not in _DEFAULT_EXCLUDED

        self.pending = [update for update in self.pending if allowed(update)]
        return self.pending

    async def get_updates(self, params: JSON) -> list[JSON]:
        """The getUpdates method: confirm below offset, then wait for something to return."""
        if self.webhook.get("url"):
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        if isinstance(params.get("allowed_updates"), list):
            self._allowed = set(params["allowed_updates"]) or None
        offset = int(params.get("offset") or 0)
        if offset < 0:
            self.pending = self.pending[offset:]
        elif offset:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        limit = max(1, min(100, int(params.get("limit") or 100)))
        deadline = time.monotonic() + max(0.0, float(params.get("timeout") or 0))
        self._poll_generation += 1
        generation = self._poll_generation
        self._wake()
        while True:
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            ready = self._allowed_now()[:limit]
            remaining = deadline - time.monotonic()
            if ready or self._stopping or remaining <= 0:
                return ready
            wakeup = self._wakeup
            self.parked += 1
            self._on_change()
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(wakeup.wait(), remaining)
            finally:
                self.parked -= 1

    def set_webhook(self, params: JSON) -> bool:
        """setWebhook: start POSTing updates to the URL (an empty URL removes it)."""
        if not params.get("url"):
            return self.delete_webhook(params)
        if params.get("drop_pending_updates"):
            self.pending.clear()
        if isinstance(params.get("allowed_updates"), list):
            self._allowed = set(params["allowed_updates"]) or None
        self.webhook = {
            "url": params["url"],
            "secret_token": params.get("secret_token"),
            "max_connections": int(params.get("max_connections") or 40),
        }
        if self._webhook_task is None or self._webhook_task.done():
            self._webhook_task = asyncio.create_task(self._deliver_to_webhook())
        self._wake()
        return True

    def delete_webhook(self, params: JSON) -> bool:
        """deleteWebhook: back to getUpdates, optionally dropping what is pending."""
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self.pending.clear()
        self._wake()
        return True

    def webhook_info(self) -> JSON:
        """getWebhookInfo's WebhookInfo object."""
        info: JSON = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending),
        }
        if self.webhook:
            info["max_connections"] = self.webhook["max_connections"]
        if self._allowed:
            info["allowed_updates"] = sorted(self._allowed)
        if self._last_webhook_error:
            info["last_error_date"], info["last_error_message"] = self._last_webhook_error
        return info

    async def _deliver_to_webhook(self) -> None:
        """POST pending updates in order; an update leaves the queue once answered 2xx."""
        async with aiohttp.ClientSession() as session:
            while self.webhook.get("url") and not self._stopping:
                ready = self._allowed_now()
                if not ready:
                    wakeup = self._wakeup
                    await wakeup.wait()
                    continue
                update = ready[0]
                headers = {}
                if self.webhook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret_token"]
                try:
                    async with session.post(
                        self.webhook["url"], json=update, headers=headers
                    ) as response:
                        delivered = response.status < 300
                        error = f"Wrong response from the webhook: {response.status}"
                except aiohttp.ClientError as exc:
                    delivered, error = False, f"Connection failed: {exc}"
                if delivered:
                    if self.pending and self.pending[0] is update:
                        self.pending.pop(0)
                    self._on_change()
                else:
                    self._last_webhook_error = (now(), error)
                    await asyncio.sleep(0.05)

    async def stop(self) -> None:
        """Wake every parked poll and stop webhook delivery."""
        self._stopping = True
        self._wake()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task

    def describe(self) -> dict[str, Any]:
        """A summary for failure messages in tests."""
        return {"pending": [update_type(u) for u in self.pending], "webhook": self.webhook}
