"""A unit of work over one engine: each block commits or rolls back whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker


class Database:
    """The engine plus a session factory; the one thing storage callers hold."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A plain connection in a transaction, for the per-message paths.

        Core statements built once at import cost a tenth of ORM loading and
        flushing, which matters for queries every learner message runs.
        """
        with self.engine.begin() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()
