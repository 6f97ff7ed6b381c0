"""A review session: due cards asked one by one, graded, and rescheduled.

Questions come back as they were first asked (a quiz, or a command to type,
graded by meaning); a practice step comes back as the task itself, done
again in the learner's sandbox and graded by checking the cluster. The card
being asked is the learner's ``awaiting`` item, so an answer typed after a
restart still finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from bot.messages import Button, Outgoing, Quiz, Reply
from bot.payloads import payload
from bot.practice import PracticeChecker
from bot.review_deck import Deck, timezone_of
from bot.review_texts import next_reviews_text
from bot.texts import learner_language, say
from lessons import srs
from lessons.catalog import Catalog, LessonNotFound
from lessons.grading import grade_command
from lessons.model import ChoiceQuestion, CommandQuestion, Language, PracticeStep
from sandbox.commandline import extract_command, same_meaning
from storage import Awaiting, CardKey, LearnerRecord, Learners, ReviewCardRecord

REVIEW_REF = "review:"
ASKED, HELPED = "review", "review-helped"  # awaiting kinds: helped = after a hint or a miss
SESSION_SIZE = 20


class ReviewSession:
    def __init__(
        self,
        catalog: Catalog,
        learners: Learners,
        deck: Deck,
        clock: Callable[[], datetime],
        checker: PracticeChecker | None = None,
    ) -> None:
        self._catalog = catalog
        self._learners = learners
        self._deck = deck
        self._clock = clock
        self._checker = checker

    @property
    def hands_on(self) -> bool:
        """Whether practice cards are done in the sandbox (else typed, graded by meaning)."""
        return self._checker is not None

    def start(self, learner: LearnerRecord, size: int, header: str) -> list[Outgoing]:
        """Begin a session of at most ``size`` cards with ``header`` above the first."""
        self._deck.reminders.start_session(learner.id, size)
        return [Reply(header), *self.next_or_finish(learner)]

    def next_or_finish(self, learner: LearnerRecord) -> list[Outgoing]:
        """The next due card while the session lasts; else when the next ones are due."""
        now = self._clock()
        reminder = self._deck.reminder(learner, now)
        if reminder.session_left > 0:
            for card in self._deck.cards.due(learner.id, now, 5):
                asked = self.ask(learner, card)
                if asked:
                    return asked
                self._deck.cards.forget(card.id)  # its question left the course
        self._learners.set_awaiting(learner.id, None)
        language = learner_language(learner)
        due_now = self._deck.cards.count_due(learner.id, now)
        first_due = self._deck.cards.first_due(learner.id)
        text = next_reviews_text(
            language,
            timezone_of(learner),
            due_now=due_now,
            first_due=first_due,
            next_prompt=reminder.next_prompt_at,
        )
        return [Reply(text)]

    def ask(self, learner: LearnerRecord, card: ReviewCardRecord) -> list[Outgoing]:
        """The card as a question; nothing when its content is gone from the course."""
        language = learner_language(learner)
        title = say("review_title", language)
        try:
            if card.kind == "practice":
                step = self._catalog.practice(card.lesson_id, card.item_id)
                replies = self._ask_practice(card, step, language, title)
            else:
                question = self._catalog.question(card.lesson_id, card.item_id)
                replies = self._ask_question(card, question, language, title)
        except LessonNotFound:
            return []
        awaiting = Awaiting(ASKED, card.lesson_id, str(card.id), self._clock())
        self._learners.set_awaiting(learner.id, awaiting)
        return replies

    def _ask_question(
        self,
        card: ReviewCardRecord,
        question: ChoiceQuestion | CommandQuestion,
        language: Language,
        title: str,
    ) -> list[Outgoing]:
        if isinstance(question, ChoiceQuestion):
            return [
                Quiz(
                    question_ref=f"{REVIEW_REF}{card.id}",
                    question=f"{title}. {question.prompt(language)}",
                    options=tuple(option(language) for option in question.options),
                    correct=question.answer,
                    explanation=question.explanation(language),
                )
            ]
        text = f"{question.prompt(language)}\n\n{say('type_command', language)}"
        return [Reply(text, title=title, buttons=(_help_row(card, language),))]

    def _ask_practice(
        self, card: ReviewCardRecord, step: PracticeStep, language: Language, title: str
    ) -> list[Outgoing]:
        how = "review_practice_sandbox" if self.hands_on else "review_practice_type"
        text = f"{step.goal(language)}\n\n{say(how, language)}"
        return [Reply(text, title=f"{title} · 🛠", buttons=(_help_row(card, language),))]

    def awaited_card(self, learner: LearnerRecord) -> ReviewCardRecord | None:
        """The review card the learner's next typed message answers, if any."""
        awaiting = learner.awaiting
        if awaiting is None or awaiting.kind not in {ASKED, HELPED}:
            return None
        card = self._deck.cards.get(int(awaiting.item_id)) if awaiting.item_id.isdigit() else None
        return card if card is not None and card.learner_id == learner.id else None

    def answer_choice(self, learner: LearnerRecord, card_id: int, option: int) -> list[Outgoing]:
        language = learner_language(learner)
        card = self._deck.cards.get(card_id)
        if card is None or card.learner_id != learner.id or card.memory.due > self._clock():
            return [Reply(say("review_stale", language))]
        try:
            question = self._catalog.question(card.lesson_id, card.item_id)
        except LessonNotFound:
            return [Reply(say("review_stale", language))]
        if not isinstance(question, ChoiceQuestion):
            return [Reply(say("review_stale", language))]
        correct = option == question.answer
        expected = question.options[question.answer](language)
        verdict = say("correct", language) if correct else say("wrong", language, expected=expected)
        feedback = Reply(f"{verdict}\n{question.explanation(language)}")
        return self._graded(learner, card, correct=correct, kind="choice", feedback=feedback)

    def answer_command(
        self, learner: LearnerRecord, card: ReviewCardRecord, text: str
    ) -> list[Outgoing]:
        """A typed answer to a command question, or to a practice card without a sandbox."""
        language = learner_language(learner)
        if card.kind == "practice":
            step = self._catalog.practice(card.lesson_id, card.item_id)
            correct, expected = same_command(text, step.command), step.command.rstrip()
            explanation = step.goal(language)
        else:
            question = self._catalog.question(card.lesson_id, card.item_id)
            if not isinstance(question, CommandQuestion):
                return []
            grade = grade_command(question, text)
            correct, expected = grade.correct, grade.expected
            explanation = question.explanation(language)
        verdict = say("correct", language) if correct else say("wrong", language, expected=expected)
        feedback = Reply(f"{verdict}\n{explanation}", code=None if correct else expected)
        kind: srs.QuestionKind | None = "command" if card.kind == "question" else None
        return self._graded(learner, card, correct=correct, kind=kind, feedback=feedback)

    async def check_practice(
        self, learner: LearnerRecord, card: ReviewCardRecord, text: str
    ) -> list[Outgoing]:
        """After a sandbox command: is the learner's namespace now as the task asks?"""
        assert self._checker is not None
        language = learner_language(learner)
        step = self._catalog.practice(card.lesson_id, card.item_id)
        if step.checks:
            passed = (await self._checker.check(learner.key, step.checks)).passed
        else:
            passed = same_command(text, step.command)
        if not passed:
            self._mark_helped(learner, card)
            return [Reply(say("review_not_yet", language), buttons=(_help_row(card, language),))]
        feedback = Reply(say("practice_done", language, goal=step.goal(language)))
        return self._graded(learner, card, correct=True, kind=None, feedback=feedback)

    def hint(self, learner: LearnerRecord, card_id: int) -> list[Outgoing]:
        language = learner_language(learner)
        card = self.awaited_card(learner)
        if card is None or card.id != card_id:
            return [Reply(say("review_stale", language))]
        if card.kind == "practice":
            hint = self._catalog.practice(card.lesson_id, card.item_id).hint(language)
        else:
            question = self._catalog.question(card.lesson_id, card.item_id)
            words = question.answers[0].split() if isinstance(question, CommandQuestion) else []
            hint = " ".join(words[:2]) + " …"
        self._mark_helped(learner, card)
        return [Reply(say("practice_hint", language, hint=hint))]

    def give_up(self, learner: LearnerRecord, card_id: int) -> list[Outgoing]:
        """ "I don't remember": Again, with the answer shown."""
        language = learner_language(learner)
        card = self.awaited_card(learner)
        if card is None or card.id != card_id:
            return [Reply(say("review_stale", language))]
        if card.kind == "practice":
            answer = self._catalog.practice(card.lesson_id, card.item_id).command.rstrip()
        else:
            question = self._catalog.question(card.lesson_id, card.item_id)
            answer = question.answers[0] if isinstance(question, CommandQuestion) else ""
        feedback = Reply(say("review_forgot", language), code=answer or None)
        return self._graded(learner, card, correct=False, kind=None, feedback=feedback)

    def _graded(
        self,
        learner: LearnerRecord,
        card: ReviewCardRecord,
        *,
        correct: bool,
        kind: srs.QuestionKind | None,
        feedback: Reply,
    ) -> list[Outgoing]:
        now = self._clock()
        awaiting = learner.awaiting
        mine = awaiting is not None and awaiting.item_id == str(card.id)
        duration = (now - awaiting.since) if mine and awaiting is not None else None
        grade = srs.grade_answer(
            correct=correct,
            kind=kind,
            duration=duration,
            helped=mine and awaiting is not None and awaiting.kind == HELPED,
        )
        key = CardKey(learner.id, card.kind, card.lesson_id, card.item_id)
        millis = int(duration.total_seconds() * 1000) if duration is not None else None
        self._deck.record(learner, key, grade, now.astimezone(UTC), millis)
        self._deck.reminders.take_from_session(learner.id)
        return [feedback, *self.next_or_finish(learner)]

    def _mark_helped(self, learner: LearnerRecord, card: ReviewCardRecord) -> None:
        since = learner.awaiting.since if learner.awaiting else self._clock()
        self._learners.set_awaiting(
            learner.id, Awaiting(HELPED, card.lesson_id, str(card.id), since)
        )


def same_command(typed: str, expected: str) -> bool:
    """Whether the typed command does what ``expected`` does (first lines compared)."""
    command = extract_command(typed) or typed
    return same_meaning(command.splitlines()[0], expected.splitlines()[0])


def _help_row(card: ReviewCardRecord, language: Language) -> tuple[Button, ...]:
    return (
        Button(say("button_hint", language), payload("rv", "hint", str(card.id))),
        Button(say("button_forgot", language), payload("rv", "forgot", str(card.id))),
    )
