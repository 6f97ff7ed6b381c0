"""`kubectl logs` for the simulated containers.

There is no process behind a simulated container, so a running container prints what the
course's image (bravecat81/playground, a Node.js web server on port 3000) prints when it
starts, and then a periodic access-log line; the text depends only on the pod and the
clock, so repeated calls agree. Containers that are not running answer with the same
errors the kubelet gives.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sandbox.emulator.clock import parse_time
from sandbox.emulator.errors import bad_request

_WAITING = {
    "ImagePullBackOff": "trying and failing to pull image",
    "ErrImagePull": "image can't be pulled",
    "InvalidImageName": "image can't be pulled",
}
_HEALTH_EVERY = timedelta(seconds=30)


def _container_name(pod: dict[str, Any], container: str | None) -> str:
    names = [c["name"] for c in pod.get("spec", {}).get("containers", [])]
    name = pod["metadata"]["name"]
    if container is None:
        if len(names) == 1:
            return str(names[0])
        raise bad_request(f"a container name must be specified for pod {name}, "
                          f"choose one of: [{' '.join(names)}]")
    if container not in names:
        raise bad_request(f"container {container} is not valid for pod {name}")
    return container


def _lines(pod: dict[str, Any], container: str, started: datetime,
           now: datetime) -> list[tuple[datetime, str]]:
    seed = hashlib.sha256(f"{pod['metadata']['uid']}/{container}".encode()).digest()
    pid = 1 + seed[0] % 40
    startup = [
        "",
        "> playground@1.0.0 start",
        "> node server.js",
        "",
        f"[{pid}] Node.js v20.18.1, NODE_ENV=production",
        f"[{pid}] Server listening on http://0.0.0.0:3000",
    ]
    lines = [(started + timedelta(milliseconds=40 * i + seed[1]), text)
             for i, text in enumerate(startup)]
    moment = started + _HEALTH_EVERY
    while moment <= now:
        lines.append((moment, f"[{pid}] {moment.strftime('%Y-%m-%dT%H:%M:%S.000Z')} "
                              'GET /healthz 200 - 0.4 ms'))
        moment += _HEALTH_EVERY
    return lines


def pod_log(
    pod: dict[str, Any],
    container: str | None,
    now: datetime,
    *,
    tail_lines: int | None,
    timestamps: bool,
) -> str:
    """The log text of one container, as /api/v1/namespaces/NS/pods/NAME/log returns it.

    Raises:
        StatusError: 400 BadRequest when the container is unknown, not yet started or the
            pod has several containers and none was named, with the kubelet's message.
    """
    name = _container_name(pod, container)
    pod_name = pod["metadata"]["name"]
    if not pod.get("spec", {}).get("nodeName"):
        raise bad_request(f"pod {pod_name} does not have a host assigned")
    status = next((s for s in pod.get("status", {}).get("containerStatuses") or []
                   if s.get("name") == name), None)
    state = (status or {}).get("state") or {}
    running = state.get("running")
    if running is None:
        reason = (state.get("waiting") or {}).get("reason", "ContainerCreating")
        raise bad_request(f'container "{name}" in pod "{pod_name}" is waiting to start: '
                          f"{_WAITING.get(reason, reason)}")
    lines = _lines(pod, name, parse_time(running["startedAt"]), now)
    if tail_lines is not None:
        lines = lines[-tail_lines:] if tail_lines > 0 else []
    rendered = [
        f"{moment.strftime('%Y-%m-%dT%H:%M:%S.%f')}000Z {text}" if timestamps else text
        for moment, text in lines
    ]
    return "".join(line + "\n" for line in rendered)
