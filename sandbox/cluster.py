"""Which cluster the sandbox talks to, and the bot's connection to it.

Three ways in, as the operator chooses: a kubeconfig context (minikube by default),
in-cluster config (the bot running as a pod), or the embedded simulated cluster when
nothing is configured. `Cluster` holds one ApiClient for the bot's own identity and hands
out `Api` views that impersonate a learner's ServiceAccount.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

import yaml
from kubernetes import config as kube_config
from kubernetes.client import ApiClient, Configuration

from sandbox.emulator.server import Emulator
from sandbox.kubeapi import Api, Timeouts

logger = logging.getLogger(__name__)

Mode = Literal["emulator", "kubeconfig", "in-cluster"]
MODES: tuple[Mode, ...] = ("emulator", "kubeconfig", "in-cluster")
DEFAULT_CONTEXT = "minikube"
LEARNER_ACCOUNT = "learner"
SIMULATED_CONTEXT = "simulated"
CREDENTIALS_CHECK_EVERY = 10.0  # seconds; the client renews tokens 5 minutes before expiry


class ClusterConfigError(ValueError):
    """The cluster settings name a mode, file or context that does not exist."""


@dataclass(frozen=True)
class ClusterConfig:
    """Where the sandbox cluster is: `mode`, and for kubeconfig mode the file and context."""

    mode: Mode
    context: str | None = None
    kubeconfig: Path | None = None


def resolve_cluster_config(env_mode: str | None, env_context: str | None,
                           kubeconfig_path: Path | None) -> ClusterConfig:
    """The cluster the settings ask for.

    Nothing configured (no mode, no context) means the embedded simulated cluster. A
    context alone means kubeconfig mode. In kubeconfig mode without a context, the
    `minikube` context is used when the kubeconfig has one, else its current context.

    Raises:
        ClusterConfigError: for an unknown mode.
    """
    mode = (env_mode or "").strip().lower()
    context = (env_context or "").strip() or None
    if not mode:
        mode = "kubeconfig" if context else "emulator"
    if mode not in MODES:
        raise ClusterConfigError(
            f"KUBETUTOR_CLUSTER={env_mode!r} is not one of {', '.join(MODES)}")
    if mode != "kubeconfig":
        return ClusterConfig(cast(Mode, mode))
    if context is None and DEFAULT_CONTEXT in kubeconfig_contexts(kubeconfig_path):
        context = DEFAULT_CONTEXT
    return ClusterConfig("kubeconfig", context, kubeconfig_path)


def kubeconfig_contexts(path: Path | None) -> list[str]:
    """The context names in the kubeconfig at `path` (or the default one); [] if unreadable."""
    file = path or Path(kube_config.KUBE_CONFIG_DEFAULT_LOCATION).expanduser()
    try:
        loaded = yaml.safe_load(file.read_text())
    except (OSError, yaml.YAMLError):
        return []
    if not isinstance(loaded, dict):
        return []
    return [str(c.get("name")) for c in loaded.get("contexts") or [] if isinstance(c, dict)]


class _Throttled:
    """The kubernetes client's credential refresh, run at most every ``every`` seconds.

    A kubeconfig user with a token gets a hook the client calls before every request: it
    renews a token near its expiry, and re-applies the whole kubeconfig each time, which
    reads the proxy settings from the environment again (a sixth to a quarter of a
    request's CPU). Tokens are renewed five minutes early, so checking every few seconds
    never sends a stale one.
    """

    def __init__(self, hook: Callable[[Configuration], None], every: float) -> None:
        self._hook = hook
        self._every = every
        self._next = 0.0
        self._lock = threading.Lock()

    def __call__(self, configuration: Configuration) -> None:
        if time.monotonic() < self._next:
            return
        with self._lock:
            if time.monotonic() < self._next:
                return
            self._hook(configuration)
            # Re-applying a kubeconfig installs a fresh hook of the client's own
            # (the in-cluster loader's stays as it was).
            fresh: Callable[[Configuration], None] | None = configuration.refresh_api_key_hook
            if fresh is not None and fresh is not self:
                self._hook = fresh
            self.install(configuration)
            self._next = time.monotonic() + self._every

    def install(self, configuration: Configuration) -> None:
        # The client declares the hook's type as None, though it holds a callable.
        configuration.refresh_api_key_hook = self  # type: ignore[assignment]


class Cluster:
    """The bot's connection: its own identity, and learner identities by impersonation."""

    def __init__(self, configuration: Configuration, *, simulated: bool, context: str,
                 timeouts: Timeouts | None = None) -> None:
        configuration.retries = 0
        hook: Callable[[Configuration], None] | None = configuration.refresh_api_key_hook
        if hook is not None:
            _Throttled(hook, CREDENTIALS_CHECK_EVERY).install(configuration)
        self._client = ApiClient(configuration)
        self.timeouts = timeouts or Timeouts()
        self.simulated = simulated
        self.context = context
        self.server = str(configuration.host)
        self.bot = Api(self._client, self.timeouts)

    @classmethod
    def for_emulator(cls, emulator: Emulator, timeouts: Timeouts | None = None) -> Cluster:
        """A connection to a running embedded emulator, as its operator."""
        configuration = Configuration(host=emulator.url)
        configuration.api_key = {"BearerToken": f"Bearer {emulator.token}"}
        configuration.verify_ssl = False
        return cls(configuration, simulated=True, context=SIMULATED_CONTEXT, timeouts=timeouts)

    @classmethod
    def from_config(cls, config: ClusterConfig, timeouts: Timeouts | None = None) -> Cluster:
        """A connection from a kubeconfig context or the pod's in-cluster credentials.

        Raises:
            ClusterConfigError: the kubeconfig or context cannot be loaded.
        """
        configuration = Configuration()
        if config.mode == "in-cluster":
            try:
                kube_config.load_incluster_config(  # type: ignore[no-untyped-call]
                    client_configuration=configuration)
            except kube_config.ConfigException as error:
                raise ClusterConfigError(f"in-cluster config: {error}") from error
            return cls(configuration, simulated=False, context="in-cluster", timeouts=timeouts)
        if config.mode != "kubeconfig":
            raise ClusterConfigError("the simulated cluster is started with connect()")
        file = str(config.kubeconfig) if config.kubeconfig else None
        try:
            kube_config.load_kube_config(  # type: ignore[no-untyped-call]
                config_file=file, context=config.context, client_configuration=configuration)
            _, active = kube_config.list_kube_config_contexts(  # type: ignore[no-untyped-call]
                config_file=file)
        except (kube_config.ConfigException, OSError, TypeError) as error:
            raise ClusterConfigError(f"kubeconfig: {error}") from error
        name = config.context or str(active.get("name", ""))
        return cls(configuration, simulated=False, context=name, timeouts=timeouts)

    def learner(self, namespace: str) -> Api:
        """Requests as the learner's ServiceAccount in `namespace`, judged by the cluster's RBAC."""
        return Api(self._client, self.timeouts,
                   impersonate=f"system:serviceaccount:{namespace}:{LEARNER_ACCOUNT}")

    def close(self) -> None:
        """Close every pooled connection to the API server, then the client: an API server
        stopping (the embedded one in particular) must not be left with idle connections."""
        close_client(self._client)


def close_client(client: ApiClient) -> None:
    """Close an ApiClient together with its pooled keep-alive connections.

    `ApiClient.close` only has urllib3 forget its pools (`PoolManager.clear`); their sockets
    close when the pools are garbage-collected, which can be much later when a response or
    an error still refers to one.
    """
    pools = client.rest_client.pool_manager.pools
    # urllib3's pool container refuses iteration; keys() is its locked copy.
    for key in list(pools.keys()):
        pool = pools.get(key)
        if pool is not None:
            pool.close()
    client.close()  # type: ignore[no-untyped-call]


@contextlib.asynccontextmanager
async def connect(config: ClusterConfig, *, state_file: Path | None = None,
                  timeouts: Timeouts | None = None) -> AsyncIterator[Cluster]:
    """The configured cluster, starting the embedded emulator for emulator mode.

    Raises:
        ClusterConfigError: the configuration cannot be loaded.
    """
    if config.mode != "emulator":
        cluster = Cluster.from_config(config, timeouts)
        try:
            yield cluster
        finally:
            cluster.close()
        return
    emulator = Emulator(state_file=state_file)
    await emulator.start()
    logger.info("simulated cluster listening on %s", emulator.url)
    cluster = Cluster.for_emulator(emulator, timeouts)
    try:
        yield cluster
    finally:
        cluster.close()
        await emulator.stop()
        emulator.save()
