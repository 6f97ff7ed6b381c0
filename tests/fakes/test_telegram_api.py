"""The fake Bot API server, driven by the real python-telegram-bot over HTTP."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MenuButtonCommands,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    PollAnswerHandler,
    filters,
)

from .telegram_api import FakeTelegram, fake_telegram
from .telegram_html import EntityParseError, parse_html

__all__ = ["fake_telegram"]

TOKEN = "123:FAKE"
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


@pytest.fixture
async def bot(fake_telegram: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(token=TOKEN, base_url=fake_telegram.base_url) as bot:
        yield bot


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None and update.effective_message.text is not None
    await update.effective_message.reply_text(f"echo: {update.effective_message.text}")


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data="v1:next:1")]])
    await update.effective_message.reply_text(
        f"start {' '.join(context.args or [])}".strip(), reply_markup=keyboard
    )


async def next_card(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    await query.edit_message_text("card 2")


async def quiz(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None
    await context.bot.send_poll(
        update.effective_chat.id,
        "Which object keeps replicas running?",
        ["Pod", "Deployment", "Service"],
        type="quiz",
        is_anonymous=False,
        correct_option_ids=[1],
        explanation="A <b>Deployment</b> owns a ReplicaSet.",
        explanation_parse_mode=ParseMode.HTML,
    )


async def record_answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    answer = update.poll_answer
    assert answer is not None and answer.user is not None
    await context.bot.send_message(answer.user.id, f"answered {list(answer.option_ids)}")


@pytest.fixture
async def echo_app(fake_telegram: FakeTelegram) -> AsyncIterator[AnyApplication]:
    application = Application.builder().token(TOKEN).base_url(fake_telegram.base_url).build()
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("quiz", quiz))
    application.add_handler(CallbackQueryHandler(next_card))
    application.add_handler(PollAnswerHandler(record_answer))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=1)
        yield application
        await application.updater.stop()
        await application.stop()


async def test_get_me_returns_the_bot_named_by_the_token(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (123, True, "kubetutor_test_bot")
    assert fake_telegram.tokens == {TOKEN}


async def test_a_learners_text_reaches_the_handler_and_the_reply_reaches_the_chat(
    fake_telegram: FakeTelegram,
    echo_app: AnyApplication,
) -> None:
    learner = fake_telegram.user(1001, "Minji")
    fake_telegram.send_text(learner, "hello & <b>")
    messages = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(1001))
    assert [m.text for m in messages] == ["echo: hello & <b>"]
    call = fake_telegram.sent(chat_id=1001, method="sendMessage")[0]
    assert call.token == TOKEN and call.status == 200


async def test_deep_link_start_carries_its_argument_and_a_button_edits_in_place(
    fake_telegram: FakeTelegram,
    echo_app: AnyApplication,
) -> None:
    learner = fake_telegram.user(1002, "Jisoo", language_code="en")
    fake_telegram.send_text(learner, "/start lesson-3")
    [card] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(1002))
    assert card.text == "start lesson-3" and card.callback_data == ["v1:next:1"]

    fake_telegram.press_button(learner, card, "v1:next:1")
    await fake_telegram.wait_for(lambda: fake_telegram.messages_to(1002)[0].edited)
    [edited] = fake_telegram.messages_to(1002)
    assert (edited.message_id, edited.text, edited.buttons) == (card.message_id, "card 2", ())
    assert len(fake_telegram.sent(method="answerCallbackQuery")) == 1
    with pytest.raises(ValueError, match="no button"):
        fake_telegram.press_button(learner, edited, "v1:next:1")


async def test_html_is_parsed_like_telegram_and_unescaped_text_is_refused(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    fake_telegram.send_text(fake_telegram.user(1003, "Hana"), "hi")
    sent = await bot.send_message(
        1003,
        '<b>pods</b> &lt;none&gt; &amp; <pre><code class="language-sh">k get po</code></pre>',
        parse_mode=ParseMode.HTML,
    )
    assert sent.text == "pods <none> & k get po"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 0, 4), ("pre", 14, 8)]
    assert sent.entities[1].language == "sh"
    for bad, reason in [
        ("a < b", "Unsupported start tag"),
        ("R&D", "character '&' at byte offset 1 must be escaped"),
        ("<b>bold", "Can't find end tag"),
        ("<b>x</i>", "Unmatched end tag"),
        ("<script>x</script>", 'Unsupported start tag "script"'),
    ]:
        with pytest.raises(BadRequest, match=f"(?i)can't parse entities: {reason}"):
            await bot.send_message(1003, bad, parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(1003, "x" * 4097)
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(999, "nobody wrote to the bot from this chat")
    fake_telegram.open_chat(fake_telegram.user(999, "Earlier"))
    await bot.send_message(999, "a reminder to a learner from before the restart")


async def test_editing_to_the_same_text_is_not_modified(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    fake_telegram.send_text(fake_telegram.user(1004, "Yuna"), "hi")
    sent = await bot.send_message(1004, "same")
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("same", chat_id=1004, message_id=sent.message_id)


async def test_a_quiz_poll_is_sent_and_its_answer_reaches_the_poll_answer_handler(
    fake_telegram: FakeTelegram,
    echo_app: AnyApplication,
) -> None:
    learner = fake_telegram.user(1005, "Seo")
    fake_telegram.send_text(learner, "/quiz")
    [poll] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(1005))
    assert poll.kind == "poll" and poll.poll_id is not None
    sent = poll.raw["poll"]
    assert (sent["type"], sent["is_anonymous"], sent["correct_option_ids"]) == ("quiz", False, [1])
    assert sent["explanation"] == "A Deployment owns a ReplicaSet."

    fake_telegram.answer_poll(learner, poll.poll_id, [1])
    await fake_telegram.wait_for(lambda: len(fake_telegram.messages_to(1005)) == 2)
    assert fake_telegram.messages_to(1005)[1].text == "answered [1]"
    with pytest.raises(ValueError, match="already answered"):
        fake_telegram.answer_poll(learner, poll.poll_id, [0])


async def test_an_injected_429_reaches_the_bot_as_retry_after(
    fake_telegram: FakeTelegram, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PTB 22.8 warns on every RetryAfter unless periods are opted in as timedelta.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    fake_telegram.send_text(fake_telegram.user(1006, "Ara"), "hi")
    fake_telegram.fail_next("sendMessage", retry_after=3)
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(1006, "first try")
    assert raised.value.retry_after == dt.timedelta(seconds=3)
    await bot.send_message(1006, "second try")
    assert [c.status for c in fake_telegram.sent(chat_id=1006)] == [429, 200]

    fake_telegram.fail_next("sendMessage", status=502)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(1006, "through a broken gateway")


async def test_a_slow_answer_times_the_bot_out(fake_telegram: FakeTelegram, bot: Bot) -> None:
    fake_telegram.send_text(fake_telegram.user(1007, "Bo"), "hi")
    fake_telegram.delay_next("sendMessage", 2)
    with pytest.raises(TimedOut):
        await bot.send_message(1007, "slow", read_timeout=0.2)


async def test_callback_data_over_64_bytes_is_refused(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    fake_telegram.send_text(fake_telegram.user(1008, "Eun"), "hi")
    button = InlineKeyboardButton("Go", callback_data="가" * 22)  # 66 bytes in UTF-8
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(1008, "card", reply_markup=InlineKeyboardMarkup([[button]]))


async def test_a_user_who_blocked_the_bot_gets_nothing(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    fake_telegram.send_text(fake_telegram.user(1009, "Min"), "hi")
    fake_telegram.block_user(1009)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(1009, "are you there?")
    updates = await bot.get_updates()
    assert updates[-1].my_chat_member is not None
    assert updates[-1].my_chat_member.new_chat_member.status == "kicked"


async def test_commands_are_kept_per_scope_and_language(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    await bot.set_my_commands([BotCommand("start", "시작")], language_code="ko")
    await bot.set_my_commands([BotCommand("start", "Start")])
    await bot.set_my_commands(
        [BotCommand("start", "Start"), BotCommand("stats", "Numbers")],
        scope=BotCommandScopeChat(7),
    )
    assert [c.description for c in await bot.get_my_commands(language_code="ko")] == ["시작"]
    assert fake_telegram.commands({"type": "chat", "chat_id": 7})[1]["command"] == "stats"
    assert [c["command"] for c in fake_telegram.visible_commands(8, "ko")] == ["start"]
    assert len(fake_telegram.visible_commands(7, "en")) == 2
    await bot.delete_my_commands(scope=BotCommandScopeChat(7))
    assert fake_telegram.visible_commands(7, "en")[0]["description"] == "Start"


async def test_a_photo_upload_is_recorded_with_its_bytes(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    fake_telegram.send_text(fake_telegram.user(1010, "Joon"), "hi")
    message = await bot.send_photo(
        1010,
        b"\x89PNG fake",
        caption="<i>progress</i>",
        parse_mode=ParseMode.HTML,
        filename="progress.png",
    )
    assert message.caption == "progress" and message.photo
    upload = fake_telegram.sent(method="sendPhoto")[0].files["photo"]
    assert (upload.filename, upload.content) == ("progress.png", b"\x89PNG fake")


async def test_unknown_methods_are_not_found(fake_telegram: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendTelepathy")
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{fake_telegram.base_url}{TOKEN}/sendTelepathy", data={"a": "1"}) as reply,
    ):
        assert reply.status == 404
        assert await reply.json() == {
            "ok": False,
            "error_code": 404,
            "description": "Not Found: method not found",
        }


async def test_updates_below_the_offset_are_dropped_and_others_kept(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    learner = fake_telegram.user(1011, "Woo")
    first = fake_telegram.send_text(learner, "one")["update_id"]
    fake_telegram.send_text(learner, "two")
    assert [u.update_id for u in await bot.get_updates()] == [first, first + 1]
    assert [u.update_id for u in await bot.get_updates(offset=first + 1)] == [first + 1]
    assert await bot.get_updates(offset=first + 2) == ()


async def test_a_parked_long_poll_returns_when_an_update_arrives(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30, read_timeout=40))
    await fake_telegram.wait_for(lambda: fake_telegram.polling)
    fake_telegram.send_text(fake_telegram.user(1012, "Dan"), "wake up")
    [update] = await poll
    assert update.message is not None and update.message.text == "wake up"


async def test_stopping_the_server_wakes_parked_long_polls() -> None:
    fake = FakeTelegram()
    await fake.start()
    async with Bot(token=TOKEN, base_url=fake.base_url) as polling_bot:
        poll = asyncio.create_task(polling_bot.get_updates(timeout=60, read_timeout=70))
        await fake.wait_for(lambda: fake.polling)
        await fake.stop()
        assert await poll == ()


def test_html_parser_counts_offsets_in_utf16_units() -> None:
    text, entities = parse_html("😀 <b>굵게</b> <tg-spoiler>x</tg-spoiler>")
    assert text == "😀 굵게 x"
    assert [(e["type"], e["offset"], e["length"]) for e in entities] == [
        ("bold", 3, 2),
        ("spoiler", 6, 1),
    ]
    with pytest.raises(EntityParseError, match='must have class "tg-spoiler"'):
        parse_html("<span>x</span>")


def test_a_malformed_update_cannot_be_built(fake_telegram: FakeTelegram) -> None:
    with pytest.raises(ValueError, match="no poll"):
        fake_telegram.answer_poll(fake_telegram.user(1013, "Ha"), "404", [0])
    with pytest.raises(ValueError, match="rejects this update"):
        fake_telegram.queue.push("message", {"text": "no chat, no date"})


async def test_every_other_method_answers_objects_ptb_accepts(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    learner = fake_telegram.user(1014, "Kyung", username="kyung")
    asked = fake_telegram.send_text(learner, "what next?")["message"]["message_id"]
    reply = await bot.send_message(
        1014,
        "this",
        reply_parameters=ReplyParameters(asked),
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Docs", url="https://k8s.io")]]),
    )
    assert reply.reply_to_message is not None and reply.reply_to_message.text == "what next?"
    edited = await bot.edit_message_reply_markup(1014, reply.message_id, reply_markup=None)
    assert isinstance(edited, Message) and edited.reply_markup is None
    assert await bot.send_chat_action(1014, ChatAction.TYPING)
    document = await bot.send_document(1014, b"apiVersion: v1\n", filename="pod.yaml")
    assert document.document is not None and document.document.file_name == "pod.yaml"
    poll = await bot.send_poll(1014, "Ready?", ["yes", "no"], is_anonymous=False)
    stopped = await bot.stop_poll(1014, poll.message_id)
    assert stopped.is_closed and stopped.allows_revoting
    assert await bot.delete_message(1014, document.message_id)
    assert [m.kind for m in fake_telegram.messages_to(1014)] == ["text", "poll"]
    chat = await bot.get_chat(1014)
    assert (chat.type, chat.username) == ("private", "kyung")
    assert await bot.set_chat_menu_button(1014, MenuButtonCommands())
    assert fake_telegram.methods.menu_buttons[1014] == {"type": "commands"}
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == ("", 1)
    assert await bot.close() and await bot.log_out()


async def test_group_messages_reach_the_bot_as_group_updates(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    fake_telegram.send_in_group(fake_telegram.user(1015, "Ji"), -500, "/start@kubetutor_test_bot")
    [update] = await bot.get_updates()
    assert update.effective_chat is not None and update.effective_chat.type == "group"
    assert update.message is not None and update.message.text is not None
    assert update.message.parse_entities() != {}
    await bot.send_message(-500, "Let's talk in a private chat.")
    assert fake_telegram.messages_to(-500)[0].text == "Let's talk in a private chat."


async def test_with_a_webhook_updates_are_posted_with_the_secret_token(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    received: list[tuple[str | None, Any]] = []

    async def webhook(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response()

    hook = web.Application()
    hook.router.add_post("/hook", webhook)
    runner = web.AppRunner(hook)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates()
        fake_telegram.send_text(fake_telegram.user(1016, "Sol"), "via webhook")
        await fake_telegram.wait_for(lambda: received and not fake_telegram.queue.pending)
        [(secret, update)] = received
        assert secret == "s3cret"
        assert update["message"]["text"] == "via webhook"
        assert await bot.delete_webhook()
    finally:
        await runner.cleanup()
