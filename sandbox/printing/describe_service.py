"""`kubectl describe service`, with endpoints read from EndpointSlices as kubectl 1.32 does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sandbox.printing.describe import Page, annotations_block, events_block, labels_block

Obj = Mapping[str, Any]
_MAX_ENDPOINTS = 3


def describe_service(service: Obj, endpoint_slices: Sequence[Obj], events: Iterable[Obj], *,
                     now: datetime) -> str:
    """The describe page of one Service.

    Args:
        service: the Service object.
        endpoint_slices: its EndpointSlices (discovery.k8s.io/v1, label
            kubernetes.io/service-name=<name>); empty where the cluster has none.
        events: the namespace's events.
        now: the current time, for event ages.
    """
    metadata: Obj = service.get("metadata") or {}
    spec: Obj = service.get("spec") or {}
    page = Page()
    page.write(0, f"Name:\t{metadata.get('name', '')}\n")
    page.write(0, f"Namespace:\t{metadata.get('namespace', '')}\n")
    labels_block(page, "Labels", metadata.get("labels"))
    annotations_block(page, "Annotations", metadata.get("annotations"))
    selector: Obj = spec.get("selector") or {}
    page.write(0, "Selector:\t" + (",".join(f"{k}={selector[k]}" for k in sorted(selector))
                                    or "<none>") + "\n")
    page.write(0, f"Type:\t{spec.get('type', '')}\n")
    if spec.get("ipFamilyPolicy") is not None:
        page.write(0, f"IP Family Policy:\t{spec['ipFamilyPolicy']}\n")
    page.write(0, f"IP Families:\t{','.join(spec.get('ipFamilies') or []) or '<none>'}\n")
    page.write(0, f"IP:\t{spec.get('clusterIP', '')}\n")
    page.write(0, f"IPs:\t{','.join(spec.get('clusterIPs') or []) or '<none>'}\n")
    if spec.get("externalIPs"):
        page.write(0, f"External IPs:\t{','.join(spec['externalIPs'])}\n")
    if spec.get("loadBalancerIP"):
        page.write(0, f"Desired LoadBalancer IP:\t{spec['loadBalancerIP']}\n")
    if spec.get("externalName"):
        page.write(0, f"External Name:\t{spec['externalName']}\n")
    ingress = ((service.get("status") or {}).get("loadBalancer") or {}).get("ingress") or []
    if ingress:
        page.write(0, f"LoadBalancer Ingress:\t{_ingress(ingress)}\n")
    for port in spec.get("ports") or []:
        name = port.get("name") or "<unset>"
        protocol = port.get("protocol", "")
        page.write(0, f"Port:\t{name}\t{port.get('port', 0)}/{protocol}\n")
        page.write(0, f"TargetPort:\t{port.get('targetPort', '')}/{protocol}\n")
        if port.get("nodePort"):
            page.write(0, f"NodePort:\t{name}\t{port['nodePort']}/{protocol}\n")
        page.write(0, f"Endpoints:\t{endpoints_text(endpoint_slices, port.get('name') or '')}\n")
    page.write(0, f"Session Affinity:\t{spec.get('sessionAffinity', '')}\n")
    if spec.get("externalTrafficPolicy"):
        page.write(0, f"External Traffic Policy:\t{spec['externalTrafficPolicy']}\n")
    if spec.get("internalTrafficPolicy") is not None:
        page.write(0, f"Internal Traffic Policy:\t{spec['internalTrafficPolicy']}\n")
    if spec.get("healthCheckNodePort"):
        page.write(0, f"HealthCheck NodePort:\t{spec['healthCheckNodePort']}\n")
    if spec.get("loadBalancerSourceRanges"):
        ranges = ",".join(spec["loadBalancerSourceRanges"])
        page.write(0, f"LoadBalancer Source Ranges:\t{ranges}\n")
    if spec.get("trafficDistribution"):
        page.write(0, f"Traffic Distribution:\t{spec['trafficDistribution']}\n")
    events_block(page, service, events, now)
    return page.text()


def endpoints_text(slices: Sequence[Obj], port_name: str | None) -> str:
    """formatEndpointSlices: a service port's ready `ip:port`s, three at most, then "+ N more...".

    Args:
        slices: the service's EndpointSlices.
        port_name: the service port's name ("" when unnamed); None for every port.
    """
    if not slices:
        return "<none>"
    shown: list[str] = []
    count, more = 0, False
    for piece in slices:
        ports = piece.get("ports") or []
        targets = [(None, endpoint) for endpoint in piece.get("endpoints") or []] if not ports \
            else [(p, endpoint) for p in ports if port_name is None or
                  (p.get("name") or "") == port_name for endpoint in piece.get("endpoints") or []]
        for port, endpoint in targets:
            if len(shown) == _MAX_ENDPOINTS:
                more = True
            if (endpoint.get("conditions") or {}).get("ready") is False:
                continue
            if not more:
                address = (endpoint.get("addresses") or [""])[0]
                shown.append(address if port is None else _host_port(address, port.get("port")))
            count += 1
    text = ",".join(shown)
    return f"{text} + {count - _MAX_ENDPOINTS} more..." if more else text


def _host_port(address: str, port: Any) -> str:
    host = f"[{address}]" if ":" in address else address
    return f"{host}:{port}"


def _ingress(ingress: Sequence[Obj]) -> str:
    parts = []
    for entry in ingress:
        if entry.get("ip"):
            mode = f" ({entry['ipMode']})" if entry.get("ipMode") else ""
            parts.append(entry["ip"] + mode)
        else:
            parts.append(str(entry.get("hostname", "")))
    return ", ".join(parts)
