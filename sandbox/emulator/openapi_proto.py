"""The OpenAPI 2.0 document in gnostic's protobuf encoding (openapi_v2.Document), the only form
client-go's OpenAPISchema() accepts from /openapi/v2.

Field numbers are those of gnostic's OpenAPIv2.proto; vendor extensions travel as YAML text,
as gnostic stores them.
"""

from __future__ import annotations

import json
from typing import Any

# Clients ask for "...spec.v2@v1.0+protobuf", which Go's mime parser cannot read back, so the
# server answers with the dotted spelling, as kube-openapi does.
MEDIA_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"
Obj = dict[str, Any]


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _bytes(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _string(number: int, value: str) -> bytes:
    return _bytes(number, value.encode()) if value else b""


def _bool(number: int, value: bool) -> bytes:
    return _varint(number << 3) + b"\x01" if value else b""


def _extensions(number: int, node: Obj) -> bytes:
    """x-* keys as repeated NamedAny {name, Any {yaml}}."""
    out = b""
    for key, value in node.items():
        if key.startswith("x-"):
            any_ = _string(2, json.dumps(value))
            out += _bytes(number, _string(1, key) + _bytes(2, any_))
    return out


def _schema(node: Obj) -> bytes:
    out = _string(1, node.get("$ref", "")) + _string(2, node.get("format", ""))
    out += _string(4, node.get("description", ""))
    out += _bool(16, bool(node.get("uniqueItems")))
    for name in node.get("required", []):
        out += _string(19, name)
    if "additionalProperties" in node:
        out += _bytes(21, _bytes(1, _schema(node["additionalProperties"])))
    if "type" in node:
        out += _bytes(22, _string(1, node["type"]))
    if "items" in node:
        out += _bytes(23, _bytes(1, _schema(node["items"])))
    if "properties" in node:
        named = b"".join(_bytes(1, _string(1, k) + _bytes(2, _schema(v)))
                         for k, v in node["properties"].items())
        out += _bytes(25, named)
    return out + _extensions(31, node)


def _parameter(node: Obj) -> bytes:
    query = (_bool(1, bool(node.get("required"))) + _string(2, node["in"])
             + _string(3, node.get("description", "")) + _string(4, node["name"])
             + _string(6, node.get("type", "")) + _bool(20, bool(node.get("uniqueItems"))))
    return _bytes(1, _bytes(2, _bytes(3, query)))


def _operation(node: Obj) -> bytes:
    out = b"".join(_string(1, tag) for tag in node.get("tags", []))
    out += _string(5, node.get("operationId", ""))
    out += b"".join(_bytes(8, _parameter(p)) for p in node.get("parameters", []))
    responses = b""
    for code, response in node.get("responses", {}).items():
        body = _string(1, response.get("description", ""))
        if "schema" in response:
            body += _bytes(2, _bytes(1, _schema(response["schema"])))
        responses += _bytes(1, _string(1, code) + _bytes(2, _bytes(1, body)))
    out += _bytes(9, responses)
    return out + _extensions(13, node)


_METHODS = {"get": 2, "put": 3, "post": 4, "delete": 5, "patch": 8}


def encode_document(spec: Obj) -> bytes:
    """openapi_v2.Document bytes for a Swagger 2.0 document given as JSON-shaped data."""
    info = _string(1, spec["info"]["title"]) + _string(2, spec["info"]["version"])
    paths = b""
    for path, item in spec["paths"].items():
        body = b"".join(_bytes(_METHODS[m], _operation(op)) for m, op in item.items())
        paths += _bytes(2, _string(1, path) + _bytes(2, body))
    definitions = b"".join(_bytes(1, _string(1, name) + _bytes(2, _schema(schema)))
                           for name, schema in spec["definitions"].items())
    return (_string(1, spec["swagger"]) + _bytes(2, info) + _bytes(8, paths)
            + _bytes(9, definitions))
