"""The emulator's object database: every object as the API serialises it, plus a change log.

Objects are plain dicts (camelCase JSON). The store owns the system fields a real API server
owns (uid, resourceVersion, creationTimestamp, generation) and keeps a bounded history of
changes so that watches can resume from a resourceVersion, as etcd's watch cache allows.
"""

from __future__ import annotations

import builtins
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
    """A deep copy of JSON-shaped data, many times faster than copy.deepcopy.

    Controllers copy every object they list, so this is the emulator's hottest code: it
    tests exact types and recurses only into containers.
    """
    kind = type(value)
    if kind is dict:
        return cast(_T, _copy_dict(cast(dict[str, Any], value)))
    if kind is list:
        return cast(_T, _copy_list(cast(list[Any], value)))
    return value


def _copy_dict(value: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, item in value.items():
        kind = type(item)
        out[key] = (_copy_dict(item) if kind is dict else _copy_list(item) if kind is list
                    else item)
    return out


def _copy_list(value: list[Any]) -> list[Any]:
    return [_copy_dict(item) if type(item) is dict else
            _copy_list(item) if type(item) is list else item for item in value]


@dataclass(frozen=True)
class Change:
    """One write, as a watch reports it."""

    resource_version: int
    type: str
    kind: Kind
    obj: dict[str, Any]


class Store:
    """All objects, indexed by qualified resource, then namespace ("" for cluster-scoped
    kinds), then name, so that listing one namespace costs the same however many
    namespaces there are.

    Reads return copies so that callers can never change stored state without a write.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._objects: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
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
        """Call `listener(type, kind, obj)` synchronously after every write.

        Every listener and the watch history share one snapshot, which none may change.
        """
        self._listeners.append(listener)

    def changes_since(self, resource_version: int) -> list[Change]:
        """The writes after `resource_version`, oldest first."""
        return [c for c in self._history if c.resource_version > resource_version]

    def get(self, kind: Kind, namespace: str | None, name: str) -> dict[str, Any] | None:
        """A copy of the object, or None."""
        found = self._slot(kind, namespace).get(name)
        return copy_object(found) if found is not None else None

    def list(self, kind: Kind, namespace: str | None = None,
             where: Callable[[dict[str, Any]], bool] | None = None) -> list[dict[str, Any]]:
        """Copies of the objects of `kind`, in one namespace or all, sorted by namespace/name.

        `where`, if given, sees each stored object (and must not change it) so that only the
        objects it accepts are copied.
        """
        return [copy_object(obj) for obj in self._stored(kind, namespace)
                if where is None or where(obj)]

    def names(self, kind: Kind, namespace: str | None) -> set[str]:
        """The names of the objects of `kind` in one namespace, without copying them."""
        return set(self._slot(kind, namespace))

    def count(self, kind: Kind, namespace: str | None = None) -> int:
        """How many objects of `kind` there are, without copying them."""
        by_namespace = self._objects.get(kind.qualified, {})
        if namespace is None:
            return sum(len(slot) for slot in by_namespace.values())
        return len(by_namespace.get(namespace, {}))

    def create(self, kind: Kind, obj: dict[str, Any]) -> dict[str, Any]:
        """Store a new object, filling in the system fields; raises AlreadyExists."""
        meta = obj.setdefault("metadata", {})
        slot = self._slot(kind, self._namespace(kind, meta), create=True)
        if meta["name"] in slot:
            raise already_exists(kind, meta["name"])
        obj["apiVersion"], obj["kind"] = kind.api_version, kind.kind
        meta["uid"] = str(uuid.uuid4())
        meta["creationTimestamp"] = format_time(self._clock.now())
        if kind.qualified in _GENERATED:
            meta["generation"] = 1
        meta.pop("deletionTimestamp", None)
        stored = copy_object(obj)
        slot[meta["name"]] = stored
        return self._written("ADDED", kind, stored)

    def update(self, kind: Kind, obj: dict[str, Any]) -> dict[str, Any]:
        """Replace an object; raises NotFound, or Conflict on a stale resourceVersion."""
        meta = obj.setdefault("metadata", {})
        slot = self._slot(kind, self._namespace(kind, meta))
        old = slot.get(meta["name"])
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
        slot[meta["name"]] = stored
        return self._written("MODIFIED", kind, stored)

    def mark_deleting(self, kind: Kind, namespace: str | None, name: str) -> dict[str, Any]:
        """Set deletionTimestamp (which update() otherwise preserves) and write the object."""
        stored = self._slot(kind, namespace).get(name)
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
        slot = self._slot(kind, namespace)
        stored = slot.pop(name, None)
        if stored is None:
            raise not_found(kind, name)
        if not slot:
            self._objects[kind.qualified].pop(namespace or "", None)
        return self._written("DELETED", kind, stored)

    def dump(self) -> dict[str, Any]:
        """Everything, as JSON-ready data for saving to a file."""
        objects = [copy_object(o) for by_namespace in self._objects.values()
                   for slot in by_namespace.values() for o in slot.values()]
        return {"resourceVersion": self._rv, "objects": objects}

    @classmethod
    def load(cls, data: dict[str, Any], clock: Clock) -> Store:
        """A store holding what dump() returned (objects of unknown kinds are dropped)."""
        store = cls(clock)
        store._rv = int(data.get("resourceVersion", 1))
        for obj in data.get("objects", []):
            kind = kind_by_name(obj.get("apiVersion", ""), obj.get("kind", ""))
            if kind is not None:
                meta = obj["metadata"]
                slot = store._slot(kind, store._namespace(kind, meta), create=True)
                slot[meta["name"]] = copy_object(obj)
        return store

    def _slot(self, kind: Kind, namespace: str | None, *,
              create: bool = False) -> dict[str, dict[str, Any]]:
        """The objects of one kind in one namespace, by name (a throwaway dict if none)."""
        by_namespace = self._objects.setdefault(kind.qualified, {})
        if create:
            return by_namespace.setdefault(namespace or "", {})
        return by_namespace.get(namespace or "", {})

    def _stored(self, kind: Kind, namespace: str | None) -> builtins.list[dict[str, Any]]:
        """The stored objects (not copies), sorted by namespace and name."""
        by_namespace = self._objects.get(kind.qualified, {})
        spaces = sorted(by_namespace) if namespace is None else [namespace]
        found = []
        for space in spaces:
            slot = by_namespace.get(space, {})
            found += [slot[name] for name in sorted(slot)]
        return found

    @staticmethod
    def _namespace(kind: Kind, meta: dict[str, Any]) -> str:
        return str(meta.get("namespace", "")) if kind.namespaced else ""

    def _written(self, event: str, kind: Kind, stored: dict[str, Any]) -> dict[str, Any]:
        self._rv += 1
        stored["metadata"]["resourceVersion"] = str(self._rv)
        snapshot = copy_object(stored)
        self._history.append(Change(self._rv, event, kind, snapshot))
        for listener in self._listeners:
            listener(event, kind, snapshot)
        return copy_object(stored)
