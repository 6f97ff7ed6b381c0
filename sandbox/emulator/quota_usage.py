"""What a namespace uses of each resource a ResourceQuota can limit.

Shared by quota admission (would this create exceed a quota?) and the quota controller
(status.used), so both count the same way: compute resources of pods that have not
finished, and object counts by resource name ("pods", "services", "count/deployments.apps").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sandbox.emulator import quantities
from sandbox.emulator.kinds import KINDS, Kind
from sandbox.emulator.store import Store

COMPUTE = ("cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory")
_LEGACY_COUNTS = {"pods", "services", "configmaps", "secrets", "resourcequotas",
                  "replicationcontrollers", "persistentvolumeclaims"}


def pod_usage(pod: dict[str, Any]) -> dict[str, Decimal]:
    """The quota resources one pod uses, including `pods` itself when it has metadata."""
    used: dict[str, Decimal] = {}
    for container in pod.get("spec", {}).get("containers") or []:
        resources = container.get("resources") or {}
        for field, prefix in (("requests", "requests."), ("limits", "limits.")):
            for resource, amount in (resources.get(field) or {}).items():
                if resource not in ("cpu", "memory"):
                    continue
                value = quantities.parse(amount)
                keys = [prefix + resource] + ([resource] if field == "requests" else [])
                for key in keys:
                    used[key] = used.get(key, Decimal(0)) + value
    if "metadata" in pod:
        used["pods"] = Decimal(1)
        used["count/pods"] = Decimal(1)
    return used


def object_usage(kind: Kind, obj: dict[str, Any]) -> dict[str, Decimal]:
    """The quota resources one non-pod object uses: its count, and Service port kinds."""
    used = {f"count/{kind.qualified}": Decimal(1)}
    if kind.plural in _LEGACY_COUNTS and not kind.group:
        used[kind.plural] = Decimal(1)
    if kind.qualified == "services":
        service_type = obj.get("spec", {}).get("type", "ClusterIP")
        ports = Decimal(len(obj.get("spec", {}).get("ports") or []))
        if service_type in ("NodePort", "LoadBalancer"):
            used["services.nodeports"] = ports
        if service_type == "LoadBalancer":
            used["services.loadbalancers"] = Decimal(1)
    return used


def usage(store: Store, namespace: str) -> dict[str, Decimal]:
    """Everything `namespace` currently uses."""
    total: dict[str, Decimal] = {}
    for kind in KINDS:
        if not kind.namespaced or kind.qualified == "events":
            continue
        for obj in store.list(kind, namespace):
            if kind.qualified == "pods":
                if obj.get("status", {}).get("phase") in ("Succeeded", "Failed"):
                    continue
                counted = pod_usage(obj)
            else:
                counted = object_usage(kind, obj)
            for key, value in counted.items():
                total[key] = total.get(key, Decimal(0)) + value
    return total
