"""The Telegram bot under flood limits, server errors, blocks, failures and restarts."""

from __future__ import annotations

import asyncio
import itertools
import logging

import pytest

from bot.messages import Reply
from bot.settings import Settings
from bot.telegram.pacing import Pacing
from bot.telegram.render import Renderer
from lessons.loader import load_catalog
from lessons.model import ChoiceQuestion
from storage import SentPolls
from tests.conftest import FixedClock
from tests.fakes import ChatMessage, FakeTelegram, fake_telegram
from tests.fakes.telegram_extra import button_data, last_message, last_text, running_bot

__all__ = ["fake_telegram"]

CATALOG = load_catalog()


async def test_a_429_is_waited_out_and_the_message_retried(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    fake_telegram.fail_next("sendMessage", status=429, retry_after=1)
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(fake_telegram.user(601, "Ada", "en"), "/help")
        [reply] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(601))
    refused, accepted = fake_telegram.sent(601, "sendMessage")
    assert (refused.status, accepted.status) == (429, 200)
    assert accepted.timestamp - refused.timestamp >= 0.95
    assert reply.text.startswith("What you can do")


async def test_bad_gateway_answers_are_retried(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    fake_telegram.fail_next("sendMessage", status=502, count=2)
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(fake_telegram.user(602, "Ada", "en"), "/help")
        await fake_telegram.wait_for(lambda: fake_telegram.messages_to(602))
    assert [c.status for c in fake_telegram.sent(602, "sendMessage")] == [502, 502, 200]


async def test_a_restart_mid_lesson_continues_where_the_learner_was(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    lesson = CATALOG.by_number(1)
    total = len(lesson.cards)
    learner = fake_telegram.user(603, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(learner, "/start lesson-1")
        card = await fake_telegram.wait_for(lambda: last_message(fake_telegram, 603))
        fake_telegram.press_button(learner, card, button_data(card, "Next"))
        await fake_telegram.wait_for(lambda: f"(2/{total})" in last_text(fake_telegram, 603))

    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(learner, "/next")
        resumed = await fake_telegram.wait_for(lambda: _card(fake_telegram, 3, total))
        assert resumed.message_id != card.message_id
        card = resumed
        for number in range(4, total + 1):
            fake_telegram.press_button(learner, card, button_data(card, "Next"))
            card = await fake_telegram.wait_for(lambda n=number: _card(fake_telegram, n, total))
        fake_telegram.press_button(learner, card, button_data(card, "Take the quiz"))
        poll = await fake_telegram.wait_for(
            lambda: (
                last_text(fake_telegram, 603).startswith("Quiz 1/")
                and last_message(fake_telegram, 603)
            )
        )

    # The poll was sent by the previous process; its answer still counts.
    question = lesson.questions[0]
    assert isinstance(question, ChoiceQuestion)
    async with running_bot(fake_telegram, settings, clock) as (core, _):
        fake_telegram.answer_poll(learner, poll.poll_id or "", [question.answer])
        verdict = await fake_telegram.wait_for(
            lambda: next(
                (m for m in fake_telegram.messages_to(603) if m.message_id > poll.message_id),
                None,
            )
        )
        learner_id = core.learners.by_key("telegram:603")
        assert learner_id is not None
        [attempt] = core.progress.attempts(learner_id.id)
    assert verdict.text.startswith("Correct! ✅")
    assert (attempt.question_id, attempt.correct) == (question.id, True)


async def test_a_learner_who_blocked_the_bot_is_recorded_and_not_messaged_again(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    learner = fake_telegram.user(604, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock) as (core, application):
        fake_telegram.send_text(learner, "/help")
        await fake_telegram.wait_for(lambda: fake_telegram.messages_to(604))
        fake_telegram.block_user(604, notify=False)
        renderer = Renderer(application.bot, core.learners, SentPolls(core.database), clock)
        reminder = [Reply("Time for a review!"), Reply("Still there?")]

        record = core.learners.by_key("telegram:604")
        assert record is not None and record.chat_id == 604
        assert not await renderer.push(record, reminder)
        assert [c.status for c in fake_telegram.sent(604, "sendMessage")] == [200, 403]
        blocked = core.learners.by_key("telegram:604")
        assert blocked is not None and blocked.blocked_at == clock()
        assert not await renderer.push(blocked, reminder)
        assert len(fake_telegram.sent(604, "sendMessage")) == 2, "nothing more was tried"

        fake_telegram.unblock_user(604, notify=False)
        fake_telegram.send_text(learner, "/help")
        await fake_telegram.wait_for(lambda: len(fake_telegram.messages_to(604)) == 2)
        back = core.learners.by_key("telegram:604")
        assert back is not None and back.blocked_at is None


async def test_blocking_is_recorded_from_telegrams_membership_update(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    learner = fake_telegram.user(605, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock) as (core, _):
        fake_telegram.send_text(learner, "/help")
        await fake_telegram.wait_for(lambda: fake_telegram.messages_to(605))
        fake_telegram.block_user(605)

        def blocked() -> bool:
            record = core.learners.by_key("telegram:605")
            return record is not None and record.blocked_at is not None

        await fake_telegram.wait_for(lambda: not fake_telegram.queue.pending and blocked())


async def test_a_failure_is_logged_with_the_update_and_the_learner_told_plainly(
    fake_telegram: FakeTelegram,
    settings: Settings,
    clock: FixedClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    learner = fake_telegram.user(606, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock) as (core, _):
        fake_telegram.send_text(learner, "/help")
        await fake_telegram.wait_for(lambda: fake_telegram.messages_to(606))
        with core.database.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE card_progress")
        update = fake_telegram.send_text(learner, "/next")
        await fake_telegram.wait_for(lambda: len(fake_telegram.messages_to(606)) == 2)
    sorry = fake_telegram.messages_to(606)[-1]
    assert sorry.text.startswith("Sorry, something went wrong on my side.")
    assert "card_progress" not in sorry.text and "Error" not in sorry.text
    [record] = [r for r in caplog.records if r.name == "bot.telegram.handlers"]
    assert record.levelno == logging.ERROR and record.exc_info is not None
    assert str(update["update_id"]) in record.getMessage()


async def test_one_chat_is_paced_without_holding_up_another(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    pacing = Pacing(per_chat_rate=10, per_chat_burst=1, global_rate=1000)
    async with running_bot(fake_telegram, settings, clock, pacing=pacing) as (core, application):
        for user_id in (607, 608):
            fake_telegram.send_text(fake_telegram.user(user_id, "Ada", "en"), "/help")
        await fake_telegram.wait_for(
            lambda: fake_telegram.messages_to(607) and fake_telegram.messages_to(608)
        )
        renderer = Renderer(application.bot, core.learners, SentPolls(core.database), clock)
        busy, quiet = core.learners.by_key("telegram:607"), core.learners.by_key("telegram:608")
        assert busy is not None and quiet is not None
        await asyncio.gather(
            renderer.push(busy, [Reply(f"message {n}") for n in range(4)]),
            renderer.push(quiet, [Reply("just one")]),
        )
    busy_times = [c.timestamp for c in fake_telegram.sent(607, "sendMessage")[1:]]
    quiet_time = fake_telegram.sent(608, "sendMessage")[-1].timestamp
    gaps = [later - earlier for earlier, later in itertools.pairwise(busy_times)]
    assert len(busy_times) == 4 and all(gap >= 0.08 for gap in gaps), gaps
    assert quiet_time < busy_times[-1]


async def test_the_global_limit_spreads_messages_to_many_chats(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    pacing = Pacing(per_chat_rate=1000, per_chat_burst=100, global_rate=5)
    users = range(611, 616)
    async with running_bot(fake_telegram, settings, clock, pacing=pacing) as (core, application):
        for user_id in users:
            fake_telegram.open_chat(fake_telegram.user(user_id, "Ada", "en"))
            core.learners.arrive(
                f"telegram:{user_id}", display_name="Ada", language="en", now=clock(),
            )  # fmt: skip
            core.learners.attach_chat(f"telegram:{user_id}", user_id)
        renderer = Renderer(application.bot, core.learners, SentPolls(core.database), clock)
        learners = [core.learners.by_key(f"telegram:{user_id}") for user_id in users]
        await asyncio.gather(
            *(renderer.push(one, [Reply("a"), Reply("b")]) for one in learners if one is not None)
        )
    times = sorted(c.timestamp for c in fake_telegram.sent(method="sendMessage"))
    assert len(times) == 10
    assert times[-1] - times[0] >= 0.8  # five at once, then five a second


def _card(fake: FakeTelegram, number: int, total: int) -> ChatMessage | None:
    """Chat 603's newest message, once it shows card ``number`` of ``total``."""
    message = last_message(fake, 603)
    return message if message and f"({number}/{total})" in message.text else None
