"""Review cards through the core: made by answers, served by /review in FSRS order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.bootstrap import App, build
from bot.messages import Photo, Quiz, Reply
from bot.settings import Settings
from lessons.loader import load_catalog
from lessons.model import ChoiceQuestion
from storage import CardKey, SandboxRecords
from tests.bot.helpers import Learner
from tests.conftest import FixedClock

LESSON = load_catalog().by_number(1)
QUESTIONS = [q for q in LESSON.questions if isinstance(q, ChoiceQuestion)]


async def answer_lesson(ada: Learner, clock: FixedClock, plan: list[tuple[bool, float]]) -> None:
    """Answer lesson 1's quiz: (right?, seconds taken) per question, in order."""
    await ada.say("/start lesson-1")
    await ada.say("/quiz")
    for question, (right, seconds) in zip(QUESTIONS, plan, strict=False):
        assert ada.quiz().question_ref.endswith(question.id)
        clock.advance(seconds=seconds)
        option = question.answer if right else (question.answer + 1) % len(question.options)
        await ada.choose(option)


def due_of(app: App, learner_id: int, question_id: str) -> datetime:
    card = app.reviews.deck.cards.find(CardKey(learner_id, "question", LESSON.id, question_id))
    assert card is not None
    return card.memory.due


async def test_an_answer_comes_back_on_the_day_fsrs_says(app: App, clock: FixedClock) -> None:
    ada = Learner(app)
    await answer_lesson(ada, clock, [(True, 30)])  # right, not fast: Good, three days
    learner = app.learners.by_key(ada.sender.key)
    assert learner is not None
    assert due_of(app, learner.id, QUESTIONS[0].id) == datetime(2026, 3, 5, tzinfo=UTC)

    clock.current = datetime(2026, 3, 4, 21, 0, tzinfo=UTC)
    [reply] = await ada.say("/review")
    assert isinstance(reply, Reply)
    assert "Nothing to review right now" in reply.text
    assert "Next reviews due: Thu, Mar 5" in reply.text

    clock.current = datetime(2026, 3, 5, 0, 1, tzinfo=UTC)
    header, quiz = await ada.say("/review")
    assert isinstance(header, Reply) and "1 card(s) to review" in header.text
    assert isinstance(quiz, Quiz) and quiz.question.startswith("🔁 Review.")
    assert quiz.question.endswith(QUESTIONS[0].prompt("en"))


async def test_due_reviews_come_back_most_overdue_first(app: App, clock: FixedClock) -> None:
    ada = Learner(app)
    # Good (3 days), Again (1 day), Easy (8 days), Good (3 days)
    await answer_lesson(ada, clock, [(True, 30), (False, 30), (True, 2), (True, 30)])
    clock.advance(days=20)
    await ada.say("/review")
    asked = []
    for _ in QUESTIONS:
        quiz = ada.quiz()
        asked.append(quiz.question_ref)
        clock.advance(seconds=30)
        await ada.choose(quiz.correct)
    ids = [app.reviews.deck.cards.get(int(ref.split(":")[1])) for ref in asked]
    order = [card.item_id for card in ids if card is not None]
    assert order == [QUESTIONS[i].id for i in (1, 0, 3, 2)]
    [last] = ada.last[1:]
    assert isinstance(last, Reply) and "Next reviews due:" in last.text


async def test_a_wrong_review_comes_back_sooner_than_a_right_one(
    app: App, clock: FixedClock
) -> None:
    ada = Learner(app)
    await answer_lesson(ada, clock, [(True, 30), (True, 30)])
    clock.advance(days=4)
    await ada.say("/review")
    first = ada.quiz()
    clock.advance(seconds=30)
    await ada.choose(first.correct)
    second = ada.quiz()
    clock.advance(seconds=30)
    await ada.choose((second.correct + 1) % len(second.options))
    learner = app.learners.by_key(ada.sender.key)
    assert learner is not None
    right = due_of(app, learner.id, QUESTIONS[0].id)
    wrong = due_of(app, learner.id, QUESTIONS[1].id)
    assert wrong == datetime(2026, 3, 7, tzinfo=UTC)  # tomorrow: relearning
    assert right - wrong > timedelta(days=5)


