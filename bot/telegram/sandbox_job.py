"""Sandbox upkeep on PTB's JobQueue: connect at start, remove idle namespaces, close at exit.

The clean-up reads when each namespace was last used from the database, so a
restart loses nothing; it runs every ten minutes, the first time shortly after
start-up rather than at it, so the first learners are not kept waiting.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram.ext import Application, CallbackContext, Job

from bot.sandbox_feature import SandboxFeature, SandboxUnavailable

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

    async def connect(context: CallbackContext[Any, Any, Any, Any]) -> None:
        # Connecting loads the Kubernetes client (and may start the simulated
        # cluster): done once at start-up, not in the middle of a learner's command.
        try:
            await sandbox.sandbox()
        except SandboxUnavailable as error:
            logger.error("the practice cluster cannot be used (kubetutor doctor): %s", error)

    application.post_shutdown = disconnect
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without its job-queue extra")
    application.job_queue.run_once(connect, when=0, name="sandbox-connect")
    return application.job_queue.run_repeating(
        clean_up, interval=INTERVAL, first=timedelta(minutes=1), name=JOB_NAME
    )
