"""The embedded simulated cluster as a running HTTP server on loopback.

`Emulator` wires the store, the controllers, admission and the HTTP routes together and
runs a ticker so that time-driven changes (a pod becoming Running) happen without requests.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web

from sandbox.emulator.admission import admit
from sandbox.emulator.clock import Clock, SystemClock
from sandbox.emulator.controllers import Controllers, Delays
from sandbox.emulator.kubeconfig import write_kubeconfig
from sandbox.emulator.podlogs import pod_log
from sandbox.emulator.resources import Resources
from sandbox.emulator.routes import Api
from sandbox.emulator.seed import seed
from sandbox.emulator.store import Store
from sandbox.emulator.tls import serving_cert
from sandbox.emulator.watch import Watchers

logger = logging.getLogger(__name__)
_TICK = 0.1


class Emulator:
    """A Kubernetes API server for the course's subset, on 127.0.0.1."""

    def __init__(self, *, clock: Clock | None = None, delays: Delays | None = None,
                 token: str | None = None, state_file: Path | None = None,
                 port: int = 0, tls: bool = False) -> None:
        self._clock = clock or SystemClock()
        self._token = token or secrets.token_urlsafe(32)
        self._state_file = state_file
        self._port = port
        self._cert = serving_cert() if tls else None
        self._store = self._load_or_seed()
        self._controllers = Controllers(self._store, self._clock, delays or Delays())
        self._resources = Resources(self._store, self._clock, admit, self._after_write)
        watchers = Watchers(self._store)
        self._api = Api(self._resources, watchers, self._token,
                        lambda pod, container, tail, stamps: pod_log(
                            pod, container, self._clock.now(), tail_lines=tail,
                            timestamps=stamps))
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._url = ""

    @property
    def url(self) -> str:
        """The server's base URL, e.g. http://127.0.0.1:40123 (https with `tls=True`,
        which kubectl needs: it sends tokens only over HTTPS)."""
        return self._url

    @property
    def token(self) -> str:
        """The operator's bearer token (a cluster-admin, allowed to impersonate)."""
        return self._token

    @property
    def store(self) -> Store:
        """The object store, for tests that look behind the API."""
        return self._store

    @property
    def controllers(self) -> Controllers:
        """The controllers, for tests that drive reconciliation by hand."""
        return self._controllers

    @property
    def clock(self) -> Clock:
        """The clock every timestamp comes from."""
        return self._clock

    def write_kubeconfig(self, path: Path) -> None:
        """Write a kubeconfig (cluster and context `kubetutor`) pointing at this server."""
        write_kubeconfig(path, self._url, self._token,
                         self._cert.cert if self._cert is not None else None)

    def save(self) -> None:
        """Write every object to the state file, if there is one."""
        if self._state_file is not None:
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            self._state_file.write_text(json.dumps(self._store.dump()))

    async def start(self) -> None:
        """Listen on 127.0.0.1 and start the controllers' ticker."""
        app = web.Application(client_max_size=16 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._api.handle)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False,
                                     shutdown_timeout=0.1)
        await self._runner.setup()
        context = self._cert.server_context() if self._cert is not None else None
        site = web.TCPSite(self._runner, "127.0.0.1", self._port, ssl_context=context)
        await site.start()
        server = site._server
        assert server is not None
        port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        scheme = "https" if self._cert is not None else "http"
        self._url = f"{scheme}://127.0.0.1:{port}"
        self._controllers.reconcile()
        self._ticker = asyncio.create_task(self._tick())

    async def stop(self) -> None:
        """Stop listening (open watches end), stop the ticker and save the state file."""
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
            self._ticker = None
        if self._runner is not None:
            await _cleanup(self._runner)
            self._runner = None
        self.save()

    async def __aenter__(self) -> Emulator:
        await self.start()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.stop()

    def _load_or_seed(self) -> Store:
        if self._state_file is not None and self._state_file.exists():
            data: dict[str, Any] = json.loads(self._state_file.read_text())
            return Store.load(data, self._clock)
        store = Store(self._clock)
        seed(store)
        return store

    def _after_write(self) -> None:
        self._controllers.reconcile()
        self._resources.finish_foreground()

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(_TICK)
            due = self._controllers.next_due()
            if due is not None and due <= self._clock.now():
                try:
                    self._after_write()
                except Exception:
                    logger.exception("reconciling the emulated cluster failed")


async def _cleanup(runner: web.AppRunner) -> None:
    """Stop the server and leave none of its connections open, whatever the clients do.

    aiohttp's cleanup closes each connection politely: over TLS that sends close_notify and
    waits (up to half a minute) for the client's, which a client that keeps its idle
    keep-alive connection never sends. Those connections are aborted once the polite close
    has had its turn, and the loop runs once more so that their sockets are really closed.
    """
    assert runner.server is not None
    transports = [handler.transport for handler in runner.server.connections
                  if handler.transport is not None]
    await runner.cleanup()
    for transport in transports:
        transport.abort()
    if transports:
        await asyncio.sleep(0)

