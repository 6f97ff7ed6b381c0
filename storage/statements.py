"""Statement helpers shared by the query classes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Executable, and_, bindparam, exists, insert, inspect, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase


class InsertMissing:
    """Insert a row unless its primary key is taken; an existing row is left as it is.

    One ``INSERT ... ON CONFLICT DO NOTHING`` on SQLite and PostgreSQL, a
    look-up then an insert elsewhere. Built once: callers pass the values.
    """

    def __init__(self, model: type[DeclarativeBase]) -> None:
        self._by_dialect: dict[str, Executable] = {
            "sqlite": sqlite_insert(model).on_conflict_do_nothing(),
            "postgresql": postgresql_insert(model).on_conflict_do_nothing(),
        }
        self._insert = insert(model)
        key = [column == bindparam(column.key) for column in inspect(model).primary_key]
        self._exists = select(exists().where(and_(*key)))

    def __call__(self, connection: Connection, values: dict[str, Any]) -> None:
        statement = self._by_dialect.get(connection.dialect.name)
        if statement is not None:
            connection.execute(statement, values)
        elif not connection.execute(self._exists, values).scalar():
            connection.execute(self._insert, values)
