"""Progress through the course: cards seen, lessons finished, quiz attempts.

Every write here is acknowledged progress: it commits before the learner is
told anything, so a crash after a reply can never forget what was answered.
The per-message paths run Core statements built once at import.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, bindparam, cast, delete, func, insert, select, update

from storage.models import CardProgress, LessonProgress, QuizAttempt
from storage.records import AttemptRecord, LessonState
from storage.session import Database
from storage.statements import InsertMissing

_START_LESSON = InsertMissing(LessonProgress)
_SEE_CARD = InsertMissing(CardProgress)
_COMPLETE = (
    update(LessonProgress)
    .where(
        LessonProgress.learner_id == bindparam("learner"),
        LessonProgress.lesson_id == bindparam("lesson"),
        LessonProgress.completed_at.is_(None),
    )
    .values(completed_at=bindparam("now"))
)
_SEEN_CARDS = select(CardProgress.card_id).where(
    CardProgress.learner_id == bindparam("learner"),
    CardProgress.lesson_id == bindparam("lesson"),
)
_LESSON_STATES = select(
    LessonProgress.lesson_id, LessonProgress.started_at, LessonProgress.completed_at
).where(LessonProgress.learner_id == bindparam("learner"))
_ATTEMPT = insert(QuizAttempt)
_ATTEMPT_COLUMNS = (
    QuizAttempt.lesson_id,
    QuizAttempt.question_id,
    QuizAttempt.answer,
    QuizAttempt.correct,
    QuizAttempt.answered_at,
    QuizAttempt.duration_ms,
)
_ATTEMPTS = (
    select(*_ATTEMPT_COLUMNS)
    .where(QuizAttempt.learner_id == bindparam("learner"))
    .order_by(QuizAttempt.id)
)
_LESSON_ATTEMPTS = (
    select(*_ATTEMPT_COLUMNS)
    .where(
        QuizAttempt.learner_id == bindparam("learner"),
        QuizAttempt.lesson_id == bindparam("lesson"),
    )
    .order_by(QuizAttempt.id)
)


class Progress:
    def __init__(self, database: Database) -> None:
        self._db = database

    def start_lesson(self, learner_id: int, lesson_id: str, now: datetime) -> None:
        with self._db.begin() as connection:
            _START_LESSON(
                connection, {"learner_id": learner_id, "lesson_id": lesson_id, "started_at": now}
            )

    def mark_card_seen(self, learner_id: int, lesson_id: str, card_id: str, now: datetime) -> None:
        with self._db.begin() as connection:
            _START_LESSON(
                connection, {"learner_id": learner_id, "lesson_id": lesson_id, "started_at": now}
            )
            card = {"learner_id": learner_id, "lesson_id": lesson_id, "card_id": card_id}
            _SEE_CARD(connection, {**card, "seen_at": now})

    def complete_lesson(self, learner_id: int, lesson_id: str, now: datetime) -> bool:
        """Marks the lesson done; True only the first time."""
        with self._db.begin() as connection:
            _START_LESSON(
                connection, {"learner_id": learner_id, "lesson_id": lesson_id, "started_at": now}
            )
            done = connection.execute(
                _COMPLETE, {"learner": learner_id, "lesson": lesson_id, "now": now}
            )
            return done.rowcount == 1

    def seen_cards(self, learner_id: int, lesson_id: str) -> set[str]:
        with self._db.begin() as connection:
            seen = connection.scalars(_SEEN_CARDS, {"learner": learner_id, "lesson": lesson_id})
            return set(seen)

    def lesson_states(self, learner_id: int) -> dict[str, LessonState]:
        with self._db.begin() as connection:
            rows = connection.execute(_LESSON_STATES, {"learner": learner_id})
            return {
                row.lesson_id: LessonState(row.lesson_id, row.started_at, row.completed_at)
                for row in rows
            }

    def record_attempt(self, learner_id: int, attempt: AttemptRecord) -> None:
        with self._db.begin() as connection:
            connection.execute(
                _ATTEMPT,
                {
                    "learner_id": learner_id,
                    "lesson_id": attempt.lesson_id,
                    "question_id": attempt.question_id,
                    "answer": attempt.answer[:2000],
                    "correct": attempt.correct,
                    "answered_at": attempt.answered_at,
                    "duration_ms": attempt.duration_ms,
                },
            )

    def attempts(self, learner_id: int, lesson_id: str | None = None) -> list[AttemptRecord]:
        query = _ATTEMPTS if lesson_id is None else _LESSON_ATTEMPTS
        values = {"learner": learner_id, "lesson": lesson_id}
        with self._db.begin() as connection:
            return [AttemptRecord(*row) for row in connection.execute(query, values)]

    def accuracy(self, learner_id: int) -> tuple[int, int]:
        """(correct, total) over every attempt the learner made."""
        with self._db.begin() as connection:
            right = func.coalesce(func.sum(cast(QuizAttempt.correct, Integer)), 0)
            total, correct = connection.execute(
                select(func.count(), right).where(QuizAttempt.learner_id == learner_id)
            ).one()
            return int(correct), int(total)

    def reset(self, learner_id: int) -> None:
        """Forget the learner's course progress and attempts; the learner stays."""
        with self._db.begin() as connection:
            for table in (CardProgress, LessonProgress, QuizAttempt):
                connection.execute(delete(table).where(table.learner_id == learner_id))
