"""Manifests sent with `kubectl apply -f -` / `create -f -`: read safely, then judged.

`load_manifests` turns the YAML of a message into objects (or refuses it:
too large, too many documents, too deep, anchors, duplicate keys, broken
YAML, a document that is not an object). `check_manifest` judges one object:
its kind, its name and labels, its namespace, its replicas and every pod spec
inside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sandbox.allowed_kinds import WRITABLE_KINDS, is_cluster_scoped, kind_category
from sandbox.limits import DEFAULT_LIMITS, Limits
from sandbox.object_names import NameRule, check_label, check_name
from sandbox.pod_specs import check_object
from sandbox.refusals import CommandRefused
from sandbox.yaml_loader import load_documents

_NAME_RULES: dict[str, NameRule] = {"Service": "dns1035_label", "Namespace": "dns1123_label"}


def load_manifests(text: str, *, limits: Limits = DEFAULT_LIMITS) -> list[dict[str, Any]]:
    """The objects in `text`, one per non-empty YAML document, each with apiVersion and kind.

    Raises:
        CommandRefused: for YAML the sandbox will not read (see `sandbox.yaml_loader`),
            "not_a_mapping" for a document that is not an object, and "missing_field"
            for one without apiVersion, kind or metadata.name.
    """
    objects: list[dict[str, Any]] = []
    for number, document in enumerate(load_documents(text, limits), start=1):
        if not isinstance(document, dict):
            raise CommandRefused("not_a_mapping", document=number, found=_described(document))
        for field in ("apiVersion", "kind"):
            if not isinstance(document.get(field), str) or not document[field]:
                raise CommandRefused("missing_field", document=number, field=field)
        metadata = document.get("metadata")
        if not isinstance(metadata, dict) or not isinstance(metadata.get("name"), str):
            raise CommandRefused("missing_field", document=number, field="metadata.name")
        objects.append(document)
    return objects


def check_manifest(
    obj: Mapping[str, Any],
    *,
    namespace: str,
    image_denylist: Sequence[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> None:
    """Refuse an object (from `load_manifests`) the learner may not create or change.

    Args:
        obj: one object, with apiVersion, kind and metadata.name.
        namespace: the learner's namespace; metadata.namespace may only name it.
        image_denylist: refused images; `limits.image_denylist` when None.
        limits: the sandbox's limits.

    Raises:
        CommandRefused: "invalid_name", "invalid_label", "manifest_namespace", "replicas",
            "pod_field", "image_denied", "invalid_image" or "forbidden_kind".
    """
    if image_denylist is not None:
        limits = Limits(**{**vars(limits), "image_denylist": tuple(image_denylist)})
    kind = str(obj.get("kind", ""))
    metadata = obj.get("metadata")
    metadata = metadata if isinstance(metadata, Mapping) else {}
    name = str(metadata.get("name", ""))
    check_name(name, kind, _NAME_RULES.get(kind, "dns1123_subdomain"))
    requested = metadata.get("namespace")
    if requested not in (None, "", namespace) and not is_cluster_scoped(kind):
        raise CommandRefused(
            "manifest_namespace", kind=kind, name=name, requested=requested, namespace=namespace
        )
    _check_labels(metadata)
    check_object(obj, kind=kind, name=name, limits=limits)
    if kind not in WRITABLE_KINDS:
        raise CommandRefused("forbidden_kind", kind=kind, category=kind_category(kind))


def _check_labels(metadata: Mapping[str, Any]) -> None:
    for field, annotation in (("labels", False), ("annotations", True)):
        entries = metadata.get(field)
        if not isinstance(entries, Mapping):
            continue
        for key, value in entries.items():
            check_label(str(key), value if isinstance(value, str) else str(value),
                        annotation=annotation)


def _described(document: object) -> str:
    if isinstance(document, list):
        return "a list"
    if isinstance(document, str):
        return "text"
    return "a single value"
