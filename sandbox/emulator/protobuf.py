"""Decoding of the Kubernetes protobuf request bodies kubectl sends.

kubectl's typed clients (`kubectl create deployment|namespace|configmap|...`, `auth can-i`)
encode request bodies as `application/vnd.kubernetes.protobuf` and accept JSON back. The
server decodes them into the same JSON-shaped dicts as a JSON body, using the field numbers
of k8s.io/api's generated.proto for the kinds those commands create.
"""

from __future__ import annotations

import base64
from typing import Any

from sandbox.emulator.errors import bad_request

MAGIC = b"k8s\x00"

# message -> field number -> (json name, type); a type is a scalar ("string", "int", "bool",
# "bytes"), a message name, "map:<value type>" or "[]<type>" for repeated fields.
_SCHEMA: dict[str, dict[int, tuple[str, str]]] = {
    "Unknown": {1: ("typeMeta", "TypeMeta"), 2: ("raw", "bytes")},
    "TypeMeta": {1: ("apiVersion", "string"), 2: ("kind", "string")},
    "ObjectMeta": {1: ("name", "string"), 2: ("generateName", "string"),
                   3: ("namespace", "string"), 11: ("labels", "map:string"),
                   12: ("annotations", "map:string"), 14: ("finalizers", "[]string")},
    "Deployment": {1: ("metadata", "ObjectMeta"), 2: ("spec", "DeploymentSpec")},
    "DeploymentSpec": {1: ("replicas", "int"), 2: ("selector", "LabelSelector"),
                       3: ("template", "PodTemplateSpec"), 4: ("strategy", "Strategy"),
                       5: ("minReadySeconds", "int"), 6: ("revisionHistoryLimit", "int"),
                       7: ("paused", "bool"), 9: ("progressDeadlineSeconds", "int")},
    "ReplicaSet": {1: ("metadata", "ObjectMeta"), 2: ("spec", "ReplicaSetSpec")},
    "ReplicaSetSpec": {1: ("replicas", "int"), 2: ("selector", "LabelSelector"),
                       3: ("template", "PodTemplateSpec"), 4: ("minReadySeconds", "int")},
    "Strategy": {1: ("type", "string"), 2: ("rollingUpdate", "RollingUpdate")},
    "RollingUpdate": {1: ("maxUnavailable", "IntOrString"), 2: ("maxSurge", "IntOrString")},
    "LabelSelector": {1: ("matchLabels", "map:string"),
                      2: ("matchExpressions", "[]Requirement")},
    "Requirement": {1: ("key", "string"), 2: ("operator", "string"), 3: ("values", "[]string")},
    "PodTemplateSpec": {1: ("metadata", "ObjectMeta"), 2: ("spec", "PodSpec")},
    "Pod": {1: ("metadata", "ObjectMeta"), 2: ("spec", "PodSpec")},
    "PodSpec": {2: ("containers", "[]Container"), 3: ("restartPolicy", "string"),
                4: ("terminationGracePeriodSeconds", "int"), 6: ("dnsPolicy", "string"),
                7: ("nodeSelector", "map:string"), 8: ("serviceAccountName", "string"),
                20: ("initContainers", "[]Container")},
    "Container": {1: ("name", "string"), 2: ("image", "string"), 3: ("command", "[]string"),
                  4: ("args", "[]string"), 5: ("workingDir", "string"),
                  6: ("ports", "[]ContainerPort"), 7: ("env", "[]EnvVar"),
                  8: ("resources", "Resources"), 14: ("imagePullPolicy", "string")},
    "ContainerPort": {1: ("name", "string"), 2: ("hostPort", "int"),
                      3: ("containerPort", "int"), 4: ("protocol", "string")},
    "EnvVar": {1: ("name", "string"), 2: ("value", "string")},
    "Resources": {1: ("limits", "map:Quantity"), 2: ("requests", "map:Quantity")},
    "Namespace": {1: ("metadata", "ObjectMeta")},
    "ConfigMap": {1: ("metadata", "ObjectMeta"), 2: ("data", "map:string"),
                  3: ("binaryData", "map:bytes"), 4: ("immutable", "bool")},
    "Secret": {1: ("metadata", "ObjectMeta"), 2: ("data", "map:bytes"), 3: ("type", "string"),
               4: ("stringData", "map:string"), 5: ("immutable", "bool")},
    "ServiceAccount": {1: ("metadata", "ObjectMeta")},
    "Service": {1: ("metadata", "ObjectMeta"), 2: ("spec", "ServiceSpec")},
    "ServiceSpec": {1: ("ports", "[]ServicePort"), 2: ("selector", "map:string"),
                    3: ("clusterIP", "string"), 4: ("type", "string"),
                    5: ("externalIPs", "[]string"), 7: ("sessionAffinity", "string"),
                    8: ("loadBalancerIP", "string"), 10: ("externalName", "string"),
                    11: ("externalTrafficPolicy", "string"),
                    12: ("healthCheckNodePort", "int"),
                    13: ("publishNotReadyAddresses", "bool"), 18: ("clusterIPs", "[]string"),
                    19: ("ipFamilies", "[]string"), 17: ("ipFamilyPolicy", "string"),
                    22: ("internalTrafficPolicy", "string")},
    "ServicePort": {1: ("name", "string"), 2: ("protocol", "string"), 3: ("port", "int"),
                    4: ("targetPort", "IntOrString"), 5: ("nodePort", "int"),
                    6: ("appProtocol", "string")},
    "ResourceQuota": {1: ("metadata", "ObjectMeta"), 2: ("spec", "ResourceQuotaSpec")},
    "ResourceQuotaSpec": {1: ("hard", "map:Quantity"), 2: ("scopes", "[]string"),
                          3: ("scopeSelector", "ScopeSelector")},
    "ScopeSelector": {1: ("matchExpressions", "[]ScopeRequirement")},
    "ScopeRequirement": {1: ("scopeName", "string"), 2: ("operator", "string"),
                         3: ("values", "[]string")},
    "LimitRange": {1: ("metadata", "ObjectMeta"), 2: ("spec", "LimitRangeSpec")},
    "LimitRangeSpec": {1: ("limits", "[]LimitRangeItem")},
    "LimitRangeItem": {1: ("type", "string"), 2: ("max", "map:Quantity"),
                       3: ("min", "map:Quantity"), 4: ("default", "map:Quantity"),
                       5: ("defaultRequest", "map:Quantity"),
                       6: ("maxLimitRequestRatio", "map:Quantity")},
    "Role": {1: ("metadata", "ObjectMeta"), 2: ("rules", "[]PolicyRule")},
    "ClusterRole": {1: ("metadata", "ObjectMeta"), 2: ("rules", "[]PolicyRule")},
    "PolicyRule": {1: ("verbs", "[]string"), 2: ("apiGroups", "[]string"),
                   3: ("resources", "[]string"), 4: ("resourceNames", "[]string"),
                   5: ("nonResourceURLs", "[]string")},
    "RoleBinding": {1: ("metadata", "ObjectMeta"), 2: ("subjects", "[]Subject"),
                    3: ("roleRef", "RoleRef")},
    "ClusterRoleBinding": {1: ("metadata", "ObjectMeta"), 2: ("subjects", "[]Subject"),
                           3: ("roleRef", "RoleRef")},
    "Subject": {1: ("kind", "string"), 2: ("apiGroup", "string"), 3: ("name", "string"),
                4: ("namespace", "string")},
    "RoleRef": {1: ("apiGroup", "string"), 2: ("kind", "string"), 3: ("name", "string")},
    "SelfSubjectAccessReview": {1: ("metadata", "ObjectMeta"), 2: ("spec", "ReviewSpec")},
    "ReviewSpec": {1: ("resourceAttributes", "ResourceAttributes"),
                   2: ("nonResourceAttributes", "NonResourceAttributes")},
    "ResourceAttributes": {1: ("namespace", "string"), 2: ("verb", "string"),
                           3: ("group", "string"), 4: ("version", "string"),
                           5: ("resource", "string"), 6: ("subresource", "string"),
                           7: ("name", "string")},
    "NonResourceAttributes": {1: ("path", "string"), 2: ("verb", "string")},
    "DeleteOptions": {1: ("gracePeriodSeconds", "int"), 3: ("orphanDependents", "bool"),
                      4: ("propagationPolicy", "string"), 5: ("dryRun", "[]string")},
}
# Optional fields that Go holds as pointers, where an explicit zero means something.
_POINTERS = frozenset({"replicas", "revisionHistoryLimit", "progressDeadlineSeconds",
                       "terminationGracePeriodSeconds", "immutable", "gracePeriodSeconds",
                       "orphanDependents"})
