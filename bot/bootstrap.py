"""The composition root: the one place that builds the application's parts.

Every entry point (terminal chat, Telegram bot) and every test builds the
conversation here, so they all run the same wiring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core import Conversation
from bot.course import PracticeWiring
from bot.ports import SandboxPort
from bot.review_deck import Deck
from bot.reviews import Reviews
from bot.sandbox_feature import ClusterChoice, SandboxFeature
from bot.settings import Settings
from lessons.catalog import Catalog
from lessons.loader import CONTENT_DIR, load_catalog
from sandbox.limits import DEFAULT_IMAGE_DENYLIST, Limits
from storage import (
    Database,
    Learners,
    Progress,
    Reminders,
    ReviewCards,
    SandboxRecords,
    open_database,
)

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
    sandbox: SandboxFeature | None = None

    def close(self) -> None:
        self.database.close()

    async def aclose(self) -> None:
        """Disconnect the sandbox (saving the simulated cluster), then close storage."""
        if self.sandbox is not None:
            await self.sandbox.aclose()
        self.close()


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
    feature = None
    if sandbox is None and settings.sandbox:
        feature = sandbox_feature(settings, SandboxRecords(database), clock)
        sandbox = feature
    reviews = Reviews(
        catalog,
        learners,
        progress,
        Deck(ReviewCards(database), Reminders(database)),
        clock,
        pictures=settings.data_dir / "pictures",
        sandbox=sandbox,
        checker=feature,
    )
    conversation = Conversation(
        catalog,
        learners,
        progress,
        clock,
        sandbox=sandbox,
        reviews=reviews,
        practice=PracticeWiring(feature.records, feature) if feature else None,
    )
    return App(
        settings, database, catalog, learners, progress, conversation, clock, reviews, feature
    )


def sandbox_feature(settings: Settings, records: SandboxRecords, clock: Clock) -> SandboxFeature:
    """The sandbox on the configured cluster; offline, the simulated one keeps its objects."""
    limits = Limits(
        commands_per_minute=settings.commands_per_minute,
        image_denylist=(*DEFAULT_IMAGE_DENYLIST, *settings.image_denylist),
    )
    choice = ClusterChoice(
        settings.cluster,
        settings.kube_context,
        settings.kubeconfig,
        state_file=settings.data_dir / "simulated-cluster.json",
    )
    return SandboxFeature(choice, records, clock, limits=limits)
