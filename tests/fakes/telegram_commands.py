"""Command menus as Telegram keeps them: one list per (scope, language).

setMyCommands/getMyCommands/deleteMyCommands address exactly one scope and
language; what a user sees is resolved by Telegram's fallback order, which
`visible_commands` reproduces so tests can check that operator commands stay
out of learners' menus and that Korean and English descriptions both exist.
"""

from __future__ import annotations

import json
import re

from .telegram_objects import JSON, Upload, bad_request


def scope_key(scope: JSON | None) -> str:
    """A stable key for a BotCommandScope object."""
    return json.dumps(scope or {"type": "default"}, sort_keys=True)


class CommandMenus:
    """The bot's command lists keyed by (scope, language_code)."""

    def __init__(self) -> None:
        self.menus: dict[tuple[str, str], list[JSON]] = {}

    def set_my_commands(self, params: JSON, files: dict[str, Upload]) -> bool:
        """setMyCommands: replace the list for one scope and language, validated."""
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            name, description = command.get("command", ""), command.get("description", "")
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = (scope_key(params.get("scope")), params.get("language_code") or "")
        self.menus[key] = [dict(c) for c in commands]
        return True

    def get_my_commands(self, params: JSON, files: dict[str, Upload]) -> list[JSON]:
        """getMyCommands: exactly that scope and language, no fallback."""
        key = (scope_key(params.get("scope")), params.get("language_code") or "")
        return self.menus.get(key, [])

    def delete_my_commands(self, params: JSON, files: dict[str, Upload]) -> bool:
        """deleteMyCommands: users then see the next scope in the fallback order."""
        key = (scope_key(params.get("scope")), params.get("language_code") or "")
        self.menus.pop(key, None)
        return True

    def visible_commands(self, chat_id: int, language_code: str) -> list[JSON]:
        """The command list a user sees in a private chat, by Telegram's scope fallback."""
        for scope in ({"type": "chat", "chat_id": chat_id}, {"type": "all_private_chats"}, None):
            for language in (language_code, ""):
                commands = self.menus.get((scope_key(scope), language))
                if commands is not None:
                    return commands
        return []
