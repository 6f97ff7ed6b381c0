"""The real Telegram application against the fake Bot API: a learner's course by chat."""

from __future__ import annotations

from typing import Any

from bot.settings import Settings
from lessons.loader import load_catalog
from lessons.model import ChoiceQuestion, CommandQuestion
from tests.conftest import FixedClock
from tests.fakes import FakeTelegram, FakeUser, fake_telegram
from tests.fakes.telegram_extra import button_data, running_bot

__all__ = ["fake_telegram"]

CATALOG = load_catalog()


async def test_a_new_learner_gets_the_welcome_with_buttons(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(fake_telegram.user(501, "Minji", "ko"), "/start")
        [welcome] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(501))
    assert welcome.text.startswith("안녕하세요, Minji님!")
    assert [b.text for row in welcome.buttons for b in row] == ["1강 시작하기 ▶", "레슨 지도"]
    assert all(len(data.encode()) <= 64 for data in welcome.callback_data)
    call = fake_telegram.sent(501, "sendMessage")[0]
    assert call.params["parse_mode"] == "HTML"


async def test_a_whole_lesson_by_buttons_edits_one_card_and_grades_quiz_polls(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    lesson = CATALOG.by_number(1)
    learner = fake_telegram.user(502, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(learner, "/start")
        welcome = await _next_message(fake_telegram, learner, 1)
        fake_telegram.press_button(learner, welcome, button_data(welcome, "Start lesson 1"))
        card = await _next_message(fake_telegram, learner, 2)
        assert card.text.startswith(f"Lesson 1. {lesson.title('en')} (1/{len(lesson.cards)})")
        assert card.raw["entities"][0]["type"] == "bold"
        for number in range(2, len(lesson.cards) + 1):
            fake_telegram.press_button(learner, card, button_data(card, "Next"))
            counter = f"({number}/{len(lesson.cards)})"
            card = await fake_telegram.wait_for(
                lambda counter=counter: _with_text(fake_telegram.messages_to(502)[1], counter)
            )
        assert len(fake_telegram.messages_to(502)) == 2, "cards are edited in place"
        await fake_telegram.wait_for(
            lambda: len(fake_telegram.sent(method="answerCallbackQuery")) == len(lesson.cards)
        )

        fake_telegram.press_button(learner, card, button_data(card, "Take the quiz"))
        for position, question in enumerate(lesson.questions):
            assert isinstance(question, ChoiceQuestion)
            poll = await fake_telegram.wait_for(lambda p=position: _poll(fake_telegram, 502, p))
            raw = poll.raw["poll"]
            assert raw["type"] == "quiz" and raw["is_anonymous"] is False
            assert raw["correct_option_ids"] == [question.answer]
            wrong = position == 1
            choice = (question.answer + 1) % len(question.options) if wrong else question.answer
            seen = len(fake_telegram.messages_to(502))
            fake_telegram.answer_poll(learner, poll.poll_id or "", [choice])
            verdict = await _next_message(fake_telegram, learner, seen + 1)
            assert verdict.text.startswith("Not quite. ❌" if wrong else "Correct! ✅")
        done = await fake_telegram.wait_for(
            lambda: _with_text(fake_telegram.messages_to(502)[-1], "Lesson 1.")
        )
        texts = [m.text for m in fake_telegram.messages_to(502)]
        assert f"🎉 Lesson 1 done! Quiz: {len(lesson.questions) - 1}/{len(lesson.questions)}" in (
            "\n".join(texts)
        )
        assert any("Next lesson" in b.text for row in done.buttons for b in row)


async def test_a_command_question_is_answered_by_message(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    lesson = CATALOG.by_number(2)
    position = next(i for i, q in enumerate(lesson.questions) if isinstance(q, CommandQuestion))
    question = lesson.questions[position]
    assert isinstance(question, CommandQuestion)
    learner = fake_telegram.user(503, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(learner, "/start lesson-2")
        await _next_message(fake_telegram, learner, 1)
        fake_telegram.send_text(learner, "/quiz")
        for index, earlier in enumerate(lesson.questions[:position]):
            assert isinstance(earlier, ChoiceQuestion)
            poll = await fake_telegram.wait_for(
                lambda index=index: _poll(fake_telegram, 503, index)
            )
            fake_telegram.answer_poll(learner, poll.poll_id or "", [earlier.answer])
        prompt = await fake_telegram.wait_for(
            lambda: _with_text(fake_telegram.messages_to(503)[-1], "Type the command")
        )
        fake_telegram.send_text(learner, question.answers[0])
        verdict = await fake_telegram.wait_for(
            lambda: next(
                (m for m in fake_telegram.messages_to(503) if m.message_id > prompt.message_id),
                None,
            )
        )
    assert verdict.text.startswith("Correct! ✅")


async def test_deep_link_opens_a_lesson(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(fake_telegram.user(504, "Ada", "en"), "/start lesson-3")
        [card] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(504))
    assert card.text.startswith(f"Lesson 3. {CATALOG.by_number(3).title('en')} (1/")


async def test_markup_typed_by_a_learner_is_shown_literally(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(fake_telegram.user(505, "Ada", "en"), "/x <b>&amp; & <i>")
        [reply] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(505))
    assert reply.text.startswith("I don't know that command: /x")
    assert fake_telegram.sent(505, "sendMessage")[0].status == 200
    # Only the first word is the command; the rest never reaches the reply.
    assert "<b>" not in reply.text and reply.raw.get("entities") is None


async def test_a_display_name_with_markup_is_escaped(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(fake_telegram.user(506, "<b>R&D</b>", "en"), "/start")
        [welcome] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(506))
    assert welcome.text.startswith("Hi <b>R&D</b>, I'm kubetutor.")


async def test_two_learners_at_once_never_see_each_others_messages(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    minji, ada = fake_telegram.user(511, "Minji", "ko"), fake_telegram.user(512, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock):
        for learner in (minji, ada):
            fake_telegram.send_text(learner, "/start lesson-4")
            fake_telegram.send_text(learner, "/progress")
            fake_telegram.send_text(learner, "/lessons")
        await fake_telegram.wait_for(
            lambda: (
                len(fake_telegram.messages_to(511)) == 4
                and len(fake_telegram.messages_to(512)) == 4
            )
        )
    korean = fake_telegram.messages_to(511)
    english = fake_telegram.messages_to(512)
    assert "Minji님의 진도" in korean[1].text and "Ada" not in " ".join(m.text for m in korean)
    assert "Ada's progress" in english[1].text and "Minji" not in " ".join(m.text for m in english)
    assert korean[0].text.startswith("4강.") and english[0].text.startswith("Lesson 4.")
    assert korean[2].kind == english[2].kind == "photo"  # the /progress picture
    assert {c.chat_id for c in fake_telegram.sent(method="sendMessage")} == {511, 512}


async def test_a_group_chat_gets_one_pointer_to_the_private_chat(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_in_group(fake_telegram.user(521, "Ada", "en"), -100, "/start")
        [pointer] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(-100))
        fake_telegram.send_in_group(fake_telegram.user(521, "Ada", "en"), -100, "hello all")
        fake_telegram.send_text(fake_telegram.user(522, "Bo", "en"), "/help")
        await fake_telegram.wait_for(lambda: fake_telegram.messages_to(522))
    assert pointer.text.startswith("I teach in private chats only.")
    [[button]] = pointer.buttons
    assert button.url == "https://t.me/kubetutor_test_bot"
    assert len(fake_telegram.messages_to(-100)) == 1


async def _next_message(fake: FakeTelegram, user: FakeUser, count: int) -> Any:
    """The ``count``-th bot message in the user's chat, once it exists."""
    messages = await fake.wait_for(
        lambda: len(fake.messages_to(user.id)) >= count and fake.messages_to(user.id)
    )
    return messages[count - 1]


def _with_text(message: Any, fragment: str) -> Any:
    return message if fragment in message.text else None


def _poll(fake: FakeTelegram, chat_id: int, index: int) -> Any:
    """The chat's ``index``-th quiz poll, once it was sent."""
    polls = [m for m in fake.messages_to(chat_id) if m.kind == "poll"]
    return polls[index] if len(polls) > index else None
