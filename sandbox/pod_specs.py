"""Checks on pod specs, wherever a pod spec appears in an object.

A pod spec is found by its shape (a mapping with `containers`), not by the
kind around it, so a Pod, a Deployment's template, a CronJob's job template
and any kind added later are all checked the same way. Each refusal names the
field by its path (`spec.template.spec.volumes[0].hostPath`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sandbox.images import check_image
from sandbox.limits import Limits
from sandbox.refusals import CommandRefused

_HOST_NAMESPACES = ("hostNetwork", "hostPID", "hostIPC")
_CONTAINER_LISTS = ("containers", "initContainers", "ephemeralContainers")
_ALLOWED_ACCOUNTS = {"", "default"}


def check_object(obj: Mapping[str, Any], *, kind: str, name: str, limits: Limits) -> None:
    """Refuse an object with too many replicas or any pod spec that breaks the sandbox rules.

    Raises:
        CommandRefused: "replicas", "pod_field", "image_denied" or "invalid_image".
    """
    spec = obj.get("spec")
    if isinstance(spec, Mapping):
        check_replicas(spec.get("replicas"), limits)
        ips = spec.get("externalIPs")
        if kind == "Service" and ips:
            _refuse("spec.externalIPs", "externalIPs", kind, name)
    for path, pod_spec in _pod_specs(obj, ""):
        _check_pod_spec(pod_spec, path, kind=kind, name=name, limits=limits)


def check_replicas(replicas: object, limits: Limits) -> None:
    """Refuse a replica count outside 0..max_replicas; non-numbers are the server's to judge.

    Raises:
        CommandRefused: "replicas".
    """
    if isinstance(replicas, bool) or not isinstance(replicas, int):
        return
    if not 0 <= replicas <= limits.max_replicas:
        raise CommandRefused("replicas", requested=replicas, limit=limits.max_replicas)


def _pod_specs(node: object, path: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if isinstance(node, Mapping):
        if any(isinstance(node.get(key), list) for key in _CONTAINER_LISTS):
            yield path, node
        for key, value in node.items():
            yield from _pod_specs(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _pod_specs(item, f"{path}[{index}]")


def _check_pod_spec(
    spec: Mapping[str, Any], path: str, *, kind: str, name: str, limits: Limits
) -> None:
    at = f"{path}." if path else ""
    for field in _HOST_NAMESPACES:
        if spec.get(field) is True:
            _refuse(f"{at}{field}", field, kind, name)
    for index, volume in _items(spec.get("volumes")):
        if "hostPath" in volume:
            _refuse(f"{at}volumes[{index}].hostPath", "hostPath", kind, name)
    for field in ("serviceAccountName", "serviceAccount"):
        if spec.get(field) not in (None, *_ALLOWED_ACCOUNTS):
            _refuse(f"{at}{field}", "serviceAccountName", kind, name)
    if spec.get("nodeName"):
        _refuse(f"{at}nodeName", "nodeName", kind, name)
    for list_name in _CONTAINER_LISTS:
        for index, container in _items(spec.get(list_name)):
            where = f"{at}{list_name}[{index}]"
            _check_container(container, where, kind=kind, name=name, limits=limits)


def _check_container(
    container: Mapping[str, Any], where: str, *, kind: str, name: str, limits: Limits
) -> None:
    image = container.get("image")
    if isinstance(image, str):
        check_image(image, limits.image_denylist)
    context = container.get("securityContext")
    if not isinstance(context, Mapping):
        return
    at = f"{where}.securityContext"
    if context.get("privileged") is True:
        _refuse(f"{at}.privileged", "privileged", kind, name)
    if context.get("allowPrivilegeEscalation") is True:
        _refuse(f"{at}.allowPrivilegeEscalation", "allowPrivilegeEscalation", kind, name)
    capabilities = context.get("capabilities")
    if isinstance(capabilities, Mapping) and capabilities.get("add"):
        _refuse(f"{at}.capabilities.add", "capabilities", kind, name)
    if context.get("procMount") not in (None, "Default"):
        _refuse(f"{at}.procMount", "procMount", kind, name)


def _items(value: object) -> Iterator[tuple[int, Mapping[str, Any]]]:
    if isinstance(value, Sequence) and not isinstance(value, str):
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                yield index, item


def _refuse(field: str, category: str, kind: str, name: str) -> None:
    raise CommandRefused("pod_field", field=field, category=category, kind=kind, name=name)
