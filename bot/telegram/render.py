"""Outgoing messages as Bot API calls: send, edit in place, quiz polls, photos.

A reply that ``replaces`` edits the message whose button was pressed, so
paging through a lesson keeps one message instead of flooding the chat. A
learner who blocked the bot is recorded on the first 403 and sent nothing
more until they write again.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode, PollType
from telegram.error import BadRequest, Forbidden

from bot.messages import Button, Outgoing, Photo, Quiz, Reply
from bot.telegram.formatting import (
    MAX_POLL_OPTION,
    MAX_POLL_QUESTION,
    poll_explanation,
    reply_html,
    shorten,
)
from lessons.model import Language
from storage import LearnerRecord, Learners, SentPolls

logger = logging.getLogger(__name__)

_MAX_CAPTION = 1024


@dataclass(frozen=True)
class Target:
    """Where the replies to one event go, and who they are for."""

    chat_id: int
    learner_key: str
    learner_id: int
    language: Language
    edit_message_id: int | None = None  # the message whose button was pressed


def language_of(learner: LearnerRecord) -> Language:
    return "en" if learner.language == "en" else "ko"


def keyboard(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.payload) for b in row] for row in rows]
    )


class Renderer:
    def __init__(
        self,
        bot: Bot,
        learners: Learners,
        polls: SentPolls,
        clock: Callable[[], datetime],
    ) -> None:
        self._bot = bot
        self._learners = learners
        self._polls = polls
        self._clock = clock

    async def deliver(self, target: Target, items: Sequence[Outgoing]) -> bool:
        """Send ``items`` in order; False when the learner turned out to have blocked the bot."""
        edit = target.edit_message_id
        try:
            for item in items:
                if isinstance(item, Reply):
                    if item.replaces and edit is not None:
                        await self._edit(target, edit, item)
                        edit = None
                    else:
                        await self._send_reply(target, item)
                elif isinstance(item, Quiz):
                    await self._send_quiz(target, item)
                elif isinstance(item, Photo):
                    await self._send_photo(target, item)
        except Forbidden as error:
            logger.info("learner %s unreachable (%s): marked blocked", target.learner_id, error)
            self._learners.mark_blocked(target.learner_key, self._clock())
            return False
        return True

    async def push(self, learner: LearnerRecord, items: Sequence[Outgoing]) -> bool:
        """Send unprompted (a review, a reminder); never to a learner who blocked the bot."""
        if learner.blocked_at is not None or learner.chat_id is None:
            return False
        target = Target(learner.chat_id, learner.key, learner.id, language_of(learner))
        return await self.deliver(target, items)

    async def _send_reply(self, target: Target, reply: Reply) -> None:
        await self._bot.send_message(
            target.chat_id,
            reply_html(reply, target.language),
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard(reply.buttons),
        )

    async def _edit(self, target: Target, message_id: int, reply: Reply) -> None:
        """Edit in place; a message that cannot be edited gets a new one instead."""
        try:
            await self._bot.edit_message_text(
                reply_html(reply, target.language),
                chat_id=target.chat_id,
                message_id=message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard(reply.buttons),
            )
        except BadRequest as error:
            if "not modified" in error.message.lower():
                return  # the same button pressed twice: the message already shows this
            logger.info("message %s not editable (%s): sending anew", message_id, error.message)
            await self._send_reply(target, reply)

    async def _send_quiz(self, target: Target, quiz: Quiz) -> None:
        """A native quiz poll; it is recorded before the event counts as handled."""
        # PTB types option ids as the literals 0-11; a poll has at most 12 options.
        correct: Any = [quiz.correct]
        message = await self._bot.send_poll(
            target.chat_id,
            shorten(quiz.question, MAX_POLL_QUESTION),
            [shorten(option, MAX_POLL_OPTION) for option in quiz.options],
            is_anonymous=False,
            type=PollType.QUIZ,
            correct_option_ids=correct,
            explanation=poll_explanation(quiz.explanation) or None,
            explanation_parse_mode=ParseMode.HTML,
        )
        if message.poll is not None:
            self._polls.remember(
                poll_id=message.poll.id,
                learner_id=target.learner_id,
                question_ref=quiz.question_ref,
                chat_id=target.chat_id,
                message_id=message.message_id,
                now=self._clock(),
            )

    async def _send_photo(self, target: Target, photo: Photo) -> None:
        await self._bot.send_photo(
            target.chat_id,
            photo.path,
            caption=html.escape(shorten(photo.caption, _MAX_CAPTION)) or None,
            parse_mode=ParseMode.HTML,
        )
