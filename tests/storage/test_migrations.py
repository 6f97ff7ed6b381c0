from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from storage import Database, DatabaseTooNew, Learners, create_database_engine, migrate
from storage.database import SCHEMA_HEAD, current_revision, head_revision

MIGRATIONS = Path(__file__).parents[2] / "storage" / "migrations"


def revisions_oldest_first() -> list[str]:
    script = ScriptDirectory(str(MIGRATIONS))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_schema_head_constant_matches_the_newest_migration() -> None:
    assert head_revision() == SCHEMA_HEAD


def test_migrations_build_every_table_in_an_empty_database(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {
        "learners",
        "lesson_progress",
        "card_progress",
        "quiz_attempts",
        "active_days",
    } <= tables
    assert current_revision(engine) == SCHEMA_HEAD


@pytest.mark.parametrize("start", range(len(revisions_oldest_first())))
def test_each_revision_upgrades_to_head_keeping_learners(tmp_path: Path, start: int) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine, revisions_oldest_first()[start])
    # Written with plain SQL: today's models may have columns the old schema lacks.
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO learners (key, display_name, language, created_at, last_seen_at) "
            "VALUES ('terminal:ada', 'Ada', 'en', '2026-03-01 08:00:00', '2026-03-01 08:00:00')"
        )
    migrate(engine)
    now = datetime(2026, 3, 2, tzinfo=UTC)
    learner, created = Learners(Database(engine)).arrive(
        "terminal:ada", display_name="Ada", language="en", now=now
    )
    assert not created
    assert learner.language == "en"


def test_a_database_from_a_newer_kubetutor_is_refused(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'new.db'}")
    migrate(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseTooNew, match="newer kubetutor"):
        migrate(engine)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'pragmas.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_the_migrations_build_exactly_what_the_models_describe(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from storage.models import Base

    engine = create_database_engine(f"sqlite:///{tmp_path / 'models.db'}")
    migrate(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
