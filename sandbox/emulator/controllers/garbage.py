"""Deletion that other objects depend on: owner-reference garbage collection and namespaces.

The server records how a delete should propagate: Background removes the owner at once and
leaves the dependents to this collector; Foreground keeps the owner (deletionTimestamp and
the "foregroundDeletion" finalizer) until its dependents are gone; Orphan ("orphan"
finalizer) strips the owner references from the dependents and then removes the owner. A
namespace being deleted turns Terminating, loses everything in it, and then goes.
"""

from __future__ import annotations

from typing import Any

from sandbox.emulator.clock import Clock
from sandbox.emulator.kinds import KINDS, Kind, kind_by_plural
from sandbox.emulator.store import Store

_NAMESPACES = kind_by_plural("", "namespaces")
assert _NAMESPACES is not None
NAMESPACES = _NAMESPACES
_GRACEFUL = {"pods"}
_OWNED = tuple(k for k in KINDS if k.namespaced and k.qualified != "events")


def _remove(store: Store, kind: Kind, obj: dict[str, Any]) -> None:
    """Delete as the collector does: pods terminate gracefully, the rest go at once."""
    meta = obj["metadata"]
    if kind.qualified in _GRACEFUL:
        if not meta.get("deletionTimestamp"):
            store.mark_deleting(kind, meta.get("namespace"), meta["name"])
    elif not meta.get("finalizers"):
        store.delete(kind, meta.get("namespace"), meta["name"])
    elif not meta.get("deletionTimestamp"):
        store.mark_deleting(kind, meta.get("namespace"), meta["name"])


class GarbageCollector:
    """Applies deletion propagation and namespace termination on every pass."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store, self._clock = store, clock

    def collect(self, namespace: str) -> None:
        """One pass over a namespace (owner references never cross namespaces)."""
        everything = [(k, o) for k in _OWNED for o in self._store.list(k, namespace)]
        alive = {o["metadata"]["uid"] for _, o in everything}
        dependents: dict[str, list[tuple[Kind, dict[str, Any]]]] = {}
        for kind, obj in everything:
            for ref in obj["metadata"].get("ownerReferences") or []:
                dependents.setdefault(ref.get("uid", ""), []).append((kind, obj))
        for kind, obj in everything:
            refs = obj["metadata"].get("ownerReferences") or []
            if refs and not any(r.get("uid") in alive for r in refs):
                _remove(self._store, kind, obj)
        for kind, obj in everything:
            meta = obj["metadata"]
            if not meta.get("deletionTimestamp"):
                continue
            finalizers = meta.get("finalizers") or []
            children = dependents.get(meta["uid"], [])
            if "orphan" in finalizers:
                for child_kind, child in children:
                    self._orphan(child_kind, child, meta["uid"])
                self._finish(kind, obj, "orphan")
            elif "foregroundDeletion" in finalizers:
                for child_kind, child in children:
                    _remove(self._store, child_kind, child)
                if not children:
                    self._finish(kind, obj, "foregroundDeletion")
        found = self._store.get(NAMESPACES, None, namespace)
        if found is not None and found["metadata"].get("deletionTimestamp"):
            self._terminate_namespace(found)

    def _orphan(self, kind: Kind, child: dict[str, Any], owner_uid: str) -> None:
        fresh = self._store.get(kind, child["metadata"].get("namespace"),
                                child["metadata"]["name"])
        if fresh is None:
            return
        refs = [r for r in fresh["metadata"].get("ownerReferences") or []
                if r.get("uid") != owner_uid]
        if refs:
            fresh["metadata"]["ownerReferences"] = refs
        else:
            fresh["metadata"].pop("ownerReferences", None)
        self._store.update(kind, fresh)

    def _finish(self, kind: Kind, obj: dict[str, Any], finalizer: str) -> None:
        meta = obj["metadata"]
        fresh = self._store.get(kind, meta.get("namespace"), meta["name"])
        if fresh is None:
            return
        rest = [f for f in fresh["metadata"].get("finalizers") or [] if f != finalizer]
        if rest:
            fresh["metadata"]["finalizers"] = rest
            self._store.update(kind, fresh)
        elif kind.qualified in _GRACEFUL:
            fresh["metadata"].pop("finalizers", None)
            self._store.update(kind, fresh)
        else:
            self._store.delete(kind, meta.get("namespace"), meta["name"])

    def _terminate_namespace(self, namespace: dict[str, Any]) -> None:
        name = namespace["metadata"]["name"]
        if namespace.get("status", {}).get("phase") != "Terminating":
            namespace.setdefault("status", {})["phase"] = "Terminating"
            namespace = self._store.update(NAMESPACES, namespace)
        remaining = 0
        for kind in KINDS:
            if not kind.namespaced:
                continue
            for obj in self._store.list(kind, name):
                remaining += 1
                _remove(self._store, kind, obj)
        if remaining == 0:
            self._store.delete(NAMESPACES, None, name)
