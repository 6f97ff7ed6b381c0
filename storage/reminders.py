"""Review reminders: each learner's settings, and the scheduler tick's queries.

The tick reads who may be prompted with one range scan over
``next_prompt_at``, each learner's first due card from the
``(learner_id, due)`` index, and claims a learner-day with a conditional
UPDATE, so two ticks running at once cannot both prompt the same learner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, bindparam, insert, or_, select, text, update
from sqlalchemy.engine import CursorResult

from storage.models import Learner, ReviewCard, ReviewReminder
from storage.session import Database


@dataclass(frozen=True)
class ReminderRecord:
    learner_id: int
    remind_at: time | None
    quiet_start: time | None
    quiet_end: time | None
    daily_cap: int
    last_prompted_on: date | None
    next_prompt_at: datetime | None
    session_left: int


@dataclass(frozen=True)
class DuePrompt:
    """A learner the tick may prompt now, with their first due card (None: nothing due)."""

    learner_id: int
    learner_key: str
    language: str
    timezone: str | None
    reminder: ReminderRecord
    card_id: int | None


def _reminder(row: Any) -> ReminderRecord:
    """A reminder from a ``ReviewReminder`` or from any result row with its columns."""
    return ReminderRecord(
        row.learner_id,
        row.remind_at,
        row.quiet_start,
        row.quiet_end,
        row.daily_cap,
        row.last_prompted_on,
        row.next_prompt_at,
        row.session_left,
    )


_REMINDER_COLUMNS = (
    ReviewReminder.learner_id,
    ReviewReminder.remind_at,
    ReviewReminder.quiet_start,
    ReviewReminder.quiet_end,
    ReviewReminder.daily_cap,
    ReviewReminder.last_prompted_on,
    ReviewReminder.next_prompt_at,
    ReviewReminder.session_left,
)
_GET = select(*_REMINDER_COLUMNS).where(ReviewReminder.learner_id == bindparam("learner"))
_SAVE = update(ReviewReminder).where(ReviewReminder.learner_id == bindparam("learner"))
_CREATE = insert(ReviewReminder)
_PULL_EARLIER = (
    update(ReviewReminder)
    .where(
        ReviewReminder.learner_id == bindparam("learner"),
        ReviewReminder.remind_at.is_not(None),
        or_(
            ReviewReminder.next_prompt_at.is_(None),
            ReviewReminder.next_prompt_at > bindparam("at"),
        ),
    )
    .values(next_prompt_at=bindparam("at"))
)


class Reminders:
    def __init__(self, database: Database) -> None:
        self._db = database

    def get(self, learner_id: int) -> ReminderRecord | None:
        with self._db.begin() as connection:
            row = connection.execute(_GET, {"learner": learner_id}).one_or_none()
            return None if row is None else ReminderRecord(*row)

    def save(self, record: ReminderRecord) -> None:
        """Create or replace the learner's settings (``last_prompted_on`` is kept if set)."""
        settings = {
            "remind_at": record.remind_at,
            "quiet_start": record.quiet_start,
            "quiet_end": record.quiet_end,
            "daily_cap": record.daily_cap,
            "next_prompt_at": record.next_prompt_at,
        }
        with self._db.begin() as connection:
            changed = connection.execute(_SAVE, {"learner": record.learner_id, **settings})
            if changed.rowcount == 0:
                connection.execute(
                    _CREATE,
                    {
                        "learner_id": record.learner_id,
                        "session_left": 0,
                        "last_prompted_on": record.last_prompted_on,
                        **settings,
                    },
                )

    def pull_earlier(self, learner_id: int, at: datetime) -> None:
        """Prompt no later than ``at`` (a card now falls due sooner); off stays off."""
        with self._db.begin() as connection:
            connection.execute(_PULL_EARLIER, {"learner": learner_id, "at": at})

    def due_prompts(
        self,
        now: datetime,
        *,
        key_prefix: str = "",
        learner_key: str | None = None,
        limit: int = 1000,
    ) -> list[DuePrompt]:
        """Learners whose next prompt time has come, longest waiting first, not blocked.

        Args:
            now: The tick's instant.
            key_prefix: Only learners of one transport, e.g. ``telegram:``.
            learner_key: Only this learner (the terminal chat has one).
            limit: At most this many; the rest wait for the next tick.
        """
        with self._db.transaction() as session:
            rows = session.execute(self._due_query(now, key_prefix, learner_key, limit))
            return [
                DuePrompt(
                    learner_id=row.learner_id,
                    learner_key=row.key,
                    language=row.language,
                    timezone=row.timezone,
                    reminder=_reminder(row),
                    card_id=row.card_id,
                )
                for row in rows
            ]

    def due_prompts_plan(self, now: datetime) -> list[str]:
        """SQLite's query plan for the tick's query: it must search indexes, never scan."""
        with self._db.engine.connect() as connection:
            compiled = self._due_query(now, "telegram:", None, 1000).compile(
                connection, compile_kwargs={"literal_binds": True}
            )
            plan = connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
            return [str(row[-1]) for row in plan]

    @staticmethod
    def _due_query(
        now: datetime, key_prefix: str, learner_key: str | None, limit: int
    ) -> Select[*tuple[Any, ...]]:
        first_card = (
            select(ReviewCard.id)
            .where(ReviewCard.learner_id == ReviewReminder.learner_id, ReviewCard.due <= now)
            .order_by(ReviewCard.due, ReviewCard.id)
            .limit(1)
            .correlate(ReviewReminder)
            .scalar_subquery()
        )
        query: Select[*tuple[Any, ...]] = (
            # Columns, not ORM objects: a tick reads up to ``limit`` rows and
            # building mapped objects for them would cost more than the query.
            select(
                ReviewReminder.learner_id,
                ReviewReminder.remind_at,
                ReviewReminder.quiet_start,
                ReviewReminder.quiet_end,
                ReviewReminder.daily_cap,
                ReviewReminder.last_prompted_on,
                ReviewReminder.next_prompt_at,
                ReviewReminder.session_left,
                Learner.key,
                Learner.language,
                Learner.timezone,
                first_card.label("card_id"),
            )
            .join(Learner, Learner.id == ReviewReminder.learner_id)
            .where(ReviewReminder.next_prompt_at <= now, Learner.blocked_at.is_(None))
            .order_by(ReviewReminder.next_prompt_at)
            .limit(limit)
        )
        if key_prefix:
            query = query.where(Learner.key.startswith(key_prefix, autoescape=True))
        if learner_key is not None:
            query = query.where(Learner.key == learner_key)
        return query

    def claim(
        self,
        learner_id: int,
        *,
        day: date,
        now: datetime,
        next_at: datetime | None,
        session_size: int,
    ) -> bool:
        """Mark the learner prompted on ``day``; False if another tick already did.

        The UPDATE re-checks, under the database's write lock, that the prompt
        is still due and that nobody prompted on ``day``: of two ticks racing
        for the same learner-day, exactly one sees a changed row.
        """
        with self._db.transaction() as session:
            result = session.execute(
                update(ReviewReminder)
                .where(
                    ReviewReminder.learner_id == learner_id,
                    ReviewReminder.next_prompt_at <= now,
                    or_(
                        ReviewReminder.last_prompted_on.is_(None),
                        ReviewReminder.last_prompted_on != day,
                    ),
                )
                .values(last_prompted_on=day, next_prompt_at=next_at, session_left=session_size)
            )
            assert isinstance(result, CursorResult)
            return result.rowcount == 1

    def postpone(self, learner_id: int, *, now: datetime, until: datetime | None) -> None:
        """Not now (quiet hours, nothing due, the cap reached): look again at ``until``."""
        with self._db.transaction() as session:
            session.execute(
                update(ReviewReminder)
                .where(
                    ReviewReminder.learner_id == learner_id, ReviewReminder.next_prompt_at <= now
                )
                .values(next_prompt_at=until)
            )

    def start_session(self, learner_id: int, size: int) -> None:
        """A review session of at most ``size`` cards begins (``/review`` or a prompt)."""
        with self._db.transaction() as session:
            session.execute(
                update(ReviewReminder)
                .where(ReviewReminder.learner_id == learner_id)
                .values(session_left=size)
            )

    def take_from_session(self, learner_id: int) -> int:
        """Count one reviewed card against the session; how many it has left."""
        with self._db.transaction() as session:
            row = session.get(ReviewReminder, learner_id)
            if row is None:
                return 0
            row.session_left = max(0, row.session_left - 1)
            return row.session_left
