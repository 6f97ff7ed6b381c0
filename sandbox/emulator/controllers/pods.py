"""The scheduler and the kubelet of the one simulated node: a pod's life, driven by the clock.

A new pod waits `schedule` seconds to be bound to `minikube`, then shows ContainerCreating
while its images are pulled (`pull` seconds), then runs and turns Ready `start` seconds
later. Unpullable images end in ErrImagePull and then ImagePullBackOff (see images.py). A
pod being deleted shows Terminating for `terminate` seconds and is then removed.
"""

from __future__ import annotations

import hashlib
from ipaddress import IPv4Address
from typing import Any

from sandbox.emulator.clock import Clock, format_time
from sandbox.emulator.controllers.events import KUBELET, NODE, SCHEDULER, Recorder
from sandbox.emulator.controllers.images import go_duration, parse_image
from sandbox.emulator.controllers.timing import Delays, Timeline
from sandbox.emulator.kinds import kind_by_plural
from sandbox.emulator.store import Store

NODE_IP = "192.168.49.2"
_POD_NETWORK = IPv4Address("10.244.0.3")  # .1 is the bridge, .2 is CoreDNS on minikube
_PODS = kind_by_plural("", "pods")
assert _PODS is not None
PODS = _PODS

SCHEDULED, CREATING, PULLED, RUNNING, PULL_FAILED, BACK_OFF = range(1, 7)


def _condition(
    kind: str, status: bool, at: str, reason: str = "", message: str = ""
) -> dict[str, Any]:
    condition: dict[str, Any] = {"type": kind, "status": "True" if status else "False",
                                 "lastProbeTime": None, "lastTransitionTime": at}
    if reason:
        condition.update(reason=reason, message=message)
    return condition