async def test_a_review_session_stops_at_twenty_cards(app: App, clock: FixedClock) -> None:
    ada = Learner(app)
    await ada.say("/start")
    learner = app.learners.by_key(ada.sender.key)
    assert learner is not None
    catalog = load_catalog()
    questions = [(lesson.id, q.id) for lesson in catalog for q in lesson.questions][:22]
    for lesson_id, question_id in questions:
        app.reviews.answered(learner, lesson_id, question_id, False, 30_000)
    clock.advance(days=2)
    header, *_ = await ada.say("/review")
    assert isinstance(header, Reply) and "22 card(s) to review" in header.text
    served = 0
    while app.learners.get(learner.id).awaiting is not None:
        if any(isinstance(item, Quiz) for item in ada.last):
            await ada.choose(ada.quiz().correct)
        else:
            await ada.press("I don't remember")
        served += 1
    assert served == 20
    assert isinstance(ada.last[-1], Reply) and "2 more are due" in ada.last[-1].text


async def test_a_practice_step_done_becomes_a_card_reviewed_by_typing_without_a_sandbox(
    settings: Settings, clock: FixedClock
) -> None:
    app = build(settings.model_copy(update={"sandbox": False}), clock=clock)
    ada = Learner(app)
    await ada.say("/start")
    learner = app.learners.by_key(ada.sender.key)
    assert learner is not None
    lesson = next(lesson for lesson in load_catalog() if lesson.practice)
    step = lesson.practice[0]
    SandboxRecords(app.database).practice_try(learner.id, lesson.id, step.id, done_at=clock())
    await ada.say("/help")
    clock.advance(days=4)
    _, task = await ada.say("/review")
    assert isinstance(task, Reply) and step.goal("en") in task.text
    assert "Type the command that does it." in task.text
    await ada.press("Hint")
    assert "💡 Hint:" in ada.texts()
    replies = await ada.say(step.command.splitlines()[0])
    assert isinstance(replies[0], Reply) and replies[0].text.startswith("Correct!")
    card = app.reviews.deck.cards.find(CardKey(learner.id, "practice", lesson.id, step.id))
    assert card is not None and card.memory.due > clock()
    app.close()


async def test_remind_sets_time_zone_quiet_hours_and_cap(app: App, clock: FixedClock) -> None:
    ada = Learner(app)
    [reply] = await ada.say("/remind")
    assert isinstance(reply, Reply) and "daily at 20:00 (UTC)" in reply.text
    [reply] = await ada.say("/remind 07:30 Europe/Berlin")
    assert isinstance(reply, Reply) and "daily at 07:30 (Europe/Berlin)" in reply.text
    learner = app.learners.by_key(ada.sender.key)
    assert learner is not None and learner.timezone == "Europe/Berlin"
    [reply] = await ada.say("/remind quiet 23:00-06:00")
    assert isinstance(reply, Reply) and "Quiet hours: 23:00–06:00" in reply.text
    [reply] = await ada.say("/remind cap 5")
    assert isinstance(reply, Reply) and "At most 5 reviews a day" in reply.text
    [reply] = await ada.say("/remind off")
    assert isinstance(reply, Reply) and reply.text.startswith("🔕 Review reminders are off")
    [reply] = await ada.say("/remind 20:00 Mars/Olympus")
    assert isinstance(reply, Reply) and "I don't know the time zone Mars/Olympus" in reply.text
    [reply] = await ada.say("/remind 25:00")
    assert isinstance(reply, Reply) and reply.text.startswith("Use it like this:")


async def test_progress_adds_a_picture_saved_as_png(app: App, clock: FixedClock) -> None:
    ada = Learner(app)
    await answer_lesson(ada, clock, [(True, 30), (False, 30)])
    text, photo = await ada.say("/progress")
    assert isinstance(text, Reply) and "Quiz accuracy: 50% (1/2)" in text.text
    assert isinstance(photo, Photo)
    assert photo.path.parent == app.settings.data_dir / "pictures"
    assert photo.path.read_bytes().startswith(b"\x89PNG")


async def test_the_reviews_feature_is_wired(app: App) -> None:
    assert "reviews" in app.conversation.features


async def test_a_card_due_sooner_pulls_the_next_prompt_earlier_and_never_later(
    app: App, clock: FixedClock
) -> None:
    ada = Learner(app)

    def next_prompt() -> datetime:
        learner = app.learners.by_key(ada.sender.key)
        assert learner is not None
        reminder = app.reviews.deck.reminders.get(learner.id)
        assert reminder is not None and reminder.next_prompt_at is not None
        return reminder.next_prompt_at

    await answer_lesson(ada, clock, [(True, 2)])  # Easy: due in eight days
    easy = next_prompt()
    await ada.choose((QUESTIONS[1].answer + 1) % len(QUESTIONS[1].options))  # Again: one day
    again = next_prompt()
    assert easy - again == timedelta(days=7)
    clock.advance(seconds=30)
    await ada.choose(QUESTIONS[2].answer)  # Good: three days, after the prompt planned
    assert next_prompt() == again
