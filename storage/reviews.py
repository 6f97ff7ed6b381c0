"""Review cards and their logs: each card's FSRS state, and every review of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update

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


_CARD_COLUMNS = (
    ReviewCard.id,
    ReviewCard.learner_id,
    ReviewCard.kind,
    ReviewCard.lesson_id,
    ReviewCard.item_id,
    ReviewCard.state,
    ReviewCard.step,
    ReviewCard.stability,
    ReviewCard.difficulty,
    ReviewCard.due,
    ReviewCard.last_review,
)
_KEY = (
    ReviewCard.learner_id == bindparam("learner"),
    ReviewCard.kind == bindparam("card_kind"),
    ReviewCard.lesson_id == bindparam("lesson"),
    ReviewCard.item_id == bindparam("item"),
)
_BY_KEY = select(*_CARD_COLUMNS).where(*_KEY)
_ID_BY_KEY = select(ReviewCard.id).where(*_KEY)
_CREATE = insert(ReviewCard).returning(ReviewCard.id)
_UPDATE = update(ReviewCard).where(ReviewCard.id == bindparam("card"))
_LOG = insert(ReviewLog)
_FIRST_DUE = select(func.min(ReviewCard.due)).where(ReviewCard.learner_id == bindparam("learner"))
_CARDED = select(ReviewCard.id).where(
    ReviewCard.learner_id == PracticeProgress.learner_id,
    ReviewCard.kind == "practice",
    ReviewCard.lesson_id == PracticeProgress.lesson_id,
    ReviewCard.item_id == PracticeProgress.step_id,
)
_UNREVIEWED_PRACTICE = select(
    PracticeProgress.lesson_id,
    PracticeProgress.step_id,
    PracticeProgress.done_at,
    PracticeProgress.tries,
).where(
    PracticeProgress.learner_id == bindparam("learner"),
    PracticeProgress.done_at.is_not(None),
    ~_CARDED.exists(),
)


def _key_values(key: CardKey) -> dict[str, object]:
    return {
        "learner": key.learner_id,
        "card_kind": key.kind,
        "lesson": key.lesson_id,
        "item": key.item_id,
    }


def _record(row: Any) -> ReviewCardRecord:
    """A card from a stored row or a mapped object: both carry the columns as attributes."""
    memory = CardState(row.state, row.step, row.stability, row.difficulty, row.due, row.last_review)
    return ReviewCardRecord(row.id, row.learner_id, row.kind, row.lesson_id, row.item_id, memory)


class ReviewCards:
    def __init__(self, database: Database) -> None:
        self._db = database

    def find(self, key: CardKey) -> ReviewCardRecord | None:
        with self._db.begin() as connection:
            row = connection.execute(_BY_KEY, _key_values(key)).one_or_none()
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
        state = {
            "state": memory.state,
            "step": memory.step,
            "stability": memory.stability,
            "difficulty": memory.difficulty,
            "due": memory.due,
            "last_review": memory.last_review,
        }
        with self._db.begin() as connection:
            card_id = connection.execute(_ID_BY_KEY, _key_values(key)).scalar()
            if card_id is None:
                card_id = connection.execute(
                    _CREATE,
                    {
                        "learner_id": key.learner_id,
                        "kind": key.kind,
                        "lesson_id": key.lesson_id,
                        "item_id": key.item_id,
                        **state,
                    },
                ).scalar_one()
            else:
                connection.execute(_UPDATE, {"card": card_id, **state})
            connection.execute(
                _LOG,
                {
                    "card_id": card_id,
                    "learner_id": key.learner_id,
                    "rating": log.rating,
                    "reviewed_at": log.reviewed_at,
                    "duration_ms": log.duration_ms,
                },
            )
            return ReviewCardRecord(
                card_id, key.learner_id, key.kind, key.lesson_id, key.item_id, memory
            )

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
        with self._db.begin() as connection:
            first: datetime | None = connection.execute(
                _FIRST_DUE, {"learner": learner_id}
            ).scalar()
            return first

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
        with self._db.begin() as connection:
            rows = connection.execute(_UNREVIEWED_PRACTICE, {"learner": learner_id})
            return [
                DonePractice(lesson_id, step_id, done_at, tries)
                for lesson_id, step_id, done_at, tries in rows
                if done_at is not None
            ]
