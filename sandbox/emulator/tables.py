"""Server-side printing: the meta.k8s.io/v1 Table a real API server returns for `as=Table`.

kubectl asks for tables and prints their cells as they come, so every cell here follows the
corresponding print function of pkg/printers/internalversion/printers.go. The server always
prints the wide columns (kubectl hides priority-1 columns unless `-o wide`), and a row's
object is the object's metadata as PartialObjectMetadata unless the client asks otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sandbox.emulator import table_rows as rows
from sandbox.emulator.clock import age, format_time, parse_time
from sandbox.emulator.kinds import Kind
from sandbox.emulator.pod_status import pod_row
from sandbox.emulator.table_columns import column_definitions

Obj = dict[str, Any]
Cells = list[object]


def to_table(
    kind: Kind,
    objs: list[Obj],
    now: datetime,
    *,
    resource_version: str,
    include_object: str = "Metadata",
) -> dict[str, Any]:
    """The Table for `objs` (one object for a get, all matches for a list), as of `now`."""
    printer = _PRINTERS.get(kind.qualified)
    rows = []
    for obj in objs:
        row: dict[str, Any] = {}
        if kind.qualified == "pods":
            row["cells"], conditions = pod_row(obj, now)
            if conditions:
                row["conditions"] = conditions
        elif printer is not None:
            row["cells"] = printer(obj, now)
        else:
            row["cells"] = [obj["metadata"]["name"], _created_at(obj)]
        row["object"] = _row_object(obj, include_object)
        rows.append(row)
    return {
        "kind": "Table",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": {"resourceVersion": resource_version},
        "columnDefinitions": column_definitions(kind.qualified),
        "rows": rows,
    }


def _row_object(obj: Obj, include_object: str) -> Obj | None:
    if include_object == "Object":
        return obj
    if include_object == "None":
        return None
    return {
        "kind": "PartialObjectMetadata",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": obj.get("metadata", {}),
    }


def _created_at(obj: Obj) -> str:
    stamp = obj["metadata"].get("creationTimestamp")
    return format_time(parse_time(stamp)) if stamp else "0001-01-01T00:00:00Z"


def format_labels(labels: dict[str, str] | None) -> str:
    """labels.FormatLabels: sorted key=value pairs, or <none>."""
    if not labels:
        return "<none>"
    return ",".join(f"{k}={labels[k]}" for k in sorted(labels))


def selector_string(selector: dict[str, Any] | None) -> str:
    """A LabelSelector as labels.Selector.String() writes it (requirements sorted by key)."""
    if not selector:
        return ""
    parts: list[tuple[str, str]] = [
        (k, f"{k}={v}") for k, v in (selector.get("matchLabels") or {}).items()
    ]
    for expr in selector.get("matchExpressions") or []:
        key, op = expr["key"], expr["operator"]
        values = ",".join(sorted(expr.get("values") or []))
        text = {
            "In": f"{key} in ({values})",
            "NotIn": f"{key} notin ({values})",
            "Exists": key,
            "DoesNotExist": f"!{key}",
        }.get(op, key)
        parts.append((key, text))
    return ",".join(text for _, text in sorted(parts, key=lambda p: p[0]))


def _format_selector(selector: dict[str, Any] | None) -> str:
    """metav1.FormatLabelSelector: like selector_string, but <none> when empty."""
    return selector_string(selector) or "<none>"


def _containers(template: Obj) -> tuple[str, str]:
    containers = template.get("spec", {}).get("containers", [])
    return (
        ",".join(c.get("name", "") for c in containers),
        ",".join(c.get("image", "") for c in containers),
    )


def _deployment(obj: Obj, now: datetime) -> Cells:
    spec, status = obj.get("spec", {}), obj.get("status", {})
    names, images = _containers(spec.get("template", {}))
    return [
        obj["metadata"]["name"],
        f"{status.get('readyReplicas', 0)}/{spec.get('replicas', 0)}",
        status.get("updatedReplicas", 0),
        status.get("availableReplicas", 0),
        age(obj["metadata"].get("creationTimestamp"), now),
        names,
        images,
        selector_string(spec.get("selector")),
    ]


def _replicaset(obj: Obj, now: datetime) -> Cells:
    spec, status = obj.get("spec", {}), obj.get("status", {})
    names, images = _containers(spec.get("template", {}))
    return [
        obj["metadata"]["name"],
        spec.get("replicas", 0),
        status.get("replicas", 0),
        status.get("readyReplicas", 0),
        age(obj["metadata"].get("creationTimestamp"), now),
        names,
        images,
        _format_selector(spec.get("selector")),
    ]


def _external_ip(spec: Obj, status: Obj) -> str:
    kind = spec.get("type", "ClusterIP")
    external = spec.get("externalIPs") or []
    if kind in ("ClusterIP", "NodePort"):
        return ",".join(external) or "<none>"
    if kind == "LoadBalancer":
        ingress = (status.get("loadBalancer") or {}).get("ingress") or []
        found = sorted({i.get("ip") or i.get("hostname") for i in ingress} - {None, ""})
        # The server prints wide cells, so the load balancer list is never clipped.
        return ",".join([*found, *external]) or "<pending>"
    if kind == "ExternalName":
        return str(spec.get("externalName", ""))
    return "<unknown>"


def _service(obj: Obj, now: datetime) -> Cells:
    spec = obj.get("spec", {})
    ports = []
    for port in spec.get("ports") or []:
        protocol = port.get("protocol", "TCP")
        if port.get("nodePort"):
            ports.append(f"{port['port']}:{port['nodePort']}/{protocol}")
        else:
            ports.append(f"{port['port']}/{protocol}")
    cluster_ips = spec.get("clusterIPs") or []
    return [
        obj["metadata"]["name"],
        spec.get("type", "ClusterIP"),
        cluster_ips[0] if cluster_ips else "<none>",
        _external_ip(spec, obj.get("status", {})),
        ",".join(ports) or "<none>",
        age(obj["metadata"].get("creationTimestamp"), now),
        format_labels(spec.get("selector")),
    ]


def _endpoints_cell(obj: Obj) -> str:
    subsets = obj.get("subsets") or []
    if not subsets:
        return "<none>"
    shown: list[str] = []
    count = 0
    for subset in subsets:
        addresses = [a["ip"] for a in subset.get("addresses") or []]
        ports = subset.get("ports") or []
        for port in ports or [None]:
            count += len(addresses)
            for ip in addresses:
                if len(shown) == 3:
                    break
                shown.append(ip if port is None else f"{ip}:{port['port']}")
    text = ",".join(shown)
    return f"{text} + {count - 3} more..." if count > 3 else text


def _endpoints(obj: Obj, now: datetime) -> Cells:
    return [obj["metadata"]["name"], _endpoints_cell(obj),
            age(obj["metadata"].get("creationTimestamp"), now)]


_PRINTERS: dict[str, Callable[[Obj, datetime], Cells]] = {
    "deployments.apps": _deployment,
    "replicasets.apps": _replicaset,
    "services": _service,
    "endpoints": _endpoints,
    "namespaces": rows.namespace_cells,
    "nodes": rows.node_cells,
    "events": rows.event_cells,
    "configmaps": rows.configmap_cells,
    "secrets": rows.secret_cells,
    "serviceaccounts": rows.serviceaccount_cells,
    "resourcequotas": rows.resourcequota_cells,
    "rolebindings.rbac.authorization.k8s.io": rows.rolebinding_cells,
    "clusterrolebindings.rbac.authorization.k8s.io": rows.rolebinding_cells,
}
