"""The EndpointSlice controller: one IPv4 EndpointSlice per selecting Service, which
`kubectl describe service` (1.32) reads for its Endpoints line."""

from __future__ import annotations

from typing import Any

from sandbox.emulator.controllers.endpoints import desired_subsets
from sandbox.emulator.kinds import kind_by_plural
from sandbox.emulator.names import random_suffix
from sandbox.emulator.store import Store

_SLICES = kind_by_plural("discovery.k8s.io", "endpointslices")
assert _SLICES is not None
ENDPOINT_SLICES = _SLICES
SERVICE_NAME = "kubernetes.io/service-name"
_MANAGED_BY = {"endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io"}


def _endpoints(subsets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for subset in subsets:
        for ready, key in ((True, "addresses"), (False, "notReadyAddresses")):
            for address in subset.get(key) or []:
                found.append({"addresses": [address["ip"]],
                              "conditions": {"ready": ready, "serving": ready,
                                             "terminating": False},
                              "nodeName": address["nodeName"],
                              "targetRef": address["targetRef"]})
    return found


def _ports(subsets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ports = (subsets[0].get("ports") or []) if subsets else []
    return [{"name": p.get("name", ""), "port": p["port"], "protocol": p["protocol"]}
            for p in ports]


def sync_endpoint_slice(store: Store, service: dict[str, Any],
                        pods: list[dict[str, Any]]) -> None:
    """Create or update the EndpointSlice of one Service with a selector."""
    meta = service["metadata"]
    if not service["spec"].get("selector") or meta.get("deletionTimestamp"):
        return
    subsets = desired_subsets(service, pods)
    wanted = {"endpoints": _endpoints(subsets), "ports": _ports(subsets)}
    current = store.list(ENDPOINT_SLICES, meta["namespace"], where=lambda s: (
        (s["metadata"].get("labels") or {}).get(SERVICE_NAME) == meta["name"]))
    if not current:
        labels = {**(meta.get("labels") or {}), **_MANAGED_BY, SERVICE_NAME: meta["name"]}
        store.create(ENDPOINT_SLICES, {
            "metadata": {
                "name": f"{meta['name']}-{random_suffix()}", "namespace": meta["namespace"],
                "generateName": f"{meta['name']}-", "labels": labels,
                "ownerReferences": [{"apiVersion": "v1", "kind": "Service",
                                     "name": meta["name"], "uid": meta["uid"],
                                     "controller": True, "blockOwnerDeletion": True}]},
            "addressType": "IPv4", **wanted})
        return
    slice_ = current[0]
    if {k: slice_.get(k) for k in wanted} != wanted:
        slice_.update(wanted)
        store.update(ENDPOINT_SLICES, slice_)
