"""Progress through the course: cards seen, lessons finished, quiz attempts.

Every write here is acknowledged progress: it commits before the learner is
told anything, so a crash after a reply can never forget what was answered.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, cast, delete, func, select
from sqlalchemy.orm import Session

from storage.models import CardProgress, LessonProgress, QuizAttempt
from storage.records import AttemptRecord, LessonState
from storage.session import Database


class Progress:
    def __init__(self, database: Database) -> None:
        self._db = database

    def start_lesson(self, learner_id: int, lesson_id: str, now: datetime) -> None:
        with self._db.transaction() as session:
            self._lesson_row(session, learner_id, lesson_id, now)

    def mark_card_seen(self, learner_id: int, lesson_id: str, card_id: str, now: datetime) -> None:
        with self._db.transaction() as session:
            self._lesson_row(session, learner_id, lesson_id, now)
            if session.get(CardProgress, (learner_id, lesson_id, card_id)) is None:
                session.add(
                    CardProgress(
                        learner_id=learner_id, lesson_id=lesson_id, card_id=card_id, seen_at=now
                    )
                )

    def complete_lesson(self, learner_id: int, lesson_id: str, now: datetime) -> bool:
        """Marks the lesson done; True only the first time."""
        with self._db.transaction() as session:
            row = self._lesson_row(session, learner_id, lesson_id, now)
            if row.completed_at is not None:
                return False
            row.completed_at = now
            return True

    def seen_cards(self, learner_id: int, lesson_id: str) -> set[str]:
        with self._db.transaction() as session:
            return set(
                session.scalars(
                    select(CardProgress.card_id).where(
                        CardProgress.learner_id == learner_id, CardProgress.lesson_id == lesson_id
                    )
                )
            )

    def lesson_states(self, learner_id: int) -> dict[str, LessonState]:
        with self._db.transaction() as session:
            rows = session.scalars(
                select(LessonProgress).where(LessonProgress.learner_id == learner_id)
            )
            return {
                row.lesson_id: LessonState(row.lesson_id, row.started_at, row.completed_at)
                for row in rows
            }

    def record_attempt(self, learner_id: int, attempt: AttemptRecord) -> None:
        with self._db.transaction() as session:
            session.add(
                QuizAttempt(
                    learner_id=learner_id,
                    lesson_id=attempt.lesson_id,
                    question_id=attempt.question_id,
                    answer=attempt.answer[:2000],
                    correct=attempt.correct,
                    answered_at=attempt.answered_at,
                    duration_ms=attempt.duration_ms,
                )
            )

    def attempts(self, learner_id: int, lesson_id: str | None = None) -> list[AttemptRecord]:
        query = select(QuizAttempt).where(QuizAttempt.learner_id == learner_id)
        if lesson_id is not None:
            query = query.where(QuizAttempt.lesson_id == lesson_id)
        with self._db.transaction() as session:
            return [
                AttemptRecord(
                    row.lesson_id,
                    row.question_id,
                    row.answer,
                    row.correct,
                    row.answered_at,
                    row.duration_ms,
                )
                for row in session.scalars(query.order_by(QuizAttempt.id))
            ]

    def accuracy(self, learner_id: int) -> tuple[int, int]:
        """(correct, total) over every attempt the learner made."""
        with self._db.transaction() as session:
            right = func.coalesce(func.sum(cast(QuizAttempt.correct, Integer)), 0)
            total, correct = session.execute(
                select(func.count(), right).where(QuizAttempt.learner_id == learner_id)
            ).one()
            return int(correct), int(total)

    def reset(self, learner_id: int) -> None:
        """Forget the learner's course progress and attempts; the learner stays."""
        with self._db.transaction() as session:
            for table in (CardProgress, LessonProgress, QuizAttempt):
                session.execute(delete(table).where(table.learner_id == learner_id))

    @staticmethod
    def _lesson_row(
        session: Session, learner_id: int, lesson_id: str, now: datetime
    ) -> LessonProgress:
        row = session.get(LessonProgress, (learner_id, lesson_id))
        if row is None:
            row = LessonProgress(learner_id=learner_id, lesson_id=lesson_id, started_at=now)
            session.add(row)
        return row
