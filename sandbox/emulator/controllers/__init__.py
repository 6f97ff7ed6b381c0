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
from sandbox.emulator.controllers.endpointslices import sync_endpoint_slice
from sandbox.emulator.controllers.events import Recorder
from sandbox.emulator.controllers.garbage import NAMESPACES, GarbageCollector
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
    """Every controller of the simulated cluster, sharing one store, clock and event recorder.

    Only namespaces that changed since the last reconcile, or where a step of some pod or
    rollout has fallen due, are looked at, so a write in one learner's namespace costs the
    same however many learners there are.
    """

    def __init__(self, store: Store, clock: Clock, delays: Delays) -> None:
        self._store, self._clock = store, clock
        recorder = Recorder(store, clock)
        self._kubelet = Kubelet(store, clock, delays, recorder)
        self._replicasets = ReplicaSetController(store, recorder)
        self._deployments = DeploymentController(store, recorder, self._kubelet.timeline)
        self._garbage = GarbageCollector(store, clock)
        self._dirty = {ns["metadata"]["name"] for ns in store.list(NAMESPACES)}
        store.add_listener(self._changed)

    def _changed(self, _event: str, kind: Kind, obj: dict[str, Any]) -> None:
        if kind.qualified == "events":
            return
        meta = obj.get("metadata", {})
        if kind.namespaced:
            self._dirty.add(meta.get("namespace", ""))
        elif kind.qualified == "namespaces":
            self._dirty.add(meta.get("name", ""))

    def reconcile(self) -> None:
        """Bring every object to what the real controllers would have made of it by now.

        Each namespace is passed over until a pass changes nothing, so a single call takes a
        new Deployment as far as the clock allows (all the way to Running pods with zero
        delays).
        """
        now = self._clock.now()
        due = self._kubelet.timeline.due
        todo = self._dirty | {ns for ns, at in due.items() if at <= now}
        self._dirty = set()
        for namespace in sorted(todo):
            due.pop(namespace, None)
            for _ in range(_MAX_PASSES):
                before = self._store.resource_version
                self._pass(namespace, now)
                if self._store.resource_version == before:
                    break
            self._dirty.discard(namespace)

    def next_due(self) -> datetime | None:
        """The earliest future moment at which reconcile() would change something."""
        return min(self._kubelet.timeline.due.values(), default=None)

    def _pass(self, namespace: str, now: datetime) -> None:
        self._garbage.collect(namespace)
        sets = self._store.list(REPLICASETS, namespace)
        pods = self._store.list(PODS, namespace)
        for deployment in self._store.list(DEPLOYMENTS, namespace):
            self._deployments.reconcile(deployment, sets, pods, now)
        pods = self._store.list(PODS, namespace)
        for rs in self._store.list(REPLICASETS, namespace):
            self._replicasets.reconcile(rs, pods, now)
        live = set()
        for pod in self._store.list(PODS, namespace):
            live.add(pod["metadata"]["uid"])
            self._kubelet.reconcile(pod)
        self._kubelet.forget_all_but(namespace, live)
        pods = self._store.list(PODS, namespace)
        for service in self._store.list(_SERVICES, namespace):
            sync_endpoints(self._store, service, pods)
            sync_endpoint_slice(self._store, service, pods)
        self._quotas(namespace)

    def _quotas(self, namespace: str) -> None:
        quotas = self._store.list(_QUOTAS, namespace)
        if not quotas:
            return
        used = usage(self._store, namespace)
        for quota in quotas:
            hard = quota.get("spec", {}).get("hard") or {}
            status: dict[str, Any] = {
                "hard": {k: quantities.canonical(v) for k, v in hard.items()},
                "used": {k: quantities.render(used.get(k, quantities.parse(0)),
                                              binary=quantities.is_binary(str(v)))
                         for k, v in hard.items()},
            }
            if quota.get("status") != status:
                quota["status"] = status
                self._store.update(_QUOTAS, quota)
