"""`kubectl explain`: a kind's or field's documentation from the cluster's OpenAPI v3.

The schema of the kind's group-version is fetched from /openapi/v3, the field path is
followed through `$ref`s, and the result is printed in kubectl's plaintext layout. Where
the cluster serves no schema (the simulated cluster), the course glossary answers.
"""

from __future__ import annotations

import textwrap
from typing import Any

from sandbox.commandline import ResourceType
from sandbox.explain_glossary import GLOSSARY, Entry
from sandbox.kubeapi import Api, ApiError, Obj

_WIDTH = 80
_SCALARS = {"string", "integer", "boolean", "number"}


async def explain_text(api: Api, resource: ResourceType, path: list[str]) -> tuple[str, bool]:
    """The explanation of `resource` (or of its field at `path`), and whether it was found."""
    entry = await _from_openapi(api, resource, path)
    if entry is None:
        entry = _from_glossary(resource.kind, path)
    if entry is None:
        shown = ".".join([resource.singular, *path])
        return f'error: field "{path[-1] if path else shown}" does not exist\n', False
    return _render(resource, path, entry), True


def _from_glossary(kind: str, path: list[str]) -> Entry | None:
    if kind in ("Deployment", "ReplicaSet") and path[:3] == ["spec", "template", "spec"]:
        kind, path = "Pod", ["spec", *path[3:]]
    return GLOSSARY.get((kind, *path))


async def _from_openapi(api: Api, resource: ResourceType, path: list[str]) -> Entry | None:
    group_version = f"apis/{resource.group}/{resource.version}" if resource.group else \
        f"api/{resource.version}"
    try:
        index = await api.get("/openapi/v3")
        ref = ((index.get("paths") or {}).get(group_version) or {}).get("serverRelativeURL")
        if not ref:
            return None
        document = await api.get(str(ref))
    except ApiError:
        return None
    schemas: dict[str, Obj] = (document.get("components") or {}).get("schemas") or {}
    schema = next((s for s in schemas.values() if any(
        g.get("kind") == resource.kind and g.get("group", "") == resource.group
        for g in s.get("x-kubernetes-group-version-kind") or [])), None)
    if schema is None:
        return None
    type_name = "<Object>"
    description = str(schema.get("description", ""))
    for name in path:
        field = (schema.get("properties") or {}).get(name)
        if field is None:
            return None
        description = str(field.get("description", ""))
        type_name, schema = _resolve(field, schemas)
    fields = tuple(
        (name, _resolve(prop, schemas)[0] + (" -required-" if name in
                                             (schema.get("required") or []) else ""),
         str(prop.get("description", "")))
        for name, prop in sorted((schema.get("properties") or {}).items()))
    return Entry(type_name, description, fields)


def _resolve(field: Obj, schemas: dict[str, Obj]) -> tuple[str, Obj]:
    """The field's type as explain names it, and the schema its sub-fields come from."""
    ref = _ref(field)
    if ref:
        return f"<{ref.rsplit('.', 1)[-1]}>", schemas.get(ref, {})
    kind = field.get("type")
    if kind == "array":
        inner, schema = _resolve(field.get("items") or {}, schemas)
        return f"<[]{inner[1:-1]}>", schema
    if kind == "object" and "additionalProperties" in field:
        inner, _ = _resolve(field["additionalProperties"], schemas)
        return f"<map[string]{inner[1:-1]}>", {}
    return (f"<{kind}>" if kind in _SCALARS else "<Object>"), field


def _ref(field: Obj) -> str:
    for candidate in [field, *(field.get("allOf") or [])]:
        ref = candidate.get("$ref")
        if isinstance(ref, str):
            return ref.rsplit("/", 1)[-1]
    return ""


def _render(resource: ResourceType, path: list[str], entry: Entry) -> str:
    lines: list[str] = []
    if resource.group:
        lines.append(f"GROUP:      {resource.group}")
    lines += [f"KIND:       {resource.kind}", f"VERSION:    {resource.version}", ""]
    if path:
        lines += [f"FIELD: {path[-1]} {entry.type}", "", ""]
    lines += ["DESCRIPTION:", *_wrapped(entry.description, 4), "    "]
    if entry.fields:
        lines.append("FIELDS:")
        for name, type_name, description in entry.fields:
            lines.append(f"  {name}\t{type_name}")
            lines += [*_wrapped(description, 4), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _wrapped(text: Any, indent: int) -> list[str]:
    prefix = " " * indent
    wrapped: list[str] = []
    for paragraph in str(text).split("\n"):
        wrapped += textwrap.wrap(paragraph, _WIDTH - indent, break_long_words=False,
                                 break_on_hyphens=False) or [""]
    return [prefix + line if line else prefix for line in wrapped]
