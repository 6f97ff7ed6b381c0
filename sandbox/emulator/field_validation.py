"""Unknown fields in request bodies, handled as the `fieldValidation` query parameter asks.

A real API server decodes bodies into Go structs, so a field the type does not have is
dropped (Ignore), dropped with a warning (Warn, the default) or refused (Strict) with
`strict decoding error: unknown field "spec.replica"`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sandbox.emulator.api_schema import NAMED_SCALARS, Definition, element
from sandbox.emulator.errors import StatusError, bad_request
from sandbox.emulator.kinds import Kind
from sandbox.emulator.openapi_schemas import BY_NAME, definition_by_gvk

_DIRECTIVES = ("Ignore", "Warn", "Strict")


@dataclass
class FieldValidation:
    """The directive of one request and the warnings it collects for the response."""

    directive: str = "Warn"
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, value: str | None) -> FieldValidation:
        """Parse the query parameter (empty means Warn); 400 for anything unknown."""
        if not value:
            return cls()
        if value not in _DIRECTIVES:
            raise bad_request(f'fieldValidation parameter unsupported: "{value}"')
        return cls(value)

    def check(self, kind: Kind, obj: Any, *, decoding: bool) -> None:
        """Drop unknown fields from `obj`, then warn or refuse as directed.

        `decoding` is true for bodies decoded as a whole object (create, update), whose
        strict errors the server prefixes with what it could not handle.
        """
        definition = definition_by_gvk(kind.group, kind.version, kind.kind)
        if definition is None or not isinstance(obj, dict):
            return
        unknown = _prune(definition, obj, "")
        if not unknown or self.directive == "Ignore":
            return
        described = [f'unknown field "{path}"' for path in unknown]
        if self.directive == "Warn":
            self.warnings += described
            return
        message = "strict decoding error: " + ", ".join(described)
        if decoding:
            message = (f'{kind.kind} in version "{kind.version}" cannot be handled as a '
                       f"{kind.kind}: {message}")
        raise StatusError(400, "BadRequest", message)

    def headers(self) -> dict[str, str]:
        """The Warning header a response carries (several warnings join with commas)."""
        if not self.warnings:
            return {}
        return {"Warning": ", ".join(f"299 - {json.dumps(w)}" for w in self.warnings)}


def _prune(definition: Definition, obj: dict[str, Any], prefix: str) -> list[str]:
    unknown: list[str] = []
    fields = {f.name: f for f in definition.fields}
    for key in list(obj):
        path = f"{prefix}.{key}" if prefix else key
        if key not in fields:
            if definition.closed:
                unknown.append(path)
                del obj[key]
            continue
        shape, inner = element(fields[key].type)
        nested = BY_NAME.get(inner) if inner not in NAMED_SCALARS else None
        value = obj[key]
        if nested is None:
            continue
        if shape == "array" and isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    unknown += _prune(nested, item, f"{path}[{i}]")
        elif shape == "" and isinstance(value, dict):
            unknown += _prune(nested, value, path)
    return unknown
