"""The reminder tick: local time, quiet hours, the cap, restarts and racing ticks."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime

from bot.bootstrap import App, build
from bot.messages import Outgoing, Quiz, Reply
from bot.review_push import ReviewPush
from bot.settings import Settings
from lessons.loader import load_catalog
from storage import LearnerRecord
from tests.bot.helpers import Learner
from tests.conftest import FixedClock

LESSON = load_catalog().by_number(1)


class Outbox:
    """Where pushed prompts land: (learner key, messages), in order."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, list[Outgoing]]] = []

    async def send(self, learner: LearnerRecord, items: Sequence[Outgoing]) -> bool:
        await asyncio.sleep(0)  # a real send yields to the event loop, so ticks can interleave
        self.sent.append((learner.key, list(items)))
        return True


def pusher(app: App, outbox: Outbox) -> ReviewPush:
    return ReviewPush(app.reviews, app.learners, outbox.send, key_prefix="test:")


async def learner_with_due_cards(app: App, remind: str, wrong: int = 2) -> Learner:
    """A learner who got ``wrong`` questions of lesson 1 wrong on 2 March (due 3 March)."""
    ada = Learner(app)
    await ada.say(f"/remind {remind}")
    learner = app.learners.by_key(ada.sender.key)
    assert learner is not None
    for question in LESSON.questions[:wrong]:
        app.reviews.answered(learner, LESSON.id, question.id, False, 30_000)
    return ada


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


async def test_a_reminder_waits_for_the_learners_local_time(app: App, clock: FixedClock) -> None:
    await learner_with_due_cards(app, "20:00 Asia/Seoul")
    outbox = Outbox()
    push = pusher(app, outbox)
    assert await push.tick(at(3, 10, 59)) == 0  # 19:59 in Seoul
    assert await push.tick(at(3, 11, 0)) == 1  # 20:00 in Seoul
    [(key, items)] = outbox.sent
    header, quiz = items
    assert key == "test:ada"
    assert isinstance(header, Reply) and header.text.startswith("⏰ Time to review! 2 card(s)")
    assert isinstance(quiz, Quiz) and quiz.question_ref.startswith("review:")
    assert await push.tick(at(3, 11, 1)) == 0
    assert await push.tick(at(3, 14, 59)) == 0  # still 3 March in Seoul: once a day


async def test_the_next_day_brings_the_next_prompt(app: App, clock: FixedClock) -> None:
    await learner_with_due_cards(app, "09:00")
    outbox = Outbox()
    push = pusher(app, outbox)
    assert await push.tick(at(3, 9, 0)) == 1
    assert await push.tick(at(3, 23, 0)) == 0
    assert await push.tick(at(4, 9, 0)) == 1  # the cards were never answered


async def test_quiet_hours_hold_a_reminder_until_morning(app: App, clock: FixedClock) -> None:
    ada = await learner_with_due_cards(app, "23:30 Asia/Seoul")
    [reply] = await ada.say("/remind quiet 22:00-08:00")
    assert isinstance(reply, Reply) and "Next reminder: Wed, Mar 4 08:00" in reply.text
    outbox = Outbox()
    push = pusher(app, outbox)
    assert await push.tick(at(3, 14, 30)) == 0  # 23:30 in Seoul: quiet
    assert await push.tick(at(3, 22, 59)) == 0  # 07:59 in Seoul
    assert await push.tick(at(3, 23, 0)) == 1  # 08:00 in Seoul


async def test_no_reminder_once_the_daily_cap_is_reached(app: App, clock: FixedClock) -> None:
    ada = await learner_with_due_cards(app, "20:00", wrong=3)
    await ada.say("/remind cap 1")
    clock.current = at(3, 12, 0)
    await ada.say("/review")
    await ada.choose(ada.quiz().correct)  # one review today: the cap
    outbox = Outbox()
    assert await pusher(app, outbox).tick(at(3, 20, 0)) == 0
    assert await pusher(app, outbox).tick(at(4, 20, 0)) == 1


async def test_reminders_off_send_nothing(app: App, clock: FixedClock) -> None:
    ada = await learner_with_due_cards(app, "20:00")
    await ada.say("/remind off")
    assert await pusher(app, Outbox()).tick(at(5, 20, 0)) == 0


async def test_a_learner_who_blocked_the_bot_is_skipped(app: App, clock: FixedClock) -> None:
    ada = await learner_with_due_cards(app, "20:00")
    app.learners.mark_blocked(ada.sender.key, clock())
    assert await pusher(app, Outbox()).tick(at(5, 20, 0)) == 0


async def test_a_restart_after_a_day_of_downtime_gives_one_catch_up_prompt(
    app: App, settings: Settings, clock: FixedClock
) -> None:
    await learner_with_due_cards(app, "20:00")
    app.close()  # the process stops before the 3 March reminder...
    clock.current = at(4, 21, 0)  # ...and comes back after the 4 March one
    restarted = build(settings, clock=clock)
    try:
        outbox = Outbox()
        push = pusher(restarted, outbox)
        sent = [await push.tick(at(4, 21, minute)) for minute in range(5)]
        sent.append(await push.tick(at(4, 23, 59)))
    finally:
        restarted.close()
    assert sum(sent) == 1
    assert len(outbox.sent) == 1


async def test_two_ticks_at_once_do_not_double_send(
    app: App, settings: Settings, clock: FixedClock
) -> None:
    await learner_with_due_cards(app, "20:00")
    other = build(settings, clock=clock)  # a second process on the same database
    try:
        outbox = Outbox()
        results = await asyncio.gather(
            pusher(app, outbox).tick(at(3, 20, 0)), pusher(other, outbox).tick(at(3, 20, 0))
        )
    finally:
        other.close()
    assert sorted(results) == [0, 1]
    assert len(outbox.sent) == 1


async def test_of_two_ticks_that_both_saw_the_learner_only_one_claims_the_day(
    app: App, settings: Settings, clock: FixedClock
) -> None:
    await learner_with_due_cards(app, "20:00")
    other = build(settings, clock=clock)
    try:
        now = at(3, 20, 0)
        [mine] = app.reviews.deck.reminders.due_prompts(now)
        [theirs] = other.reviews.deck.reminders.due_prompts(now)
        claims = [
            reminders.claim(due.learner_id, day=now.date(), now=now, next_at=None, session_size=5)
            for reminders, due in (
                (app.reviews.deck.reminders, mine),
                (other.reviews.deck.reminders, theirs),
            )
        ]
    finally:
        other.close()
    assert claims == [True, False]


async def test_the_tick_query_searches_indexes_and_scans_no_table(app: App) -> None:
    plan = app.reviews.deck.reminders.due_prompts_plan(at(3, 20, 0))
    text = "\n".join(plan)
    assert "USING INDEX ix_review_reminders_next_prompt_at" in text
    assert "INDEX ix_review_cards_learner_due (learner_id=? AND due<?)" in text
    assert not any(line.startswith("SCAN") for line in plan), text
