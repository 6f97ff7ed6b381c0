"""Learners: who they are, their language, and where they are in the course."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.models import ActiveDay, Learner
from storage.records import Awaiting, LearnerRecord
from storage.session import Database


class LearnerNotFound(LookupError):
    """No learner has the given id."""


def _record(row: Learner) -> LearnerRecord:
    awaiting = None
    if row.awaiting and row.awaiting_lesson_id and row.awaiting_item_id and row.awaiting_since:
        awaiting = Awaiting(
            row.awaiting, row.awaiting_lesson_id, row.awaiting_item_id, row.awaiting_since
        )
    return LearnerRecord(
        id=row.id,
        key=row.key,
        display_name=row.display_name,
        language=row.language,
        timezone=row.timezone,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        current_lesson_id=row.current_lesson_id,
        awaiting=awaiting,
        chat_id=row.chat_id,
        blocked_at=row.blocked_at,
    )


class Learners:
    def __init__(self, database: Database) -> None:
        self._db = database

    def arrive(
        self, key: str, *, display_name: str, language: str, now: datetime, today: date
    ) -> tuple[LearnerRecord, bool]:
        """The learner with ``key``, created on first sight; marks ``today`` active.

        Returns the learner and whether they were created just now.
        """
        with self._db.transaction() as session:
            row = session.scalars(select(Learner).where(Learner.key == key)).one_or_none()
            created = row is None
            if row is None:
                row = Learner(
                    key=key,
                    display_name=display_name[:128],
                    language=language,
                    created_at=now,
                    last_seen_at=now,
                )
                session.add(row)
                session.flush()
            else:
                row.last_seen_at = now
                if display_name:
                    row.display_name = display_name[:128]
            self._mark_active(session, row.id, today)
            return _record(row), created

    @staticmethod
    def _mark_active(session: Session, learner_id: int, today: date) -> None:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(
                sqlite_insert(ActiveDay)
                .values(learner_id=learner_id, day=today)
                .on_conflict_do_nothing()
            )
        elif session.get(ActiveDay, (learner_id, today)) is None:
            session.add(ActiveDay(learner_id=learner_id, day=today))

    def get(self, learner_id: int) -> LearnerRecord:
        with self._db.transaction() as session:
            row = session.get(Learner, learner_id)
            if row is None:
                raise LearnerNotFound(learner_id)
            return _record(row)

    def by_key(self, key: str) -> LearnerRecord | None:
        """The learner with ``key``, or None if they never wrote."""
        with self._db.transaction() as session:
            row = session.scalars(select(Learner).where(Learner.key == key)).one_or_none()
            return None if row is None else _record(row)

    def attach_chat(self, key: str, chat_id: int) -> LearnerRecord | None:
        """Remember where the learner is reached; writing to the bot again lifts a block.

        Returns the learner, or None if no learner has ``key``.
        """
        with self._db.transaction() as session:
            row = session.scalars(select(Learner).where(Learner.key == key)).one_or_none()
            if row is None:
                return None
            if row.chat_id != chat_id or row.blocked_at is not None:
                row.chat_id = chat_id
                row.blocked_at = None
            return _record(row)

    def mark_blocked(self, key: str, now: datetime) -> None:
        """The learner blocked the bot: nothing is sent to them until they write again."""
        with self._db.transaction() as session:
            row = session.scalars(select(Learner).where(Learner.key == key)).one_or_none()
            if row is not None and row.blocked_at is None:
                row.blocked_at = now

    def set_language(self, learner_id: int, language: str) -> None:
        with self._db.transaction() as session:
            self._row(session, learner_id).language = language

    def set_current_lesson(self, learner_id: int, lesson_id: str | None) -> None:
        with self._db.transaction() as session:
            self._row(session, learner_id).current_lesson_id = lesson_id

    def set_awaiting(self, learner_id: int, awaiting: Awaiting | None) -> None:
        with self._db.transaction() as session:
            row = self._row(session, learner_id)
            row.awaiting = awaiting.kind if awaiting else None
            row.awaiting_lesson_id = awaiting.lesson_id if awaiting else None
            row.awaiting_item_id = awaiting.item_id if awaiting else None
            row.awaiting_since = awaiting.since if awaiting else None

    def active_days(self, learner_id: int) -> list[date]:
        with self._db.transaction() as session:
            return list(
                session.scalars(
                    select(ActiveDay.day)
                    .where(ActiveDay.learner_id == learner_id)
                    .order_by(ActiveDay.day.desc())
                )
            )

    @staticmethod
    def _row(session: Session, learner_id: int) -> Learner:
        row = session.get(Learner, learner_id)
        if row is None:
            raise LearnerNotFound(learner_id)
        return row
