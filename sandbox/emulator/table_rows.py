"""Table cells for the cluster and configuration kinds: namespaces, nodes, events,
ConfigMaps, Secrets, ServiceAccounts, ResourceQuotas and (Cluster)RoleBindings.

Each function mirrors its print function in pkg/printers/internalversion/printers.go and
returns the wide cells too, since the server always prints them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sandbox.emulator.clock import age

Obj = dict[str, Any]
Cells = list[object]


def namespace_cells(obj: Obj, now: datetime) -> Cells:
    return [obj["metadata"]["name"], obj.get("status", {}).get("phase", ""),
            age(obj["metadata"].get("creationTimestamp"), now)]


def node_cells(obj: Obj, now: datetime) -> Cells:
    status = obj.get("status", {})
    ready = [c for c in status.get("conditions") or [] if c.get("type") == "Ready"]
    states = ["Ready" if c.get("status") == "True" else "NotReady" for c in ready] or ["Unknown"]
    if obj.get("spec", {}).get("unschedulable"):
        states.append("SchedulingDisabled")
    roles = set()
    for key, value in (obj["metadata"].get("labels") or {}).items():
        if key.startswith("node-role.kubernetes.io/") and key != "node-role.kubernetes.io/":
            roles.add(key.removeprefix("node-role.kubernetes.io/"))
        elif key == "kubernetes.io/role" and value:
            roles.add(value)
    info = status.get("nodeInfo", {})
    addresses = status.get("addresses") or []

    def address(kind: str) -> str:
        return next((a["address"] for a in addresses if a.get("type") == kind), "<none>")

    return [
        obj["metadata"]["name"],
        ",".join(states),
        ",".join(sorted(roles)) or "<none>",
        age(obj["metadata"].get("creationTimestamp"), now),
        info.get("kubeletVersion", ""),
        address("InternalIP"),
        address("ExternalIP"),
        info.get("osImage") or "<unknown>",
        info.get("kernelVersion") or "<unknown>",
        info.get("containerRuntimeVersion") or "<unknown>",
    ]


def event_cells(obj: Obj, now: datetime) -> Cells:
    first = age(obj.get("firstTimestamp") or obj.get("eventTime"), now)
    last = age(obj["lastTimestamp"], now) if obj.get("lastTimestamp") else first
    count = obj.get("count") or 1
    if obj.get("series"):
        last = age(obj["series"].get("lastObservedTime"), now)
        count = obj["series"].get("count", count)
    involved = obj.get("involvedObject", {})
    target = involved.get("kind", "").lower()
    if involved.get("name"):
        target = f"{target}/{involved['name']}"
    source = obj.get("source") or {}
    component = source.get("component") or obj.get("reportingComponent", "")
    instance = source.get("host") or obj.get("reportingInstance", "")
    return [
        last,
        obj.get("type", ""),
        obj.get("reason", ""),
        target,
        involved.get("fieldPath", ""),
        f"{component}, {instance}" if instance else component,
        obj.get("message", "").strip(),
        first,
        count,
        obj["metadata"]["name"],
    ]


def configmap_cells(obj: Obj, now: datetime) -> Cells:
    size = len(obj.get("data") or {}) + len(obj.get("binaryData") or {})
    return [obj["metadata"]["name"], size, age(obj["metadata"].get("creationTimestamp"), now)]


def secret_cells(obj: Obj, now: datetime) -> Cells:
    return [obj["metadata"]["name"], obj.get("type", ""), len(obj.get("data") or {}),
            age(obj["metadata"].get("creationTimestamp"), now)]


def serviceaccount_cells(obj: Obj, now: datetime) -> Cells:
    return [obj["metadata"]["name"], len(obj.get("secrets") or []),
            age(obj["metadata"].get("creationTimestamp"), now)]


def resourcequota_cells(obj: Obj, now: datetime) -> Cells:
    status = obj.get("status", {})
    hard, used = status.get("hard") or {}, status.get("used") or {}
    requests: list[str] = []
    limits: list[str] = []
    for resource in sorted(hard):
        text = f"{resource}: {used.get(resource, '0')}/{hard[resource]}"
        (limits if resource.split(".")[0] == "limits" and "." in resource else requests).append(
            text
        )
    return [obj["metadata"]["name"], ", ".join(requests), ", ".join(limits),
            age(obj["metadata"].get("creationTimestamp"), now)]


def rolebinding_cells(obj: Obj, now: datetime) -> Cells:
    ref = obj.get("roleRef", {})
    users, groups, accounts = [], [], []
    for subject in obj.get("subjects") or []:
        kind = subject.get("kind")
        if kind == "User":
            users.append(subject["name"])
        elif kind == "Group":
            groups.append(subject["name"])
        elif kind == "ServiceAccount":
            accounts.append(f"{subject.get('namespace', '')}/{subject['name']}")
    return [
        obj["metadata"]["name"],
        f"{ref.get('kind', '')}/{ref.get('name', '')}",
        age(obj["metadata"].get("creationTimestamp"), now),
        ", ".join(users),
        ", ".join(groups),
        ", ".join(accounts),
    ]
