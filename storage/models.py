"""The tables, as typed SQLAlchemy 2 models.

Lesson content is not stored here: rows refer to lessons, cards and questions
by their stable content ids, so editing the course never needs a migration.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC and hands them back aware.

    SQLite has no time zones; without this, values come back naive and
    comparisons with an aware clock fail.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """The metadata every table shares, which Alembic compares the migrations with."""


class Learner(Base):
    __tablename__ = "learners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    language: Mapped[str] = mapped_column(String(8))
    timezone: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime())
    current_lesson_id: Mapped[str | None] = mapped_column(String(64))
    awaiting: Mapped[str | None] = mapped_column(String(16))
    awaiting_lesson_id: Mapped[str | None] = mapped_column(String(64))
    awaiting_item_id: Mapped[str | None] = mapped_column(String(64))
    awaiting_since: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Where a transport reaches the learner unprompted (a Telegram chat id), and
    # when the learner blocked the bot: nobody is messaged while blocked_at is set.
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    blocked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class LessonProgress(Base):
    __tablename__ = "lesson_progress"

    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    lesson_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime())
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class CardProgress(Base):
    __tablename__ = "card_progress"

    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    lesson_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    card_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime())


class QuizAttempt(Base):
    __tablename__ = "quiz_attempts"
    __table_args__ = (Index("ix_quiz_attempts_learner_question", "learner_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"))
    lesson_id: Mapped[str] = mapped_column(String(64))
    question_id: Mapped[str] = mapped_column(String(64))
    answer: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime())
    duration_ms: Mapped[int | None] = mapped_column(Integer)


class ActiveDay(Base):
    """One row per learner per local day with any activity: the streak's source."""

    __tablename__ = "active_days"

    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)


class SentPoll(Base):
    """A quiz poll sent to a learner: poll answers carry no chat, only the poll id."""

    __tablename__ = "sent_polls"

    poll_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    question_ref: Mapped[str] = mapped_column(String(160))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime())


class SandboxNamespace(Base):
    """The cluster namespace a learner practises in, and when it was last used."""

    __tablename__ = "sandbox_namespaces"

    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    namespace: Mapped[str] = mapped_column(String(63), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_used_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class CommandLog(Base):
    """Every sandbox command a learner sent, with what became of it."""

    __tablename__ = "command_log"
    __table_args__ = (Index("ix_command_log_learner_at", "learner_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    command: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(64))


class PracticeProgress(Base):
    """A learner's tries at one practice step, and when it was done."""

    __tablename__ = "practice_progress"

    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    lesson_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    step_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ReviewCard(Base):
    """A question or practice step a learner met, with its FSRS memory state.

    ``due`` is indexed with the learner: the scheduler tick asks for each
    learner's first due card, and ``/review`` for a learner's due cards in order.
    """

    __tablename__ = "review_cards"
    __table_args__ = (
        UniqueConstraint("learner_id", "kind", "lesson_id", "item_id", name="uq_review_cards_item"),
        Index("ix_review_cards_learner_due", "learner_id", "due"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # "question" or "practice"
    lesson_id: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[int] = mapped_column(Integer)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UtcDateTime())
    last_review: Mapped[datetime | None] = mapped_column(UtcDateTime())


class ReviewLog(Base):
    """One review of one card: the rating it earned, when, and how long it took."""

    __tablename__ = "review_logs"
    __table_args__ = (Index("ix_review_logs_learner_at", "learner_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("review_cards.id", ondelete="CASCADE"), index=True
    )
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column(Integer)
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime())
    duration_ms: Mapped[int | None] = mapped_column(Integer)


class ReviewReminder(Base):
    """When a learner is reminded of due reviews; the time zone is ``learners.timezone``.

    ``next_prompt_at`` is the next instant (UTC) the learner may be prompted,
    worked out from the local reminder time, quiet hours and the day of the
    first due card, so the tick is one indexed range scan. ``last_prompted_on``
    (a local date) is what makes a prompt at most once a day.
    """

    __tablename__ = "review_reminders"

    learner_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    remind_at: Mapped[time | None] = mapped_column(Time())  # None: reminders off
    quiet_start: Mapped[time | None] = mapped_column(Time())
    quiet_end: Mapped[time | None] = mapped_column(Time())
    daily_cap: Mapped[int] = mapped_column(Integer)
    last_prompted_on: Mapped[date | None] = mapped_column(Date)
    next_prompt_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), index=True)
    session_left: Mapped[int] = mapped_column(Integer, default=0)
