"""The pod row of a server-side table: READY, STATUS and RESTARTS as printPod computes them.

STATUS is the part learners read most ("ContainerCreating", "ErrImagePull",
"CrashLoopBackOff", "Terminating", "Init:0/1"), so the precedence of printPod is followed
step by step: phase, then pod reason, then init containers, then the last container with a
waiting or terminated reason, and Terminating for a pod being deleted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sandbox.emulator.clock import age, parse_time

Obj = dict[str, Any]

_SUCCEEDED = {"type": "Completed", "status": "True", "reason": "Succeeded",
              "message": "The pod has completed successfully."}
_FAILED = {"type": "Completed", "status": "True", "reason": "Failed",
           "message": "The pod failed."}


def _later(current: str | None, candidate: str | None) -> str | None:
    if not candidate:
        return current
    if current is None or parse_time(candidate) > parse_time(current):
        return candidate
    return current


def _finished_at(status: Obj) -> str | None:
    return ((status.get("lastState") or {}).get("terminated") or {}).get("finishedAt")


def _init_reason(pod: Obj) -> tuple[str | None, int, int, str | None, bool]:
    """(reason while initialising, restarts, sidecar ready count, last restart, initialising)."""
    spec, status = pod.get("spec", {}), pod.get("status", {})
    sidecars = {c["name"] for c in spec.get("initContainers") or []
                if c.get("restartPolicy") == "Always"}
    total = len(spec.get("initContainers") or [])
    restarts, ready, last = 0, 0, None
    for index, container in enumerate(status.get("initContainerStatuses") or []):
        restarts += container.get("restartCount", 0)
        last = _later(last, _finished_at(container))
        state = container.get("state") or {}
        terminated, waiting = state.get("terminated"), state.get("waiting")
        if terminated and terminated.get("exitCode", 0) == 0:
            continue
        if container["name"] in sidecars and container.get("started"):
            ready += 1 if container.get("ready") else 0
            continue
        if terminated:
            if terminated.get("reason"):
                return "Init:" + terminated["reason"], restarts, ready, last, True
            if terminated.get("signal"):
                return f"Init:Signal:{terminated['signal']}", restarts, ready, last, True
            return f"Init:ExitCode:{terminated.get('exitCode', 0)}", restarts, ready, last, True
        if waiting and waiting.get("reason") and waiting["reason"] != "PodInitializing":
            return "Init:" + waiting["reason"], restarts, ready, last, True
        return f"Init:{index}/{total}", restarts, ready, last, True
    return None, restarts, ready, last, False


def pod_row(pod: Obj, now: datetime) -> tuple[list[object], list[dict[str, str]]]:
    """The cells of a pod's table row and its row conditions (set for finished pods)."""
    spec, status, meta = pod.get("spec", {}), pod.get("status", {}), pod["metadata"]
    phase = status.get("phase", "")
    reason = status.get("reason") or phase
    conditions = status.get("conditions") or []
    if any(c.get("type") == "PodScheduled" and c.get("reason") == "SchedulingGated"
           for c in conditions):
        reason = "SchedulingGated"
    sidecars = [c for c in spec.get("initContainers") or [] if c.get("restartPolicy") == "Always"]
    total = len(spec.get("containers") or []) + len(sidecars)

    init_reason, restarts, ready, last_restart, initialising = _init_reason(pod)
    if init_reason:
        reason = init_reason
    initialised = any(c.get("type") == "Initialized" and c.get("status") == "True"
                      for c in conditions)
    if not initialising or initialised:
        sidecar_names = {c["name"] for c in sidecars}
        restarts, last_restart = 0, None
        for container in status.get("initContainerStatuses") or []:
            if container["name"] in sidecar_names:
                restarts += container.get("restartCount", 0)
                last_restart = _later(last_restart, _finished_at(container))
        has_running = False
        for container in reversed(status.get("containerStatuses") or []):
            restarts += container.get("restartCount", 0)
            last_restart = _later(last_restart, _finished_at(container))
            state = container.get("state") or {}
            waiting, terminated = state.get("waiting"), state.get("terminated")
            if waiting and waiting.get("reason"):
                reason = waiting["reason"]
            elif terminated and terminated.get("reason"):
                reason = terminated["reason"]
            elif terminated:
                reason = (f"Signal:{terminated['signal']}" if terminated.get("signal")
                          else f"ExitCode:{terminated.get('exitCode', 0)}")
            elif container.get("ready") and state.get("running") is not None:
                has_running = True
                ready += 1
        if reason == "Completed" and has_running:
            pod_ready = any(c.get("type") == "Ready" and c.get("status") == "True"
                            for c in conditions)
            reason = "Running" if pod_ready else "NotReady"

    if meta.get("deletionTimestamp") and status.get("reason") == "NodeLost":
        reason = "Unknown"
    elif meta.get("deletionTimestamp") and phase not in ("Succeeded", "Failed"):
        reason = "Terminating"

    restarts_cell = str(restarts)
    if restarts and last_restart:
        restarts_cell = f"{restarts} ({age(last_restart, now)} ago)"

    cells: list[object] = [
        meta["name"],
        f"{ready}/{total}",
        reason,
        restarts_cell,
        age(meta.get("creationTimestamp"), now),
        *_wide_cells(pod),
    ]
    row_conditions = {"Succeeded": [_SUCCEEDED], "Failed": [_FAILED]}.get(phase, [])
    return cells, [dict(c) for c in row_conditions]


def _wide_cells(pod: Obj) -> list[object]:
    """IP, NODE, NOMINATED NODE and READINESS GATES."""
    spec, status = pod.get("spec", {}), pod.get("status", {})
    pod_ips = status.get("podIPs") or []
    gates = spec.get("readinessGates") or []
    gates_cell = "<none>"
    if gates:
        by_type = {c.get("type"): c.get("status") for c in status.get("conditions") or []}
        passed = sum(1 for g in gates if by_type.get(g.get("conditionType")) == "True")
        gates_cell = f"{passed}/{len(gates)}"
    return [
        (pod_ips[0].get("ip") if pod_ips else "") or "<none>",
        spec.get("nodeName") or "<none>",
        status.get("nominatedNodeName") or "<none>",
        gates_cell,
    ]
