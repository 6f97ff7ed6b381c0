"""A fresh simulated cluster per test, reached through the sandbox's own connection."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from sandbox.cluster import Cluster
from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator
from sandbox.limits import Limits
from sandbox.service import Sandbox


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    """An emulator on plain HTTP whose pods start at once."""
    async with Emulator(delays=Delays.instant(), token="test-token") as running:
        yield running


@pytest.fixture
def cluster(emulator: Emulator) -> Iterator[Cluster]:
    """The bot's connection to the emulator."""
    connection = Cluster.for_emulator(emulator)
    yield connection
    connection.close()


@pytest.fixture
def sandbox(cluster: Cluster) -> Sandbox:
    """The sandbox facade on the emulator, with a rate limit no test reaches."""
    return Sandbox(cluster, limits=Limits(commands_per_minute=10_000))
