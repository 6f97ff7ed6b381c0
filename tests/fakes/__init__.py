"""Fakes at the edge of the machine: a Telegram Bot API server on loopback."""

from .telegram_api import Call, FakeTelegram, fake_telegram
from .telegram_chats import Button, ChatMessage
from .telegram_objects import FakeUser, Upload

__all__ = [
    "Button",
    "Call",
    "ChatMessage",
    "FakeTelegram",
    "FakeUser",
    "Upload",
    "fake_telegram",
]
