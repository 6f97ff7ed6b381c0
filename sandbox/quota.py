"""The object limit: at most `Limits.max_objects` objects of a learner's own making.

The caller lists the namespace's objects (one list per kind) and asks before
creating more. Objects the cluster makes by itself do not count: those with
an owner (a Deployment's ReplicaSets and their Pods, a Service's Endpoints)
and those every namespace gets (the `kube-root-ca.crt` ConfigMap, the
`default` ServiceAccount), so a learner is limited by what they typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sandbox.limits import DEFAULT_LIMITS, Limits
from sandbox.refusals import CommandRefused

_CLUSTER_MADE = frozenset({"kube-root-ca.crt", "default"})


def count_objects(namespaced_lists: Iterable[object]) -> int:
    """How many of the listed objects the learner made.

    Args:
        namespaced_lists: lists of objects in the learner's namespace, each either a
            sequence of objects or a list response (a mapping with "items", or an
            object with an `items` attribute, as the official client returns);
            objects may be mappings or the client's model objects.
    """
    return sum(
        1 for listed in namespaced_lists for item in _items(listed) if _made_by_learner(item)
    )


def check_room(current: int, adding: int = 1, *, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a create that would take the learner past the object limit.

    Raises:
        CommandRefused: "object_limit", with the counts and the limit.
    """
    if adding > 0 and current + adding > limits.max_objects:
        raise CommandRefused(
            "object_limit", current=current, adding=adding, limit=limits.max_objects
        )


def _items(listed: object) -> Iterable[Any]:
    if isinstance(listed, Mapping):
        items = listed.get("items")
        return items if isinstance(items, list) else ()
    items = getattr(listed, "items", None)
    if isinstance(items, list):
        return items
    return listed if isinstance(listed, list | tuple) else ()


def _made_by_learner(item: object) -> bool:
    if isinstance(item, Mapping):
        metadata = item.get("metadata")
    else:
        metadata = getattr(item, "metadata", None)
    if metadata is None:
        return True
    if isinstance(metadata, Mapping):
        owners, name = metadata.get("ownerReferences"), metadata.get("name")
    else:
        owners, name = getattr(metadata, "owner_references", None), getattr(metadata, "name", None)
    return not owners and name not in _CLUSTER_MADE
