"""Pacing outgoing requests to Telegram's limits, and retrying what may be retried.

Why not PTB's ``AIORateLimiter``: it throttles only the overall rate and
group chats, never a single private chat (Telegram asks for about one message
a second there); on one ``RetryAfter`` it halts every request of the bot, not
just the chat that was flooded; its default is not to retry at all; and it
does nothing about transient network errors. This limiter paces each chat
(a small burst, then about one message a second), the bot as a whole (30 a
second), and group chats (20 a minute); it waits out ``RetryAfter`` for the
chat concerned and retries, and retries timeouts and 5xx answers with
backoff. A timed-out send may have reached Telegram, so a retry can, rarely,
deliver a message twice: for a course bot that is better than losing it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import warnings
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import BadRequest, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

logger = logging.getLogger(__name__)

Result = bool | dict[str, Any] | list[dict[str, Any]]

# Requests that put something in a chat; chat actions and callback answers are not paced.
_UNPACED_SENDS = {"sendChatAction"}
_MAX_TRACKED_CHATS = 10_000


@dataclass(frozen=True)
class Pacing:
    """Telegram's published limits by default; tests loosen them."""

    per_chat_rate: float = 1.0  # messages a second in one chat, on average
    per_chat_burst: int = 3  # sent at once before the rate applies (a reply and a quiz)
    group_per_minute: int = 20
    global_rate: float = 30.0  # messages a second for the whole bot
    max_retries: int = 3
    backoff: float = 0.5  # seconds before the first retry of a network error; doubles

    @classmethod
    def unlimited(cls, *, backoff: float = 0.01) -> Pacing:
        """No pacing, quick retries: for tests that are not about pacing."""
        return cls(
            per_chat_rate=1e6,
            per_chat_burst=1000,
            group_per_minute=1_000_000,
            global_rate=1e6,
            backoff=backoff,
        )


def retry_seconds(error: RetryAfter) -> float:
    """How long Telegram asked to wait, as seconds, whichever type PTB returns."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _paced(endpoint: str) -> bool:
    return endpoint.startswith(("send", "edit", "copy", "forward")) and (
        endpoint not in _UNPACED_SENDS
    )


class ChatPacer(BaseRateLimiter[None]):
    """Per-chat, per-group and global pacing with retries; see the module docstring."""

    def __init__(self, pacing: Pacing = Pacing()) -> None:
        self.pacing = pacing
        self._global = AsyncLimiter(pacing.global_rate, 1)
        self._chats: OrderedDict[int | str, AsyncLimiter] = OrderedDict()
        self._paused_until: dict[int | str | None, float] = {}

    async def initialize(self) -> None:
        """Nothing to open: limiters are created per chat on first use."""

    async def shutdown(self) -> None:
        """Forget per-chat state."""
        self._chats.clear()
        self._paused_until.clear()

    async def process_request(  # noqa: PLR0917 - PTB's signature
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> Result:
        """Wait for the chat's and the bot's turn, call Telegram, retry what may be retried."""
        chat_id = data.get("chat_id")
        attempt = 0
        while True:
            await self._wait_out_pause(chat_id)
            if _paced(endpoint):
                await self._take_turn(chat_id)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt >= self.pacing.max_retries:
                    raise
                delay = retry_seconds(error)
                logger.warning(
                    "%s to chat %s: flood limit, retrying in %.1fs", endpoint, chat_id, delay
                )
                self._paused_until[chat_id] = time.monotonic() + delay
            except NetworkError as error:
                if isinstance(error, BadRequest) or attempt >= self.pacing.max_retries:
                    raise
                delay = self.pacing.backoff * 2**attempt
                logger.warning("%s failed (%s), retrying in %.2fs", endpoint, error, delay)
                await asyncio.sleep(delay)
            attempt += 1

    async def _wait_out_pause(self, chat_id: int | str | None) -> None:
        """Sleep while a RetryAfter for this chat (or for chat-less requests) is running."""
        until = self._paused_until.get(chat_id, 0.0)
        delay = until - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        elif until:
            with contextlib.suppress(KeyError):
                del self._paused_until[chat_id]

    async def _take_turn(self, chat_id: int | str | None) -> None:
        if chat_id is not None:
            await self._chat_limiter(chat_id).acquire()
        await self._global.acquire()

    def _chat_limiter(self, chat_id: int | str) -> AsyncLimiter:
        limiter = self._chats.get(chat_id)
        if limiter is None:
            if _is_group(chat_id):
                limiter = AsyncLimiter(self.pacing.group_per_minute, 60)
            else:
                burst = self.pacing.per_chat_burst
                limiter = AsyncLimiter(burst, burst / self.pacing.per_chat_rate)
            self._chats[chat_id] = limiter
            if len(self._chats) > _MAX_TRACKED_CHATS:
                self._chats.popitem(last=False)
        else:
            self._chats.move_to_end(chat_id)
        return limiter


def _is_group(chat_id: int | str) -> bool:
    """Group and channel ids are negative; @usernames name public groups and channels."""
    return isinstance(chat_id, str) or chat_id < 0
