"""The endpoints controller: an Endpoints object per Service, listing the ready pods it selects."""

from __future__ import annotations

from typing import Any

from sandbox.emulator.kinds import kind_by_plural
from sandbox.emulator.store import Store

_ENDPOINTS = kind_by_plural("", "endpoints")
assert _ENDPOINTS is not None
ENDPOINTS = _ENDPOINTS


def _selects(selector: dict[str, str], pod: dict[str, Any]) -> bool:
    labels = pod["metadata"].get("labels") or {}
    return all(labels.get(k) == v for k, v in selector.items())


def _target_port(port: dict[str, Any], pod: dict[str, Any]) -> int | None:
    target = port.get("targetPort", port.get("port"))
    if isinstance(target, int):
        return target
    if isinstance(target, str) and target.isdigit():
        return int(target)
    for container in pod["spec"].get("containers", []):
        for declared in container.get("ports") or []:
            if declared.get("name") == target:
                return int(declared["containerPort"])
    return None


def _address(pod: dict[str, Any]) -> dict[str, Any]:
    meta = pod["metadata"]
    return {"ip": pod["status"]["podIP"], "nodeName": pod["spec"].get("nodeName", ""),
            "targetRef": {"kind": "Pod", "namespace": meta["namespace"], "name": meta["name"],
                          "uid": meta["uid"]}}


def desired_subsets(service: dict[str, Any], pods: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The subsets the Service's Endpoints should hold: ready and not-ready pod addresses."""
    selector = service["spec"].get("selector") or {}
    chosen = [p for p in pods if _selects(selector, p) and p.get("status", {}).get("podIP")
              and not p["metadata"].get("deletionTimestamp")]
    if not chosen:
        return []
    ready = [p for p in chosen if any(c.get("type") == "Ready" and c.get("status") == "True"
                                      for c in p["status"].get("conditions") or [])]
    not_ready = [p for p in chosen if p not in ready]
    ports = []
    for port in service["spec"].get("ports") or []:
        number = _target_port(port, chosen[0])
        if number is None:
            continue
        entry: dict[str, Any] = {"port": number, "protocol": port.get("protocol", "TCP")}
        if port.get("name"):
            entry["name"] = port["name"]
        ports.append(entry)
    subset: dict[str, Any] = {}
    if ready:
        subset["addresses"] = [_address(p) for p in sorted(ready, key=_ip_key)]
    if not_ready:
        subset["notReadyAddresses"] = [_address(p) for p in sorted(not_ready, key=_ip_key)]
    if ports:
        subset["ports"] = ports
    return [subset]


def _ip_key(pod: dict[str, Any]) -> tuple[int, ...]:
    return tuple(int(part) for part in pod["status"]["podIP"].split("."))


def sync_endpoints(store: Store, service: dict[str, Any], pods: list[dict[str, Any]]) -> None:
    """Create or update the Endpoints object of one Service with a selector."""
    meta = service["metadata"]
    if not service["spec"].get("selector") or meta.get("deletionTimestamp"):
        return
    subsets = desired_subsets(service, pods)
    current = store.get(ENDPOINTS, meta["namespace"], meta["name"])
    labels = dict(meta.get("labels") or {})
    if current is None:
        endpoints: dict[str, Any] = {"metadata": {"name": meta["name"],
                                                  "namespace": meta["namespace"]}}
        if labels:
            endpoints["metadata"]["labels"] = labels
        if subsets:
            endpoints["subsets"] = subsets
        store.create(ENDPOINTS, endpoints)
    elif (current.get("subsets") or []) != subsets:
        if subsets:
            current["subsets"] = subsets
        else:
            current.pop("subsets", None)
        store.update(ENDPOINTS, current)
