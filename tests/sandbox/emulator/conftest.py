"""A fresh simulated cluster per test, with instant pod start-up, and official clients for it
that are closed when the test ends."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from kubernetes import client

from sandbox.cluster import close_client
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


class ApiClients:
    """Makes ApiClients for an emulator and closes them all (pooled connections too)."""

    def __init__(self) -> None:
        self._made: list[client.ApiClient] = []

    def __call__(self, emulator: Emulator, *, token: str | None = None,
                 impersonate: str | None = None) -> client.ApiClient:
        """An ApiClient for the emulator, authenticated with its (or another) token."""
        config = client.Configuration(host=emulator.url)
        config.api_key = {"authorization": token or emulator.token}
        config.api_key_prefix = {"authorization": "Bearer"}
        api = client.ApiClient(config)
        if impersonate:
            api.set_default_header("Impersonate-User", impersonate)
        self._made.append(api)
        return api

    def close(self) -> None:
        for api in self._made:
            close_client(api)


@pytest.fixture
def api_client() -> Iterator[ApiClients]:
    """`api_client(emulator, token=..., impersonate=...)`, closed after the test."""
    clients = ApiClients()
    yield clients
    clients.close()
