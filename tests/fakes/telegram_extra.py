"""Running kubetutor's real Telegram application against the fake Bot API server.

`running_bot` builds the application with the same factory `kubetutor bot`
uses, starts it with PTB's manual lifecycle (publishing the command menus as
start-up would) and stops it afterwards; the fake server outlives it, so a
test can stop one bot and start another on the same database: a restart.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from pydantic import SecretStr

from bot.bootstrap import App, build
from bot.ports import SandboxPort
from bot.settings import Settings
from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.telegram.pacing import Pacing

from .telegram_api import FakeTelegram
from .telegram_chats import ChatMessage

TOKEN = "123456:TEST-token-never-logged"
AnyApplication = Any


def bot_settings(settings: Settings, fake: FakeTelegram, **changes: Any) -> Settings:
    """``settings`` pointed at the fake server with a made-up token."""
    return settings.model_copy(
        update={
            "telegram_bot_token": SecretStr(TOKEN),
            "telegram_api_base_url": fake.base_url,
            **changes,
        }
    )


@asynccontextmanager
async def running_bot(
    fake: FakeTelegram,
    settings: Settings,
    clock: Callable[[], Any],
    *,
    sandbox: SandboxPort | None = None,
    pacing: Pacing | None = None,
    concurrent_updates: int = 8,
) -> AsyncIterator[tuple[App, AnyApplication]]:
    """The real application, polling the fake server; yields the core and the application."""
    core = build(bot_settings(settings, fake), clock=clock, sandbox=sandbox)
    application = build_application(
        core, pacing=pacing or Pacing.unlimited(), concurrent_updates=concurrent_updates
    )
    try:
        async with application:
            await application.post_init(application)
            await application.start()
            await application.updater.start_polling(
                poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES
            )
            try:
                yield core, application
            finally:
                await application.updater.stop()
                await application.stop()
    finally:
        await core.aclose()


def last_message(fake: FakeTelegram, chat_id: int) -> ChatMessage | None:
    """The newest bot message in the chat, if any."""
    messages = fake.messages_to(chat_id)
    return messages[-1] if messages else None


def last_text(fake: FakeTelegram, chat_id: int) -> str:
    """The newest bot message's text, or "" before the bot said anything."""
    message = last_message(fake, chat_id)
    return message.text if message else ""


def button_data(message: ChatMessage, label: str) -> str:
    """The callback data of the button whose label contains ``label``."""
    for row in message.buttons:
        for button in row:
            if label in button.text and button.callback_data:
                return button.callback_data
    raise AssertionError(f"no button {label!r} on {message.text[:60]!r}: {message.buttons}")
