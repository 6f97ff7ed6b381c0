"""Sandbox upkeep on PTB's JobQueue: idle namespaces go, and the connection closes at exit.

The clean-up reads when each namespace was last used from the database, so a
restart loses nothing; it runs every ten minutes, the first time shortly after
start-up rather than at it, so the first learners are not kept waiting.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram.ext import Application, CallbackContext, Job

from bot.sandbox_feature import SandboxFeature

logger = logging.getLogger(__name__)

JOB_NAME = "sandbox-idle-cleanup"
INTERVAL = timedelta(minutes=10)


def schedule_sandbox_upkeep(
    application: Application[Any, Any, Any, Any, Any, Any],
    sandbox: SandboxFeature,
    max_idle: timedelta,
) -> Job[Any]:
    """Delete namespaces idle for ``max_idle`` every ten minutes; disconnect on shutdown."""

    async def clean_up(context: CallbackContext[Any, Any, Any, Any]) -> None:
        deleted = await sandbox.cleanup_idle(max_idle)
        if deleted:
            logger.info("deleted idle sandbox namespaces: %s", ", ".join(deleted))

    previous = application.post_shutdown

    async def disconnect(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        if previous is not None:
            await previous(app)
        await sandbox.aclose()

    application.post_shutdown = disconnect
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without its job-queue extra")
    return application.job_queue.run_repeating(
        clean_up, interval=INTERVAL, first=timedelta(minutes=1), name=JOB_NAME
    )
