"""The Telegram application: built from the composition root, run by ``kubetutor bot``.

``build_application`` wires the handlers, the pacing rate limiter and the
commands menu around an ``App`` from ``bot.bootstrap.build``; ``run`` serves
it by long polling, or by webhook when ``KUBETUTOR_WEBHOOK_URL`` is set.
PTB's ``run_*`` methods stop on SIGINT/SIGTERM after the updates already
fetched are handled, and confirm to Telegram only what was handled.
"""

from __future__ import annotations

import logging
import os
import secrets
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.bootstrap import App, build
from bot.settings import Settings
from bot.telegram.admin import Operators
from bot.telegram.commands import publish_commands
from bot.telegram.handlers import Handlers
from bot.telegram.pacing import ChatPacer, Pacing
from bot.telegram.render import Renderer
from bot.telegram.review_job import schedule_reviews
from bot.telegram.sandbox_job import schedule_sandbox_upkeep
from bot.telegram.transport import AiohttpRequest
from storage import SentPolls, Stats

logger = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]

# The update kinds the bot handles; Telegram stores no others for it.
ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.CALLBACK_QUERY,
    Update.POLL_ANSWER,
    Update.MY_CHAT_MEMBER,
]


class MissingToken(RuntimeError):
    """No Telegram bot token is configured."""


def application_builder(
    token: str, base_url: str, pacing: Pacing, concurrent_updates: int
) -> ApplicationBuilder[Any, Any, Any, Any, Any, Any]:
    """PTB's builder with kubetutor's transport, pacing and concurrency, nothing else."""
    return (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url)
        # Each handler sends one request at a time; "typing" actions run beside them.
        .request(AiohttpRequest(pool_size=2 * concurrent_updates))
        .get_updates_request(AiohttpRequest(pool_size=1))
        .rate_limiter(ChatPacer(pacing))
        .concurrent_updates(concurrent_updates)
    )


def build_application(
    core: App,
    *,
    pacing: Pacing | None = None,
    concurrent_updates: int = 8,
) -> AnyApplication:
    """The PTB application over ``core``; not started.

    Args:
        core: The composition root's ``App`` (its settings carry the token and API URL).
        pacing: Rate limits and retries; Telegram's limits by default.
        concurrent_updates: Updates handled at once (each learner's still one at a time);
            the connection pool holds twice as many.

    Raises:
        MissingToken: ``TELEGRAM_BOT_TOKEN`` is not set.
    """
    settings = core.settings
    token = settings.telegram_bot_token
    if token is None or not token.get_secret_value().strip():
        raise MissingToken(
            "no Telegram bot token: set TELEGRAM_BOT_TOKEN in the environment or in .env "
            "(BotFather gives you one with /newbot)"
        )
    # Time periods as timedelta, PTB's next default: without opting in, PTB warns
    # (a deprecation) on every RetryAfter it builds.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    operators = Operators(settings.admin_ids, Stats(core.database), core.catalog, core.clock)

    async def on_startup(application: AnyApplication) -> None:
        await publish_commands(
            application.bot, core.conversation.features, sorted(settings.admin_ids)
        )
        logger.info("kubetutor is on Telegram as @%s", application.bot.username)

    application = (
        application_builder(
            token.get_secret_value(),
            settings.telegram_api_base_url,
            pacing or Pacing(),
            concurrent_updates,
        )
        .post_init(on_startup)
        .build()
    )
    renderer = Renderer(application.bot, core.learners, SentPolls(core.database), core.clock)
    handlers = Handlers(core, renderer, operators)
    schedule_reviews(application, core, renderer)
    if core.sandbox is not None:
        max_idle = timedelta(hours=core.settings.sandbox_idle_hours)
        schedule_sandbox_upkeep(application, core.sandbox, max_idle)
    private = filters.ChatType.PRIVATE & ~filters.UpdateType.EDITED
    application.add_handler(MessageHandler(private, handlers.private_message))
    application.add_handler(
        MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, handlers.group_message)
    )
    application.add_handler(CallbackQueryHandler(handlers.button))
    application.add_handler(PollAnswerHandler(handlers.poll_answer))
    application.add_handler(
        ChatMemberHandler(handlers.membership, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    application.add_error_handler(handlers.error)
    return application


def run(settings: Settings) -> None:
    """Serve the bot until SIGINT or SIGTERM: long polling, or a webhook if a URL is set."""
    core = build(settings)
    try:
        application = build_application(core)
        if settings.webhook_url:
            secret = (
                settings.webhook_secret.get_secret_value()
                if settings.webhook_secret
                else secrets.token_urlsafe(32)
            )
            application.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=secret,
                allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=5,
            )
        else:
            application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=5)
    finally:
        core.close()
