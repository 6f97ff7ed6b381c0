"""The chats as Telegram keeps them: messages, edits, buttons, polls and blocks.

This is the state behind the fake server's send/edit/delete methods and the
client-side actions (a learner writing, pressing a button, answering a quiz).
It enforces what a Telegram client can and cannot do, so a test cannot press
a button that is not on the message or answer a quiz twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .telegram_objects import JSON, ApiError, FakeUser, bad_request, now, poll_options


@dataclass(frozen=True)
class Button:
    """One inline button as the learner sees it."""

    text: str
    callback_data: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class ChatMessage:
    """A bot message as it currently looks in the chat (after every edit)."""

    chat_id: int
    message_id: int
    kind: str  # "text", "poll", "photo" or "document"
    text: str  # plain text after entity parsing; the caption or the poll question
    buttons: tuple[tuple[Button, ...], ...]
    edited: bool
    poll_id: str | None
    raw: JSON

    @property
    def callback_data(self) -> list[str]:
        """Every button's callback data, row by row."""
        return [b.callback_data for row in self.buttons for b in row if b.callback_data]


@dataclass
class _Poll:
    chat_id: int
    message_id: int
    data: JSON
    voters: dict[int, list[int]] = field(default_factory=dict)


class Chats:
    """Chats, their messages and the polls in them, keyed as Telegram keys them."""

    def __init__(self) -> None:
        self.known: dict[int, JSON] = {}
        self.blocked: set[int] = set()
        self.open_callback_queries: set[str] = set()
        self._next_id: dict[int, int] = {}
        # chat id -> message id -> (message, sent by the bot); ids grow, so dict order is chat order
        self._messages: dict[int, dict[int, tuple[JSON, bool]]] = {}
        self._polls: dict[str, _Poll] = {}
        self._poll_counter = 5_000_000_000_000_000_000

    def register(self, chat: JSON) -> None:
        """Remember a chat, as Telegram does once a user has written to the bot."""
        self.known[chat["id"]] = chat

    def chat_for_sending(self, chat_id: Any) -> JSON:
        """The chat a bot method targets, or the error Telegram gives for it."""
        if not isinstance(chat_id, int) or chat_id not in self.known:
            raise bad_request("chat not found")
        chat = self.known[chat_id]
        if chat["type"] == "private" and chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def add(self, chat: JSON, sender: JSON, from_bot: bool, **content: Any) -> JSON:
        """Store a new message with the chat's next message id and return it."""
        message_id = self._next_id.get(chat["id"], 0) + 1
        self._next_id[chat["id"]] = message_id
        message: JSON = {
            "message_id": message_id,
            "from": sender,
            "chat": chat,
            "date": now(),
            **{key: value for key, value in content.items() if value not in (None, [])},
        }
        self._messages.setdefault(chat["id"], {})[message_id] = (message, from_bot)
        return message

    def find(self, chat_id: Any, message_id: Any, missing: str) -> JSON:
        """A stored message, or 400 with the reason Telegram gives for the method."""
        stored = self._messages.get(chat_id, {}).get(message_id)
        if stored is None:
            raise bad_request(missing)
        return stored[0]

    def bot_message(self, chat_id: Any, message_id: Any, missing: str) -> JSON:
        """A message the bot sent (only those can be edited or stopped by it)."""
        message = self.find(chat_id, message_id, missing)
        if not self._messages[chat_id][message_id][1]:
            raise bad_request("message can't be edited")
        return message

    def replace(self, message: JSON) -> None:
        """Store a new version of an existing message."""
        chat = self._messages[message["chat"]["id"]]
        chat[message["message_id"]] = (message, chat[message["message_id"]][1])

    def delete(self, chat_id: Any, message_id: Any) -> None:
        """Delete a message; deleting twice fails as on Telegram."""
        self.find(chat_id, message_id, "message to delete not found")
        del self._messages[chat_id][message_id]

    def new_poll(self, chat_id: int, question: str, options: list[str], **fields: Any) -> JSON:
        """A fresh Poll object with a unique id and persistent option ids."""
        self._poll_counter += 1
        poll_id = str(self._poll_counter)
        return {
            "id": poll_id,
            "question": question,
            "options": poll_options(options, poll_id),
            "total_voter_count": 0,
            "is_closed": False,
            "members_only": False,
            **{key: value for key, value in fields.items() if value is not None},
        }

    def track_poll(self, message: JSON) -> None:
        """Remember which message carries a poll, to answer and stop it later."""
        poll = message["poll"]
        self._polls[poll["id"]] = _Poll(message["chat"]["id"], message["message_id"], poll)

    def stop_poll(self, chat_id: Any, message_id: Any) -> JSON:
        """Close the poll in a bot message and return its final state."""
        message = self.bot_message(chat_id, message_id, "message with poll to stop not found")
        if "poll" not in message:
            raise bad_request("message with poll to stop not found")
        poll = self._polls[message["poll"]["id"]]
        if poll.data["is_closed"]:
            raise bad_request("poll has already been closed")
        poll.data["is_closed"] = True
        return poll.data

    def vote(self, user: FakeUser, poll_id: str, option_ids: list[int]) -> list[str]:
        """Record a vote as the Telegram client allows it; return the option persistent ids."""
        if poll_id not in self._polls:
            raise ValueError(f"no poll {poll_id} was sent by the bot")
        poll = self._polls[poll_id]
        data = poll.data
        if self.known[poll.chat_id]["type"] == "private" and poll.chat_id != user.id:
            raise ValueError(f"poll {poll_id} was sent to chat {poll.chat_id}, not to {user.id}")
        options = data["options"]
        if data["is_anonymous"]:
            raise ValueError(f"poll {poll_id} is anonymous: Telegram sends the bot no poll_answer")
        if data["is_closed"]:
            raise ValueError(f"poll {poll_id} is closed")
        if user.id in poll.voters and not data["allows_revoting"]:
            raise ValueError(f"user {user.id} already answered poll {poll_id}")
        if not option_ids and not data["allows_revoting"]:
            raise ValueError("an empty answer retracts a vote, which this poll does not allow")
        if len(option_ids) > 1 and not data["allows_multiple_answers"]:
            raise ValueError(f"poll {poll_id} takes one answer")
        if any(not 0 <= option < len(options) for option in option_ids):
            raise ValueError(f"poll {poll_id} has options 0..{len(options) - 1}")
        for option in poll.voters.get(user.id, []):
            options[option]["voter_count"] -= 1
        for option in option_ids:
            options[option]["voter_count"] += 1
        poll.voters[user.id] = list(option_ids)
        data["total_voter_count"] = len([v for v in poll.voters.values() if v])
        return [options[option]["persistent_id"] for option in option_ids]

    def view(self, chat_id: int) -> list[ChatMessage]:
        """The bot's messages in a chat as the user sees them now, oldest first."""
        messages = self._messages.get(chat_id, {}).values()
        return [_view(message) for message, from_bot in messages if from_bot]


def _view(message: JSON) -> ChatMessage:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    buttons = tuple(
        tuple(Button(b["text"], b.get("callback_data"), b.get("url")) for b in row) for row in rows
    )
    if "poll" in message:
        kind, text = "poll", message["poll"]["question"]
    elif "photo" in message or "document" in message:
        kind, text = ("photo" if "photo" in message else "document"), message.get("caption", "")
    else:
        kind, text = "text", message.get("text", "")
    return ChatMessage(
        chat_id=message["chat"]["id"],
        message_id=message["message_id"],
        kind=kind,
        text=text,
        buttons=buttons,
        edited="edit_date" in message,
        poll_id=message["poll"]["id"] if "poll" in message else None,
        raw=message,
    )
