"""Bot API objects as JSON, complete enough for python-telegram-bot to accept.

Every update the fake server hands out is built here and then checked by
PTB's own `Update.de_json` (`checked_update`), so a test cannot inject an
update the real library would reject: PTB 22.8 refuses polls without
`allows_revoting`/`members_only`, options without `persistent_id` and poll
answers without `option_persistent_ids`, and a refused update makes polling
spin without advancing.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from typing import Any

from .telegram_html import utf16_length

JSON = dict[str, Any]


class ApiError(Exception):
    """A Bot API error response: HTTP status, description and optional parameters."""

    def __init__(self, status: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(f"{status} {description}")
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> JSON:
        """The JSON body Telegram sends with this error."""
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str) -> ApiError:
    """A 400 with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {reason}")


@dataclass(frozen=True)
class Upload:
    """A file the bot uploaded in a multipart request."""

    filename: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class FakeUser:
    """A Telegram user who talks to the bot (never a bot itself)."""

    id: int
    first_name: str
    language_code: str = "ko"
    username: str | None = None

    def to_json(self) -> JSON:
        """The User object, as Telegram puts it in `from`."""
        data: JSON = {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": self.language_code,
        }
        if self.username:
            data["username"] = self.username
        return data

    def private_chat(self) -> JSON:
        """The private Chat between this user and the bot."""
        chat: JSON = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.username:
            chat["username"] = self.username
        return chat


def bot_user(bot_id: int, username: str) -> JSON:
    """The bot's own User object, as getMe returns it."""
    return {
        "id": bot_id,
        "is_bot": True,
        "first_name": "Kubetutor",
        "username": username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def group_chat(group_id: int) -> JSON:
    """A basic group chat (Telegram group ids are negative)."""
    return {"id": group_id, "type": "group", "title": f"Study group {-group_id}"}


def full_chat(chat: JSON) -> JSON:
    """The ChatFullInfo getChat returns for a chat the fake knows."""
    accepted = dict.fromkeys(
        (
            "unlimited_gifts",
            "limited_gifts",
            "unique_gifts",
            "premium_subscription",
            "gifts_from_channels",
        ),
        False,
    )
    return {**chat, "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": accepted}


def command_entities(text: str) -> list[JSON]:
    """The bot_command entity Telegram attaches to a message starting with /command."""
    if not text.startswith("/") or len(text) < 2 or text[1].isspace():
        return []
    command = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": utf16_length(command)}]


def poll_options(texts: list[str], poll_id: str) -> list[JSON]:
    """PollOption objects with the `persistent_id` Bot API 9.6 requires."""
    return [
        {"text": text, "voter_count": 0, "persistent_id": f"{poll_id}-{index}"}
        for index, text in enumerate(texts)
    ]


def now() -> int:
    """Telegram dates are Unix seconds."""
    return int(time.time())


def checked_update(update: JSON) -> JSON:
    """Return the update after PTB's own parser accepted it, warnings included.

    Raises:
        ValueError: When PTB 22.8 cannot de-serialise the update.
    """
    from telegram import Update

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            Update.de_json(update, None)
    except Exception as error:
        raise ValueError(f"python-telegram-bot rejects this update: {error!r}") from error
    return update
