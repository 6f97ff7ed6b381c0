"""The walk through the course: cards, questions, lesson ends and the map.

Where the learner is comes from storage every time (cards seen, questions
attempted, lessons completed), never from memory, so a restart or a second
transport picks up exactly where the learner was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.messages import Button, Outgoing, Quiz, Reply
from bot.payloads import payload
from bot.practice import Practice, PracticeChecker
from bot.texts import learner_language, say
from lessons.catalog import Catalog
from lessons.model import ChoiceQuestion, Language, Lesson
from storage import Awaiting, LearnerRecord, Learners, Progress, SandboxRecords


@dataclass(frozen=True)
class PracticeWiring:
    """What verified practice needs: where tries are kept and who checks the cluster."""

    records: SandboxRecords
    checker: PracticeChecker


def question_ref(lesson: Lesson, question_id: str) -> str:
    return f"{lesson.id}:{question_id}"


class Course:
    def __init__(
        self,
        catalog: Catalog,
        learners: Learners,
        progress: Progress,
        clock: Callable[[], datetime],
        practice: PracticeWiring | None = None,
    ) -> None:
        self.catalog = catalog
        self._learners = learners
        self._progress = progress
        self._clock = clock
        self.practice = (
            Practice(learners, practice.records, practice.checker, clock, self.wrap_up)
            if practice is not None
            else None
        )

    def lesson_title(self, lesson: Lesson, language: Language) -> str:
        return say(
            "lesson_title",
            language,
            number=self.catalog.number(lesson),
            title=lesson.title(language),
        )

    def current_lesson(self, learner: LearnerRecord) -> Lesson:
        """The lesson the learner is in, or the first one not yet completed."""
        if learner.current_lesson_id:
            # A lesson removed from the course since: fall back to the first unfinished one.
            with contextlib.suppress(LookupError):
                return self.catalog.lesson(learner.current_lesson_id)
        states = self._progress.lesson_states(learner.id)
        for lesson in self.catalog:
            state = states.get(lesson.id)
            if state is None or state.completed_at is None:
                return lesson
        return self.catalog.first()

    def show_card(
        self, learner: LearnerRecord, lesson: Lesson, index: int, *, replaces: bool = False
    ) -> list[Outgoing]:
        language = learner_language(learner)
        card = lesson.cards[index]
        now = self._clock()
        self._progress.mark_card_seen(learner.id, lesson.id, card.id, now)
        if learner.current_lesson_id != lesson.id or learner.awaiting is not None:
            self._learners.place(learner.id, lesson.id, None)
        # Forward comes first, so that "1" always moves on in the terminal chat.
        row: list[Button] = []
        if index + 1 < len(lesson.cards):
            following = lesson.cards[index + 1]
            row.append(
                Button(say("button_next", language), payload("card", lesson.id, following.id))
            )
        else:
            row.append(Button(say("button_quiz", language), payload("quiz", lesson.id)))
        if index > 0:
            previous = lesson.cards[index - 1]
            row.append(
                Button(say("button_back", language), payload("card", lesson.id, previous.id))
            )
        counter = say("card_counter", language, index=index + 1, total=len(lesson.cards))
        return [
            Reply(
                text=card.text(language).strip(),
                title=f"{self.lesson_title(lesson, language)} {counter}",
                code=card.code.text.rstrip() if card.code else None,
                buttons=(tuple(row),),
                replaces=replaces,
            )
        ]

    def open_lesson(self, learner: LearnerRecord, lesson: Lesson) -> list[Outgoing]:
        self._progress.start_lesson(learner.id, lesson.id, self._clock())
        return self.show_card(learner, lesson, 0)

    def resume(self, learner: LearnerRecord) -> list[Outgoing]:
        """The next thing to do: an unseen card, an unanswered question, or the next lesson."""
        lesson = self.current_lesson(learner)
        seen = self._progress.seen_cards(learner.id, lesson.id)
        for index, card in enumerate(lesson.cards):
            if card.id not in seen:
                return self.show_card(learner, lesson, index)
        states = self._progress.lesson_states(learner.id)
        state = states.get(lesson.id)
        if state is not None and state.completed_at is not None:
            following = self.catalog.after(lesson)
            if following is None:
                return [Reply(say("course_done", learner_language(learner)))]
            return self.open_lesson(learner, following)
        attempted = {a.question_id for a in self._progress.attempts(learner.id, lesson.id)}
        for position, question in enumerate(lesson.questions):
            if question.id not in attempted:
                return self.ask(learner, lesson, position)
        return self.finish_lesson(learner, lesson)

    def ask(self, learner: LearnerRecord, lesson: Lesson, position: int) -> list[Outgoing]:
        language = learner_language(learner)
        question = lesson.questions[position]
        awaiting = Awaiting("question", lesson.id, question.id, self._clock())
        self._learners.place(learner.id, lesson.id, awaiting)
        title = say("question_title", language, index=position + 1, total=len(lesson.questions))
        if isinstance(question, ChoiceQuestion):
            return [
                Quiz(
                    question_ref=question_ref(lesson, question.id),
                    question=f"{title}. {question.prompt(language)}",
                    options=tuple(option(language) for option in question.options),
                    correct=question.answer,
                    explanation=question.explanation(language),
                )
            ]
        return [
            Reply(
                text=f"{question.prompt(language)}\n\n{say('type_command', language)}",
                title=f"{self.lesson_title(lesson, language)} · {title}",
            )
        ]

    def after_answer(
        self, learner: LearnerRecord, lesson: Lesson, question_id: str
    ) -> list[Outgoing]:
        """The question after ``question_id`` in the lesson, or the lesson's end."""
        ids = [q.id for q in lesson.questions]
        position = ids.index(question_id) + 1
        if position < len(ids):
            return self.ask(learner, lesson, position)
        return self.finish_lesson(learner, lesson)

    def finish_lesson(self, learner: LearnerRecord, lesson: Lesson) -> list[Outgoing]:
        """The quiz score, then the lesson's practice (or what it would be), then what is next."""
        language = learner_language(learner)
        self._progress.complete_lesson(learner.id, lesson.id, self._clock())
        self._learners.set_awaiting(learner.id, None)
        latest: dict[str, bool] = {}
        for attempt in self._progress.attempts(learner.id, lesson.id):
            latest[attempt.question_id] = attempt.correct
        summary = Reply(
            say(
                "lesson_done",
                language,
                number=self.catalog.number(lesson),
                correct=sum(latest.values()),
                total=len(lesson.questions),
            )
        )
        if self.practice is not None and lesson.practice:
            return [summary, *self.practice.offer(learner, lesson)]
        offline: list[Outgoing] = [
            Reply(
                text=f"{say('practice_intro', language, goal=step.goal(language))}\n"
                f"{say('practice_offline', language)}",
                code=step.command.rstrip(),
            )
            for step in lesson.practice
        ]
        return [summary, *offline, *self.wrap_up(learner, lesson)]

    def wrap_up(self, learner: LearnerRecord, lesson: Lesson) -> list[Outgoing]:
        """The way on from a finished lesson: the next lesson, or the end of the course."""
        language = learner_language(learner)
        following = self.catalog.after(lesson)
        buttons = [Button(say("button_map", language), payload("map"))]
        replies: list[Outgoing] = []
        if following is not None:
            self._learners.set_current_lesson(learner.id, following.id)
            buttons.insert(
                0, Button(say("button_next_lesson", language), payload("open", following.id))
            )
        else:
            replies.append(Reply(say("course_done", language)))
        replies.append(Reply(self.lesson_title(lesson, language), buttons=(tuple(buttons),)))
        return replies

    def course_map(self, learner: LearnerRecord) -> list[Outgoing]:
        language = learner_language(learner)
        states = self._progress.lesson_states(learner.id)
        lines = [say("map_legend", language), ""]
        buttons: list[Button] = []
        for lesson in self.catalog:
            state = states.get(lesson.id)
            mark = "·" if state is None else ("✅" if state.completed_at else "▶")
            number = self.catalog.number(lesson)
            lines.append(
                say("map_line", language, mark=mark, number=number, title=lesson.title(language))
            )
            buttons.append(Button(str(number), payload("open", lesson.id)))
        rows = tuple(tuple(buttons[i : i + 5]) for i in range(0, len(buttons), 5))
        continue_row = (Button(say("button_continue", language), payload("next")),)
        return [
            Reply("\n".join(lines), title=say("map_title", language), buttons=(continue_row, *rows))
        ]
