"""Label and field selectors, parsed and matched as the API server does for list and watch."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sandbox.emulator.errors import bad_request
from sandbox.emulator.kinds import Kind

_REQUIREMENT = re.compile(
    r"^\s*(?P<neg>!)?\s*(?P<key>[A-Za-z0-9_./-]+)\s*"
    r"(?:(?P<op>==|!=|=|\s+in\s+|\s+notin\s+)\s*(?P<value>.*?))?\s*$"
)


@dataclass(frozen=True)
class Requirement:
    """One clause of a label selector: key, operator and values."""

    key: str
    operator: str  # "=", "!=", "in", "notin", "exists", "!"
    values: tuple[str, ...] = ()

    def matches(self, labels: dict[str, str]) -> bool:
        """Whether a label map satisfies this clause."""
        if self.operator == "exists":
            return self.key in labels
        if self.operator == "!":
            return self.key not in labels
        if self.operator in ("=", "in"):
            return labels.get(self.key) in self.values
        return labels.get(self.key) not in self.values


def _split_top_level(text: str) -> list[str]:
    """Split on commas that are not inside parentheses."""
    parts, depth, current = [], 0, ""
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p for p in parts if p.strip()]


def parse_label_selector(text: str) -> list[Requirement]:
    """Parse `app=web,tier in (a,b),!canary`; raises 400 BadRequest on bad syntax."""
    requirements = []
    for clause in _split_top_level(text):
        found = _REQUIREMENT.match(clause)
        if found is None:
            raise bad_request(f"unable to parse requirement: {clause.strip()}")
        key, op, value = found["key"], (found["op"] or "").strip(), found["value"]
        if found["neg"]:
            if op:
                raise bad_request(f"unable to parse requirement: {clause.strip()}")
            requirements.append(Requirement(key, "!"))
        elif not op:
            requirements.append(Requirement(key, "exists"))
        elif op in ("in", "notin"):
            inner = (value or "").strip()
            if not (inner.startswith("(") and inner.endswith(")")):
                raise bad_request(f"unable to parse requirement: found '{inner}', expected: '('")
            values = tuple(v.strip() for v in inner[1:-1].split(",") if v.strip())
            requirements.append(Requirement(key, op, values))
        else:
            requirements.append(Requirement(key, "!=" if op == "!=" else "=", (value or "",)))
    return requirements


def selector_from_match_labels(selector: dict[str, Any] | None) -> list[Requirement]:
    """The requirements of a metav1.LabelSelector (matchLabels and matchExpressions)."""
    if not selector:
        return []
    reqs = [Requirement(k, "=", (v,)) for k, v in (selector.get("matchLabels") or {}).items()]
    names = {"In": "in", "NotIn": "notin", "Exists": "exists", "DoesNotExist": "!"}
    for expr in selector.get("matchExpressions") or []:
        reqs.append(Requirement(expr["key"], names[expr["operator"]],
                                tuple(expr.get("values") or ())))
    return reqs


def labels_match(requirements: list[Requirement], obj: dict[str, Any]) -> bool:
    """Whether an object's labels satisfy every requirement."""
    labels = obj.get("metadata", {}).get("labels") or {}
    return all(r.matches(labels) for r in requirements)


def _path(*keys: str) -> Callable[[dict[str, Any]], str]:
    def read(obj: dict[str, Any]) -> str:
        value: Any = obj
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, bool):
            return "true" if value else "false"
        return "" if value is None else str(value)
    return read


_COMMON = {"metadata.name": _path("metadata", "name"),
           "metadata.namespace": _path("metadata", "namespace")}
_FIELDS: dict[str, dict[str, Callable[[dict[str, Any]], str]]] = {
    "pods": {
        "spec.nodeName": _path("spec", "nodeName"),
        "spec.restartPolicy": _path("spec", "restartPolicy"),
        "spec.schedulerName": _path("spec", "schedulerName"),
        "spec.serviceAccountName": _path("spec", "serviceAccountName"),
        "spec.hostNetwork": _path("spec", "hostNetwork"),
        "status.phase": _path("status", "phase"),
        "status.podIP": _path("status", "podIP"),
        "status.nominatedNodeName": _path("status", "nominatedNodeName"),
    },
    "events": {
        **{f"involvedObject.{f}": _path("involvedObject", f) for f in (
            "kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath")},
        "reason": _path("reason"), "reportingComponent": _path("reportingComponent"),
        "source": _path("source", "component"), "type": _path("type"),
    },
    "namespaces": {"status.phase": _path("status", "phase")},
    "nodes": {"spec.unschedulable": _path("spec", "unschedulable")},
    "replicasets.apps": {"status.replicas": _path("status", "replicas")},
    "secrets": {"type": _path("type")},
}


@dataclass(frozen=True)
class FieldRequirement:
    """One clause of a field selector."""

    read: Callable[[dict[str, Any]], str]
    equal: bool
    value: str


def parse_field_selector(kind: Kind, text: str, labels: str = "") -> list[FieldRequirement]:
    """Parse `metadata.name=x,status.phase!=Running` for `kind`; 400 on unknown fields."""
    known = {**_COMMON, **_FIELDS.get(kind.qualified, {})}
    requirements = []
    for clause in (c for c in text.split(",") if c.strip()):
        found = re.match(r"^\s*([A-Za-z0-9_.]+)\s*(==|!=|=)\s*(.*?)\s*$", clause)
        if found is None:
            raise bad_request(f"invalid selector: '{text}'; can't understand '{clause}'")
        field, op, value = found.groups()
        if field not in known:
            raise bad_request(
                f'Unable to find "{kind.group}/{kind.version}, Resource={kind.plural}" that match '
                f'label selector "{labels}", field selector "{text}": '
                f"field label not supported: {field}"
            )
        requirements.append(FieldRequirement(known[field], op != "!=", value))
    return requirements


def fields_match(requirements: list[FieldRequirement], obj: dict[str, Any]) -> bool:
    """Whether an object satisfies every field requirement."""
    return all((r.read(obj) == r.value) == r.equal for r in requirements)
