"""A Deployment's status as the controller computes it (calculateStatus, syncRolloutStatus).

`kubectl rollout status` reads exactly these numbers and the Progressing condition, so the
reasons and messages are the real ones: NewReplicaSetCreated, ReplicaSetUpdated,
NewReplicaSetAvailable, ProgressDeadlineExceeded; MinimumReplicasAvailable/Unavailable.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from sandbox.emulator.clock import format_time, parse_time


def _resolve(value: Any, total: int, round_up: bool) -> int:
    """An int-or-percent field (maxSurge, maxUnavailable) as a number of pods."""
    if isinstance(value, str) and value.endswith("%"):
        exact = int(value[:-1]) * total / 100
        return math.ceil(exact) if round_up else math.floor(exact)
    return int(value)


def surge_and_unavailable(deployment: dict[str, Any]) -> tuple[int, int]:
    """(maxSurge, maxUnavailable) in pods; never both zero."""
    spec = deployment["spec"]
    replicas = int(spec.get("replicas", 1))
    rolling = spec.get("strategy", {}).get("rollingUpdate") or {}
    if spec.get("strategy", {}).get("type") == "Recreate":
        return 0, replicas
    surge = _resolve(rolling.get("maxSurge", "25%"), replicas, True)
    unavailable = _resolve(rolling.get("maxUnavailable", "25%"), replicas, False)
    return (surge, 1) if surge == 0 and unavailable == 0 else (surge, unavailable)


def _sum(sets: list[dict[str, Any]], field: str) -> int:
    return sum(int(rs.get("status", {}).get(field, 0)) for rs in sets)


def _condition(old: dict[str, Any] | None, kind: str, status: bool, reason: str,
               message: str, *, now: str) -> dict[str, Any]:
    """A condition, keeping its times when nothing about it changed (SetDeploymentCondition)."""
    value = "True" if status else "False"
    if old and old.get("status") == value and old.get("reason") == reason and (
            old.get("message") == message):
        return old
    transition = old["lastTransitionTime"] if old and old.get("status") == value else now
    return {"type": kind, "status": value, "lastUpdateTime": now,
            "lastTransitionTime": transition, "reason": reason, "message": message}


def deployment_status(
    deployment: dict[str, Any],
    new: dict[str, Any],
    sets: list[dict[str, Any]],
    now: datetime,
    *,
    created: bool,
) -> dict[str, Any]:
    """The status a Deployment should carry given its ReplicaSets, as of `now`."""
    spec, previous = deployment["spec"], deployment.get("status") or {}
    desired = int(spec.get("replicas", 1))
    available = _sum(sets, "availableReplicas")
    numbers = {
        "observedGeneration": deployment["metadata"].get("generation", 1),
        "replicas": _sum(sets, "replicas"),
        "updatedReplicas": _sum([new], "replicas"),
        "readyReplicas": _sum(sets, "readyReplicas"),
        "availableReplicas": available,
        "unavailableReplicas": max(sum(int(rs["spec"].get("replicas", 0)) for rs in sets)
                                   - available, 0),
        "collisionCount": previous.get("collisionCount", 0),
    }
    status: dict[str, Any] = {k: v for k, v in numbers.items() if v}
    stamp = format_time(now)
    old = {c["type"]: c for c in previous.get("conditions") or []}
    _, unavailable = surge_and_unavailable(deployment)
    if available >= desired - unavailable:
        available_condition = _condition(old.get("Available"), "Available", True,
                                         "MinimumReplicasAvailable",
                                         "Deployment has minimum availability.", now=stamp)
    else:
        available_condition = _condition(old.get("Available"), "Available", False,
                                         "MinimumReplicasUnavailable",
                                         "Deployment does not have minimum availability.",
                                         now=stamp)
    name = new["metadata"]["name"]
    progressing = old.get("Progressing")
    complete = (numbers["updatedReplicas"] == desired and numbers["replicas"] == desired
                and available == desired)
    if complete:
        progressing = _condition(progressing, "Progressing", True, "NewReplicaSetAvailable",
                                 f'ReplicaSet "{name}" has successfully progressed.', now=stamp)
    elif created:
        progressing = _condition(progressing, "Progressing", True, "NewReplicaSetCreated",
                                 f'Created new replica set "{name}"', now=stamp)
    elif progressing is None or _progressed(previous, status) or (
            progressing.get("reason") == "NewReplicaSetAvailable"):
        progressing = _condition(None, "Progressing", True, "ReplicaSetUpdated",
                                 f'ReplicaSet "{name}" is progressing.', now=stamp)
        if old.get("Progressing", {}).get("status") == "True":
            progressing["lastTransitionTime"] = old["Progressing"]["lastTransitionTime"]
    elif progressing.get("status") == "True" and now - parse_time(
            progressing["lastUpdateTime"]) > timedelta(
            seconds=int(spec.get("progressDeadlineSeconds", 600))):
        progressing = _condition(progressing, "Progressing", False, "ProgressDeadlineExceeded",
                                 f'ReplicaSet "{name}" has timed out progressing.', now=stamp)
    status["conditions"] = [available_condition, progressing]
    return status


def _progressed(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """DeploymentProgressing: more updated, ready or available pods, or fewer old ones."""
    def old_pods(status: dict[str, Any]) -> int:
        return int(status.get("replicas", 0)) - int(status.get("updatedReplicas", 0))

    return (after.get("updatedReplicas", 0) > before.get("updatedReplicas", 0)
            or after.get("readyReplicas", 0) > before.get("readyReplicas", 0)
            or after.get("availableReplicas", 0) > before.get("availableReplicas", 0)
            or old_pods(after) < old_pods(before))
