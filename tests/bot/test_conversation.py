"""A learner's whole path through the core, as any transport would drive it."""

from __future__ import annotations

from bot.bootstrap import App, build
from bot.messages import Quiz, Reply
from bot.settings import Settings
from lessons.model import ChoiceQuestion, CommandQuestion
from tests.bot.helpers import Learner
from tests.conftest import FixedClock


async def read_first_lesson(learner: Learner) -> None:
    await learner.say("/start")
    await learner.press("Start lesson 1")
    lesson = learner.app.catalog.first()
    for _ in lesson.cards[1:]:
        await learner.press("Next")
    await learner.press("Take the quiz")


async def answer_current(learner: Learner, *, right: bool) -> None:
    """Answer whatever question is open, right or wrong."""
    for item in reversed(learner.last):
        if isinstance(item, Quiz):
            option = item.correct if right else (item.correct + 1) % len(item.options)
            await learner.choose(option)
            return
    lesson = learner.app.catalog.lesson(learner.app.learners.get(1).awaiting.lesson_id)  # type: ignore[union-attr]
    awaiting = learner.app.learners.get(1).awaiting
    assert awaiting is not None
    question = learner.app.catalog.question(lesson.id, awaiting.item_id)
    assert isinstance(question, CommandQuestion)
    await learner.say(question.answers[0] if right else "kubectl get secrets")


async def test_new_learner_is_welcomed_in_korean_by_default(app: App) -> None:
    learner = Learner(app, lang=None)  # type: ignore[arg-type]
    replies = await learner.say("/start")
    assert isinstance(replies[0], Reply)
    assert "kubetutor" in replies[0].text
    assert "안녕하세요" in replies[0].text


async def test_english_client_gets_english(app: App) -> None:
    learner = Learner(app, lang="en-GB")
    await learner.say("/start")
    assert "Hi Ada" in learner.texts()


async def test_cards_advance_in_place_and_are_recorded(app: App) -> None:
    learner = Learner(app)
    await learner.say("/start")
    await learner.press("Start lesson 1")
    first = app.catalog.first()
    assert first.cards[0].text.en.strip()[:40] in learner.texts()
    replies = await learner.press("Next")
    assert isinstance(replies[0], Reply) and replies[0].replaces
    assert "(2/" in (replies[0].title or "")
    assert app.progress.seen_cards(1, first.id) == {first.cards[0].id, first.cards[1].id}


async def test_whole_lesson_and_quiz_with_right_and_wrong_answers_timed(
    app: App, clock: FixedClock
) -> None:
    learner = Learner(app)
    await read_first_lesson(learner)
    lesson = app.catalog.first()
    for position, _question in enumerate(lesson.questions):
        clock.advance(seconds=7)
        await answer_current(learner, right=position % 2 == 0)
    assert (
        f"Lesson 1 done! Quiz: {(len(lesson.questions) + 1) // 2}/{len(lesson.questions)}"
        in learner.texts()
    )
    attempts = app.progress.attempts(1, lesson.id)
    assert [a.correct for a in attempts] == [i % 2 == 0 for i in range(len(lesson.questions))]
    assert all(a.duration_ms == 7000 for a in attempts)
    assert app.progress.lesson_states(1)[lesson.id].completed_at is not None
    assert "Next lesson" in learner.button("Next lesson").label


async def test_a_wrong_command_answer_shows_the_expected_command(app: App) -> None:
    learner = Learner(app)
    lesson = next(
        lesson
        for lesson in app.catalog
        if any(isinstance(q, CommandQuestion) for q in lesson.questions)
    )
    number = app.catalog.number(lesson)
    await learner.say(f"/start lesson-{number}")
    for _ in lesson.cards[1:]:
        await learner.press("Next")
    await learner.press("Take the quiz")
    for question in lesson.questions:
        if isinstance(question, CommandQuestion):
            await learner.say("kubectl get secrets")
            assert "Not quite" in learner.texts()
            assert question.answers[0] in learner.texts()
            break
        await learner.choose(question.answer if isinstance(question, ChoiceQuestion) else 0)


async def test_quitting_and_restarting_continues_exactly_where_the_learner_was(
    settings: Settings, clock: FixedClock
) -> None:
    first = build(settings, clock=clock)
    learner = Learner(first)
    await read_first_lesson(learner)
    await answer_current(learner, right=True)
    expected_next = (
        learner.quiz().question
        if any(isinstance(i, Quiz) for i in learner.last)
        else learner.texts()
    )
    first.close()

    second = build(settings, clock=clock)
    again = Learner(second)
    await again.say("/next")
    resumed = (
        again.quiz().question if any(isinstance(i, Quiz) for i in again.last) else again.texts()
    )
    assert resumed == expected_next
    second.close()


async def test_deep_link_opens_a_lesson_and_a_bad_one_is_explained(app: App) -> None:
    learner = Learner(app)
    await learner.say("/start lesson-3")
    assert "Lesson 3." in learner.texts()
    await learner.say("/start lesson-99")
    assert "Lessons run from 1 to" in learner.texts()


async def test_stale_button_answers_politely_and_shows_where_the_learner_is(app: App) -> None:
    learner = Learner(app)
    await learner.say("/start")
    from bot.messages import Incoming

    replies = await app.conversation.handle(Incoming(learner.sender, button="v0:card:gone:old"))
    assert isinstance(replies[0], Reply)
    assert "older message" in replies[0].text
    replies = await app.conversation.handle(Incoming(learner.sender, button="v1:card:gone:old"))
    assert "older message" in replies[0].text  # type: ignore[union-attr]


async def test_language_switch_and_reset_with_confirmation(app: App) -> None:
    learner = Learner(app)
    await read_first_lesson(learner)
    await learner.say("/lang ko")
    assert "한국어" in learner.texts()
    await learner.say("/lang fr")
    assert "ko(한국어)" in learner.texts()
    await learner.say("/reset")
    await learner.press("아니요")
    assert app.progress.lesson_states(1)
    await learner.say("/reset")
    await learner.press("네, 처음부터")
    assert app.progress.lesson_states(1) == {}


async def test_progress_shows_lessons_accuracy_and_streak(app: App, clock: FixedClock) -> None:
    learner = Learner(app)
    await read_first_lesson(learner)
    for _ in app.catalog.first().questions:
        await answer_current(learner, right=True)
    clock.advance(days=1)
    await learner.say("/progress")
    text = learner.texts()
    assert f"1/{len(app.catalog)}" in text
    assert "100%" in text
    assert "Streak: 2 day(s)" in text


async def test_unknown_slash_command_and_chatter_get_guidance(app: App) -> None:
    learner = Learner(app)
    await learner.say("/frobnicate")
    assert "/help" in learner.texts()
    await learner.say("hello?")
    assert "/next" in learner.texts()
