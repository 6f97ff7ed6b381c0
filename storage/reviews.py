"""Review cards and their logs: each card's FSRS state, and every review of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import PracticeProgress, ReviewCard, ReviewLog
from storage.session import Database


@dataclass(frozen=True)
class CardState:
    """The FSRS state columns of a card, as stored."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None


@dataclass(frozen=True)
class CardKey:
    """Which card: a learner's question or practice step."""

    learner_id: int
    kind: str
    lesson_id: str
    item_id: str


@dataclass(frozen=True)
class DonePractice:
    """A practice step the learner has done, which has no review card yet."""

    lesson_id: str
    step_id: str
    done_at: datetime
    tries: int


@dataclass(frozen=True)
class ReviewCardRecord:
    id: int
    learner_id: int
    kind: str
    lesson_id: str
    item_id: str
    memory: CardState


@dataclass(frozen=True)
class ReviewLogRecord:
    card_id: int
    rating: int
    reviewed_at: datetime
    duration_ms: int | None


def _find(session: Session, key: CardKey) -> ReviewCard | None:
    return session.scalars(
        select(ReviewCard).where(
            ReviewCard.learner_id == key.learner_id,
            ReviewCard.kind == key.kind,
            ReviewCard.lesson_id == key.lesson_id,
            ReviewCard.item_id == key.item_id,
        )
    ).one_or_none()


def _record(row: ReviewCard) -> ReviewCardRecord:
    memory = CardState(row.state, row.step, row.stability, row.difficulty, row.due, row.last_review)
    return ReviewCardRecord(row.id, row.learner_id, row.kind, row.lesson_id, row.item_id, memory)


class ReviewCards:
    def __init__(self, database: Database) -> None:
        self._db = database

    def find(self, key: CardKey) -> ReviewCardRecord | None:
        with self._db.transaction() as session:
            row = _find(session, key)
            return None if row is None else _record(row)

    def get(self, card_id: int) -> ReviewCardRecord | None:
        with self._db.transaction() as session:
            row = session.get(ReviewCard, card_id)
            return None if row is None else _record(row)

    def save_review(
        self, key: CardKey, memory: CardState, log: ReviewLogRecord
    ) -> ReviewCardRecord:
        """Store the card's new state and its review log together, creating the card if new.

        ``log.card_id`` is ignored: the log is attached to the stored card.
        """
        with self._db.transaction() as session:
            row = _find(session, key)
            if row is None:
                row = ReviewCard(
                    learner_id=key.learner_id,
                    kind=key.kind,
                    lesson_id=key.lesson_id,
                    item_id=key.item_id,
                )
                session.add(row)
            row.state, row.step = memory.state, memory.step
            row.stability, row.difficulty = memory.stability, memory.difficulty
            row.due, row.last_review = memory.due, memory.last_review
            session.flush()
            session.add(
                ReviewLog(
                    card_id=row.id,
                    learner_id=key.learner_id,
                    rating=log.rating,
                    reviewed_at=log.reviewed_at,
                    duration_ms=log.duration_ms,
                )
            )
            return _record(row)

    def forget(self, card_id: int) -> None:
        """Drop a card whose question or step is no longer in the course."""
        with self._db.transaction() as session:
            row = session.get(ReviewCard, card_id)
            if row is not None:
                session.delete(row)

    def due(self, learner_id: int, now: datetime, limit: int) -> list[ReviewCardRecord]:
        """The learner's cards due at ``now``, most overdue first (then oldest card first)."""
        with self._db.transaction() as session:
            rows = session.scalars(
                select(ReviewCard)
                .where(ReviewCard.learner_id == learner_id, ReviewCard.due <= now)
                .order_by(ReviewCard.due, ReviewCard.id)
                .limit(limit)
            )
            return [_record(row) for row in rows]

    def count_due(self, learner_id: int, now: datetime) -> int:
        with self._db.transaction() as session:
            count = session.scalar(
                select(func.count()).where(
                    ReviewCard.learner_id == learner_id, ReviewCard.due <= now
                )
            )
            return int(count or 0)

    def first_due(self, learner_id: int) -> datetime | None:
        """When the learner's next card falls due (it may be already), or None with no cards."""
        with self._db.transaction() as session:
            return session.scalar(
                select(func.min(ReviewCard.due)).where(ReviewCard.learner_id == learner_id)
            )

    def due_dates(self, learner_id: int, until: datetime) -> list[datetime]:
        """Every card's due date up to ``until``, for the reviews-ahead chart."""
        with self._db.transaction() as session:
            return list(
                session.scalars(
                    select(ReviewCard.due).where(
                        ReviewCard.learner_id == learner_id, ReviewCard.due <= until
                    )
                )
            )

    def reviews_since(self, learner_id: int, since: datetime) -> int:
        """How many reviews the learner has done since ``since`` (the daily cap counts them)."""
        with self._db.transaction() as session:
            count = session.scalar(
                select(func.count()).where(
                    ReviewLog.learner_id == learner_id, ReviewLog.reviewed_at >= since
                )
            )
            return int(count or 0)

    def unreviewed_practice(self, learner_id: int) -> list[DonePractice]:
        """Practice steps the learner has done that are not review cards yet."""
        carded = select(ReviewCard.id).where(
            ReviewCard.learner_id == PracticeProgress.learner_id,
            ReviewCard.kind == "practice",
            ReviewCard.lesson_id == PracticeProgress.lesson_id,
            ReviewCard.item_id == PracticeProgress.step_id,
        )
        with self._db.transaction() as session:
            rows = session.scalars(
                select(PracticeProgress).where(
                    PracticeProgress.learner_id == learner_id,
                    PracticeProgress.done_at.is_not(None),
                    ~carded.exists(),
                )
            )
            return [
                DonePractice(row.lesson_id, row.step_id, row.done_at, row.tries)
                for row in rows
                if row.done_at is not None
            ]
