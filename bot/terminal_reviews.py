"""Review reminders in the terminal chat, on APScheduler's asyncio scheduler.

The same tick as the Telegram bot's, for the one learner at this terminal.
The first tick runs before the first line is read, so a learner who comes
back after a while (or moves the clock with ``KUBETUTOR_CLOCK_OFFSET``) sees
the day's prompt at once; later ones arrive while the chat waits for input.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from bot.bootstrap import App
from bot.messages import Outgoing
from bot.review_push import TICK_SECONDS, ReviewPush
from bot.terminal import TerminalChat
from storage import LearnerRecord


@asynccontextmanager
async def reminders_running(app: App, chat: TerminalChat, learner_key: str) -> AsyncIterator[None]:
    """Tick now and then every ``TICK_SECONDS`` until the block ends."""
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    async def show(learner: LearnerRecord, items: Sequence[Outgoing]) -> bool:
        chat.show(items)
        return True

    push = ReviewPush(app.reviews, app.learners, show, learner_key=learner_key)

    async def tick() -> None:
        await push.tick(app.clock())

    await tick()
    scheduler = AsyncIOScheduler()
    scheduler.add_job(tick, "interval", seconds=TICK_SECONDS, max_instances=1)
    scheduler.start()
    try:
        yield
    finally:
        scheduler.shutdown(wait=False)
