"""A bare python-telegram-bot application that answers the benchmark's learners.

It sends what kubetutor sends for the benchmark's script (lesson 1's cards as
HTML with the same buttons, its quiz polls with explanations, a command's
output after "typing"), through the same transport and pacing classes, but
keeps nothing: no storage, no cluster, no course logic. Its CPU per update is
what the Telegram stack costs on the machine, the floor under kubetutor's.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.constants import ChatAction, ParseMode, PollType
from telegram.ext import (
    CallbackQueryHandler,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from bot.messages import Button, Reply
from bot.telegram.app import AnyApplication, application_builder
from bot.telegram.formatting import poll_explanation, reply_html
from bot.telegram.pacing import Pacing
from bot.telegram.render import keyboard
from lessons.loader import load_catalog
from lessons.model import ChoiceQuestion

_OUTPUT = "<pre>No resources found in kt-bench namespace.</pre>"


class BareBot:
    def __init__(self) -> None:
        self.lesson = load_catalog().by_number(1)
        self.questions = [q for q in self.lesson.questions if isinstance(q, ChoiceQuestion)]
        self.polls: dict[str, tuple[int, int]] = {}  # poll id: chat, question number

    def card(self, index: int) -> tuple[str, Any]:
        more = index + 1 < len(self.lesson.cards)
        forward = Button("Next", f"v1:card:{index + 1}") if more else Button("Take the quiz", "q")
        reply = Reply(
            self.lesson.cards[index].text("en"),
            title=self.lesson.title("en"),
            buttons=((forward, Button("Back", "v1:back")),),
        )
        return reply_html(reply, "en"), keyboard(reply.buttons)

    async def send_poll(self, bot: Any, chat_id: int, number: int) -> None:
        question = self.questions[number % len(self.questions)]
        sent = await bot.send_poll(
            chat_id,
            question.prompt("en"),
            [option("en") for option in question.options],
            is_anonymous=False,
            type=PollType.QUIZ,
            correct_option_ids=[question.answer],
            explanation=poll_explanation(question.explanation("en")),
            explanation_parse_mode=ParseMode.HTML,
        )
        self.polls[sent.poll.id] = (chat_id, number)

    async def message(self, update: Update, context: Any) -> None:
        chat_id = update.effective_chat.id if update.effective_chat else 0
        text = update.effective_message.text if update.effective_message else None
        if text == "/start":
            welcome = keyboard(((Button("Start lesson 1", "v1:card:0"),),))
            await context.bot.send_message(
                chat_id, "Hi! <b>kubetutor</b>", parse_mode=ParseMode.HTML, reply_markup=welcome
            )
            return
        if text == "/start lesson-1":
            card, markup = self.card(0)
            await context.bot.send_message(
                chat_id, card, parse_mode=ParseMode.HTML, reply_markup=markup
            )
            return
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
        await context.bot.send_message(chat_id, _OUTPUT, parse_mode=ParseMode.HTML)

    async def button(self, update: Update, context: Any) -> None:
        query = update.callback_query
        if query is None or query.message is None or query.data is None:
            return
        chat_id = query.message.chat.id
        if query.data == "q":
            await self.send_poll(context.bot, chat_id, 0)
        elif query.data == "v1:card:0":
            text, markup = self.card(0)
            await context.bot.send_message(
                chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        else:
            text, markup = self.card(int(query.data.rsplit(":", 1)[1]))
            await context.bot.edit_message_text(
                text,
                chat_id=chat_id,
                message_id=query.message.message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
            )
        await query.answer()

    async def poll_answer(self, update: Update, context: Any) -> None:
        if update.poll_answer is None:
            return
        chat_id, number = self.polls[update.poll_answer.poll_id]
        question = self.questions[number % len(self.questions)]
        verdict = Reply(f"Correct!\n{question.explanation('en')}")
        await context.bot.send_message(
            chat_id, reply_html(verdict, "en"), parse_mode=ParseMode.HTML
        )
        await self.send_poll(context.bot, chat_id, number + 1)


def build_bare_application(base_url: str, token: str, concurrency: int) -> AnyApplication:
    """Built by kubetutor's own builder (transport, pacing, concurrency), unpaced."""
    bare = BareBot()
    application = application_builder(token, base_url, Pacing.unlimited(), concurrency).build()
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE, bare.message))
    application.add_handler(CallbackQueryHandler(bare.button))
    application.add_handler(PollAnswerHandler(bare.poll_answer))
    return application
