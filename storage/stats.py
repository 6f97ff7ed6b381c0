"""Course-wide figures for operators: who is learning, how far, and what trips them up.

Sandbox commands are counted by outcome as the command log records them
(for example ran or refused), whatever outcomes the sandbox writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Integer, cast, func, select

from storage.models import CommandLog, Learner, LessonProgress, QuizAttempt
from storage.session import Database


@dataclass(frozen=True)
class LessonFunnel:
    lesson_id: str
    started: int
    completed: int


@dataclass(frozen=True)
class QuestionAccuracy:
    lesson_id: str
    question_id: str
    attempts: int
    correct: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.attempts if self.attempts else 0.0


@dataclass(frozen=True)
class CourseStats:
    learners: int
    blocked: int
    active: dict[int, int]  # days -> learners seen within that many days
    funnel: dict[str, LessonFunnel]  # by lesson id
    hardest: list[QuestionAccuracy]  # most-missed first
    commands: dict[str, int]  # sandbox commands by outcome


class Stats:
    def __init__(self, database: Database) -> None:
        self._db = database

    def summary(
        self, now: datetime, *, windows: tuple[int, ...] = (1, 7, 30), hardest: int = 5
    ) -> CourseStats:
        """Counts as of ``now``; ``hardest`` questions with the lowest accuracy."""
        with self._db.transaction() as session:
            learners = session.scalar(select(func.count()).select_from(Learner)) or 0
            blocked = (
                session.scalar(
                    select(func.count()).select_from(Learner).where(Learner.blocked_at.is_not(None))
                )
                or 0
            )
            active = {
                days: session.scalar(
                    select(func.count())
                    .select_from(Learner)
                    .where(Learner.last_seen_at >= now - timedelta(days=days))
                )
                or 0
                for days in windows
            }
            funnel_rows = session.execute(
                select(
                    LessonProgress.lesson_id,
                    func.count(),
                    func.count(LessonProgress.completed_at),
                ).group_by(LessonProgress.lesson_id)
            )
            funnel = {
                lesson_id: LessonFunnel(lesson_id, int(started), int(completed))
                for lesson_id, started, completed in funnel_rows
            }
            right = func.sum(cast(QuizAttempt.correct, Integer))
            accuracy = right * 1.0 / func.count()
            question_rows = session.execute(
                select(QuizAttempt.lesson_id, QuizAttempt.question_id, func.count(), right)
                .group_by(QuizAttempt.lesson_id, QuizAttempt.question_id)
                .order_by(accuracy, func.count().desc(), QuizAttempt.question_id)
                .limit(hardest)
            )
            worst = [
                QuestionAccuracy(lesson_id, question_id, int(attempts), int(correct or 0))
                for lesson_id, question_id, attempts, correct in question_rows
            ]
            commands = {
                outcome: int(count)
                for outcome, count in session.execute(
                    select(CommandLog.outcome, func.count())
                    .group_by(CommandLog.outcome)
                    .order_by(CommandLog.outcome)
                )
            }
        return CourseStats(int(learners), int(blocked), active, funnel, worst, commands)
