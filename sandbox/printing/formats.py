"""`-o json`, `-o yaml` and `-o name` as kubectl prints them.

kubectl handles objects as unstructured maps, so both encoders see map keys in
sorted order: encoding/json sorts bytewise (and escapes <, > and & as \\u003c ...),
while sigs.k8s.io/yaml goes through go-yaml v2, which sorts keys "naturally"
(digits by value, other symbols before letters) and double-quotes strings that
would otherwise read as another type. Several objects are wrapped in a `List`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sandbox.printing.actions import object_ref
from sandbox.printing.goyaml import go_yaml


def as_list(items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The `kind: List` kubectl prints for a listing (never a single named object)."""
    return {"apiVersion": "v1", "items": [dict(item) for item in items], "kind": "List",
            "metadata": {"resourceVersion": ""}}


def with_type(items: Sequence[Mapping[str, Any]], api_version: str,
              kind: str) -> list[dict[str, Any]]:
    """List items with apiVersion and kind filled in, as kubectl's decoder fills them.

    A server's list response leaves them out of each item; kubectl prints them.
    """
    return [{**item, "apiVersion": api_version, "kind": kind} for item in items]


def without_managed_fields(obj: Mapping[str, Any]) -> dict[str, Any]:
    """The object without metadata.managedFields, which kubectl hides by default."""
    result = dict(obj)
    metadata = obj.get("metadata")
    if isinstance(metadata, Mapping) and "managedFields" in metadata:
        result["metadata"] = {k: v for k, v in metadata.items() if k != "managedFields"}
    if isinstance(obj.get("items"), list):
        result["items"] = [without_managed_fields(item) for item in obj["items"]]
    return result


def to_json(obj: Mapping[str, Any]) -> str:
    """`-o json`: four-space indent, keys sorted, HTML characters escaped, as Go's encoder."""
    text = json.dumps(without_managed_fields(obj), indent=4, sort_keys=True, ensure_ascii=False)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text + "\n"


def to_yaml(obj: Mapping[str, Any]) -> str:
    """`-o yaml`, through the same YAML rules as sigs.k8s.io/yaml (go-yaml v2)."""
    return go_yaml(without_managed_fields(obj))


def to_names(objects: Sequence[Mapping[str, Any]]) -> str:
    """`-o name`: one `kind.group/name` line per object."""
    return "".join(object_ref(obj) + "\n" for obj in objects)
