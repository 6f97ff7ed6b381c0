"""Sandbox records: learners' namespaces, the command log, practice tries."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, func, insert, select, update

from storage.models import CommandLog, Learner, PracticeProgress, SandboxNamespace, UtcDateTime
from storage.session import Database

COMMAND_TEXT_MAX = 2000


@dataclass(frozen=True)
class PracticeState:
    step_id: str
    tries: int
    done_at: datetime | None


_USE_NAMESPACE = update(SandboxNamespace).where(SandboxNamespace.learner_id == bindparam("learner"))
_NEW_NAMESPACE = insert(SandboxNamespace)
_LOG_COMMAND = insert(CommandLog)
_PRACTICE = select(
    PracticeProgress.step_id, PracticeProgress.tries, PracticeProgress.done_at
).where(
    PracticeProgress.learner_id == bindparam("learner"),
    PracticeProgress.lesson_id == bindparam("lesson"),
)
_STEP_KEY = (
    PracticeProgress.learner_id == bindparam("learner"),
    PracticeProgress.lesson_id == bindparam("lesson"),
    PracticeProgress.step_id == bindparam("step"),
)
# One more try; a step once done keeps the time it was first done.
_TRY = (
    update(PracticeProgress)
    .where(*_STEP_KEY)
    .values(
        tries=PracticeProgress.tries + 1,
        done_at=func.coalesce(PracticeProgress.done_at, bindparam("done", type_=UtcDateTime())),
    )
)
_FIRST_TRY = insert(PracticeProgress)
_STEP = select(PracticeProgress.tries, PracticeProgress.done_at).where(*_STEP_KEY)


class SandboxRecords:
    def __init__(self, database: Database) -> None:
        self._db = database

    def namespace(self, learner_id: int) -> str | None:
        with self._db.transaction() as session:
            row = session.get(SandboxNamespace, learner_id)
            return row.namespace if row else None

    def use_namespace(self, learner_id: int, namespace: str, now: datetime) -> None:
        """Remember the learner's namespace and that it was used ``now``."""
        with self._db.begin() as connection:
            used = {"namespace": namespace, "last_used_at": now}
            changed = connection.execute(_USE_NAMESPACE, {"learner": learner_id, **used})
            if changed.rowcount == 0:
                connection.execute(
                    _NEW_NAMESPACE, {"learner_id": learner_id, "created_at": now, **used}
                )

    def last_used_by_learner_key(self) -> dict[str, datetime]:
        """When each learner (by learner key) last used their namespace."""
        with self._db.transaction() as session:
            rows = session.execute(
                select(Learner.key, SandboxNamespace.last_used_at).join(
                    Learner, Learner.id == SandboxNamespace.learner_id
                )
            )
            return {key: used for key, used in rows}

    def forget_namespaces(self, namespaces: Collection[str]) -> None:
        with self._db.transaction() as session:
            session.execute(
                delete(SandboxNamespace).where(SandboxNamespace.namespace.in_(list(namespaces)))
            )

    def log_command(
        self, learner_id: int, at: datetime, command: str, outcome: str, reason: str | None
    ) -> None:
        with self._db.begin() as connection:
            connection.execute(
                _LOG_COMMAND,
                {
                    "learner_id": learner_id,
                    "at": at,
                    "command": command[:COMMAND_TEXT_MAX],
                    "outcome": outcome,
                    "reason": reason[:64] if reason else None,
                },
            )

    def practice(self, learner_id: int, lesson_id: str) -> dict[str, PracticeState]:
        with self._db.begin() as connection:
            rows = connection.execute(_PRACTICE, {"learner": learner_id, "lesson": lesson_id})
            return {row.step_id: PracticeState(*row) for row in rows}

    def practice_try(
        self, learner_id: int, lesson_id: str, step_id: str, *, done_at: datetime | None
    ) -> PracticeState:
        """Count one try at a step (marking it done when ``done_at`` is given)."""
        step = {"learner": learner_id, "lesson": lesson_id, "step": step_id}
        with self._db.begin() as connection:
            if connection.execute(_TRY, {**step, "done": done_at}).rowcount == 0:
                connection.execute(
                    _FIRST_TRY,
                    {
                        "learner_id": learner_id,
                        "lesson_id": lesson_id,
                        "step_id": step_id,
                        "tries": 1,
                        "done_at": done_at,
                    },
                )
            tries, done = connection.execute(_STEP, step).one()
            return PracticeState(step_id, tries, done)

    def reset_practice(self, learner_id: int) -> None:
        with self._db.transaction() as session:
            for row in session.scalars(
                select(PracticeProgress).where(PracticeProgress.learner_id == learner_id)
            ):
                session.delete(row)
