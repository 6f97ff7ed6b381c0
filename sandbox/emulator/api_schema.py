"""The compact description of the served kinds' fields that the OpenAPI documents, `kubectl
explain` and strict field validation all come from.

A type is written as a short string: "string", "integer", "int64", "boolean", "number",
"Time", "Quantity", "IntOrString", "bytes", "object" (free-form), "[T]" for arrays, "{T}" for
string-keyed maps, or the short name of another definition (e.g. "PodSpec").
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The Go package each definition lives in, by the prefix of its OpenAPI name.
META = "io.k8s.apimachinery.pkg.apis.meta.v1"
CORE = "io.k8s.api.core.v1"
APPS = "io.k8s.api.apps.v1"
RBAC = "io.k8s.api.rbac.v1"
AUTHZ = "io.k8s.api.authorization.v1"
DISCOVERY = "io.k8s.api.discovery.v1"
AUTOSCALING = "io.k8s.api.autoscaling.v1"

# Scalars that OpenAPI names as definitions of their own: (full name, v2 shape, description).
NAMED_SCALARS: dict[str, tuple[str, dict[str, str], str]] = {
    "Time": ("io.k8s.apimachinery.pkg.apis.meta.v1.Time", {"type": "string",
                                                            "format": "date-time"},
             "Time is a wrapper around time.Time which supports correct marshaling to YAML and "
             "JSON.  Wrappers are provided for many of the factory methods that the time "
             "package offers."),
    "Quantity": ("io.k8s.apimachinery.pkg.api.resource.Quantity", {"type": "string"},
                 "Quantity is a fixed-point representation of a number. It provides convenient "
                 "marshaling/unmarshaling in JSON and YAML, in addition to String() and "
                 "AsInt64() accessors."),
    "IntOrString": ("io.k8s.apimachinery.pkg.util.intstr.IntOrString",
                    {"type": "string", "format": "int-or-string"},
                    "IntOrString is a type that can hold an int32 or a string.  When used in "
                    "JSON or YAML marshalling and unmarshalling, it produces or consumes the "
                    "inner type.  This allows you to have, for example, a JSON field that can "
                    "accept a name or number."),
}
# Their OpenAPI v3 shapes where they differ from v2: either of two JSON types.
V3_ONE_OF: dict[str, dict[str, object]] = {
    "Quantity": {"oneOf": [{"type": "string"}, {"type": "number"}]},
    "IntOrString": {"format": "int-or-string",
                    "oneOf": [{"type": "integer"}, {"type": "string"}]},
}

API_VERSION_DOC = (
    "APIVersion defines the versioned schema of this representation of an object. Servers "
    "should convert recognized schemas to the latest internal value, and may reject "
    "unrecognized values. More info: https://git.k8s.io/community/contributors/devel/"
    "sig-architecture/api-conventions.md#resources")
KIND_DOC = (
    "Kind is a string value representing the REST resource this object represents. Servers "
    "may infer this from the endpoint the client submits requests to. Cannot be updated. In "
    "CamelCase. More info: https://git.k8s.io/community/contributors/devel/"
    "sig-architecture/api-conventions.md#types-kinds")
METADATA_DOC = (
    "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/"
    "sig-architecture/api-conventions.md#metadata")


@dataclass(frozen=True)
class Field:
    """One property: its JSON name, type string, description, and patch directives."""

    name: str
    type: str
    doc: str
    merge_key: str = ""        # x-kubernetes-patch-merge-key (strategy "merge")
    strategy: str = ""         # x-kubernetes-patch-strategy when not implied by merge_key
    required: bool = False


# The short spelling the type tables use, which keeps each field to a line or two.
F = Field


@dataclass(frozen=True)
class Definition:
    """One object type; `gvk` is set for top-level kinds; `closed` types reject unknown
    fields under strict validation (open ones are described only in part)."""

    package: str
    name: str
    doc: str
    fields: tuple[Field, ...]
    gvk: tuple[str, str, str] | None = None
    closed: bool = True
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def full_name(self) -> str:
        """The OpenAPI definition name, e.g. io.k8s.api.apps.v1.Deployment."""
        return f"{self.package}.{self.name}"


def top_level(package: str, name: str, group: str, doc: str, *fields: Field,
              closed: bool = True) -> Definition:
    """A kind with apiVersion, kind and metadata in front of its own fields."""
    head = (Field("apiVersion", "string", API_VERSION_DOC), Field("kind", "string", KIND_DOC),
            Field("metadata", "ObjectMeta", METADATA_DOC))
    return Definition(package, name, doc, head + fields, (group, "v1", name), closed)


def element(type_: str) -> tuple[str, str]:
    """("array"|"map"|"", inner type) for a type string."""
    if type_.startswith("["):
        return "array", type_[1:-1]
    if type_.startswith("{"):
        return "map", type_[1:-1]
    return "", type_
