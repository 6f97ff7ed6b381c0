"""Opening the database: engine, SQLite pragmas, and migrations at start-up.

The schema changes only through Alembic revisions, which run automatically
when the database is opened. A database written by a newer kubetutor is
refused rather than touched, so a downgrade can never corrupt progress.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.pool import ConnectionPoolEntry

from storage.session import Database

logger = logging.getLogger(__name__)

_MIGRATIONS = Path(__file__).parent / "migrations"

# The newest Alembic revision. Kept here so that opening an up-to-date
# database needs no Alembic import (start-up speed); a test checks it
# against the migrations folder so the two cannot drift apart.
SCHEMA_HEAD = "0004"


class DatabaseTooNew(RuntimeError):
    """The database was migrated by a newer kubetutor than this one."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_database_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest revision this code knows."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(_MIGRATIONS))
    head = script.get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` (the newest by default).

    Raises:
        DatabaseTooNew: the database carries a revision this code does not know.
    """
    current = current_revision(engine)
    if revision == "head" and current == SCHEMA_HEAD:
        return

    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(_MIGRATIONS))
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseTooNew(
            f"the database is at schema revision {current}, which this version of kubetutor "
            "does not know: it was written by a newer kubetutor. Upgrade kubetutor, or point "
            "KUBETUTOR_DATABASE_URL at another database."
        )
    logger.info("migrating database from %s to %s", current, revision)
    command.upgrade(_alembic_config(engine), revision)


def open_database(url: str) -> Database:
    """Open ``url``, migrating it to the newest schema first."""
    engine = create_database_engine(url)
    migrate(engine)
    return Database(engine)
