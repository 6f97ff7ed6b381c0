"""What a Telegram user can do to the bot, turned into the updates Telegram sends.

Each action changes the chat state the way the Telegram app would (a new
message id, a vote counted) and queues one complete update. Actions a real
client could not perform, such as pressing a button that is not on the
message or answering a quiz twice, raise `ValueError` instead of producing an
update the bot would never see in production.
"""

from __future__ import annotations

import zlib

from .telegram_chats import ChatMessage, Chats
from .telegram_objects import JSON, ApiError, FakeUser, command_entities, group_chat, now
from .telegram_updates import UpdateQueue


class TelegramClient:
    """The user side of the fake: learners writing, pressing, answering, blocking."""

    def __init__(self, chats: Chats, queue: UpdateQueue, bot: JSON) -> None:
        self.chats = chats
        self.queue = queue
        self.bot = bot
        self._callback_counter = 4_382_000_000_000_000_000

    @staticmethod
    def user(
        id: int,
        first_name: str,
        language_code: str = "ko",
        username: str | None = None,
    ) -> FakeUser:
        """A learner; pass it to the actions below."""
        if id <= 0:
            raise ValueError("user ids are positive")
        return FakeUser(id, first_name, language_code, username)

    def open_chat(self, user: FakeUser) -> None:
        """The user started the bot before this server ran: the bot may message them now."""
        self.chats.register(user.private_chat())

    def send_text(self, user: FakeUser, text: str) -> JSON:
        """The user writes `text` in their private chat (commands get a bot_command entity)."""
        chat = user.private_chat()
        return self._send(user, chat, text)

    def send_in_group(self, user: FakeUser, group_id: int, text: str) -> JSON:
        """The user writes `text` in a group the bot is a member of."""
        if group_id >= 0:
            raise ValueError("group chat ids are negative")
        return self._send(user, group_chat(group_id), text)

    def _send(self, user: FakeUser, chat: JSON, text: str) -> JSON:
        if not text.strip() or len(text) > 4096:
            raise ValueError("Telegram clients send 1-4096 characters")
        self.chats.register(chat)
        message = self.chats.add(
            chat, user.to_json(), False, text=text, entities=command_entities(text)
        )
        return self.queue.push("message", message)

    def press_button(self, user: FakeUser, message: ChatMessage | int, callback_data: str) -> JSON:
        """The user presses the button with `callback_data` on a bot message in their chat.

        `message` is a `ChatMessage` from `messages_to` or a message id; the
        button must be on the message as it is now (after edits).
        """
        message_id = message if isinstance(message, int) else message.message_id
        try:
            current = self.chats.bot_message(user.id, message_id, "no such message")
        except ApiError as error:
            raise ValueError(f"no bot message {message_id} in chat {user.id}") from error
        rows = current.get("reply_markup", {}).get("inline_keyboard", [])
        if not any(button.get("callback_data") == callback_data for row in rows for button in row):
            raise ValueError(f"message {message_id} has no button with data {callback_data!r}")
        self._callback_counter += 1
        query_id = str(self._callback_counter)
        self.chats.open_callback_queries.add(query_id)
        chat_instance = str(zlib.crc32(f"{self.bot['id']}:{user.id}".encode()))
        query = {
            "id": query_id,
            "from": user.to_json(),
            "message": current,
            "chat_instance": chat_instance,
            "data": callback_data,
        }
        return self.queue.push("callback_query", query)

    def answer_poll(self, user: FakeUser, poll_id: str, option_ids: list[int]) -> JSON:
        """The user answers a non-anonymous poll the bot sent them (a poll_answer, no chat)."""
        persistent_ids = self.chats.vote(user, poll_id, option_ids)
        answer = {
            "poll_id": poll_id,
            "user": user.to_json(),
            "option_ids": list(option_ids),
            "option_persistent_ids": persistent_ids,
        }
        return self.queue.push("poll_answer", answer)

    def block_user(self, user_id: int, *, notify: bool = True) -> None:
        """The user blocks the bot: sends to them fail with 403 from now on.

        With `notify`, the bot also gets the my_chat_member update Telegram
        sends (when the fake knows the chat).
        """
        self.chats.blocked.add(user_id)
        chat = self.chats.known.get(user_id)
        if notify and chat is not None:
            self._member_changed(chat, "member", "kicked")

    def unblock_user(self, user_id: int, *, notify: bool = True) -> None:
        """The user restarts the bot after blocking it."""
        self.chats.blocked.discard(user_id)
        chat = self.chats.known.get(user_id)
        if notify and chat is not None:
            self._member_changed(chat, "kicked", "member")

    def _member_changed(self, chat: JSON, old: str, new: str) -> None:
        user = {"id": chat["id"], "is_bot": False, "first_name": chat["first_name"]}

        def member(status: str) -> JSON:
            return {"status": status, "user": self.bot} | (
                {"until_date": 0} if status == "kicked" else {}
            )

        update = {
            "chat": chat,
            "from": user,
            "date": now(),
            "old_chat_member": member(old),
            "new_chat_member": member(new),
        }
        self.queue.push("my_chat_member", update)