class Kubelet:
    """Moves every pod along its timeline; one instance lives as long as the Controllers."""

    def __init__(self, store: Store, clock: Clock, delays: Delays, recorder: Recorder) -> None:
        self._store, self._clock, self._delays, self._events = store, clock, delays, recorder
        self._stages: dict[str, int] = {}
        self._keys: dict[str, str] = {}
        self._ips: dict[str, str] | None = None
        self.timeline = Timeline(clock)

    def reconcile(self, pod: dict[str, Any]) -> None:
        """Bring one pod to the state it should have reached by now."""
        uid = pod["metadata"]["uid"]
        key = self._keys.setdefault(uid, f"{pod['metadata']['namespace']}/{uid}")
        if pod["metadata"].get("deletionTimestamp"):
            self._terminate(pod, uid, key)
            return
        if pod.get("status", {}).get("phase") in ("Succeeded", "Failed"):
            return
        if uid not in self._stages:
            self._stages[uid] = RUNNING if pod.get("status", {}).get("phase") == "Running" else 0
            self.timeline.start(key)
        stage = self._stages[uid]
        images = [parse_image(c.get("image", "")) for c in pod["spec"].get("containers", [])]
        broken = [i for i in images if not i.pullable]
        d = self._delays
        plan = [(SCHEDULED, d.schedule), (CREATING, 0.0)]
        plan += [(PULL_FAILED, d.pull), (BACK_OFF, d.pull)] if broken else [
            (PULLED, d.pull), (RUNNING, d.start)]
        offset = 0.0
        for target, delay in plan:
            offset += delay
            if stage >= target:
                continue
            if not self.timeline.reached(key, offset):
                return
            pod = self._advance(pod, target)
            stage = self._stages[uid] = target

    def forget_all_but(self, namespace: str, live: set[str]) -> None:
        """Drop what is remembered about the namespace's pods that no longer exist."""
        prefix = f"{namespace}/"
        for uid in [u for u, k in self._keys.items() if k.startswith(prefix) and u not in live]:
            self._forget(uid)

    def _forget(self, uid: str) -> None:
        self._stages.pop(uid, None)
        if self._ips is not None:
            self._ips.pop(uid, None)
        key = self._keys.pop(uid, None)
        if key is not None:
            self.timeline.forget(key)
            self.timeline.forget(key + "/deleting")

    def _advance(self, pod: dict[str, Any], stage: int) -> dict[str, Any]:
        now = format_time(self._clock.now())
        containers = pod["spec"].get("containers", [])
        status = pod.setdefault("status", {})
        if stage == SCHEDULED:
            pod["spec"]["nodeName"] = NODE
            status.update(phase="Pending", conditions=[_condition("PodScheduled", True, now)])
            pod = self._store.update(PODS, pod)
            ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
            self._events.record(pod, SCHEDULER, "Scheduled",
                                f"Successfully assigned {ns}/{name} to {NODE}")
            return pod
        if stage == CREATING:
            names = ", ".join(c["name"] for c in containers)
            unready = f"containers with unready status: [{names.replace(', ', ' ')}]"
            status.update(
                phase="Pending", hostIP=NODE_IP, hostIPs=[{"ip": NODE_IP}], startTime=now,
                conditions=[
                    _condition("PodReadyToStartContainers", False, now),
                    _condition("Initialized", True, now),
                    _condition("Ready", False, now, "ContainersNotReady", unready),
                    _condition("ContainersReady", False, now, "ContainersNotReady", unready),
                    _condition("PodScheduled", True, now),
                ],
                containerStatuses=[self._waiting(c, "ContainerCreating") for c in containers],
            )
            pod = self._store.update(PODS, pod)
            for c in containers:
                image = parse_image(c.get("image", ""))
                if image.valid:
                    self._events.record(pod, KUBELET, "Pulling", f'Pulling image "{c["image"]}"',
                                        field_path=f"spec.containers{{{c['name']}}}")
            return pod
        if stage in (PULL_FAILED, BACK_OFF):
            return self._pull_failed(pod, stage == BACK_OFF)
        if stage == PULLED:
            for c in containers:
                image = parse_image(c["image"])
                took = go_duration(self._delays.pull)
                self._events.record(
                    pod, KUBELET, "Pulled",
                    f'Successfully pulled image "{c["image"]}" in {took} ({took} including '
                    f"waiting). Image size: {image.size} bytes.",
                    field_path=f"spec.containers{{{c['name']}}}")
            return pod
        return self._run(pod, now)

    def _waiting(self, container: dict[str, Any], reason: str, message: str = "") -> dict[str, Any]:
        image = parse_image(container.get("image", ""))
        waiting: dict[str, str] = {"reason": reason}
        if message:
            waiting["message"] = message
        return {"image": image.shown if image.valid else image.reference, "imageID": "",
                "lastState": {}, "name": container["name"], "ready": False,
                "restartCount": 0, "started": False, "state": {"waiting": waiting}}

    def _pull_failed(self, pod: dict[str, Any], backing_off: bool) -> dict[str, Any]:
        statuses = []
        for c in pod["spec"].get("containers", []):
            image = parse_image(c.get("image", ""))
            path = f"spec.containers{{{c['name']}}}"
            if not image.valid:
                text = (f'Failed to apply default image tag "{image.reference}": couldn\'t parse '
                        f'image name "{image.reference}": invalid reference format')
                statuses.append(self._waiting(c, "InvalidImageName", text))
                self._events.record(pod, KUBELET, "InspectFailed", text, warning=True,
                                    field_path=path)
                self._events.record(pod, KUBELET, "Failed", "Error: InvalidImageName",
                                    warning=True, field_path=path)
            elif not image.pullable and backing_off:
                why = f'Back-off pulling image "{image.reference}": ErrImagePull: ' + (
                    image.pull_error())
                statuses.append(self._waiting(c, "ImagePullBackOff", why))
                self._events.record(pod, KUBELET, "BackOff",
                                    f'Back-off pulling image "{image.reference}"',
                                    field_path=path)
                self._events.record(pod, KUBELET, "Failed", "Error: ImagePullBackOff",
                                    warning=True, field_path=path)
            elif not image.pullable:
                statuses.append(self._waiting(c, "ErrImagePull", image.pull_error()))
                self._events.record(
                    pod, KUBELET, "Failed",
                    f'Failed to pull image "{image.reference}": {image.pull_error()}',
                    warning=True, field_path=path)
                self._events.record(pod, KUBELET, "Failed", "Error: ErrImagePull",
                                    warning=True, field_path=path)
            else:
                statuses.append(self._waiting(c, "ContainerCreating"))
        pod["status"]["containerStatuses"] = statuses
        return self._store.update(PODS, pod)

    def _run(self, pod: dict[str, Any], now: str) -> dict[str, Any]:
        statuses = []
        for c in pod["spec"].get("containers", []):
            image = parse_image(c["image"])
            container_id = hashlib.sha256(f"{pod['metadata']['uid']}/{c['name']}".encode())
            statuses.append({
                "containerID": f"docker://{container_id.hexdigest()}",
                "image": image.shown, "imageID": image.image_id, "lastState": {},
                "name": c["name"], "ready": True, "restartCount": 0, "started": True,
                "state": {"running": {"startedAt": now}},
            })
        ip = self._allocate_ip(pod["metadata"]["uid"])
        status = pod["status"]
        status.update(
            phase="Running", podIP=ip, podIPs=[{"ip": ip}], containerStatuses=statuses,
            conditions=[
                _condition("PodReadyToStartContainers", True, now),
                _condition("Initialized", True, now),
                _condition("Ready", True, now),
                _condition("ContainersReady", True, now),
                _condition("PodScheduled", True, now),
            ],
        )
        pod = self._store.update(PODS, pod)
        for c in pod["spec"].get("containers", []):
            path = f"spec.containers{{{c['name']}}}"
            self._events.record(pod, KUBELET, "Created", f"Created container: {c['name']}",
                                field_path=path)
            self._events.record(pod, KUBELET, "Started", f"Started container {c['name']}",
                                field_path=path)
        return pod

    def _allocate_ip(self, uid: str) -> str:
        if self._ips is None:
            self._ips = {p["metadata"]["uid"]: p["status"]["podIP"]
                         for p in self._store.list(PODS) if p.get("status", {}).get("podIP")}
        taken = set(self._ips.values())
        candidate = _POD_NETWORK
        while str(candidate) in taken:
            candidate += 1
        self._ips[uid] = str(candidate)
        return str(candidate)

    def _terminate(self, pod: dict[str, Any], uid: str, key: str) -> None:
        meta = pod["metadata"]
        if meta.get("finalizers"):
            return
        if not pod["spec"].get("nodeName"):
            self._store.delete(PODS, meta["namespace"], meta["name"])
            self._forget(uid)
            return
        deleting = key + "/deleting"
        if uid not in self._stages or self._stages[uid] >= 0:
            self._stages[uid] = -1
            self.timeline.start(deleting)
            for c in pod["spec"].get("containers", []):
                if pod.get("status", {}).get("phase") == "Running":
                    self._events.record(pod, KUBELET, "Killing",
                                        f"Stopping container {c['name']}",
                                        field_path=f"spec.containers{{{c['name']}}}")
        if self.timeline.reached(deleting, self._delays.terminate):
            self._store.delete(PODS, meta["namespace"], meta["name"])
            self._forget(uid)
