"""Shared fixtures: a real SQLite file migrated by Alembic, and a movable clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.bootstrap import App, build
from bot.settings import Settings


@dataclass
class FixedClock:
    """A clock tests move by hand."""

    current: datetime

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 2, 8, 26, tzinfo=UTC))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'kubetutor.db'}")


@pytest.fixture
def app(settings: Settings, clock: FixedClock) -> Iterator[App]:
    built = build(settings, clock=clock)
    yield built
    built.close()
