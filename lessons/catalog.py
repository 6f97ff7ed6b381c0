"""The course in order, with the look-ups the conversation needs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lessons.model import ChoiceQuestion, CommandQuestion, Lesson, PracticeStep


class LessonNotFound(LookupError):
    """No lesson (or item in a lesson) has the given id."""


class Catalog:
    def __init__(self, lessons: Sequence[Lesson]) -> None:
        self._lessons = list(lessons)
        self._by_id = {lesson.id: lesson for lesson in self._lessons}

    def __iter__(self) -> Iterator[Lesson]:
        return iter(self._lessons)

    def __len__(self) -> int:
        return len(self._lessons)

    def first(self) -> Lesson:
        return self._lessons[0]

    def lesson(self, lesson_id: str) -> Lesson:
        try:
            return self._by_id[lesson_id]
        except KeyError:
            raise LessonNotFound(lesson_id) from None

    def by_number(self, number: int) -> Lesson:
        """The lesson at position ``number`` in the course, counting from 1."""
        if not 1 <= number <= len(self._lessons):
            raise LessonNotFound(str(number))
        return self._lessons[number - 1]

    def number(self, lesson: Lesson) -> int:
        return self._lessons.index(lesson) + 1

    def after(self, lesson: Lesson) -> Lesson | None:
        position = self.number(lesson)
        return self._lessons[position] if position < len(self._lessons) else None

    def question(self, lesson_id: str, question_id: str) -> ChoiceQuestion | CommandQuestion:
        for question in self.lesson(lesson_id).questions:
            if question.id == question_id:
                return question
        raise LessonNotFound(f"{lesson_id}:{question_id}")

    def practice(self, lesson_id: str, step_id: str) -> PracticeStep:
        for step in self.lesson(lesson_id).practice:
            if step.id == step_id:
                return step
        raise LessonNotFound(f"{lesson_id}:{step_id}")
