"""The conversation core: one event in, the replies out, for every transport.

It knows nothing of Telegram or terminals. Each event is handled against
storage, and every piece of progress is committed before the reply is built,
so whatever a learner was told has already been saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.course import Course, PracticeWiring, question_ref
from bot.messages import Button, ChoiceAnswer, Incoming, Outgoing, Reply, Sender
from bot.payloads import parse_payload, payload
from bot.ports import ReviewPort, SandboxPort
from bot.progress_view import progress_text
from bot.texts import language_from_client, learner_language, say
from lessons.catalog import Catalog, LessonNotFound
from lessons.grading import Grade, grade_choice, grade_command
from lessons.model import ChoiceQuestion, CommandQuestion, Language, Lesson
from storage import AttemptRecord, LearnerRecord, Learners, Progress

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Answer:
    """What one event produced, and for whom: a transport addresses and labels replies by it."""

    learner: LearnerRecord
    replies: list[Outgoing]


class Conversation:
    def __init__(
        self,
        catalog: Catalog,
        learners: Learners,
        progress: Progress,
        clock: Callable[[], datetime],
        *,
        sandbox: SandboxPort | None = None,
        practice: PracticeWiring | None = None,
        reviews: ReviewPort | None = None,
    ) -> None:
        self.catalog = catalog
        self._learners = learners
        self._progress = progress
        self._clock = clock
        self._sandbox = sandbox
        self._reviews = reviews
        self.course = Course(catalog, learners, progress, clock, practice)

    async def handle(self, event: Incoming) -> list[Outgoing]:
        """The replies to ``event``, after its effects are saved."""
        return (await self.answer(event)).replies

    async def answer(self, event: Incoming) -> Answer:
        """The replies to ``event`` and the learner they are for, as the event found them.

        Transports that label replies themselves use that learner's language:
        only a change of language is answered in another one, in plain text.
        """
        learner, created = self._arrive(event)
        return Answer(learner, await self._dispatch(learner, event, created))

    async def _dispatch(
        self, learner: LearnerRecord, event: Incoming, created: bool
    ) -> list[Outgoing]:
        if self._reviews is not None:
            replies = await self._reviews.handle(learner, event)
            if replies is not None:
                return replies
        if event.choice is not None:
            return self._answer_choice(learner, event.choice)
        if event.button is not None:
            return await self._press(learner, event.button)
        text = (event.text or "").strip()
        if text.startswith("/"):
            return await self._command(learner, text, created)
        return await self._typed(learner, text)

    @property
    def features(self) -> frozenset[str]:
        """The optional parts that are wired, such as "sandbox"; menus list their commands."""
        wired = {"sandbox"} if self._sandbox is not None else set()
        if self._reviews is not None:
            wired.add("reviews")
        return frozenset(wired)

    def runs_command(self, text: str) -> bool:
        """Whether ``text`` would run in the sandbox, so a transport can show it is working."""
        return self._sandbox is not None and self._sandbox.is_command(text.strip())

    def language_of(self, sender: Sender) -> Language:
        """The language the learner reads, for transports that label things themselves."""
        learner, _ = self._arrive(Incoming(sender))
        return learner_language(learner)

    def prefer_language(self, sender: Sender, language: Language) -> None:
        """Set the learner's language up front, as ``kubetutor chat --lang`` asks."""
        learner, _ = self._arrive(Incoming(sender))
        self._learners.set_language(learner.id, language)

    def _arrive(self, event: Incoming) -> tuple[LearnerRecord, bool]:
        return self._learners.arrive(
            event.sender.key,
            display_name=event.sender.display_name,
            language=language_from_client(event.sender.language_code),
            now=self._clock(),
            chat_id=event.sender.chat_id,
        )

    async def _command(self, learner: LearnerRecord, text: str, created: bool) -> list[Outgoing]:
        language = learner_language(learner)
        word, _, argument = text.partition(" ")
        command = word[1:].split("@", 1)[0].lower()
        argument = argument.strip()
        if command == "start":
            return self._start(learner, argument, created)
        if command == "help":
            return [Reply(say("help", language, extra=""))]
        if command in {"lessons", "map"}:
            return self.course.course_map(learner)
        if command in {"next", "continue"}:
            return self.course.resume(learner)
        if command == "quiz":
            return self._quiz(learner)
        if command == "progress":
            today = _local_day(self._clock(), learner.timezone)
            text = progress_text(
                learner=learner,
                language=language,
                catalog=self.catalog,
                progress=self._progress,
                learners=self._learners,
                today=today,
            )
            return [Reply(text)]
        if command == "lang":
            return self._set_language(learner, argument)
        if command == "sandbox" and self._sandbox is not None:
            return await self._sandbox_command(learner, argument)
        if command == "reset":
            return [
                Reply(
                    say("reset_confirm", language),
                    buttons=(
                        (
                            Button(say("button_yes_reset", language), payload("reset", "yes")),
                            Button(say("button_no", language), payload("reset", "no")),
                        ),
                    ),
                )
            ]
        return [Reply(say("unknown_command", language, command=word[:64]))]

    def _start(self, learner: LearnerRecord, argument: str, created: bool) -> list[Outgoing]:
        language = learner_language(learner)
        if argument.startswith("lesson-"):
            return self._open_by_number(learner, argument.removeprefix("lesson-"))
        if created or not self._progress.lesson_states(learner.id):
            text = say("welcome", language, name=learner.display_name, count=len(self.catalog))
            first = self.catalog.first()
            buttons = (
                Button(say("button_start", language), payload("open", first.id)),
                Button(say("button_map", language), payload("map")),
            )
        else:
            text = say("welcome_back", language, name=learner.display_name)
            buttons = (
                Button(say("button_continue", language), payload("next")),
                Button(say("button_map", language), payload("map")),
            )
        return [Reply(text, buttons=(buttons,))]

    def _open_by_number(self, learner: LearnerRecord, number: str) -> list[Outgoing]:
        try:
            lesson = self.catalog.by_number(int(number))
        except (ValueError, LessonNotFound):
            return [
                Reply(say("unknown_lesson", learner_language(learner), count=len(self.catalog)))
            ]
        return self.course.open_lesson(learner, lesson)

    def _quiz(self, learner: LearnerRecord) -> list[Outgoing]:
        if not self._progress.lesson_states(learner.id):
            return [Reply(say("no_quiz_yet", learner_language(learner)))]
        return self.course.ask(learner, self.course.current_lesson(learner), 0)

    def _set_language(self, learner: LearnerRecord, argument: str) -> list[Outgoing]:
        if not argument:
            language = learner_language(learner)
            return [
                Reply(
                    say("lang_choose", language),
                    buttons=(
                        (
                            Button("한국어", payload("lang", "ko")),
                            Button("English", payload("lang", "en")),
                        ),
                    ),
                )
            ]
        choice = argument.lower()
        if choice not in {"ko", "en"}:
            return [Reply(say("lang_unknown", learner_language(learner)))]
        new_language: Language = "ko" if choice == "ko" else "en"
        self._learners.set_language(learner.id, new_language)
        return [Reply(say("lang_set", new_language))]

    async def _sandbox_command(self, learner: LearnerRecord, argument: str) -> list[Outgoing]:
        assert self._sandbox is not None
        language = learner_language(learner)
        if argument.lower() != "reset":
            return await self._sandbox.overview(learner, language)
        return [
            Reply(
                say("sandbox_reset_confirm", language),
                buttons=(
                    (
                        Button(
                            say("button_yes_sandbox_reset", language), payload("sbreset", "yes")
                        ),
                        Button(say("button_no", language), payload("sbreset", "no")),
                    ),
                ),
            )
        ]

    async def _press(self, learner: LearnerRecord, data: str) -> list[Outgoing]:
        parsed = parse_payload(data)
        try:
            if parsed is not None:
                replies = await self._button(learner, parsed.action, parsed.args)
                if replies is not None:
                    return replies
        except (LessonNotFound, ValueError):
            logger.info("stale button %r from learner %s", data[:64], learner.id)
        return [Reply(say("stale_button", learner_language(learner))), *self.course.resume(learner)]

    async def _button(
        self, learner: LearnerRecord, action: str, args: tuple[str, ...]
    ) -> list[Outgoing] | None:
        if action == "next" and not args:
            return self.course.resume(learner)
        if action == "map" and not args:
            return self.course.course_map(learner)
        if action == "open" and len(args) == 1:
            return self.course.open_lesson(learner, self.catalog.lesson(args[0]))
        if action == "card" and len(args) == 2:
            lesson = self.catalog.lesson(args[0])
            index = [card.id for card in lesson.cards].index(args[1])
            return self.course.show_card(learner, lesson, index, replaces=True)
        if action == "quiz" and len(args) == 1:
            return self.course.ask(learner, self.catalog.lesson(args[0]), 0)
        if action == "lang" and len(args) == 1:
            return self._set_language(learner, args[0])
        if action == "reset" and args == ("yes",):
            self._progress.reset(learner.id)
            self._learners.place(learner.id, None, None)
            return [Reply(say("reset_done", learner_language(learner)), replaces=True)]
        if action == "reset" and args == ("no",):
            return [Reply(say("reset_cancelled", learner_language(learner)), replaces=True)]
        if action == "skip" and len(args) == 2 and self.course.practice is not None:
            return self.course.practice.skip(learner, self.catalog.lesson(args[0]), args[1])
        if action == "sbreset" and self._sandbox is not None:
            if args == ("yes",):
                return await self._sandbox.reset(learner, learner_language(learner))
            return [Reply(say("reset_cancelled", learner_language(learner)), replaces=True)]
        return None

    def _answer_choice(self, learner: LearnerRecord, answer: ChoiceAnswer) -> list[Outgoing]:
        lesson_id, _, question_id = answer.question_ref.partition(":")
        try:
            lesson = self.catalog.lesson(lesson_id)
            question = self.catalog.question(lesson_id, question_id)
        except LessonNotFound:
            return [
                Reply(say("stale_button", learner_language(learner))),
                *self.course.resume(learner),
            ]
        if not isinstance(question, ChoiceQuestion):
            return [Reply(say("stale_button", learner_language(learner)))]
        grade = grade_choice(question, answer.option, learner_language(learner))
        return self._graded(learner, lesson, question, str(answer.option), grade)

    async def _typed(self, learner: LearnerRecord, text: str) -> list[Outgoing]:
        language = learner_language(learner)
        awaiting = learner.awaiting
        if awaiting is not None and awaiting.kind == "question":
            try:
                question = self.catalog.question(awaiting.lesson_id, awaiting.item_id)
            except LessonNotFound:
                question = None
            if isinstance(question, CommandQuestion) and text:
                return self._answer_command(learner, question, text)
            if isinstance(question, ChoiceQuestion) and text.isdigit():
                option = int(text) - 1
                if not 0 <= option < len(question.options):
                    return [Reply(say("answer_range", language, count=len(question.options)))]
                ref = question_ref(self.catalog.lesson(awaiting.lesson_id), question.id)
                return self._answer_choice(learner, ChoiceAnswer(ref, option))
        if self._sandbox is not None and self._sandbox.is_command(text):
            ran = await self._sandbox.run(learner, text, language)
            if ran.refused:
                return ran.replies
            return [*ran.replies, *await self._practice_attempt(learner, text)]
        if text.split(maxsplit=1)[:1] in (["kubectl"], ["k"], ["minikube"]):
            return [Reply(say("practice_offline", language))]
        return [Reply(say("not_understood", language))]

    async def _practice_attempt(self, learner: LearnerRecord, text: str) -> list[Outgoing]:
        """Judge a command against the practice step the learner is on, if any."""
        awaiting = learner.awaiting
        if awaiting is None or awaiting.kind != "practice" or self.course.practice is None:
            return []
        try:
            lesson = self.catalog.lesson(awaiting.lesson_id)
            step = self.catalog.practice(awaiting.lesson_id, awaiting.item_id)
        except LessonNotFound:
            return []
        replies = await self.course.practice.attempt(learner, lesson, step, text)
        if self._reviews is not None:
            self._reviews.adopt_practice(learner)
        return replies

    def _answer_command(
        self, learner: LearnerRecord, question: CommandQuestion, text: str
    ) -> list[Outgoing]:
        assert learner.awaiting is not None
        lesson = self.catalog.lesson(learner.awaiting.lesson_id)
        return self._graded(learner, lesson, question, text, grade_command(question, text))

    def _graded(
        self,
        learner: LearnerRecord,
        lesson: Lesson,
        question: ChoiceQuestion | CommandQuestion,
        answer: str,
        grade: Grade,
    ) -> list[Outgoing]:
        """Save the attempt, say whether it was right, and move on to what follows."""
        self._record(learner, lesson, question.id, answer, grade.correct)
        language = learner_language(learner)
        if grade.correct:
            verdict, code = say("correct", language), None
        else:
            verdict = say("wrong", language, expected=grade.expected)
            code = grade.expected if isinstance(question, CommandQuestion) else None
        return [
            Reply(f"{verdict}\n{question.explanation(language)}", code=code),
            *self.course.after_answer(learner, lesson, question.id),
        ]

    def _record(
        self, learner: LearnerRecord, lesson: Lesson, question_id: str, answer: str, correct: bool
    ) -> None:
        now = self._clock()
        awaiting = learner.awaiting
        duration = None
        if awaiting and awaiting.lesson_id == lesson.id and awaiting.item_id == question_id:
            duration = max(0, int((now - awaiting.since).total_seconds() * 1000))
        self._progress.record_attempt(
            learner.id, AttemptRecord(lesson.id, question_id, answer, correct, now, duration)
        )
        if self._reviews is not None:
            self._reviews.answered(learner, lesson.id, question_id, correct, duration)


def _local_day(now: datetime, timezone: str | None) -> date:
    zone = ZoneInfo(timezone) if timezone else UTC
    return now.astimezone(zone).date()
