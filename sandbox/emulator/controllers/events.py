"""core/v1 Events, recorded the way client-go's event recorder writes them.

Repeats of the same event for the same object bump `count` and `lastTimestamp` instead of
adding a new Event, which is what `kubectl describe` shows as "x3 over 40s".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sandbox.emulator.clock import Clock, format_time
from sandbox.emulator.kinds import Kind, kind_by_plural
from sandbox.emulator.store import Store

NODE = "minikube"


@dataclass(frozen=True)
class Source:
    """Who reports an event: `source.component`/`host` and the reporting fields."""

    component: str
    host: str = ""
    instance: str = ""


KUBELET = Source("kubelet", NODE, NODE)
SCHEDULER = Source("default-scheduler", "", "default-scheduler-" + NODE)
REPLICASET_CONTROLLER = Source("replicaset-controller")
DEPLOYMENT_CONTROLLER = Source("deployment-controller")
ENDPOINT_CONTROLLER = Source("endpoint-controller")


class Recorder:
    """Writes Events into the store for the controllers."""

    def __init__(self, store: Store, clock: Clock) -> None:
        events = kind_by_plural("", "events")
        assert events is not None
        self._kind: Kind = events
        self._store = store
        self._clock = clock
        self._last_nanos = 0
        self._seen: dict[tuple[str, ...], tuple[str, str]] = {}

    def _name(self, involved_name: str, now: datetime) -> str:
        nanos = max(int(now.timestamp() * 1e9), self._last_nanos + 1)
        self._last_nanos = nanos
        return f"{involved_name}.{nanos:x}"

    def record(
        self,
        obj: dict[str, Any],
        source: Source,
        reason: str,
        message: str,
        *,
        warning: bool = False,
        field_path: str = "",
    ) -> None:
        """Record that `reason` happened to `obj`, or count one more repeat of it."""
        meta = obj["metadata"]
        namespace = meta.get("namespace") or "default"
        kind = "Warning" if warning else "Normal"
        now = self._clock.now()
        key = (meta.get("uid", ""), reason, message, kind, field_path)
        seen = self._seen.get(key)
        event = self._store.get(self._kind, *seen) if seen else None
        if event is not None:
            event["count"] = event.get("count", 1) + 1
            event["lastTimestamp"] = format_time(now)
            self._store.update(self._kind, event)
            return
        involved_object = {
            "kind": obj.get("kind", ""),
            "namespace": namespace,
            "name": meta["name"],
            "uid": meta.get("uid", ""),
            "apiVersion": obj.get("apiVersion", ""),
            "resourceVersion": meta.get("resourceVersion", ""),
        }
        if field_path:
            involved_object["fieldPath"] = field_path
        source_field = {"component": source.component}
        if source.host:
            source_field["host"] = source.host
        name = self._name(meta["name"], now)
        self._seen[key] = (namespace, name)
        self._store.create(self._kind, {
            "metadata": {"name": name, "namespace": namespace},
            "involvedObject": involved_object,
            "reason": reason,
            "message": message,
            "source": source_field,
            "firstTimestamp": format_time(now),
            "lastTimestamp": format_time(now),
            "count": 1,
            "type": kind,
            "eventTime": None,
            "reportingComponent": source.component,
            "reportingInstance": source.instance,
        })

