"""The three patch formats clients send: JSON merge, strategic merge and JSON patch.

Strategic merge needs each list's merge key, which the real server reads from Go struct
tags; the emulator knows them by field name for the lists kubectl and the client patch.
"""

from __future__ import annotations

from typing import Any

from sandbox.emulator.errors import bad_request
from sandbox.emulator.store import copy_object

# Lists merged by a key rather than replaced (patchStrategy "merge" in the Go API types).
_MERGE_KEYS = {
    "containers": "name", "initContainers": "name", "ephemeralContainers": "name",
    "env": "name", "volumes": "name", "volumeMounts": "mountPath",
    "volumeDevices": "devicePath", "imagePullSecrets": "name", "conditions": "type",
    "ownerReferences": "uid", "hostAliases": "ip", "topologySpreadConstraints": "topologyKey",
    "resourceClaims": "name", "readinessGates": "conditionType", "addresses": "type",
}
_PRIMITIVE_MERGE = frozenset({"finalizers"})


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch: maps merge, null deletes, everything else replaces."""
    if not isinstance(patch, dict):
        return copy_object(patch)
    result = copy_object(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def _list_key(field: str, items: list[Any]) -> str | None:
    if field == "ports":
        sample = next((i for i in items if isinstance(i, dict)), {})
        return "containerPort" if "containerPort" in sample else "port"
    return _MERGE_KEYS.get(field)


def strategic_merge_patch(target: Any, patch: Any) -> Any:
    """Strategic merge patch with the directives kubectl sends ($patch, $setElementOrder,
    $retainKeys, $deleteFromPrimitiveList)."""
    if not isinstance(patch, dict):
        return copy_object(patch)
    if patch.get("$patch") == "replace":
        return {k: copy_object(v) for k, v in patch.items() if k != "$patch"}
    result = copy_object(target) if isinstance(target, dict) else {}
    retain = patch.get("$retainKeys")
    for key, value in patch.items():
        if key.startswith("$setElementOrder/") or key in ("$retainKeys", "$patch"):
            continue
        if key.startswith("$deleteFromPrimitiveList/"):
            field = key.split("/", 1)[1]
            result[field] = [v for v in result.get(field) or [] if v not in value]
            continue
        if value is None or (isinstance(value, dict) and value.get("$patch") == "delete"):
            result.pop(key, None)
        elif isinstance(value, list):
            result[key] = _merge_list(key, result.get(key), value)
        else:
            result[key] = strategic_merge_patch(result.get(key), value)
    for key, order in patch.items():
        if key.startswith("$setElementOrder/"):
            field = key.split("/", 1)[1]
            result[field] = _reorder(field, result.get(field) or [], order)
    if isinstance(retain, list):
        result = {k: v for k, v in result.items() if k in retain}
    return result


def _merge_list(field: str, existing: Any, patch: list[Any]) -> list[Any]:
    current: list[Any] = existing if isinstance(existing, list) else []
    if field in _PRIMITIVE_MERGE:
        return current + [v for v in patch if v not in current]
    key = _list_key(field, patch + current)
    if key is None or not all(isinstance(i, dict) for i in patch):
        return [i for i in copy_object(patch) if not (isinstance(i, dict) and "$patch" in i)]
    merged: list[Any] = copy_object(current)
    for item in patch:
        at = next((n for n, c in enumerate(merged) if c.get(key) == item.get(key)), None)
        if item.get("$patch") == "delete":
            if at is not None:
                merged.pop(at)
        elif at is None:
            merged.append({k: v for k, v in copy_object(item).items() if k != "$patch"})
        else:
            merged[at] = strategic_merge_patch(merged[at], item)
    return merged


def _reorder(field: str, items: list[Any], order: list[Any]) -> list[Any]:
    key = _list_key(field, items)
    if key is None:
        return items
    wanted = [o.get(key) if isinstance(o, dict) else o for o in order]
    ranked = sorted(items, key=lambda i: wanted.index(i.get(key)) if i.get(key) in wanted
                    else len(wanted))
    return ranked


def json_patch(target: Any, operations: Any) -> Any:
    """RFC 6902 JSON patch (add, remove, replace, move, copy, test)."""
    if not isinstance(operations, list):
        raise bad_request("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
    doc = copy_object(target)
    for op in operations:
        kind, path = op.get("op"), op.get("path", "")
        if kind in ("add", "replace", "test"):
            value = copy_object(op.get("value"))
        if kind == "add":
            doc = _put(doc, path, value, insert=True)
        elif kind == "replace":
            _get(doc, path)
            doc = _put(doc, path, value, insert=False)
        elif kind == "remove":
            doc = _remove(doc, path)[0]
        elif kind in ("move", "copy"):
            value = copy_object(_get(doc, op.get("from", "")))
            if kind == "move":
                doc = _remove(doc, op.get("from", ""))[0]
            doc = _put(doc, path, value, insert=True)
        elif kind == "test":
            if _get(doc, path) != value:
                raise bad_request(f"testing value {path} failed: test failed")
        else:
            raise bad_request(f"Unexpected kind: {kind}")
    return doc


def _tokens(path: str) -> list[str]:
    if not path:
        return []
    if not path.startswith("/"):
        raise bad_request(f"add operation does not apply: doc is missing path: {path!r}")
    return [t.replace("~1", "/").replace("~0", "~") for t in path[1:].split("/")]


def _missing(path: str) -> Exception:
    return bad_request(f"the server rejected our request due to an error in our request: "
                       f"doc is missing path: {path!r}: missing value")


def _get(doc: Any, path: str) -> Any:
    node = doc
    for token in _tokens(path):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise _missing(path)
    return node


def _put(doc: Any, path: str, value: Any, *, insert: bool) -> Any:
    tokens = _tokens(path)
    if not tokens:
        return value
    parent = _get(doc, "/" + "/".join(t.replace("~", "~0").replace("/", "~1")
                                      for t in tokens[:-1])) if len(tokens) > 1 else doc
    last = tokens[-1]
    if isinstance(parent, dict):
        parent[last] = value
    elif isinstance(parent, list):
        index = len(parent) if last == "-" else int(last) if last.isdigit() else -1
        if not 0 <= index <= len(parent) - (0 if insert else 1):
            raise _missing(path)
        if insert:
            parent.insert(index, value)
        else:
            parent[index] = value
    else:
        raise _missing(path)
    return doc


def _remove(doc: Any, path: str) -> tuple[Any, Any]:
    tokens = _tokens(path)
    parent = _get(doc, "/" + "/".join(tokens[:-1])) if len(tokens) > 1 else doc
    last = tokens[-1] if tokens else ""
    if isinstance(parent, dict) and last in parent:
        return doc, parent.pop(last)
    if isinstance(parent, list) and last.isdigit() and int(last) < len(parent):
        return doc, parent.pop(int(last))
    raise _missing(path)
