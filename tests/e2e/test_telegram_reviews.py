"""Review reminders over the real Telegram application and the fake Bot API."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.settings import Settings
from bot.telegram.review_job import JOB_NAME
from lessons.loader import load_catalog
from lessons.model import ChoiceQuestion
from storage import CardKey
from tests.conftest import FixedClock
from tests.fakes import FakeTelegram, FakeUser, fake_telegram
from tests.fakes.telegram_extra import running_bot

__all__ = ["fake_telegram"]

LESSON = load_catalog().by_number(1)


def polls(fake: FakeTelegram, chat_id: int) -> list[Any]:
    return [m for m in fake.messages_to(chat_id) if m.kind == "poll"]


def nth_poll(fake: FakeTelegram, chat_id: int, index: int) -> Any:
    found = polls(fake, chat_id)
    return found[index] if len(found) > index else None


async def answer_lesson_quiz_wrong(fake: FakeTelegram, learner: FakeUser) -> None:
    """Open lesson 1's quiz and answer every poll wrong: every card is due tomorrow."""
    fake.send_text(learner, "/start lesson-1")
    await fake.wait_for(lambda: fake.messages_to(learner.id))
    fake.send_text(learner, "/quiz")
    for position, question in enumerate(LESSON.questions):
        assert isinstance(question, ChoiceQuestion)
        poll = await fake.wait_for(lambda p=position: nth_poll(fake, learner.id, p))
        fake.answer_poll(learner, poll.poll_id or "", [(question.answer + 1) % 4])
    await fake.wait_for(
        lambda: "Lesson 1 done!" in " ".join(m.text for m in fake.messages_to(learner.id))
    )


async def test_a_reminder_arrives_at_the_chosen_local_time_and_its_quiz_is_graded(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    ada = fake_telegram.user(601, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock) as (core, application):
        menu = [c["command"] for c in fake_telegram.visible_commands(601, "en")]
        assert {"review", "remind"} <= set(menu)
        await answer_lesson_quiz_wrong(fake_telegram, ada)
        fake_telegram.send_text(ada, "/remind 09:00 Europe/Berlin")
        await fake_telegram.wait_for(
            lambda: "daily at 09:00 (Europe/Berlin)" in fake_telegram.messages_to(601)[-1].text
        )
        [job] = application.job_queue.get_jobs_by_name(JOB_NAME)
        before = len(fake_telegram.messages_to(601))

        clock.current = datetime(2026, 3, 3, 7, 59, tzinfo=UTC)  # 08:59 in Berlin
        await job.run(application)
        assert len(fake_telegram.messages_to(601)) == before

        clock.current = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
        await job.run(application)
        await job.run(application)  # a second tick the same day sends nothing more
        prompt, poll = fake_telegram.messages_to(601)[before:]
        assert prompt.text.startswith(f"⏰ Time to review! {len(LESSON.questions)} card(s)")
        assert poll.kind == "poll" and poll.text.startswith("🔁 Review.")

        question = next(q for q in LESSON.questions if q.prompt("en") in poll.text)
        assert isinstance(question, ChoiceQuestion)
        clock.current = datetime(2026, 3, 3, 8, 0, 40, tzinfo=UTC)
        fake_telegram.answer_poll(ada, poll.poll_id or "", [question.answer])
        verdict = await fake_telegram.wait_for(
            lambda: next(
                (m for m in fake_telegram.messages_to(601)[before + 2 :] if m.kind == "text"),
                None,
            )
        )
        assert verdict.text.startswith("Correct! ✅")
        await fake_telegram.wait_for(
            lambda: len(polls(fake_telegram, 601)) == len(LESSON.questions) + 2
        )

        learner = core.learners.by_key("telegram:601")
        assert learner is not None
        card = core.reviews.deck.cards.find(CardKey(learner.id, "question", LESSON.id, question.id))
        assert card is not None and card.memory.due > clock.current
        assert core.reviews.deck.reviews_today(learner, clock.current) == 1
