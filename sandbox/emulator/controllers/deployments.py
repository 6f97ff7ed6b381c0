"""The Deployment controller: one ReplicaSet per pod template, rolled over by the strategy.

A changed template gets a new ReplicaSet `<name>-<pod-template-hash>` with the next
revision; with RollingUpdate the new one grows within maxSurge while old ones shrink only as
far as maxUnavailable allows, counting available pods, so a new version that never becomes
ready leaves the old pods serving. `kubectl rollout undo` patches an old template back; the
matching ReplicaSet is then reused and takes the next revision number.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sandbox.emulator.clock import parse_time
from sandbox.emulator.controllers.deployment_status import (
    deployment_status,
    surge_and_unavailable,
)
from sandbox.emulator.controllers.events import DEPLOYMENT_CONTROLLER, Recorder
from sandbox.emulator.controllers.replicasets import (
    REPLICASETS,
    controller_uid,
    owner_reference,
)
from sandbox.emulator.controllers.timing import Timeline
from sandbox.emulator.kinds import kind_by_plural
from sandbox.emulator.names import pod_template_hash
from sandbox.emulator.store import Store, copy_object

_DEPLOYMENTS = kind_by_plural("apps", "deployments")
assert _DEPLOYMENTS is not None
DEPLOYMENTS = _DEPLOYMENTS
REVISION = "deployment.kubernetes.io/revision"
HASH = "pod-template-hash"
_NOT_COPIED = {"kubectl.kubernetes.io/last-applied-configuration", REVISION,
               "deployment.kubernetes.io/revision-history",
               "deployment.kubernetes.io/desired-replicas",
               "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to"}


def _without_hash(template: dict[str, Any]) -> Any:
    """The template as Go would compare it: no pod-template-hash, null and empty as absent."""
    copied = copy_object(template)
    labels = copied.get("metadata", {}).get("labels") or {}
    labels.pop(HASH, None)
    return _semantic(copied)


def _semantic(value: Any) -> Any:
    if isinstance(value, dict):
        kept = {k: _semantic(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, {}, [])}
    if isinstance(value, list):
        return [_semantic(v) for v in value]
    return value


def _revision(rs: dict[str, Any]) -> int:
    return int((rs["metadata"].get("annotations") or {}).get(REVISION, "0") or 0)


class DeploymentController:
    """Reconciles every Deployment against its ReplicaSets."""

    def __init__(self, store: Store, recorder: Recorder, timeline: Timeline) -> None:
        self._store, self._events, self._timeline = store, recorder, timeline

    def reconcile(self, deployment: dict[str, Any], all_sets: list[dict[str, Any]],
                  pods: list[dict[str, Any]], now: datetime) -> None:
        """Create, scale and clean up the ReplicaSets of one Deployment, then write status."""
        meta = deployment["metadata"]
        if meta.get("deletionTimestamp"):
            return
        owned = [rs for rs in all_sets if controller_uid(rs) == meta["uid"]]
        template = deployment["spec"]["template"]
        new = next((rs for rs in owned
                    if _without_hash(rs["spec"]["template"]) == _without_hash(template)), None)
        olds = sorted((rs for rs in owned if rs is not new),
                      key=lambda rs: rs["metadata"].get("creationTimestamp", ""))
        created = new is None
        top = max((_revision(rs) for rs in owned), default=0)
        if new is None:
            new = self._create_set(deployment, top + 1)
        elif _revision(new) < top:
            new = self._annotate(new, deployment, revision=top + 1)
        self._stamp_revision(deployment, new)
        if deployment["spec"].get("paused"):
            return
        if deployment["spec"].get("strategy", {}).get("type") == "Recreate":
            self._recreate(deployment, new, olds, pods)
        else:
            self._rolling(deployment, new, olds)
        self._cleanup(deployment, olds)
        sets = self._store.list(REPLICASETS, meta["namespace"],
                                where=lambda rs: controller_uid(rs) == meta["uid"])
        new = next(rs for rs in sets if rs["metadata"]["uid"] == new["metadata"]["uid"])
        status = deployment_status(deployment, new, sets, now, created=created)
        deadline = deployment["spec"].get("progressDeadlineSeconds", 600)
        progressing = next((c for c in status["conditions"] if c["type"] == "Progressing"), None)
        if progressing and progressing["reason"] in ("ReplicaSetUpdated", "NewReplicaSetCreated",
                                                     "FoundNewReplicaSet"):
            key = f"{meta['namespace']}/progress/{meta['uid']}"
            self._timeline.restart(key, parse_time(progressing["lastUpdateTime"]))
            self._timeline.reached(key, float(deadline))
        if deployment.get("status") != status:
            fresh = self._store.get(DEPLOYMENTS, meta["namespace"], meta["name"])
            if fresh is not None:
                fresh["status"] = status
                self._store.update(DEPLOYMENTS, fresh)

    def _create_set(self, deployment: dict[str, Any], revision: int) -> dict[str, Any]:
        meta = deployment["metadata"]
        collisions = deployment.get("status", {}).get("collisionCount")
        template = copy_object(deployment["spec"]["template"])
        hashed = pod_template_hash(_semantic(template), collisions)
        template.setdefault("metadata", {}).setdefault("labels", {})[HASH] = hashed
        selector = copy_object(deployment["spec"]["selector"])
        selector.setdefault("matchLabels", {})[HASH] = hashed
        annotations = {k: v for k, v in (meta.get("annotations") or {}).items()
                       if k not in _NOT_COPIED}
        rs: dict[str, Any] = {
            "metadata": {
                "name": f"{meta['name']}-{hashed}", "namespace": meta["namespace"],
                "labels": dict(template["metadata"]["labels"]),
                "annotations": annotations,
                "ownerReferences": [owner_reference(deployment)],
            },
            "spec": {"replicas": 0, "selector": selector, "template": template},
            "status": {"replicas": 0},
        }
        self._set_sizes(rs, deployment)
        rs["metadata"]["annotations"][REVISION] = str(revision)
        created = self._store.create(REPLICASETS, rs)
        return created

    def _annotate(
        self, rs: dict[str, Any], deployment: dict[str, Any], revision: int
    ) -> dict[str, Any]:
        annotations = rs["metadata"].setdefault("annotations", {})
        old = annotations.get(REVISION)
        annotations[REVISION] = str(revision)
        if old:
            history = [h for h in annotations.get(
                "deployment.kubernetes.io/revision-history", "").split(",") if h]
            annotations["deployment.kubernetes.io/revision-history"] = ",".join([*history, old])
        for key, value in (deployment["metadata"].get("annotations") or {}).items():
            if key not in _NOT_COPIED:
                annotations[key] = value
        return self._store.update(REPLICASETS, rs)

    def _stamp_revision(self, deployment: dict[str, Any], new: dict[str, Any]) -> None:
        """Copy the new ReplicaSet's revision onto the Deployment, as `rollout undo` expects."""
        revision = str(_revision(new))
        meta = deployment["metadata"]
        if (meta.get("annotations") or {}).get(REVISION) == revision:
            return
        fresh = self._store.get(DEPLOYMENTS, meta["namespace"], meta["name"])
        if fresh is not None:
            fresh["metadata"].setdefault("annotations", {})[REVISION] = revision
            updated = self._store.update(DEPLOYMENTS, fresh)
            meta.update(updated["metadata"])

    @staticmethod
    def _set_sizes(rs: dict[str, Any], deployment: dict[str, Any]) -> None:
        replicas = int(deployment["spec"].get("replicas", 1))
        surge, _ = surge_and_unavailable(deployment)
        annotations = rs["metadata"].setdefault("annotations", {})
        annotations["deployment.kubernetes.io/desired-replicas"] = str(replicas)
        annotations["deployment.kubernetes.io/max-replicas"] = str(replicas + surge)

    def _scale(self, rs: dict[str, Any], deployment: dict[str, Any], to: int) -> None:
        current = int(rs["spec"].get("replicas", 0))
        before = dict(rs["metadata"].get("annotations") or {})
        self._set_sizes(rs, deployment)
        if current == to and rs["metadata"].get("annotations") == before:
            return
        rs["spec"]["replicas"] = to
        self._store.update(REPLICASETS, rs)
        if current != to:
            direction = "up" if to > current else "down"
            self._events.record(deployment, DEPLOYMENT_CONTROLLER, "ScalingReplicaSet",
                                f"Scaled {direction} replica set {rs['metadata']['name']} "
                                f"from {current} to {to}")

    def _recreate(self, deployment: dict[str, Any], new: dict[str, Any],
                  olds: list[dict[str, Any]], pods: list[dict[str, Any]]) -> None:
        for rs in olds:
            if rs["spec"].get("replicas", 0):
                self._scale(rs, deployment, 0)
        old_uids = {rs["metadata"]["uid"] for rs in olds}
        if not any(controller_uid(p) in old_uids for p in pods):
            self._scale(new, deployment, int(deployment["spec"].get("replicas", 1)))

    def _rolling(self, deployment: dict[str, Any], new: dict[str, Any],
                 olds: list[dict[str, Any]]) -> None:
        replicas = int(deployment["spec"].get("replicas", 1))
        surge, unavailable = surge_and_unavailable(deployment)
        sets = [new, *olds]
        total = sum(int(rs["spec"].get("replicas", 0)) for rs in sets)
        new_size = int(new["spec"].get("replicas", 0))
        if new_size > replicas:
            self._scale(new, deployment, replicas)
        elif new_size < replicas and total < replicas + surge:
            self._scale(new, deployment, min(replicas, new_size + replicas + surge - total))
        else:
            self._scale(new, deployment, new_size)
        old_total = sum(int(rs["spec"].get("replicas", 0)) for rs in olds)
        if not old_total:
            return
        total = sum(int(rs["spec"].get("replicas", 0)) for rs in sets)
        min_available = replicas - unavailable
        new_unavailable = int(new["spec"].get("replicas", 0)) - _available(new)
        budget = total - min_available - new_unavailable
        for rs in olds:  # first the old pods that are not available anyway
            size = int(rs["spec"].get("replicas", 0))
            if budget <= 0 or size == _available(rs):
                continue
            cut = min(budget, size - _available(rs))
            self._scale(rs, deployment, size - cut)
            budget -= cut
        available = sum(_available(rs) for rs in sets)
        budget = available - min_available
        for rs in olds:
            size = int(rs["spec"].get("replicas", 0))
            if budget <= 0 or size == 0:
                continue
            cut = min(size, budget)
            self._scale(rs, deployment, size - cut)
            budget -= cut

    def _cleanup(self, deployment: dict[str, Any], olds: list[dict[str, Any]]) -> None:
        limit = int(deployment["spec"].get("revisionHistoryLimit", 10))
        idle = [rs for rs in olds if not rs["spec"].get("replicas")
                and not rs.get("status", {}).get("replicas")]
        for rs in sorted(idle, key=_revision)[: max(len(idle) - limit, 0)]:
            self._store.delete(REPLICASETS, rs["metadata"]["namespace"], rs["metadata"]["name"])


def _available(rs: dict[str, Any]) -> int:
    return int(rs.get("status", {}).get("availableReplicas", 0))

