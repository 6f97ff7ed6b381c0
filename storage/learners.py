"""Learners: who they are, their language, and where they are in the course.

Every learner message reads and touches the learner's row, so these are
Core statements built once, with the values bound at each call, and the rows
of recent learners are kept in memory: every change to a learner's row goes
through this module, which writes the database first and then its copy.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, bindparam, insert, select, update

from storage.models import ActiveDay, Learner
from storage.records import Awaiting, LearnerRecord
from storage.session import Database
from storage.statements import InsertMissing


class LearnerNotFound(LookupError):
    """No learner has the given id."""


_COLUMNS = tuple(Learner.__table__.columns)
_BY_KEY = select(*_COLUMNS).where(Learner.key == bindparam("key"))
_BY_ID = select(*_COLUMNS).where(Learner.id == bindparam("learner_id"))
_CREATE = insert(Learner).returning(*_COLUMNS)
# The SET clause comes from the values passed: only what changes is written.
_CHANGE = update(Learner).where(Learner.id == bindparam("learner_id"))
_CHANGE_BY_KEY = update(Learner).where(Learner.key == bindparam("learner_key"))
_ACTIVE_DAY = InsertMissing(ActiveDay)
_ACTIVE_DAYS = (
    select(ActiveDay.day)
    .where(ActiveDay.learner_id == bindparam("learner_id"))
    .order_by(ActiveDay.day.desc())
)


SEEN_GRAIN = timedelta(minutes=1)
KEPT = 10_000  # learners whose rows stay in memory, the most recently seen


def _utc_day(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def _awaiting(values: Mapping[Any, Any]) -> Awaiting | None:
    kind, lesson_id = values["awaiting"], values["awaiting_lesson_id"]
    item_id, since = values["awaiting_item_id"], values["awaiting_since"]
    if kind and lesson_id and item_id and since:
        return Awaiting(kind, lesson_id, item_id, since)
    return None


def _record(row: Row[Any]) -> LearnerRecord:
    values = row._mapping
    return LearnerRecord(
        id=row.id,
        key=row.key,
        display_name=row.display_name,
        language=row.language,
        timezone=row.timezone,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        current_lesson_id=row.current_lesson_id,
        awaiting=_awaiting(values),
        chat_id=row.chat_id,
        blocked_at=row.blocked_at,
    )


def _changed(learner: LearnerRecord, values: Mapping[str, Any]) -> LearnerRecord:
    """``learner`` after an UPDATE that set ``values`` (column names) on its row."""
    fields = {name: value for name, value in values.items() if not name.startswith("awaiting")}
    if "awaiting" in values:
        fields["awaiting"] = _awaiting(values)
    return replace(learner, **fields)


def _awaiting_values(awaiting: Awaiting | None) -> dict[str, Any]:
    return {
        "awaiting": awaiting.kind if awaiting else None,
        "awaiting_lesson_id": awaiting.lesson_id if awaiting else None,
        "awaiting_item_id": awaiting.item_id if awaiting else None,
        "awaiting_since": awaiting.since if awaiting else None,
    }


def _arrival_values(
    learner: LearnerRecord, name: str, chat_id: int | None, now: datetime
) -> dict[str, Any]:
    """What an arrival writes to the learner's row; empty when nothing changed."""
    values: dict[str, Any] = {}
    if name and name != learner.display_name:
        values["display_name"] = name
    if chat_id is not None and (learner.chat_id != chat_id or learner.blocked_at is not None):
        values.update(chat_id=chat_id, blocked_at=None)
    if values or now - learner.last_seen_at >= SEEN_GRAIN:
        values["last_seen_at"] = now
    return values


