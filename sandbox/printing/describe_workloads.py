"""`kubectl describe deployment` and `kubectl describe replicaset`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sandbox.printing.ages import parse_time, rfc1123z
from sandbox.printing.describe import (
    Page,
    annotations_block,
    events_block,
    format_selector,
    labels_block,
    selector_text,
)
from sandbox.printing.describe_containers import pod_template_block
from sandbox.printing.describe_pod import controlled_by

Obj = Mapping[str, Any]
_HASH_LABEL = "pod-template-hash"


def describe_deployment(deployment: Obj, replicasets: Sequence[Obj], events: Iterable[Obj], *,
                        now: datetime) -> str:
    """The describe page of one Deployment.

    Args:
        deployment: the Deployment object.
        replicasets: the ReplicaSets of its namespace (those it controls are picked out,
            the one whose template matches its own is the new one).
        events: the namespace's events.
        now: the current time, for event ages.
    """
    metadata: Obj = deployment.get("metadata") or {}
    spec: Obj = deployment.get("spec") or {}
    status: Obj = deployment.get("status") or {}
    page = Page()
    page.write(0, f"Name:\t{metadata.get('name', '')}\n")
    page.write(0, f"Namespace:\t{metadata.get('namespace', '')}\n")
    page.write(0, f"CreationTimestamp:\t{rfc1123z(metadata.get('creationTimestamp', ''))}\n")
    labels_block(page, "Labels", metadata.get("labels"))
    annotations_block(page, "Annotations", metadata.get("annotations"))
    page.write(0, f"Selector:\t{selector_text(spec.get('selector'))}\n")
    page.write(0, f"Replicas:\t{spec.get('replicas', 0)} desired | "
                  f"{status.get('updatedReplicas', 0)} updated | {status.get('replicas', 0)} "
                  f"total | {status.get('availableReplicas', 0)} available | "
                  f"{status.get('unavailableReplicas', 0)} unavailable\n")
    strategy: Obj = spec.get("strategy") or {}
    page.write(0, f"StrategyType:\t{strategy.get('type', '')}\n")
    page.write(0, f"MinReadySeconds:\t{spec.get('minReadySeconds', 0)}\n")
    if strategy.get("rollingUpdate") is not None:
        rolling = strategy["rollingUpdate"]
        page.write(0, f"RollingUpdateStrategy:\t{rolling.get('maxUnavailable', 0)} max "
                      f"unavailable, {rolling.get('maxSurge', 0)} max surge\n")
    pod_template_block(page, spec.get("template") or {})
    _conditions(page, status)
    old, new = _old_and_new(deployment, replicasets)
    if old or new:
        page.write(0, f"OldReplicaSets:\t{_replicaset_list(old)}\n")
        page.write(0, f"NewReplicaSet:\t{_replicaset_list(new)}\n")
    events_block(page, deployment, events, now)
    return page.text()


def describe_replicaset(replicaset: Obj, pods: Iterable[Obj], events: Iterable[Obj], *,
                        now: datetime) -> str:
    """The describe page of one ReplicaSet.

    Args:
        replicaset: the ReplicaSet object.
        pods: the pods of its namespace (those it controls are counted by phase).
        events: the namespace's events.
        now: the current time, for event ages.
    """
    metadata: Obj = replicaset.get("metadata") or {}
    spec: Obj = replicaset.get("spec") or {}
    page = Page()
    page.write(0, f"Name:\t{metadata.get('name', '')}\n")
    page.write(0, f"Namespace:\t{metadata.get('namespace', '')}\n")
    page.write(0, f"Selector:\t{format_selector(spec.get('selector'))}\n")
    labels_block(page, "Labels", metadata.get("labels"))
    annotations_block(page, "Annotations", metadata.get("annotations"))
    controller = controlled_by(replicaset)
    if controller:
        page.write(0, f"Controlled By:\t{controller}\n")
    page.write(0, f"Replicas:\t{(replicaset.get('status') or {}).get('replicas', 0)} current / "
                  f"{spec.get('replicas', 0)} desired\n")
    phases = [(p.get("status") or {}).get("phase") for p in pods
              if _controller_uid(p) == metadata.get("uid")]
    page.write(0, f"Pods Status:\t{phases.count('Running')} Running / "
                  f"{phases.count('Pending')} Waiting / {phases.count('Succeeded')} Succeeded / "
                  f"{phases.count('Failed')} Failed\n")
    pod_template_block(page, spec.get("template") or {})
    _conditions(page, replicaset.get("status") or {})
    events_block(page, replicaset, events, now)
    return page.text()


def _conditions(page: Page, status: Obj) -> None:
    conditions = status.get("conditions") or []
    if conditions:
        page.write(0, "Conditions:\n  Type\tStatus\tReason\n")
        page.write(1, "----\t------\t------\n")
        for c in conditions:
            page.write(1, f"{c.get('type', '')} \t{c.get('status', '')}\t{c.get('reason', '')}\n")


def _old_and_new(deployment: Obj, replicasets: Sequence[Obj]) -> tuple[list[Obj], list[Obj]]:
    """deploymentutil.GetAllReplicaSets: owned sets by age; the first matching template is new."""
    uid = (deployment.get("metadata") or {}).get("uid")
    owned = sorted((rs for rs in replicasets if _controller_uid(rs) == uid),
                   key=lambda rs: (parse_time(rs["metadata"]["creationTimestamp"]),
                                   rs["metadata"]["name"]))
    template = _comparable(((deployment.get("spec") or {}).get("template")) or {})
    new = next((rs for rs in owned
                if _comparable((rs.get("spec") or {}).get("template") or {}) == template), None)
    return [rs for rs in owned if rs is not new], [new] if new is not None else []


def _comparable(template: Obj) -> Any:
    """The template without its hash label and empty fields, compared as Go's EqualIgnoreHash."""
    labels = {k: v for k, v in ((template.get("metadata") or {}).get("labels") or {}).items()
              if k != _HASH_LABEL}
    copy = {**template, "metadata": {**(template.get("metadata") or {}), "labels": labels}}
    return _pruned(copy)


def _pruned(value: Any) -> Any:
    if isinstance(value, Mapping):
        kept = {k: _pruned(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, {}, [], "", 0, False)}
    if isinstance(value, list):
        return [_pruned(item) for item in value]
    return value


def _replicaset_list(sets: Sequence[Obj]) -> str:
    text = ", ".join(f"{rs['metadata']['name']} ({(rs.get('status') or {}).get('replicas', 0)}/"
                     f"{(rs.get('spec') or {}).get('replicas', 0)} replicas created)"
                     for rs in sets)
    return text or "<none>"


def _controller_uid(obj: Obj) -> str | None:
    for owner in (obj.get("metadata") or {}).get("ownerReferences") or []:
        if owner.get("controller"):
            return str(owner.get("uid"))
    return None
