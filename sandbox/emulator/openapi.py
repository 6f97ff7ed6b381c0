"""The /openapi/v2 and /openapi/v3 documents for the served kinds.

kubectl reads them to decide whether the server validates fields itself (it looks for a
`fieldValidation` parameter on each kind's PATCH operation, found by its
x-kubernetes-group-version-kind) and to print `kubectl explain`.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Any

from sandbox.emulator import openapi_schemas
from sandbox.emulator.kinds import KINDS, Kind, groups

Obj = dict[str, Any]
_INFO = {"title": "Kubernetes", "version": "v1.32.0"}
# (action, HTTP method, on one object?, operation id verb)
_OPERATIONS = (("list", "get", False, "list"), ("post", "post", False, "create"),
               ("get", "get", True, "read"), ("put", "put", True, "replace"),
               ("patch", "patch", True, "patch"), ("delete", "delete", True, "delete"))
_WRITES = frozenset({"post", "put", "patch"})
_PARAM_DOCS = {
    "dryRun": "When present, indicates that modifications should not be persisted.",
    "fieldManager": "fieldManager is a name associated with the actor or entity that is "
                    "making these changes.",
    "fieldValidation": "fieldValidation instructs the server on how to handle objects in the "
                       "request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid "
                       "values are: - Ignore - Warn - Strict",
    "pretty": "If 'true', then the output is pretty printed.",
}


def group_version_path(group: str) -> str:
    """The key a group-version has in the /openapi/v3 index, e.g. "apis/apps/v1"."""
    return f"apis/{group}/v1" if group else "api/v1"


def _query(name: str, v3: bool) -> Obj:
    if v3:
        return {"name": name, "in": "query", "description": _PARAM_DOCS[name],
                "schema": {"type": "string", "uniqueItems": True}}
    return {"name": name, "in": "query", "description": _PARAM_DOCS[name], "type": "string",
            "uniqueItems": True}


def _operation(kind: Kind, action: str, op_verb: str, v3: bool) -> Obj:
    definition = openapi_schemas.definition_by_gvk(kind.group, kind.version, kind.kind)
    assert definition is not None
    scope = "Namespaced" if kind.namespaced else ""
    parameters = [_query("pretty", v3)]
    if action in _WRITES:
        parameters += [_query(p, v3) for p in ("dryRun", "fieldManager", "fieldValidation")]
    ref = (f"#/components/schemas/{definition.full_name}" if v3
           else f"#/definitions/{definition.full_name}")
    response: Obj = ({"description": "OK", "content": {"application/json": {"schema": {
        "$ref": ref}}}} if v3 else {"description": "OK", "schema": {"$ref": ref}})
    return {
        "tags": [f"{kind.group.split('.')[0] or 'core'}_{kind.version}"],
        "operationId": f"{op_verb}{scope}{kind.kind}" if action != "list" else
        f"list{scope}{kind.kind}",
        "parameters": parameters,
        "responses": {"200": response},
        "x-kubernetes-action": action,
        "x-kubernetes-group-version-kind": {"group": kind.group, "version": kind.version,
                                            "kind": kind.kind},
    }


def _paths(group: str, v3: bool) -> Obj:
    paths: Obj = {}
    prefix = f"/{group_version_path(group)}"
    for kind in (k for k in KINDS if k.group == group):
        base = (f"{prefix}/namespaces/{{namespace}}/{kind.plural}" if kind.namespaced
                else f"{prefix}/{kind.plural}")
        for action, method, single, op_verb in _OPERATIONS:
            if (action if action in ("list", "get", "patch", "delete") else
                    {"post": "create", "put": "update"}[action]) not in kind.verbs:
                continue
            path = f"{base}/{{name}}" if single else base
            paths.setdefault(path, {})[method] = _operation(kind, action, op_verb, v3)
    return paths


def _roots(group: str | None) -> tuple[str, ...]:
    return tuple(k.kind for k in KINDS if group is None or k.group == group)


@cache
def v3_document(group: str) -> bytes:
    """The OpenAPI 3.0 document of one group-version, as JSON bytes."""
    names = openapi_schemas.closure((*_roots(group), *(("Scale",) if group == "apps" else ())))
    return json.dumps({
        "openapi": "3.0.0", "info": _INFO, "paths": _paths(group, True),
        "components": {"schemas": openapi_schemas.schemas(names, True)},
    }, separators=(",", ":")).encode()


@cache
def v3_index() -> bytes:
    """The /openapi/v3 index: each group-version's path with its document's hash."""
    paths = {}
    for group in groups():
        digest = hashlib.sha512(v3_document(group)).hexdigest().upper()
        paths[group_version_path(group)] = {
            "serverRelativeURL": f"/openapi/v3/{group_version_path(group)}?hash={digest}"}
    return json.dumps({"paths": paths}, separators=(",", ":")).encode()


def v3_group(path: str) -> str | None:
    """The group whose document /openapi/v3/<path> is, or None."""
    return next((g for g in groups() if group_version_path(g) == path), None)


@cache
def v2_spec() -> Obj:
    """The whole OpenAPI 2.0 (Swagger) document."""
    paths: Obj = {}
    for group in groups():
        paths.update(_paths(group, False))
    names = openapi_schemas.closure((*_roots(None), "Scale"))
    return {"swagger": "2.0", "info": _INFO, "paths": paths,
            "definitions": openapi_schemas.schemas(names, False)}


@cache
def v2_json() -> bytes:
    """The OpenAPI 2.0 document as JSON bytes."""
    return json.dumps(v2_spec(), separators=(",", ":")).encode()