class Learners:
    """The learners of one database; a process uses one instance, which keeps its copies."""

    def __init__(self, database: Database, *, kept: int = KEPT) -> None:
        self._db = database
        self._limit = kept
        self._kept: OrderedDict[str, LearnerRecord] = OrderedDict()
        self._key_of: dict[int, str] = {}

    def arrive(
        self,
        key: str,
        *,
        display_name: str,
        language: str,
        now: datetime,
        chat_id: int | None = None,
    ) -> tuple[LearnerRecord, bool]:
        """The learner with ``key``, created on first sight; marks the (UTC) day active.

        Every learner message arrives here, so it writes only what changed:
        ``last_seen_at`` to within ``SEEN_GRAIN``, the active day once a day
        (a day ``last_seen_at`` is on was marked when it was written), and
        ``chat_id`` when it is new or the learner had blocked the bot (writing
        again lifts the block). Returns the learner and whether they were
        created just now.
        """
        name = display_name[:128]
        today = _utc_day(now)
        kept = self._kept.get(key)
        unchanged = kept is not None and not _arrival_values(kept, name, chat_id, now)
        if kept is not None and unchanged and _utc_day(kept.last_seen_at) == today:
            self._kept.move_to_end(key)
            return kept, False
        with self._db.begin() as connection:
            row = connection.execute(_BY_KEY, {"key": key}).one_or_none()
            if row is None:
                created = {
                    "key": key,
                    "display_name": name,
                    "language": language,
                    "created_at": now,
                    "last_seen_at": now,
                    "chat_id": chat_id,
                }
                learner = _record(connection.execute(_CREATE, created).one())
            else:
                learner = _record(row)
                values = _arrival_values(learner, name, chat_id, now)
                if values:
                    learner = replace(learner, **values)
                    connection.execute(_CHANGE, {"learner_id": row.id, **values})
            if row is None or _utc_day(row.last_seen_at) != today:
                _ACTIVE_DAY(connection, {"learner_id": learner.id, "day": today})
        self._keep(learner)
        return learner, row is None

    def get(self, learner_id: int) -> LearnerRecord:
        with self._db.begin() as connection:
            row = connection.execute(_BY_ID, {"learner_id": learner_id}).one_or_none()
            if row is None:
                raise LearnerNotFound(learner_id)
            return _record(row)

    def by_key(self, key: str) -> LearnerRecord | None:
        """The learner with ``key``, or None if they never wrote."""
        with self._db.begin() as connection:
            row = connection.execute(_BY_KEY, {"key": key}).one_or_none()
            return None if row is None else _record(row)

    def attach_chat(self, key: str, chat_id: int) -> LearnerRecord | None:
        """Remember where the learner is reached; writing to the bot again lifts a block.

        Returns the learner, or None if no learner has ``key``.
        """
        with self._db.begin() as connection:
            row = connection.execute(_BY_KEY, {"key": key}).one_or_none()
            if row is None:
                return None
            learner = _record(row)
            if row.chat_id != chat_id or row.blocked_at is not None:
                connection.execute(
                    _CHANGE, {"learner_id": row.id, "chat_id": chat_id, "blocked_at": None}
                )
                learner = replace(learner, chat_id=chat_id, blocked_at=None)
        self._keep(learner)
        return learner

    def mark_blocked(self, key: str, now: datetime) -> None:
        """The learner blocked the bot: nothing is sent to them until they write again."""
        with self._db.begin() as connection:
            row = connection.execute(_BY_KEY, {"key": key}).one_or_none()
            if row is None or row.blocked_at is not None:
                return
            connection.execute(_CHANGE, {"learner_id": row.id, "blocked_at": now})
        self._keep(replace(_record(row), blocked_at=now))

    def set_language(self, learner_id: int, language: str) -> None:
        self._change(learner_id, {"language": language})

    def set_timezone(self, learner_id: int, timezone: str) -> None:
        self._change(learner_id, {"timezone": timezone})

    def set_current_lesson(self, learner_id: int, lesson_id: str | None) -> None:
        self._change(learner_id, {"current_lesson_id": lesson_id})

    def set_awaiting(self, learner_id: int, awaiting: Awaiting | None) -> None:
        self._change(learner_id, _awaiting_values(awaiting))

    def place(self, learner_id: int, lesson_id: str | None, awaiting: Awaiting | None) -> None:
        """Set the lesson the learner is in and what their next message answers, at once."""
        self._change(learner_id, {"current_lesson_id": lesson_id, **_awaiting_values(awaiting)})

    def active_days(self, learner_id: int) -> list[date]:
        with self._db.begin() as connection:
            return list(connection.scalars(_ACTIVE_DAYS, {"learner_id": learner_id}))

    def _change(self, learner_id: int, values: dict[str, Any]) -> None:
        with self._db.begin() as connection:
            changed = connection.execute(_CHANGE, {"learner_id": learner_id, **values})
            if changed.rowcount == 0:
                raise LearnerNotFound(learner_id)
        key = self._key_of.get(learner_id)
        if key is not None:
            self._kept[key] = _changed(self._kept[key], values)

    def _keep(self, learner: LearnerRecord) -> None:
        self._kept[learner.key] = learner
        self._kept.move_to_end(learner.key)
        self._key_of[learner.id] = learner.key
        if len(self._kept) > self._limit:
            _, oldest = self._kept.popitem(last=False)
            del self._key_of[oldest.id]