_TOP = {"Deployment", "Pod", "Namespace", "ConfigMap", "Secret", "ServiceAccount", "Service",
        "ResourceQuota", "LimitRange", "ReplicaSet",
        "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "SelfSubjectAccessReview",
        "DeleteOptions"}


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, at
        shift += 7


def _fields(data: bytes) -> list[tuple[int, int | bytes]]:
    """The (field number, value) pairs of one message; values are ints or raw bytes."""
    out: list[tuple[int, int | bytes]] = []
    at = 0
    while at < len(data):
        key, at = _varint(data, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, at = _varint(data, at)
            out.append((number, value))
        elif wire == 2:
            size, at = _varint(data, at)
            out.append((number, data[at:at + size]))
            at += size
        elif wire == 1:
            at += 8
        elif wire == 5:
            at += 4
        else:
            raise bad_request("unable to decode protobuf body")
    return out


def _scalar(kind: str, value: int | bytes) -> Any:
    if kind == "string":
        return value.decode() if isinstance(value, bytes) else str(value)
    if kind == "bytes":
        return base64.b64encode(value).decode() if isinstance(value, bytes) else ""
    if kind == "bool":
        return bool(value)
    if kind == "int":
        number = int(value) if isinstance(value, int) else 0
        return number - (1 << 64) if number >= 1 << 63 else number
    if kind == "Quantity":
        return _message("QuantityWrapper", value).get("string", "") if isinstance(
            value, bytes) else ""
    if kind == "IntOrString":
        parts = _message("IntOrStringWrapper", value) if isinstance(value, bytes) else {}
        return parts.get("strVal", "") if parts.get("type") == 1 else parts.get("intVal", 0)
    return _message(kind, value) if isinstance(value, bytes) else {}


_SCHEMA["QuantityWrapper"] = {1: ("string", "string")}
_SCHEMA["IntOrStringWrapper"] = {1: ("type", "int"), 2: ("intVal", "int"),
                                 3: ("strVal", "string")}


def _message(name: str, data: bytes) -> dict[str, Any]:
    schema = _SCHEMA[name]
    out: dict[str, Any] = {}
    for number, value in _fields(data):
        if number not in schema:
            continue
        field, kind = schema[number]
        if (kind == "string" and value == b"") or (
                kind in ("int", "bool") and value == 0 and field not in _POINTERS):
            continue  # Go writes unset values as zeros; its JSON would have omitted them
        if kind.startswith("map:") and isinstance(value, bytes):
            entry = dict(_fields(value))
            key = entry.get(1, b"")
            out.setdefault(field, {})[key.decode() if isinstance(key, bytes) else str(key)] = \
                _scalar(kind[4:], entry.get(2, b""))
        elif kind.startswith("[]"):
            out.setdefault(field, []).append(_scalar(kind[2:], value))
        else:
            out[field] = _scalar(kind, value)
    return out


def decode_protobuf(body: bytes) -> dict[str, Any]:
    """The JSON-shaped object in a `k8s\\0`-prefixed runtime.Unknown envelope."""
    if not body.startswith(MAGIC):
        raise bad_request("provided protobuf body is missing the k8s magic prefix")
    envelope = _message("Unknown", body[len(MAGIC):])
    type_meta = envelope.get("typeMeta") or {}
    kind = type_meta.get("kind", "")
    if kind not in _TOP:
        raise bad_request(f"no kind {kind!r} is registered for protobuf decoding")
    raw = base64.b64decode(envelope.get("raw", ""))
    obj = _message(kind, raw)
    if type_meta.get("apiVersion"):
        obj = {"apiVersion": type_meta["apiVersion"], "kind": kind, **obj}
    return obj
