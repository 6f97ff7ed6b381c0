"""`kubectl describe pod` (describePod in k8s.io/kubectl/pkg/describe)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sandbox.printing.ages import rfc1123z, since
from sandbox.printing.describe import (
    Page,
    annotations_block,
    events_block,
    labels_block,
    tolerations_block,
)
from sandbox.printing.describe_containers import containers_block, volumes_block

Obj = Mapping[str, Any]


def describe_pod(pod: Obj, events: Iterable[Obj], *, now: datetime) -> str:
    """The describe page of one Pod.

    Args:
        pod: the Pod object (with kind, as a GET returns it).
        events: the events of its namespace (those about the pod are picked out).
        now: the current time, for ages.
    """
    spec: Obj = pod.get("spec") or {}
    status: Obj = pod.get("status") or {}
    page = Page()
    _header(page, pod, now)
    if spec.get("initContainers"):
        containers_block(page, "Init Containers", spec["initContainers"],
                         status.get("initContainerStatuses") or [], pod)
    containers_block(page, "Containers", spec.get("containers") or [],
                     status.get("containerStatuses") or [], pod)
    _conditions(page, spec, status.get("conditions") or [])
    volumes_block(page, spec.get("volumes"))
    page.write(0, f"QoS Class:\t{status.get('qosClass') or qos_class(spec)}\n")
    labels_block(page, "Node-Selectors", spec.get("nodeSelector"))
    tolerations_block(page, "Tolerations", spec.get("tolerations"))
    events_block(page, pod, events, now)
    return page.text()


def _header(page: Page, pod: Obj, now: datetime) -> None:
    metadata: Obj = pod.get("metadata") or {}
    spec: Obj = pod.get("spec") or {}
    status: Obj = pod.get("status") or {}
    page.write(0, f"Name:\t{metadata.get('name', '')}\n")
    page.write(0, f"Namespace:\t{metadata.get('namespace', '')}\n")
    if spec.get("priority") is not None:
        page.write(0, f"Priority:\t{spec['priority']}\n")
    if spec.get("priorityClassName"):
        page.write(0, f"Priority Class Name:\t{spec['priorityClassName']}\n")
    if spec.get("runtimeClassName"):
        page.write(0, f"Runtime Class Name:\t{spec['runtimeClassName']}\n")
    if spec.get("serviceAccountName"):
        page.write(0, f"Service Account:\t{spec['serviceAccountName']}\n")
    node = spec.get("nodeName")
    page.write(0, f"Node:\t{node}/{status.get('hostIP', '')}\n" if node else "Node:\t<none>\n")
    if status.get("startTime"):
        page.write(0, f"Start Time:\t{rfc1123z(status['startTime'])}\n")
    labels_block(page, "Labels", metadata.get("labels"))
    annotations_block(page, "Annotations", metadata.get("annotations"))
    phase = str(status.get("phase", ""))
    if metadata.get("deletionTimestamp") and phase not in ("Failed", "Succeeded"):
        page.write(0, f"Status:\tTerminating (lasts {since(metadata['deletionTimestamp'], now)})\n")
        page.write(0, "Termination Grace Period:\t"
                      f"{metadata.get('deletionGracePeriodSeconds', 0)}s\n")
    else:
        page.write(0, f"Status:\t{phase}\n")
    for title, key in (("Reason", "reason"), ("Message", "message")):
        if status.get(key):
            page.write(0, f"{title}:\t{status[key]}\n")
    page.write(0, f"IP:\t{status.get('podIP', '')}\n")
    ips = status.get("podIPs") or []
    page.write(0, "IPs:\n" if ips else "IPs:\t<none>\n")
    for ip in ips:
        page.write(1, f"IP:\t{ip.get('ip', '')}\n")
    controller = controlled_by(pod)
    if controller:
        page.write(0, f"Controlled By:\t{controller}\n")
    if status.get("nominatedNodeName"):
        page.write(0, f"NominatedNodeName:\t{status['nominatedNodeName']}\n")


def _conditions(page: Page, spec: Obj, conditions: list[Obj]) -> None:
    if spec.get("readinessGates"):
        page.write(0, "Readiness Gates:\n  Type\tStatus\n")
        for gate in spec["readinessGates"]:
            found = [c.get("status") for c in conditions
                     if c.get("type") == gate.get("conditionType")]
            page.write(1, f"{gate.get('conditionType', '')} \t"
                          f"{found[0] if found else '<none>'} \n")
    if conditions:
        page.write(0, "Conditions:\n  Type\tStatus\n")
        for condition in conditions:
            page.write(1, f"{condition.get('type', '')} \t{condition.get('status', '')} \n")


def controlled_by(obj: Obj) -> str:
    """`Kind/name` of the object's controller, or "" (printController)."""
    for owner in (obj.get("metadata") or {}).get("ownerReferences") or []:
        if owner.get("controller"):
            return f"{owner.get('kind', '')}/{owner.get('name', '')}"
    return ""


def qos_class(spec: Obj) -> str:
    """The pod's QoS class from its containers' cpu and memory requests and limits."""
    containers = [*(spec.get("initContainers") or []), *(spec.get("containers") or [])]
    requests: list[Obj] = [(c.get("resources") or {}).get("requests") or {} for c in containers]
    limits: list[Obj] = [(c.get("resources") or {}).get("limits") or {} for c in containers]
    tracked = ("cpu", "memory")
    if not any(k in r for r in requests + limits for k in tracked):
        return "BestEffort"
    guaranteed = all(all(k in lim for k in tracked) and
                     all(req.get(k, lim[k]) == lim[k] for k in tracked)
                     for req, lim in zip(requests, limits, strict=True))
    return "Guaranteed" if guaranteed else "Burstable"
