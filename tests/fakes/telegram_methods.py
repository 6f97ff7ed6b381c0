"""The Bot API methods a bot calls to talk in chats, with Telegram's validation.

Each method takes the decoded request parameters and returns the `result`
Telegram would return, or raises `ApiError` with Telegram's status and
wording. Limits that matter to a course bot are enforced as Telegram enforces
them: text length after entity parsing, HTML that must parse, callback data
of at most 64 bytes, poll sizes, "message is not modified".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .telegram_chats import Chats
from .telegram_commands import CommandMenus
from .telegram_html import EntityParseError, parse_html
from .telegram_objects import JSON, ApiError, Upload, bad_request, full_chat, now

_CHAT_ACTIONS = {
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
}  # fmt: skip
_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


Handler = Callable[[JSON, dict[str, Upload]], Any]


class BotMethods:
    """The chat-facing Bot API methods, sharing one `Chats` state."""

    def __init__(self, chats: Chats, bot: JSON) -> None:
        self.chats = chats
        self.bot = bot
        self.commands = CommandMenus()
        self.menu_buttons: dict[int | None, JSON] = {}
        self._file_counter = 0
        self.handlers: dict[str, Handler] = {
            "getMe": lambda params, files: self.bot,
            "sendMessage": self.send_message,
            "editMessageText": self.edit_message_text,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "deleteMessage": self.delete_message,
            "answerCallbackQuery": self.answer_callback_query,
            "sendPoll": self.send_poll,
            "stopPoll": self.stop_poll,
            "sendChatAction": self.send_chat_action,
            "sendPhoto": self.send_photo,
            "sendDocument": self.send_document,
            "setMyCommands": self.commands.set_my_commands,
            "getMyCommands": self.commands.get_my_commands,
            "deleteMyCommands": self.commands.delete_my_commands,
            "setChatMenuButton": self.set_chat_menu_button,
            "getChat": self.get_chat,
        }

    def send_message(self, params: JSON, files: dict[str, Upload]) -> JSON:
        chat = self.chats.chat_for_sending(params.get("chat_id"))
        text, entities = _formatted(params, "text", 4096, "message text is empty")
        return self.chats.add(
            chat,
            self.bot,
            True,
            text=text,
            entities=entities,
            reply_markup=_markup(params),
            reply_to_message=self._replied(chat, params),
        )

    def edit_message_text(self, params: JSON, files: dict[str, Upload]) -> JSON:
        self.chats.chat_for_sending(params.get("chat_id"))
        message = self.chats.bot_message(
            params.get("chat_id"), params.get("message_id"), "message to edit not found"
        )
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        text, entities = _formatted(params, "text", 4096, "message text is empty")
        return self._edit(message, text=text, entities=entities, reply_markup=_markup(params))

    def edit_message_reply_markup(self, params: JSON, files: dict[str, Upload]) -> JSON:
        self.chats.chat_for_sending(params.get("chat_id"))
        message = self.chats.bot_message(
            params.get("chat_id"), params.get("message_id"), "message to edit not found"
        )
        return self._edit(message, reply_markup=_markup(params))

    def _edit(self, message: JSON, **changes: Any) -> JSON:
        """Apply an edit; an omitted keyboard is removed, as on Telegram."""
        edited = {key: value for key, value in message.items() if key not in changes}
        edited.update({key: value for key, value in changes.items() if value not in (None, [])})
        edited.pop("edit_date", None)
        unchanged = {key: value for key, value in message.items() if key != "edit_date"}
        if edited == unchanged:
            raise bad_request(_NOT_MODIFIED)
        edited["edit_date"] = now()
        self.chats.replace(edited)
        return edited

    def delete_message(self, params: JSON, files: dict[str, Upload]) -> bool:
        self.chats.chat_for_sending(params.get("chat_id"))
        self.chats.delete(params.get("chat_id"), params.get("message_id"))
        return True

    def answer_callback_query(self, params: JSON, files: dict[str, Upload]) -> bool:
        query_id = params.get("callback_query_id")
        if query_id not in self.chats.open_callback_queries:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if len(params.get("text") or "") > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self.chats.open_callback_queries.discard(query_id)
        return True

    def send_poll(self, params: JSON, files: dict[str, Upload]) -> JSON:
        chat = self.chats.chat_for_sending(params.get("chat_id"))
        question = params.get("question") or ""
        options = [
            o if isinstance(o, str) else o.get("text", "") for o in params.get("options", [])
        ]
        if not 1 <= len(question) <= 300:
            raise bad_request("POLL_QUESTION_INVALID")
        if not 2 <= len(options) <= 12:
            raise bad_request("POLL_ANSWERS_INVALID")
        if any(not 1 <= len(option) <= 100 for option in options):
            raise bad_request("POLL_ANSWER_INVALID")
        quiz = params.get("type", "regular") == "quiz"
        correct = params.get("correct_option_ids")
        if correct is None and params.get("correct_option_id") is not None:
            correct = [params["correct_option_id"]]
        if quiz and (not correct or any(not 0 <= c < len(options) for c in correct)):
            raise bad_request("wrong correct option ID")
        explanation, explanation_entities = None, None
        if params.get("explanation") is not None:
            explanation, explanation_entities = _formatted(
                params, "explanation", 200, "explanation is empty", parse_mode="explanation_"
            )
            if explanation.count("\n") > 2:
                raise bad_request("explanation can't contain more than 2 line feeds")
        poll = self.chats.new_poll(
            chat["id"],
            question,
            options,
            is_anonymous=params.get("is_anonymous", True),
            type="quiz" if quiz else "regular",
            allows_multiple_answers=bool(params.get("allows_multiple_answers", False)),
            allows_revoting=bool(params.get("allows_revoting", not quiz)),
            correct_option_ids=correct if quiz else None,
            explanation=explanation,
            explanation_entities=explanation_entities or None,
        )
        message = self.chats.add(
            chat,
            self.bot,
            True,
            poll=poll,
            reply_markup=_markup(params),
            reply_to_message=self._replied(chat, params),
        )
        self.chats.track_poll(message)
        return message

    def stop_poll(self, params: JSON, files: dict[str, Upload]) -> JSON:
        self.chats.chat_for_sending(params.get("chat_id"))
        return self.chats.stop_poll(params.get("chat_id"), params.get("message_id"))

    def send_chat_action(self, params: JSON, files: dict[str, Upload]) -> bool:
        self.chats.chat_for_sending(params.get("chat_id"))
        if params.get("action") not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def send_photo(self, params: JSON, files: dict[str, Upload]) -> JSON:
        chat = self.chats.chat_for_sending(params.get("chat_id"))
        size = len(files["photo"].content) if "photo" in files else 1024
        file_id = self._file_id("photo", params, files)
        photo = [
            {"file_id": f"{file_id}-s", "file_unique_id": f"{file_id}s", "width": 90,
             "height": 68, "file_size": size // 10},
            {"file_id": file_id, "file_unique_id": file_id[-12:], "width": 800,
             "height": 600, "file_size": size},
        ]  # fmt: skip
        return self._send_media(chat, params, photo=photo)

    def send_document(self, params: JSON, files: dict[str, Upload]) -> JSON:
        chat = self.chats.chat_for_sending(params.get("chat_id"))
        upload = files.get("document")
        file_id = self._file_id("document", params, files)
        document: JSON = {"file_id": file_id, "file_unique_id": file_id[-12:]}
        if upload:
            document.update(
                file_name=upload.filename,
                mime_type=upload.content_type,
                file_size=len(upload.content),
            )
        return self._send_media(chat, params, document=document)

    def _replied(self, chat: JSON, params: JSON) -> JSON | None:
        """The message a new one replies to, as Telegram embeds it (without its own reply)."""
        reply = params.get("reply_parameters") or {}
        message_id = reply.get("message_id", params.get("reply_to_message_id"))
        if message_id is None:
            return None
        try:
            replied = self.chats.find(chat["id"], message_id, "message to be replied not found")
        except ApiError:
            if reply.get("allow_sending_without_reply"):
                return None
            raise
        return {key: value for key, value in replied.items() if key != "reply_to_message"}

    def _file_id(self, field: str, params: JSON, files: dict[str, Upload]) -> str:
        if field not in files and not params.get(field):
            raise bad_request(f"there is no {field} in the request")
        self._file_counter += 1
        return f"AgACAgIAAxkBAAI{field}{self._file_counter:06d}"

    def _send_media(self, chat: JSON, params: JSON, **media: Any) -> JSON:
        caption, entities = None, None
        if params.get("caption"):
            caption, entities = _formatted(params, "caption", 1024, "caption is empty")
        return self.chats.add(
            chat,
            self.bot,
            True,
            caption=caption,
            caption_entities=entities,
            reply_markup=_markup(params),
            reply_to_message=self._replied(chat, params),
            **media,
        )

    def set_chat_menu_button(self, params: JSON, files: dict[str, Upload]) -> bool:
        self.menu_buttons[params.get("chat_id")] = params.get("menu_button") or {"type": "default"}
        return True

    def get_chat(self, params: JSON, files: dict[str, Upload]) -> JSON:
        chat_id = params.get("chat_id")
        if chat_id not in self.chats.known:
            raise bad_request("chat not found")
        return full_chat(self.chats.known[chat_id])


def _formatted(
    params: JSON, field: str, limit: int, empty: str, parse_mode: str = ""
) -> tuple[str, list[JSON]]:
    """The plain text and entities of a text field, validated as Telegram does."""
    text = params.get(field)
    if not isinstance(text, str):
        raise bad_request(empty)
    entities_field = "entities" if field == "text" else f"{field}_entities"
    entities: list[JSON] = list(params.get(entities_field) or [])
    mode = str(params.get(f"{parse_mode}parse_mode") or "")
    if mode.lower() == "html":
        try:
            text, entities = parse_html(text)
        except EntityParseError as error:
            raise bad_request(f"can't parse entities: {error}") from None
    elif mode:
        raise bad_request(f"unsupported parse_mode {mode!r} (the fake server speaks HTML only)")
    if not text.strip():
        raise bad_request(empty)
    if len(text) > limit:
        raise bad_request(
            "message is too long" if field == "text" else f"message {field} is too long"
        )
    return text, entities


def _markup(params: JSON) -> JSON | None:
    """The inline keyboard a message will carry, checked button by button."""
    markup = params.get("reply_markup")
    if not isinstance(markup, dict) or "inline_keyboard" not in markup:
        return None
    for row in markup["inline_keyboard"]:
        for button in row:
            if not button.get("text"):
                raise bad_request("text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
    return markup
