"""OpenAPI schema objects (v2 "definitions" and v3 "components.schemas") rendered from the
compact field descriptions, in the shapes kube-openapi gives the real API server's."""

from __future__ import annotations

from functools import cache
from typing import Any

from sandbox.emulator import api_types_apps, api_types_core, api_types_pod
from sandbox.emulator.api_schema import NAMED_SCALARS, V3_ONE_OF, Definition, Field, element

Obj = dict[str, Any]

DEFINITIONS: tuple[Definition, ...] = (
    api_types_pod.DEFINITIONS + api_types_core.DEFINITIONS + api_types_apps.DEFINITIONS)
BY_NAME: dict[str, Definition] = {d.name: d for d in DEFINITIONS}
_SCALARS: dict[str, Obj] = {
    "string": {"type": "string"},
    "integer": {"type": "integer", "format": "int32"},
    "int64": {"type": "integer", "format": "int64"},
    "number": {"type": "number", "format": "double"},
    "boolean": {"type": "boolean"},
    "bytes": {"type": "string", "format": "byte"},
    "object": {"type": "object"},
}


def definition_by_gvk(group: str, version: str, kind: str) -> Definition | None:
    """The top-level definition of a served kind."""
    return next((d for d in DEFINITIONS if d.gvk == (group, version, kind)), None)


def _ref(name: str, v3: bool) -> str:
    full = NAMED_SCALARS[name][0] if name in NAMED_SCALARS else BY_NAME[name].full_name
    return f"#/components/schemas/{full}" if v3 else f"#/definitions/{full}"


def _element(type_: str, v3: bool) -> Obj:
    """The schema of an array item or map value."""
    if type_ in _SCALARS:
        schema = dict(_SCALARS[type_])
        if v3 and type_ == "string":
            schema["default"] = ""
        return schema
    if v3 and type_ not in NAMED_SCALARS:
        return {"allOf": [{"$ref": _ref(type_, v3)}], "default": {}}
    return {"$ref": _ref(type_, v3)}


def property_schema(field: Field, v3: bool) -> Obj:
    """One property of a definition, with its description and patch directives."""
    shape, inner = element(field.type)
    schema: Obj
    if shape == "array":
        schema = {"type": "array", "items": _element(inner, v3)}
    elif shape == "map":
        schema = {"type": "object", "additionalProperties": _element(inner, v3)}
    elif inner in _SCALARS:
        schema = dict(_SCALARS[inner])
    elif v3:
        schema = {"allOf": [{"$ref": _ref(inner, v3)}]}
        if inner not in NAMED_SCALARS:
            schema["default"] = {}
    else:
        schema = {"$ref": _ref(inner, v3)}
    schema["description"] = field.doc
    if field.merge_key:
        schema["x-kubernetes-patch-merge-key"] = field.merge_key
    if field.merge_key or field.strategy:
        schema["x-kubernetes-patch-strategy"] = field.strategy or "merge"
    return schema


def definition_schema(definition: Definition, v3: bool) -> Obj:
    """A whole definition as an object schema."""
    schema: Obj = {
        "description": definition.doc,
        "properties": {f.name: property_schema(f, v3) for f in definition.fields},
        "type": "object",
    }
    required = [f.name for f in definition.fields if f.required]
    if required:
        schema["required"] = required
    if definition.gvk is not None:
        group, version, kind = definition.gvk
        schema["x-kubernetes-group-version-kind"] = [
            {"group": group, "kind": kind, "version": version}]
    return schema


def _referenced(definition: Definition) -> list[str]:
    names = []
    for field in definition.fields:
        inner = element(field.type)[1]
        if inner not in _SCALARS:
            names.append(inner)
    return names


@cache
def closure(roots: tuple[str, ...]) -> tuple[str, ...]:
    """The short names of `roots` and every definition or named scalar they reach."""
    seen: list[str] = []
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.append(name)
        if name in BY_NAME:
            todo += _referenced(BY_NAME[name])
    return tuple(sorted(seen))


def schemas(names: tuple[str, ...], v3: bool) -> Obj:
    """{full name: schema} for the given short names."""
    out: Obj = {}
    for name in names:
        if name in NAMED_SCALARS:
            full, shape, doc = NAMED_SCALARS[name]
            out[full] = {"description": doc, **(V3_ONE_OF.get(name, shape) if v3 else shape)}
        else:
            out[BY_NAME[name].full_name] = definition_schema(BY_NAME[name], v3)
    return dict(sorted(out.items()))
