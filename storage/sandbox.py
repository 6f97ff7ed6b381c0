"""Sandbox records: learners' namespaces, the command log, practice tries."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from storage.models import CommandLog, Learner, PracticeProgress, SandboxNamespace
from storage.session import Database

COMMAND_TEXT_MAX = 2000


@dataclass(frozen=True)
class PracticeState:
    step_id: str
    tries: int
    done_at: datetime | None


class SandboxRecords:
    def __init__(self, database: Database) -> None:
        self._db = database

    def namespace(self, learner_id: int) -> str | None:
        with self._db.transaction() as session:
            row = session.get(SandboxNamespace, learner_id)
            return row.namespace if row else None

    def use_namespace(self, learner_id: int, namespace: str, now: datetime) -> None:
        """Remember the learner's namespace and that it was used ``now``."""
        with self._db.transaction() as session:
            row = session.get(SandboxNamespace, learner_id)
            if row is None:
                session.add(
                    SandboxNamespace(
                        learner_id=learner_id, namespace=namespace, created_at=now, last_used_at=now
                    )
                )
            else:
                row.namespace = namespace
                row.last_used_at = now

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
        with self._db.transaction() as session:
            session.add(
                CommandLog(
                    learner_id=learner_id,
                    at=at,
                    command=command[:COMMAND_TEXT_MAX],
                    outcome=outcome,
                    reason=reason[:64] if reason else None,
                )
            )

    def practice(self, learner_id: int, lesson_id: str) -> dict[str, PracticeState]:
        with self._db.transaction() as session:
            rows = session.scalars(
                select(PracticeProgress).where(
                    PracticeProgress.learner_id == learner_id,
                    PracticeProgress.lesson_id == lesson_id,
                )
            )
            return {row.step_id: PracticeState(row.step_id, row.tries, row.done_at) for row in rows}

    def practice_try(
        self, learner_id: int, lesson_id: str, step_id: str, *, done_at: datetime | None
    ) -> PracticeState:
        """Count one try at a step (marking it done when ``done_at`` is given)."""
        with self._db.transaction() as session:
            row = session.get(PracticeProgress, (learner_id, lesson_id, step_id))
            if row is None:
                row = PracticeProgress(
                    learner_id=learner_id, lesson_id=lesson_id, step_id=step_id, tries=0
                )
                session.add(row)
            row.tries += 1
            if done_at is not None and row.done_at is None:
                row.done_at = done_at
            return PracticeState(step_id, row.tries, row.done_at)

    def reset_practice(self, learner_id: int) -> None:
        with self._db.transaction() as session:
            for row in session.scalars(
                select(PracticeProgress).where(PracticeProgress.learner_id == learner_id)
            ):
                session.delete(row)
