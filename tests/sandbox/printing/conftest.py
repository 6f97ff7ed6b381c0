"""A simulated cluster on a stopped clock, reachable by the real kubectl and by HTTP.

Printing is compared with kubectl on the same state: the clock only moves when a
test says so, so ages read the same in both outputs.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from sandbox.emulator.clock import ManualClock
from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator

KUBECTL = "/usr/bin/kubectl"
TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io"
START = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

needs_kubectl = [
    pytest.mark.skipif(not Path(KUBECTL).exists(),
                       reason="the real kubectl is not installed at /usr/bin/kubectl"),
    pytest.mark.skipif(shutil.which("openssl") is None,
                       reason="openssl is needed to serve kubectl over HTTPS"),
]


@dataclass(frozen=True)
class Run:
    """One kubectl run: exit code, standard output, standard error."""

    code: int
    out: str
    err: str


class Side:
    """The emulator seen two ways: through kubectl, and through plain API requests."""

    def __init__(self, emulator: Emulator, clock: ManualClock, home: Path,
                 session: aiohttp.ClientSession) -> None:
        self.emulator, self.clock, self._home, self._session = emulator, clock, home, session
        self._config = home / "kubeconfig"
        emulator.write_kubeconfig(self._config)

    async def kubectl(self, *args: str, stdin: str | None = None) -> Run:
        """Run /usr/bin/kubectl against the emulator."""
        process = await asyncio.create_subprocess_exec(
            KUBECTL, *args, env={**os.environ, "KUBECONFIG": str(self._config),
                                 "HOME": str(self._home), "TZ": "UTC"},
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE)
        out, err = await process.communicate(stdin.encode() if stdin is not None else b"")
        return Run(process.returncode or 0, out.decode(), err.decode())

    async def ok(self, *args: str, stdin: str | None = None) -> str:
        """Run kubectl, expect success, return its standard output."""
        run = await self.kubectl(*args, stdin=stdin)
        assert run.code == 0, run
        return run.out

    async def get(self, path: str, accept: str = "application/json",
                  as_user: str | None = None) -> dict[str, Any]:
        """GET an API path as the cluster admin (or impersonating `as_user`), parsed JSON.

        Status bodies of failed requests are returned as they are.
        """
        return await self.send("GET", path, accept=accept, as_user=as_user)

    async def send(self, method: str, path: str, body: Any = None, *,
                   accept: str = "application/json", as_user: str | None = None,
                   content_type: str = "application/json") -> dict[str, Any]:
        """Any request with a JSON body; returns the parsed response body."""
        headers = {"Accept": accept, "Content-Type": content_type}
        if as_user is not None:
            headers["Impersonate-User"] = as_user
        data = None if body is None else json.dumps(body)
        async with self._session.request(method, self.emulator.url + path, ssl=False,
                                         headers=headers, data=data) as response:
            parsed: dict[str, Any] = json.loads(await response.text())
            return parsed

    async def table(self, path: str) -> dict[str, Any]:
        """GET a server-side Table, as kubectl and the executor ask for it."""
        return await self.get(path, TABLE)

    def tick(self, seconds: float) -> None:
        """Move time on and let the controllers catch up."""
        self.clock.advance(seconds)
        self.emulator.controllers.reconcile()


@pytest.fixture
async def side(tmp_path: Path) -> AsyncIterator[Side]:
    """A TLS emulator on a manual clock, with kubectl configured for it."""
    clock = ManualClock(START)
    async with Emulator(clock=clock, delays=Delays.instant(), token="printing-token",
                        tls=True) as emulator, aiohttp.ClientSession(
            headers={"Authorization": "Bearer printing-token"}) as session:
        yield Side(emulator, clock, tmp_path, session)
