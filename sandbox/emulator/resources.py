"""The REST semantics of one resource request (create, update, patch, delete, scale), apart
from HTTP: system fields, defaulting, validation, admission, deletion and finalizers."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import datetime
from typing import Any

import yaml

from sandbox.emulator.clock import Clock
from sandbox.emulator.defaults import apply_defaults
from sandbox.emulator.errors import StatusError, as_details, bad_request, not_found
from sandbox.emulator.field_validation import FieldValidation
from sandbox.emulator.kinds import KINDS, Kind, kind_by_plural
from sandbox.emulator.patching import json_patch, merge_patch, strategic_merge_patch
from sandbox.emulator.protobuf import decode_protobuf
from sandbox.emulator.seed import ensure_default_service_account
from sandbox.emulator.store import Store, copy_object
from sandbox.emulator.validation import validate

Obj = dict[str, Any]
Admit = Callable[[Store, Kind, Obj, Obj | None, datetime], Obj]

_SAFE = "bcdfghjklmnpqrstvwxz2456789"
_RETURNS_OBJECT = frozenset({"pods", "services", "namespaces"})
_SYSTEM_FIELDS = ("uid", "creationTimestamp", "deletionTimestamp", "generation",
                  "resourceVersion", "managedFields", "selfLink")


def decode(body: bytes, content_type: str = "application/json") -> Any:
    """Parse a request body as JSON (YAML for apply patches, protobuf from kubectl create)."""
    if "protobuf" in content_type:
        return decode_protobuf(body)
    try:
        if "yaml" in content_type:
            return yaml.safe_load(body.decode())
        return json.loads(body or b"{}")
    except (ValueError, yaml.YAMLError) as exc:
        raise bad_request(f"couldn't get version/kind; json parse error: {exc}") from exc


def status_success(kind: Kind, obj: Obj) -> Obj:
    """The Status a delete returns once an object is gone (for kinds that do not echo it)."""
    return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success",
            "details": as_details(obj, kind)}


def selector_string(selector: Obj | None) -> str:
    """A LabelSelector in the string form Scale.status.selector uses."""
    labels = (selector or {}).get("matchLabels") or {}
    return ",".join(f"{k}={v}" for k, v in sorted(labels.items()))


class Resources:
    """Writes as the API server's registry performs them, after which `after_write` runs."""

    def __init__(self, store: Store, clock: Clock, admit: Admit,
                 after_write: Callable[[], None]) -> None:
        self.store, self.clock, self._admit, self._after_write = store, clock, admit, after_write
        self._foreground: set[tuple[str, str, str]] = set()

    def get(self, kind: Kind, namespace: str | None, name: str) -> Obj:
        """The object, or 404."""
        found = self.store.get(kind, namespace, name)
        if found is None:
            raise not_found(kind, name)
        return found

    def create(self, kind: Kind, namespace: str | None, body: Obj, *, dry_run: bool,
               fields: FieldValidation | None = None) -> Obj:
        """POST: fill names and system fields, default, validate, admit, store."""
        self._check_type(kind, body)
        (fields or FieldValidation("Ignore")).check(kind, body, decoding=True)
        meta = body.setdefault("metadata", {})
        if kind.namespaced:
            if meta.get("namespace") and meta["namespace"] != namespace:
                raise bad_request("the namespace of the provided object does not match the "
                                  "namespace sent on the request")
            meta["namespace"] = namespace
        else:
            meta.pop("namespace", None)
        for field in _SYSTEM_FIELDS:
            meta.pop(field, None)
        if not meta.get("name") and meta.get("generateName"):
            meta["name"] = meta["generateName"] + "".join(random.choices(_SAFE, k=5))
        if "status" in kind.subresources:
            body.pop("status", None)
        apply_defaults(kind, body)
        validate(kind, body)
        body = self._admit(self.store, kind, body, None, self.clock.now())
        if dry_run:
            return self._dry_run_view(kind, body)
        created = self.store.create(kind, body)
        if kind.plural == "namespaces":
            ensure_default_service_account(self.store, created["metadata"]["name"])
        self._after_write()
        return self._fresh(kind, created)

    def update(self, kind: Kind, namespace: str | None, name: str, body: Obj, *,
               subresource: str = "", dry_run: bool = False,
               fields: FieldValidation | None = None) -> Obj:
        """PUT: replace the object (or only its status through the status subresource)."""
        self._check_type(kind, body)
        (fields or FieldValidation("Ignore")).check(kind, body, decoding=True)
        old = self.get(kind, namespace, name)
        meta = body.setdefault("metadata", {})
        if meta.get("name", name) != name:
            raise bad_request(f"the name of the object ({meta['name']}) does not match the name "
                              f"on the URL ({name})")
        meta["name"] = name
        if kind.namespaced:
            meta["namespace"] = namespace
        if subresource == "status":
            status = body.get("status")
            body = copy_object(old)
            body["status"] = status
            body["metadata"]["resourceVersion"] = meta.get("resourceVersion")
        elif "status" in kind.subresources and "status" in old:
            body["status"] = old["status"]
        apply_defaults(kind, body)
        validate(kind, body, old)
        body = self._admit(self.store, kind, body, old, self.clock.now())
        if dry_run:
            return body
        updated = self.store.update(kind, body)
        meta = updated["metadata"]
        if "deletionTimestamp" in meta and not meta.get("finalizers"):
            self.store.delete(kind, namespace, name)
        self._after_write()
        return self._fresh(kind, updated)

    def patch(self, kind: Kind, namespace: str | None, name: str, content_type: str,
              raw: bytes, *, subresource: str = "", dry_run: bool = False,
              fields: FieldValidation | None = None) -> Obj:
        """PATCH in any of the four patch formats (apply patches merge like strategic ones)."""
        patch = decode(raw, content_type)
        if "apply-patch" in content_type and self.store.get(kind, namespace, name) is None:
            return self.create(kind, namespace, patch, dry_run=dry_run, fields=fields)
        old = self.get(kind, namespace, name)
        if subresource == "scale":
            return self.update_scale(kind, namespace, name,
                                     _apply(content_type, self.scale(kind, namespace, name),
                                            patch), dry_run=dry_run)
        patched = _apply(content_type, old, patch)
        if not isinstance(patched, dict):
            raise bad_request("the patch did not produce an object")
        (fields or FieldValidation("Ignore")).check(kind, patched, decoding=False)
        patched.setdefault("metadata", {})["resourceVersion"] = (
            (patch.get("metadata") or {}).get("resourceVersion") if isinstance(patch, dict)
            else None) or old["metadata"]["resourceVersion"]
        return self.update(kind, namespace, name, patched, subresource=subresource,
                           dry_run=dry_run)

    def scale(self, kind: Kind, namespace: str | None, name: str) -> Obj:
        """GET .../scale: the autoscaling/v1 Scale view of a Deployment or ReplicaSet."""
        obj = self.get(kind, namespace, name)
        meta = obj["metadata"]
        return {
            "kind": "Scale", "apiVersion": "autoscaling/v1",
            "metadata": {k: meta[k] for k in ("name", "namespace", "uid", "resourceVersion",
                                              "creationTimestamp") if k in meta},
            "spec": {"replicas": obj["spec"].get("replicas", 1)},
            "status": {"replicas": (obj.get("status") or {}).get("replicas", 0),
                       "selector": selector_string(obj["spec"].get("selector"))},
        }

    def update_scale(self, kind: Kind, namespace: str | None, name: str, scale: Obj, *,
                     dry_run: bool = False) -> Obj:
        """PUT .../scale: set spec.replicas through the Scale view."""
        obj = self.get(kind, namespace, name)
        replicas = (scale.get("spec") or {}).get("replicas", 0)
        sent_rv = (scale.get("metadata") or {}).get("resourceVersion")
        obj["spec"]["replicas"] = replicas
        if sent_rv:
            obj["metadata"]["resourceVersion"] = sent_rv
        if not dry_run:
            self.update(kind, namespace, name, obj)
        view = self.scale(kind, namespace, name)
        view["spec"]["replicas"] = replicas
        return view

    def delete(self, kind: Kind, namespace: str | None, name: str, options: Obj, *,
               dry_run: bool = False) -> Obj:
        """DELETE with graceful pod termination, finalizers and the three propagation
        policies; returns the object or a Success Status as the real registry does."""
        obj = self.get(kind, namespace, name)
        policy = options.get("propagationPolicy") or (
            "Orphan" if options.get("orphanDependents") else "Background")
        if dry_run:
            return obj if kind.plural in _RETURNS_OBJECT else status_success(kind, obj)
        meta = obj["metadata"]
        if policy == "Orphan":
            self._orphan(meta["uid"], namespace)
        graceful = kind.plural == "pods" and obj["spec"].get("nodeName") and \
            options.get("gracePeriodSeconds", 1) != 0
        if policy == "Foreground" and self._dependents(meta["uid"], namespace):
            meta.setdefault("finalizers", []).append("foregroundDeletion")
            self.store.update(kind, obj)
            self._foreground.add((kind.qualified, namespace or "", name))
        if kind.plural == "namespaces":
            obj.setdefault("status", {})["phase"] = "Terminating"
            self.store.update(kind, obj)
        if graceful:
            grace = options.get("gracePeriodSeconds",
                                obj["spec"].get("terminationGracePeriodSeconds", 30))
            obj["metadata"]["deletionGracePeriodSeconds"] = grace
            self.store.update(kind, obj)
        current = self.store.get(kind, namespace, name) or obj
        if graceful or kind.plural == "namespaces" or current["metadata"].get("finalizers"):
            result = self.store.mark_deleting(kind, namespace, name)
            if policy == "Foreground":
                self._cascade(result["metadata"]["uid"], namespace)
            self._after_write()
            return result
        deleted = self.store.delete(kind, namespace, name)
        self._after_write()
        return deleted if kind.plural in _RETURNS_OBJECT else status_success(kind, deleted)

    def finish_foreground(self) -> None:
        """Remove owners deleted in the foreground once their dependents are gone."""
        for qualified, namespace, name in list(self._foreground):
            kind = next(k for k in KINDS if k.qualified == qualified)
            obj = self.store.get(kind, namespace or None, name)
            if obj is None:
                self._foreground.discard((qualified, namespace, name))
            elif not self._dependents(obj["metadata"]["uid"], namespace or None):
                obj["metadata"]["finalizers"] = [
                    f for f in obj["metadata"].get("finalizers") or [] if f != "foregroundDeletion"]
                self._foreground.discard((qualified, namespace, name))
                self.update(kind, namespace or None, name, obj)

    def _dependents(self, uid: str, namespace: str | None) -> list[tuple[Kind, Obj]]:
        found = []
        for kind in (k for k in KINDS if k.namespaced):
            for obj in self.store.list(kind, namespace):
                refs = obj["metadata"].get("ownerReferences") or []
                if any(r.get("uid") == uid for r in refs):
                    found.append((kind, obj))
        return found

    def _cascade(self, uid: str, namespace: str | None) -> None:
        for kind, obj in self._dependents(uid, namespace):
            self.delete(kind, namespace, obj["metadata"]["name"],
                        {"propagationPolicy": "Foreground"})

    def _orphan(self, uid: str, namespace: str | None) -> None:
        for kind, obj in self._dependents(uid, namespace):
            obj["metadata"]["ownerReferences"] = [
                r for r in obj["metadata"]["ownerReferences"] if r.get("uid") != uid]
            if not obj["metadata"]["ownerReferences"]:
                del obj["metadata"]["ownerReferences"]
            self.store.update(kind, obj)

    def _check_type(self, kind: Kind, body: Obj) -> None:
        if not isinstance(body, dict):
            raise bad_request("Object 'Kind' is missing in the request body")
        sent_version, sent_kind = body.get("apiVersion"), body.get("kind")
        if sent_version and sent_version != kind.api_version:
            raise bad_request(f"the API version in the data ({sent_version}) does not match the "
                              f"expected API version ({kind.api_version})")
        if sent_kind and sent_kind != kind.kind:
            raise bad_request(f"the kind in the data ({sent_kind}) does not match the expected "
                              f"kind ({kind.kind})")

    def _dry_run_view(self, kind: Kind, body: Obj) -> Obj:
        body["apiVersion"], body["kind"] = kind.api_version, kind.kind
        body["metadata"]["uid"] = "00000000-0000-0000-0000-000000000000"
        body["metadata"]["creationTimestamp"] = self.clock.now().strftime("%Y-%m-%dT%H:%M:%SZ")
        return body

    def _fresh(self, kind: Kind, written: Obj) -> Obj:
        """Services answer with their allocated ClusterIP, which the controllers fill in
        synchronously with the write (the real registry allocates before storing)."""
        if kind.plural != "services":
            return written
        fresh = self.store.get(kind, written["metadata"].get("namespace"),
                               written["metadata"]["name"])
        return fresh if fresh is not None else written


def _apply(content_type: str, target: Any, patch: Any) -> Any:
    if "json-patch" in content_type:
        return json_patch(target, patch)
    if "merge-patch" in content_type and "strategic" not in content_type:
        return merge_patch(target, patch)
    return strategic_merge_patch(target, patch)


def namespaces_kind() -> Kind:
    """The Namespace kind, which several handlers need by hand."""
    kind = kind_by_plural("", "namespaces")
    assert kind is not None
    return kind


__all__ = ["Resources", "StatusError", "decode", "namespaces_kind", "status_success"]
