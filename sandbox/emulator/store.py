"""The emulator's object database: every object as the API serialises it, plus a change log.

Objects are plain dicts (camelCase JSON). The store owns the system fields a real API server
owns (uid, resourceVersion, creationTimestamp, generation) and keeps a bounded history of
changes so that watches can resume from a resourceVersion, as etcd's watch cache allows.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sandbox.emulator.clock import Clock, format_time
from sandbox.emulator.errors import already_exists, conflict, not_found
from sandbox.emulator.kinds import Kind, kind_by_name

_T = TypeVar("_T")
Listener = Callable[[str, Kind, dict[str, Any]], None]

# Kinds whose metadata.generation the real server maintains (those with a spec it tracks).
_GENERATED = frozenset({"deployments.apps", "replicasets.apps"})
_HISTORY = 20000


def copy_object(value: _T) -> _T:
    """A deep copy of JSON-shaped data, several times faster than copy.deepcopy."""
    return cast(_T, _copy(value))


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


@dataclass(frozen=True)
class Change:
    """One write, as a watch reports it."""

    resource_version: int
    type: str
    kind: Kind
    obj: dict[str, Any]


class Store:
    """All objects, keyed by (qualified resource, namespace or "", name).

    Reads return copies so that callers can never change stored state without a write.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._objects: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}
        self._rv = 1
        self._listeners: list[Listener] = []
        self._history: deque[Change] = deque(maxlen=_HISTORY)

    @property
    def resource_version(self) -> int:
        """The latest resourceVersion handed out."""
        return self._rv

    @property
    def oldest_watchable(self) -> int:
        """The oldest resourceVersion a watch can still resume from."""
        return self._history[0].resource_version - 1 if self._history else self._rv

    def add_listener(self, listener: Listener) -> None:
        """Call `listener(type, kind, obj)` synchronously after every write."""
        self._listeners.append(listener)

    def changes_since(self, resource_version: int) -> list[Change]:
        """The writes after `resource_version`, oldest first."""
        return [c for c in self._history if c.resource_version > resource_version]

    def get(self, kind: Kind, namespace: str | None, name: str) -> dict[str, Any] | None:
        """A copy of the object, or None."""
        found = self._bucket(kind).get((namespace or "", name))
        return copy_object(found) if found is not None else None

    def list(self, kind: Kind, namespace: str | None = None) -> list[dict[str, Any]]:
        """Copies of the objects of `kind`, in one namespace or all, sorted by namespace/name."""
        bucket = self._bucket(kind)
        keys = sorted(k for k in bucket if namespace is None or k[0] == namespace)
        return [copy_object(bucket[k]) for k in keys]

    def count(self, kind: Kind, namespace: str | None = None) -> int:
        """How many objects of `kind` there are, without copying them."""
        bucket = self._bucket(kind)
        return sum(1 for k in bucket if namespace is None or k[0] == namespace)

    def create(self, kind: Kind, obj: dict[str, Any]) -> dict[str, Any]:
        """Store a new object, filling in the system fields; raises AlreadyExists."""
        meta = obj.setdefault("metadata", {})
        key = self._key(kind, meta)
        bucket = self._bucket(kind)
        if key in bucket:
            raise already_exists(kind, meta["name"])
        obj["apiVersion"], obj["kind"] = kind.api_version, kind.kind
        meta["uid"] = str(uuid.uuid4())
        meta["creationTimestamp"] = format_time(self._clock.now())
        if kind.qualified in _GENERATED:
            meta["generation"] = 1
        meta.pop("deletionTimestamp", None)
        stored = copy_object(obj)
        bucket[key] = stored
        return self._written("ADDED", kind, stored)

    def update(self, kind: Kind, obj: dict[str, Any]) -> dict[str, Any]:
        """Replace an object; raises NotFound, or Conflict on a stale resourceVersion."""
        meta = obj.setdefault("metadata", {})
        key = self._key(kind, meta)
        old = self._bucket(kind).get(key)
        if old is None:
            raise not_found(kind, meta["name"])
        sent_rv = meta.get("resourceVersion")
        if sent_rv and sent_rv != old["metadata"]["resourceVersion"]:
            raise conflict(kind, meta["name"])
        obj["apiVersion"], obj["kind"] = kind.api_version, kind.kind
        old_meta = old["metadata"]
        for field in ("uid", "creationTimestamp", "generation"):
            if field in old_meta:
                meta[field] = old_meta[field]
            else:
                meta.pop(field, None)
        if "deletionTimestamp" in old_meta:
            meta["deletionTimestamp"] = old_meta["deletionTimestamp"]
        if kind.qualified in _GENERATED and (
            obj.get("spec") != old.get("spec")
            or ("deletionTimestamp" in meta and "deletionTimestamp" not in old_meta)
        ):
            meta["generation"] = old_meta.get("generation", 0) + 1
        stored = copy_object(obj)
        self._bucket(kind)[key] = stored
        return self._written("MODIFIED", kind, stored)

    def mark_deleting(self, kind: Kind, namespace: str | None, name: str) -> dict[str, Any]:
        """Set deletionTimestamp (which update() otherwise preserves) and write the object."""
        stored = self._bucket(kind).get((namespace or "", name))
        if stored is None:
            raise not_found(kind, name)
        if "deletionTimestamp" in stored["metadata"]:
            return copy_object(stored)
        stored["metadata"]["deletionTimestamp"] = format_time(self._clock.now())
        if kind.qualified in _GENERATED:
            stored["metadata"]["generation"] = stored["metadata"].get("generation", 0) + 1
        return self._written("MODIFIED", kind, stored)

    def delete(self, kind: Kind, namespace: str | None, name: str) -> dict[str, Any]:
        """Remove an object now and return it as last stored (with the deletion's version)."""
        stored = self._bucket(kind).pop((namespace or "", name), None)
        if stored is None:
            raise not_found(kind, name)
        return self._written("DELETED", kind, stored)

    def dump(self) -> dict[str, Any]:
        """Everything, as JSON-ready data for saving to a file."""
        objects = [copy_object(o) for bucket in self._objects.values() for o in bucket.values()]
        return {"resourceVersion": self._rv, "objects": objects}

    @classmethod
    def load(cls, data: dict[str, Any], clock: Clock) -> Store:
        """A store holding what dump() returned (objects of unknown kinds are dropped)."""
        store = cls(clock)
        store._rv = int(data.get("resourceVersion", 1))
        for obj in data.get("objects", []):
            kind = kind_by_name(obj.get("apiVersion", ""), obj.get("kind", ""))
            if kind is not None:
                store._bucket(kind)[store._key(kind, obj["metadata"])] = copy_object(obj)
        return store

    def _bucket(self, kind: Kind) -> dict[tuple[str, str], dict[str, Any]]:
        return self._objects.setdefault(kind.qualified, {})

    @staticmethod
    def _key(kind: Kind, meta: dict[str, Any]) -> tuple[str, str]:
        return (meta.get("namespace", "") if kind.namespaced else "", meta["name"])

    def _written(self, event: str, kind: Kind, stored: dict[str, Any]) -> dict[str, Any]:
        self._rv += 1
        stored["metadata"]["resourceVersion"] = str(self._rv)
        self._history.append(Change(self._rv, event, kind, copy_object(stored)))
        for listener in self._listeners:
            listener(event, kind, copy_object(stored))
        return copy_object(stored)
