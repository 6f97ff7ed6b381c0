"""A fresh simulated cluster per test, with instant pod start-up."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    """An emulator on plain HTTP (the official client sends its token over HTTP too)."""
    async with Emulator(delays=Delays.instant(), token="test-token") as running:
        yield running


@pytest.fixture
async def tls_emulator() -> AsyncIterator[Emulator]:
    """An emulator on HTTPS, as kubectl needs it (it sends tokens only over TLS)."""
    async with Emulator(delays=Delays.instant(), token="test-token", tls=True) as running:
        yield running
