"""Review quizzes in the conversation: ``/review``, ``/remind``, ``/progress`` and answers.

The core hands every event here first (``handle``) and takes the replies if
there are any; it reports each graded lesson answer (``answered``), which
makes or updates that question's review card. Practice steps the learner has
done become cards too, the first time the learner writes after doing them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from bot.messages import Incoming, Outgoing, Photo, Reply
from bot.payloads import parse_payload
from bot.ports import SandboxPort
from bot.practice import PracticeChecker
from bot.progress_chart import DAYS_AHEAD, ProgressData, draw, due_per_day
from bot.progress_view import progress_text
from bot.remind_command import remind
from bot.reminder_rules import local_day
from bot.review_deck import Deck, timezone_of
from bot.review_session import REVIEW_REF, SESSION_SIZE, ReviewSession
from bot.review_texts import next_reviews_text
from bot.texts import learner_language, say
from lessons import srs
from lessons.catalog import Catalog, LessonNotFound
from lessons.model import ChoiceQuestion
from storage import CardKey, LearnerRecord, Learners, Progress


class Reviews:
    def __init__(
        self,
        catalog: Catalog,
        learners: Learners,
        progress: Progress,
        deck: Deck,
        clock: Callable[[], datetime],
        *,
        pictures: Path,
        sandbox: SandboxPort | None = None,
        checker: PracticeChecker | None = None,
    ) -> None:
        """
        Args:
            pictures: The folder ``/progress`` pictures are saved in.
            sandbox: Runs the learner's commands in a hands-on review.
            checker: Checks the learner's namespace; with ``sandbox``, practice
                cards are done again in the cluster, else typed and graded by meaning.
        """
        self.deck = deck
        self._catalog = catalog
        self._learners = learners
        self._progress = progress
        self._clock = clock
        self._pictures = pictures
        self._sandbox = sandbox
        self.session = ReviewSession(
            catalog, learners, deck, clock, checker if sandbox is not None else None
        )

    async def handle(self, learner: LearnerRecord, event: Incoming) -> list[Outgoing] | None:
        """The replies if ``event`` is about reviews, else None for the core to handle."""
        if event.choice is not None:
            ref = event.choice.question_ref
            if not ref.startswith(REVIEW_REF):
                return None
            card_id = ref.removeprefix(REVIEW_REF)
            if not card_id.isdigit():
                return [Reply(say("review_stale", learner_language(learner)))]
            return self.session.answer_choice(learner, int(card_id), event.choice.option)
        if event.button is not None:
            return self._button(learner, event.button)
        text = (event.text or "").strip()
        if text.startswith("/"):
            return await self._command(learner, text)
        return await self._typed(learner, text)

    def answered(
        self,
        learner: LearnerRecord,
        lesson_id: str,
        question_id: str,
        correct: bool,
        duration_ms: int | None,
    ) -> None:
        """A lesson question was graded: its review card is made or rescheduled."""
        try:
            question = self._catalog.question(lesson_id, question_id)
        except LessonNotFound:
            return
        duration = timedelta(milliseconds=duration_ms) if duration_ms is not None else None
        grade = srs.grade_answer(correct=correct, kind=question.kind, duration=duration)
        key = CardKey(learner.id, "question", lesson_id, question_id)
        self.deck.record(learner, key, grade, self._clock(), duration_ms)

    def review(self, learner: LearnerRecord) -> list[Outgoing]:
        """``/review``: the due cards, most overdue first, at most ``SESSION_SIZE`` now."""
        self.adopt_practice(learner)
        now = self._clock()
        due = self.deck.cards.count_due(learner.id, now)
        if not due:
            language = learner_language(learner)
            reminder = self.deck.reminder(learner, now)
            text = next_reviews_text(
                language,
                timezone_of(learner),
                due_now=0,
                first_due=self.deck.cards.first_due(learner.id),
                next_prompt=reminder.next_prompt_at,
            )
            return [Reply(f"{say('review_nothing_due', language)}\n{text}")]
        header = say("review_start", learner_language(learner), count=due)
        return self.session.start(learner, SESSION_SIZE, header)

    async def progress(self, learner: LearnerRecord) -> list[Outgoing]:
        """``/progress``: the words, and a picture of lessons, accuracy and reviews ahead."""
        language = learner_language(learner)
        now = self._clock()
        timezone = timezone_of(learner)
        text = progress_text(
            learner=learner,
            language=language,
            catalog=self._catalog,
            progress=self._progress,
            learners=self._learners,
            today=local_day(now, timezone),
        )
        states = self._progress.lesson_states(learner.id)
        correct, answered = self._progress.accuracy(learner.id)
        dues = self.deck.cards.due_dates(learner.id, now + timedelta(days=DAYS_AHEAD))
        data = ProgressData(
            lessons_done=sum(1 for state in states.values() if state.completed_at is not None),
            lessons_total=len(self._catalog),
            correct=correct,
            answered=answered,
            due_per_day=due_per_day(dues, now, timezone),
            first_day=local_day(now, timezone),
        )
        path = self._pictures / f"progress-{learner.id}.png"
        await asyncio.to_thread(draw, data, path)
        return [Reply(text), Photo(path, caption=say("progress_picture", language))]

    async def _command(self, learner: LearnerRecord, text: str) -> list[Outgoing] | None:
        word, _, argument = text.partition(" ")
        command = word[1:].split("@", 1)[0].lower()
        if command == "review":
            return self.review(learner)
        if command == "remind":
            return remind(self.deck, self._learners, learner, argument.strip(), self._clock())
        if command == "progress":
            return await self.progress(learner)
        return None

    def _button(self, learner: LearnerRecord, data: str) -> list[Outgoing] | None:
        parsed = parse_payload(data)
        if parsed is None or parsed.action != "rv":
            return None
        if len(parsed.args) == 2 and parsed.args[1].isdigit():
            if parsed.args[0] == "hint":
                return self.session.hint(learner, int(parsed.args[1]))
            if parsed.args[0] == "forgot":
                return self.session.give_up(learner, int(parsed.args[1]))
        return [Reply(say("review_stale", learner_language(learner)))]

    async def _typed(self, learner: LearnerRecord, text: str) -> list[Outgoing] | None:
        card = self.session.awaited_card(learner)
        if card is None or not text:
            return None
        if card.kind == "practice" and self.session.hands_on:
            assert self._sandbox is not None
            if not self._sandbox.is_command(text):
                return None
            ran = await self._sandbox.run(learner, text, learner_language(learner))
            if ran.refused:
                return ran.replies
            return [*ran.replies, *await self.session.check_practice(learner, card, text)]
        if card.kind == "question":
            question = self._catalog.question(card.lesson_id, card.item_id)
            if isinstance(question, ChoiceQuestion):
                if text.isdigit():
                    return self.session.answer_choice(learner, card.id, int(text) - 1)
                return None
        return self.session.answer_command(learner, card, text)

    def adopt_practice(self, learner: LearnerRecord) -> None:
        """Practice steps done and not yet review cards become cards.

        Called after each practice attempt, and again when a review starts in
        case a step was done just before a restart.
        """
        for done in self.deck.cards.unreviewed_practice(learner.id):
            # Done at the first try is Good; after misses (hints came) it is Hard.
            grade = srs.Grade.GOOD if done.tries <= 1 else srs.Grade.HARD
            key = CardKey(learner.id, "practice", done.lesson_id, done.step_id)
            self.deck.record(learner, key, grade, done.done_at)
