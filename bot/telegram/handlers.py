"""Updates in, core events out: the translation between Telegram and the core.

Handlers only translate. Each learner's events are handled one at a time
(a per-learner lock), while different learners run concurrently, so two
taps of one learner can never interleave their progress writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)
from telegram.constants import ChatAction, ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import CallbackContext

from bot.bootstrap import App
from bot.core import Answer
from bot.messages import ChoiceAnswer, Incoming, Sender
from bot.telegram.admin import Operators
from bot.telegram.commands import publish_operator_menu
from bot.telegram.render import Renderer, Target, language_of
from bot.texts import language_from_client, say
from lessons.model import Language
from storage import SentPolls

logger = logging.getLogger(__name__)

Context = CallbackContext[Any, Any, Any, Any]
_TYPING_EVERY = 4.0  # seconds; Telegram shows "typing" for about five


def learner_key(user_id: int) -> str:
    return f"telegram:{user_id}"


def sender_of(user: User, chat_id: int) -> Sender:
    return Sender(learner_key(user.id), user.full_name, user.language_code, chat_id)


@dataclass
class _Slot:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class LearnerLocks:
    """One lock per learner, forgotten once nobody holds or awaits it."""

    def __init__(self) -> None:
        self._slots: dict[str, _Slot] = {}

    @contextlib.asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        slot = self._slots.setdefault(key, _Slot())
        slot.users += 1
        try:
            async with slot.lock:
                yield
        finally:
            slot.users -= 1
            if slot.users == 0:
                del self._slots[key]


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" in the chat until the block ends."""

    async def keep_typing() -> None:
        while True:
            await asyncio.sleep(_TYPING_EVERY)
            with contextlib.suppress(TelegramError):
                await bot.send_chat_action(chat_id, ChatAction.TYPING)

    with contextlib.suppress(TelegramError):
        await bot.send_chat_action(chat_id, ChatAction.TYPING)
    task = asyncio.create_task(keep_typing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


class Handlers:
    def __init__(self, core: App, renderer: Renderer, operators: Operators) -> None:
        self._core = core
        self._renderer = renderer
        self._operators = operators
        self._polls = SentPolls(core.database)
        self._locks = LearnerLocks()
        self._operator_menus: set[int] = set()

    async def private_message(self, update: Update, context: Context) -> None:
        """A learner wrote in their private chat: a command, an answer or a kubectl line."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        text = message.text or ""
        key = learner_key(user.id)
        conversation = self._core.conversation
        async with self._locks.hold(key):
            if user.id in self._operators.user_ids:
                await self._operator(context.bot, message, user, text)
                if self._operators.handles(user.id, text):
                    return
            event = Incoming(sender_of(user, message.chat_id), text=text)
            if conversation.runs_command(text):
                async with typing(context.bot, message.chat_id):
                    answer = await conversation.answer(event)
            else:
                answer = await conversation.answer(event)
            await self._deliver(message.chat_id, answer)

    async def button(self, update: Update, context: Context) -> None:
        """A pressed inline button; the callback query is always answered."""
        query = update.callback_query
        if query is None:
            return
        try:
            message = query.message
            if message is None or message.chat.type != ChatType.PRIVATE or not query.data:
                return
            key = learner_key(query.from_user.id)
            async with self._locks.hold(key):
                answer = await self._core.conversation.answer(
                    Incoming(sender_of(query.from_user, message.chat.id), button=query.data)
                )
                await self._deliver(message.chat.id, answer, message.message_id)
        finally:
            with contextlib.suppress(BadRequest):  # too old to answer: nothing left to do
                await query.answer()

    async def poll_answer(self, update: Update, context: Context) -> None:
        """A vote in a quiz poll: the poll's learner and question come from the database."""
        answer = update.poll_answer
        if answer is None or answer.user is None or not answer.option_ids:
            return  # a retracted vote, or an anonymous one: nothing to grade
        sent = self._polls.find(answer.poll_id)
        if sent is None:
            logger.info("answer to unknown poll %s ignored", answer.poll_id)
            return
        user = answer.user
        sender = Sender(sent.learner_key, user.full_name, user.language_code, sent.chat_id)
        event = Incoming(sender, choice=ChoiceAnswer(sent.question_ref, answer.option_ids[0]))
        async with self._locks.hold(sent.learner_key):
            await self._deliver(sent.chat_id, await self._core.conversation.answer(event))

    async def group_message(self, update: Update, context: Context) -> None:
        """A command in a group: one reply that points to the private chat."""
        message, user = update.effective_message, update.effective_user
        if message is None:
            return
        language = language_from_client(user.language_code if user else None)
        url = f"https://t.me/{context.bot.username}"
        button = InlineKeyboardButton(say("button_private_chat", language), url=url)
        with contextlib.suppress(TelegramError):
            await message.reply_text(
                html.escape(say("private_only", language)),
                parse_mode=ParseMode.HTML,
                reply_markup=InlineKeyboardMarkup([[button]]),
            )

    async def membership(self, update: Update, context: Context) -> None:
        """The learner blocked the bot, or came back: recorded before any send fails."""
        change = update.my_chat_member
        if change is None or change.chat.type != ChatType.PRIVATE:
            return
        key = learner_key(change.chat.id)
        status = change.new_chat_member.status
        if status == ChatMemberStatus.BANNED:
            self._core.learners.mark_blocked(key, self._core.clock())
        elif status == ChatMemberStatus.MEMBER:
            self._core.learners.attach_chat(key, change.chat.id)

    async def error(self, update: object, context: Context) -> None:
        """Log with the update id; tell the learner something went wrong, without internals."""
        update_id = update.update_id if isinstance(update, Update) else None
        logger.error("update %s failed", update_id, exc_info=context.error)
        if not isinstance(update, Update):
            return
        chat, user = update.effective_chat, update.effective_user
        if chat is None or chat.type != ChatType.PRIVATE:
            return
        learner = self._core.learners.by_key(learner_key(chat.id))
        language: Language = (
            language_of(learner)
            if learner
            else language_from_client(user.language_code if user else None)
        )
        try:
            await context.bot.send_message(
                chat.id, html.escape(say("something_wrong", language)), parse_mode=ParseMode.HTML
            )
        except TelegramError as error:
            logger.warning("could not tell chat %s about the failure: %s", chat.id, error)

    async def _operator(self, bot: Bot, message: Message, user: User, text: str) -> None:
        """Publish the operator's menu on first sight; answer an operator command."""
        if user.id not in self._operator_menus and await publish_operator_menu(
            bot, user.id, self._core.conversation.features
        ):
            self._operator_menus.add(user.id)
        if not self._operators.handles(user.id, text):
            return
        learner = self._core.learners.by_key(learner_key(user.id))
        language = language_of(learner) if learner else language_from_client(user.language_code)
        await bot.send_message(
            message.chat_id, self._operators.stats_html(language), parse_mode=ParseMode.HTML
        )

    async def _deliver(
        self, chat_id: int, answer: Answer, edit_message_id: int | None = None
    ) -> None:
        learner = answer.learner
        target = Target(chat_id, learner.key, learner.id, language_of(learner), edit_message_id)
        await self._renderer.deliver(target, answer.replies)
