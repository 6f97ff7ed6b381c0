"""The review reminder tick on PTB's JobQueue (APScheduler underneath).

The job holds no schedule of its own: every minute it asks the database who
is due (``ReviewPush.tick``), so a restart loses nothing, and the first tick
runs at start-up, which is when learners missed during downtime get their one
catch-up prompt.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, Job

from bot.bootstrap import App
from bot.review_push import TICK_SECONDS, ReviewPush
from bot.telegram.render import Renderer

JOB_NAME = "review-reminders"
KEY_PREFIX = "telegram:"  # learners who came through Telegram (``handlers.learner_key``)


def schedule_reviews(
    application: Application[Any, Any, Any, Any, Any, Any], core: App, renderer: Renderer
) -> Job[Any]:
    """Run the reminder tick every ``TICK_SECONDS``, the first one at start-up."""
    push = ReviewPush(core.reviews, core.learners, renderer.push, key_prefix=KEY_PREFIX)

    async def tick(context: CallbackContext[Any, Any, Any, Any]) -> None:
        await push.tick(core.clock())

    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without its job-queue extra")
    return application.job_queue.run_repeating(tick, interval=TICK_SECONDS, first=0, name=JOB_NAME)
