"""The simulated cluster's control plane: what turns stored objects into a running cluster.

`Controllers.reconcile()` plays, in one synchronous pass, the parts of a real cluster that
react to writes: admission-checked pod creation by ReplicaSets, the Deployment rollout, the
scheduler and kubelet of the single node, Service endpoints, ResourceQuota usage, garbage
collection and namespace termination. Time comes from the injected clock, so a test can
step through ContainerCreating to Running by advancing a ManualClock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sandbox.emulator import quantities
from sandbox.emulator.clock import Clock
from sandbox.emulator.controllers.deployments import DEPLOYMENTS, DeploymentController
from sandbox.emulator.controllers.endpoints import sync_endpoints
from sandbox.emulator.controllers.events import Recorder
from sandbox.emulator.controllers.garbage import GarbageCollector
from sandbox.emulator.controllers.pods import PODS, Kubelet
from sandbox.emulator.controllers.replicasets import REPLICASETS, ReplicaSetController
from sandbox.emulator.controllers.timing import Delays
from sandbox.emulator.kinds import Kind, kind_by_plural
from sandbox.emulator.quota_usage import usage
from sandbox.emulator.store import Store

__all__ = ["Controllers", "Delays"]



def _kind(plural: str) -> Kind:
    kind = kind_by_plural("", plural)
    assert kind is not None
    return kind


_SERVICES = _kind("services")
_QUOTAS = _kind("resourcequotas")
_MAX_PASSES = 50


class Controllers:
    """Every controller of the simulated cluster, sharing one store, clock and event recorder."""

    def __init__(self, store: Store, clock: Clock, delays: Delays) -> None:
        self._store, self._clock = store, clock
        recorder = Recorder(store, clock)
        self._kubelet = Kubelet(store, clock, delays, recorder)
        self._replicasets = ReplicaSetController(store, recorder)
        self._deployments = DeploymentController(store, recorder, self._kubelet.timeline)
        self._garbage = GarbageCollector(store, clock)

    def reconcile(self) -> None:
        """Bring every object to what the real controllers would have made of it by now.

        Passes repeat until one changes nothing, so a single call takes a new Deployment as
        far as the clock allows (all the way to Running pods with zero delays).
        """
        self._kubelet.timeline.next_due = None
        for _ in range(_MAX_PASSES):
            before = self._store.resource_version
            self._pass(self._clock.now())
            if self._store.resource_version == before:
                return

    def next_due(self) -> datetime | None:
        """The earliest future moment at which reconcile() would change something."""
        return self._kubelet.timeline.next_due

    def _pass(self, now: datetime) -> None:
        self._garbage.collect()
        for deployment in self._store.list(DEPLOYMENTS):
            namespace = deployment["metadata"]["namespace"]
            self._deployments.reconcile(deployment, self._store.list(REPLICASETS, namespace),
                                        self._store.list(PODS, namespace), now)
        for rs in self._store.list(REPLICASETS):
            pods = self._store.list(PODS, rs["metadata"]["namespace"])
            self._replicasets.reconcile(rs, pods, now)
        live = set()
        for pod in self._store.list(PODS):
            live.add(pod["metadata"]["uid"])
            self._kubelet.reconcile(pod)
        self._kubelet.forget_all_but(live)
        for service in self._store.list(_SERVICES):
            pods = self._store.list(PODS, service["metadata"]["namespace"])
            sync_endpoints(self._store, service, pods)
        self._quotas()

    def _quotas(self) -> None:
        for quota in self._store.list(_QUOTAS):
            hard = quota.get("spec", {}).get("hard") or {}
            used = usage(self._store, quota["metadata"]["namespace"])
            status: dict[str, Any] = {
                "hard": {k: quantities.canonical(v) for k, v in hard.items()},
                "used": {k: quantities.render(used.get(k, quantities.parse(0)),
                                              binary=quantities.is_binary(str(v)))
                         for k, v in hard.items()},
            }
            if quota.get("status") != status:
                quota["status"] = status
                self._store.update(_QUOTAS, quota)
