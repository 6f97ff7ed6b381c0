"""The ReplicaSet controller: keep `spec.replicas` pods alive and report them in status.

Pods are created through admission like any API request, so a ResourceQuota can refuse
one; the ReplicaSet then stays short and records FailedCreate, as on a real cluster.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sandbox.emulator.admission import admit
from sandbox.emulator.clock import format_time
from sandbox.emulator.controllers.events import REPLICASET_CONTROLLER, Recorder
from sandbox.emulator.controllers.pods import PODS
from sandbox.emulator.defaults import apply_defaults
from sandbox.emulator.errors import StatusError
from sandbox.emulator.kinds import kind_by_plural
from sandbox.emulator.names import random_suffix
from sandbox.emulator.store import Store, copy_object

_RS = kind_by_plural("apps", "replicasets")
assert _RS is not None
REPLICASETS = _RS


def controller_uid(obj: dict[str, Any]) -> str | None:
    """The uid of the object's controlling owner, if it has one."""
    for ref in obj["metadata"].get("ownerReferences") or []:
        if ref.get("controller"):
            return str(ref.get("uid"))
    return None


def is_ready(pod: dict[str, Any]) -> bool:
    """Whether the pod's Ready condition is True."""
    return any(c.get("type") == "Ready" and c.get("status") == "True"
               for c in pod.get("status", {}).get("conditions") or [])


def is_active(pod: dict[str, Any]) -> bool:
    """Not being deleted and not finished: the pods a ReplicaSet counts."""
    return (not pod["metadata"].get("deletionTimestamp")
            and pod.get("status", {}).get("phase") not in ("Succeeded", "Failed"))


def owner_reference(owner: dict[str, Any]) -> dict[str, Any]:
    """A controller ownerReference to `owner`, as controllers set it."""
    return {"apiVersion": owner["apiVersion"], "kind": owner["kind"],
            "name": owner["metadata"]["name"], "uid": owner["metadata"]["uid"],
            "controller": True, "blockOwnerDeletion": True}


def _deletion_order(pods: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Which pods go first when scaling down: unscheduled, pending, unready, then newest."""
    newest_first = sorted(pods, key=lambda p: p["metadata"].get("creationTimestamp", ""),
                          reverse=True)
    return sorted(newest_first, key=lambda p: (
        1 if p["spec"].get("nodeName") else 0,
        1 if p.get("status", {}).get("phase") == "Running" else 0,
        1 if is_ready(p) else 0,
    ))


class ReplicaSetController:
    """Reconciles every ReplicaSet against the pods it controls."""

    def __init__(self, store: Store, recorder: Recorder) -> None:
        self._store, self._events = store, recorder
        self._failures: dict[str, str] = {}

    def reconcile(self, rs: dict[str, Any], pods: list[dict[str, Any]], now: datetime) -> None:
        """Create or delete pods for one ReplicaSet, then write its status."""
        meta = rs["metadata"]
        if meta.get("deletionTimestamp"):
            return
        owned = [p for p in pods if controller_uid(p) == meta["uid"] and is_active(p)]
        diff = int(rs["spec"].get("replicas", 1)) - len(owned)
        if diff > 0:
            for _ in range(diff):
                pod = self._create_pod(rs, now)
                if pod is None:
                    break
                owned.append(pod)
        elif diff < 0:
            for pod in _deletion_order(owned)[:-diff]:
                self._store.mark_deleting(PODS, meta["namespace"], pod["metadata"]["name"])
                self._events.record(rs, REPLICASET_CONTROLLER, "SuccessfulDelete",
                                    f"Deleted pod: {pod['metadata']['name']}")
                owned.remove(pod)
        self._write_status(rs, owned, now)

    def _create_pod(self, rs: dict[str, Any], now: datetime) -> dict[str, Any] | None:
        meta, template = rs["metadata"], rs["spec"].get("template", {})
        existing = self._store.names(PODS, meta["namespace"])
        name = f"{meta['name']}-{random_suffix()}"
        while name in existing:
            name = f"{meta['name']}-{random_suffix()}"
        template_meta = template.get("metadata", {})
        pod: dict[str, Any] = {
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "generateName": f"{meta['name']}-",
                         "namespace": meta["namespace"],
                         "labels": dict(template_meta.get("labels") or {}),
                         "ownerReferences": [owner_reference(rs)]},
            "spec": copy_object(template.get("spec", {})),
        }
        if template_meta.get("annotations"):
            pod["metadata"]["annotations"] = dict(template_meta["annotations"])
        apply_defaults(PODS, pod)
        try:
            pod = admit(self._store, PODS, pod, None, now)
        except StatusError as error:
            message = f"Error creating: {error.message}"
            self._failures[meta["uid"]] = message
            self._events.record(rs, REPLICASET_CONTROLLER, "FailedCreate", message,
                                warning=True)
            return None
        self._failures.pop(meta["uid"], None)
        created = self._store.create(PODS, pod)
        self._events.record(rs, REPLICASET_CONTROLLER, "SuccessfulCreate",
                            f"Created pod: {name}")
        return created

    def _write_status(
        self, rs: dict[str, Any], owned: list[dict[str, Any]], now: datetime
    ) -> None:
        ready = sum(1 for p in owned if is_ready(p))
        status: dict[str, Any] = {"replicas": len(owned)}
        selector_labels = rs["spec"].get("selector", {}).get("matchLabels") or {}
        labelled = sum(1 for p in owned if all(
            (p["metadata"].get("labels") or {}).get(k) == v for k, v in selector_labels.items()))
        for field, value in (("fullyLabeledReplicas", labelled), ("readyReplicas", ready),
                             ("availableReplicas", ready)):
            if value:
                status[field] = value
        status["observedGeneration"] = rs["metadata"].get("generation", 1)
        failure = self._failures.get(rs["metadata"]["uid"])
        if failure and len(owned) < int(rs["spec"].get("replicas", 1)):
            old = next((c for c in rs.get("status", {}).get("conditions") or []
                        if c.get("type") == "ReplicaFailure"), None)
            status["conditions"] = [{
                "type": "ReplicaFailure", "status": "True", "reason": "FailedCreate",
                "message": failure.removeprefix("Error creating: "),
                "lastTransitionTime": (old or {}).get("lastTransitionTime") or format_time(now),
            }]
        if rs.get("status") != status:
            rs["status"] = status
            self._store.update(REPLICASETS, rs)
