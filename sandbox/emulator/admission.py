"""Admission: what the API server does to a write after defaulting and validation.

In the real server's order: NamespaceLifecycle (the namespace must exist and not be
terminating), Service IP and node-port allocation, LimitRanger (default requests and
limits into containers, maximums enforced) and ResourceQuota (refuse what would exceed a
quota). Controllers send the pods they create through here too, so a quota limits a
Deployment exactly as it does on a real cluster.
"""

from __future__ import annotations

import random
from datetime import datetime
from decimal import Decimal
from ipaddress import IPv4Address
from typing import Any

from sandbox.emulator import quantities
from sandbox.emulator.errors import forbidden, not_found
from sandbox.emulator.kinds import Kind, kind_by_plural
from sandbox.emulator.quota_usage import COMPUTE, object_usage, pod_usage, usage
from sandbox.emulator.store import Store

_SERVICE_NETWORK = (int(IPv4Address("10.96.0.0")), 2**20)
_RESERVED_IPS = {"10.96.0.1", "10.96.0.10"}
_rng = random.Random()


def _kind(group: str, plural: str) -> Kind:
    kind = kind_by_plural(group, plural)
    assert kind is not None
    return kind


def admit(
    store: Store, kind: Kind, obj: dict[str, Any], old: dict[str, Any] | None, now: datetime
) -> dict[str, Any]:
    """Admit `obj` (a create when `old` is None) and return it as mutated.

    Raises:
        StatusError: 404 for a missing namespace, 403 for a terminating one, a LimitRange
            maximum or an exceeded ResourceQuota.
    """
    meta = obj.setdefault("metadata", {})
    namespace = meta.get("namespace", "")
    if kind.namespaced and old is None:
        _check_namespace(store, kind, meta.get("name", ""), namespace)
    if kind.qualified == "services":
        _allocate_service(store, obj)
    if kind.qualified == "pods" and old is None:
        _apply_limit_ranges(store, obj)
    if kind.namespaced and old is None:
        _check_quotas(store, kind, obj)
    return obj


def _check_namespace(store: Store, kind: Kind, name: str, namespace: str) -> None:
    found = store.get(_kind("", "namespaces"), None, namespace)
    if found is None:
        raise not_found(_kind("", "namespaces"), namespace)
    terminating = (found["metadata"].get("deletionTimestamp")
                   or found.get("status", {}).get("phase") == "Terminating")
    if terminating and kind.qualified != "events":
        raise forbidden(kind.group, kind.plural, name,
                        f"unable to create new content in namespace {namespace} because it is "
                        "being terminated")


def _allocate_service(store: Store, obj: dict[str, Any]) -> None:
    spec = obj.setdefault("spec", {})
    kind = spec.get("type", "ClusterIP")
    if kind == "ExternalName":
        return
    services = store.list(_kind("", "services"))
    if not spec.get("clusterIP"):
        taken = _RESERVED_IPS | {s["spec"].get("clusterIP") for s in services}
        while True:
            base, size = _SERVICE_NETWORK
            candidate = str(IPv4Address(base + _rng.randrange(2, size - 1)))
            if candidate not in taken:
                break
        spec["clusterIP"] = candidate
    spec.setdefault("clusterIPs", [spec["clusterIP"]])
    if kind in ("NodePort", "LoadBalancer"):
        used = {p.get("nodePort") for s in services for p in s["spec"].get("ports") or []}
        for port in spec.get("ports") or []:
            if not port.get("nodePort"):
                port["nodePort"] = _free_node_port(used)
                used.add(port["nodePort"])


def _free_node_port(used: set[Any]) -> int:
    while True:
        port = _rng.randrange(30000, 32768)
        if port not in used:
            return port


def _limit_items(store: Store, namespace: str) -> list[dict[str, Any]]:
    items = []
    for limit_range in store.list(_kind("", "limitranges"), namespace):
        for item in limit_range.get("spec", {}).get("limits") or []:
            if item.get("type") == "Container":
                default = dict(item.get("default") or item.get("max") or {})
                items.append({"default": default,
                              "defaultRequest": {**default, **(item.get("defaultRequest") or {})},
                              "max": item.get("max") or {}})
    return items


def _apply_limit_ranges(store: Store, pod: dict[str, Any]) -> None:
    meta = pod["metadata"]
    notes: list[str] = []
    for item in _limit_items(store, meta.get("namespace", "")):
        for container in pod.get("spec", {}).get("containers") or []:
            resources = container.setdefault("resources", {})
            for field, defaults, word in (("requests", item["defaultRequest"], "request"),
                                          ("limits", item["default"], "limit")):
                current = resources.setdefault(field, {})
                added = sorted(k for k in defaults if k not in current)
                for key in added:
                    current[key] = defaults[key]
                if added:
                    notes.append(f"{', '.join(added)} {word} for container {container['name']}")
                if not current:
                    resources.pop(field)
            for resource, maximum in item["max"].items():
                limit = (resources.get("limits") or {}).get(resource)
                if limit is not None and quantities.parse(limit) > quantities.parse(maximum):
                    raise forbidden("", "pods", meta.get("name", ""),
                                    f"maximum {resource} usage per Container is {maximum}, "
                                    f"but limit is {limit}")
    if notes:
        meta.setdefault("annotations", {})["kubernetes.io/limit-ranger"] = (
            "LimitRanger plugin set: " + "; ".join(notes))


def _pretty(values: dict[str, str]) -> str:
    return ",".join(f"{k}={values[k]}" for k in sorted(values))


def _check_quotas(store: Store, kind: Kind, obj: dict[str, Any]) -> None:
    namespace = obj["metadata"].get("namespace", "")
    name = obj["metadata"].get("name", "")
    requested = pod_usage(obj) if kind.qualified == "pods" else object_usage(kind, obj)
    if not requested:
        return
    for quota in store.list(_kind("", "resourcequotas"), namespace):
        hard = quota.get("spec", {}).get("hard") or {}
        quota_name = quota["metadata"]["name"]
        if kind.qualified == "pods":
            _check_constraints(kind, obj, hard, quota_name)
        used = usage(store, namespace)
        asked: dict[str, str] = {}
        had: dict[str, str] = {}
        limited: dict[str, str] = {}
        for resource, amount in requested.items():
            if resource not in hard:
                continue
            current = used.get(resource, Decimal(0))
            if current + amount > quantities.parse(hard[resource]):
                binary = quantities.is_binary(str(hard[resource]))
                asked[resource] = quantities.render(amount, binary=binary)
                had[resource] = quantities.render(current, binary=binary)
                limited[resource] = quantities.canonical(hard[resource])
        if asked:
            raise forbidden(kind.group, kind.plural, name,
                            f"exceeded quota: {quota_name}, requested: {_pretty(asked)}, "
                            f"used: {_pretty(had)}, limited: {_pretty(limited)}")


def _check_constraints(kind: Kind, pod: dict[str, Any], hard: dict[str, Any], quota: str) -> None:
    required = sorted(r for r in hard if r in COMPUTE)
    missing: dict[str, list[str]] = {}
    for container in pod.get("spec", {}).get("containers") or []:
        declared = pod_usage({"spec": {"containers": [container]}})
        for resource in required:
            if resource not in declared:
                missing.setdefault(resource, []).append(container["name"])
    if missing:
        detail = "; ".join(f"{r} for: {','.join(sorted(n))}" for r, n in sorted(missing.items()))
        raise forbidden(kind.group, kind.plural, pod["metadata"].get("name", ""),
                        f"failed quota: {quota}: must specify {detail}")

