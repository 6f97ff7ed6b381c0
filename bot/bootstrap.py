"""The composition root: the one place that builds the application's parts.

Every entry point (terminal chat, Telegram bot) and every test builds the
conversation here, so they all run the same wiring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core import Conversation, SandboxPort
from bot.review_deck import Deck
from bot.reviews import Reviews
from bot.settings import Settings
from lessons.catalog import Catalog
from lessons.loader import CONTENT_DIR, load_catalog
from storage import Database, Learners, Progress, Reminders, ReviewCards, open_database

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def offset_clock(offset: timedelta) -> Clock:
    """The system clock moved by ``offset`` (``KUBETUTOR_CLOCK_OFFSET``), still ticking."""
    if not offset:
        return system_clock
    return lambda: datetime.now(UTC) + offset


@dataclass
class App:
    settings: Settings
    database: Database
    catalog: Catalog
    learners: Learners
    progress: Progress
    conversation: Conversation
    clock: Clock
    reviews: Reviews

    def close(self) -> None:
        self.database.close()


def build(
    settings: Settings,
    *,
    clock: Clock = system_clock,
    sandbox: SandboxPort | None = None,
    content_dir: Path = CONTENT_DIR,
) -> App:
    """Open storage (migrating it), load the course, and wire the conversation."""
    catalog = load_catalog(content_dir)
    database = open_database(settings.resolved_database_url())
    learners = Learners(database)
    progress = Progress(database)
    reviews = Reviews(
        catalog,
        learners,
        progress,
        Deck(ReviewCards(database), Reminders(database)),
        clock,
        pictures=settings.data_dir / "pictures",
        sandbox=sandbox,
    )
    conversation = Conversation(
        catalog, learners, progress, clock, sandbox=sandbox, reviews=reviews
    )
    return App(settings, database, catalog, learners, progress, conversation, clock, reviews)
