"""Review reminders in the terminal chat, on APScheduler's asyncio scheduler.

The same tick as the Telegram bot's, for the one learner at this terminal.
The first tick runs before the first line is read, so a learner who comes
back after a while (or moves the clock with ``KUBETUTOR_CLOCK_OFFSET``) sees
the day's prompt at once; later ones arrive while the chat waits for input.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from bot.bootstrap import App
from bot.messages import Outgoing
from bot.review_push import TICK_SECONDS, ReviewPush
from bot.terminal import TerminalChat
from storage import LearnerRecord


@asynccontextmanager
async def reminders_running(app: App, chat: TerminalChat, learner_key: str) -> AsyncIterator[None]:
    """Tick now and then every ``TICK_SECONDS`` until the block ends."""

    async def show(learner: LearnerRecord, items: Sequence[Outgoing]) -> bool:
        chat.show(items)
        return True

    push = ReviewPush(app.reviews, app.learners, show, learner_key=learner_key)

    async def tick() -> None:
        await push.tick(app.clock())

    await tick()
    starting = asyncio.create_task(_start_scheduler(tick))
    try:
        yield
    finally:
        starting.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            (await starting).shutdown(wait=False)


async def _start_scheduler(tick: Callable[[], Awaitable[None]]) -> Any:
    """An ``AsyncIOScheduler`` running ``tick`` every ``TICK_SECONDS``.

    APScheduler takes most of a second to import (it reads the installed
    packages' entry points), so it is imported in a thread while the chat
    already takes input.
    """
    module = await asyncio.to_thread(importlib.import_module, "apscheduler.schedulers.asyncio")
    scheduler = module.AsyncIOScheduler()
    scheduler.add_job(tick, "interval", seconds=TICK_SECONDS, max_instances=1)
    scheduler.start()
    return scheduler
