"""Watches: each open watch receives the store's changes that match its kind, namespace and
selectors, with ADDED/DELETED synthesised when an object starts or stops matching."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sandbox.emulator.kinds import Kind
from sandbox.emulator.selectors import FieldRequirement, Requirement, fields_match, labels_match
from sandbox.emulator.store import Store

Obj = dict[str, Any]


@dataclass(eq=False)
class Watch:
    """One client's watch: what it selects and the events queued for it."""

    kind: Kind
    namespace: str | None
    labels: list[Requirement]
    fields: list[FieldRequirement]
    queue: asyncio.Queue[tuple[str, Obj]] = field(default_factory=asyncio.Queue)
    seen: set[str] = field(default_factory=set)

    def matches(self, obj: Obj) -> bool:
        """Whether the object is in this watch's selection."""
        meta = obj.get("metadata") or {}
        if self.namespace is not None and meta.get("namespace") != self.namespace:
            return False
        return labels_match(self.labels, obj) and fields_match(self.fields, obj)

    def offer(self, event: str, obj: Obj) -> None:
        """Queue what the client should see of this change, if anything."""
        uid = obj["metadata"].get("uid", "")
        was, now = uid in self.seen, event != "DELETED" and self.matches(obj)
        if now:
            self.seen.add(uid)
            self.queue.put_nowait(("MODIFIED" if was else "ADDED", obj))
        elif was:
            self.seen.discard(uid)
            self.queue.put_nowait(("DELETED", obj))


class Watchers:
    """The open watches, fed by the store's listener."""

    def __init__(self, store: Store) -> None:
        self._watches: set[Watch] = set()
        store.add_listener(self._on_change)

    def open(self, watch: Watch) -> Callable[[], None]:
        """Start delivering changes to `watch`; returns the function that stops it."""
        self._watches.add(watch)
        return lambda: self._watches.discard(watch)

    def _on_change(self, event: str, kind: Kind, obj: Obj) -> None:
        for watch in list(self._watches):
            if watch.kind == kind:
                watch.offer(event, obj)


def bookmark(kind: Kind, resource_version: int) -> Obj:
    """A BOOKMARK event's object: only apiVersion, kind and the resourceVersion."""
    return {"kind": kind.kind, "apiVersion": kind.api_version,
            "metadata": {"resourceVersion": str(resource_version)}}

