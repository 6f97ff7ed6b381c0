"""Shared fixtures: a real SQLite file migrated by Alembic, and a movable clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
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
    """The product's defaults on a fresh data directory, whatever the environment says."""
    return Settings(
        _env_file=None,
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'kubetutor.db'}",
        cluster="emulator",
    )


@pytest.fixture
async def app(settings: Settings, clock: FixedClock) -> AsyncIterator[App]:
    built = build(settings, clock=clock)
    yield built
    await built.aclose()
