"""Validation with the real API server's field paths and messages (k8s.io/apimachinery
pkg/util/validation and pkg/apis/*/validation), for the fields the course touches."""

from __future__ import annotations

import json
import re
from typing import Any

from sandbox.emulator.errors import invalid
from sandbox.emulator.kinds import Kind
from sandbox.emulator.selectors import labels_match, selector_from_match_labels
from sandbox.emulator.store import copy_object

Cause = tuple[str, str, str]

_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
_SUBDOMAIN_FMT = _LABEL_FMT + r"(\." + _LABEL_FMT + ")*"
_DNS1035_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?"
_VALUE_FMT = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?"
_QUALIFIED_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"


def _regex_error(message: str, fmt: str, *examples: str) -> str:
    """validation.RegexError's wording, including its double space between examples."""
    if not examples:
        return f"{message} (regex used for validation is '{fmt}')"
    shown = " or ".join(f"'{e}', " for e in examples)
    return f"{message} (e.g. {shown}regex used for validation is '{fmt}')"


def dns1123_subdomain(value: str) -> list[str]:
    """IsDNS1123Subdomain's error strings."""
    errs = []
    if len(value) > 253:
        errs.append("must be no more than 253 characters")
    if not re.fullmatch(_SUBDOMAIN_FMT, value):
        errs.append(_regex_error(
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
            "'-' or '.', and must start and end with an alphanumeric character",
            _SUBDOMAIN_FMT, "example.com"))
    return errs


def dns1123_label(value: str) -> list[str]:
    """IsDNS1123Label's error strings."""
    errs = []
    if len(value) > 63:
        errs.append("must be no more than 63 characters")
    if not re.fullmatch(_LABEL_FMT, value):
        errs.append(_regex_error(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
            "'-', and must start and end with an alphanumeric character",
            _LABEL_FMT, "my-name", "123-abc"))
    return errs


def dns1035_label(value: str) -> list[str]:
    """IsDNS1035Label's error strings (service names)."""
    errs = []
    if len(value) > 63:
        errs.append("must be no more than 63 characters")
    if not re.fullmatch(_DNS1035_FMT, value):
        errs.append(_regex_error(
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start "
            "with an alphabetic character, and end with an alphanumeric character",
            _DNS1035_FMT, "my-name", "abc-123"))
    return errs


def go_value(value: Any) -> str:
    """How field.Invalid renders a value: quoted strings, bare numbers, Go syntax for maps."""
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        inner = ", ".join(f"{json.dumps(k)}:{json.dumps(v)}" for k, v in sorted(value.items()))
        return f"map[string]string{{{inner}}}"
    return json.dumps(value)


def invalid_value(path: str, value: Any, detail: str) -> Cause:
    """field.Invalid."""
    return (path, "FieldValueInvalid", f"Invalid value: {go_value(value)}: {detail}")


def required(path: str, detail: str = "") -> Cause:
    """field.Required."""
    return (path, "FieldValueRequired", f"Required value: {detail}" if detail else
            "Required value")


def not_supported(path: str, value: Any, supported: list[str]) -> Cause:
    """field.NotSupported."""
    options = ", ".join(json.dumps(s) for s in supported)
    return (path, "FieldValueNotSupported",
            f"Unsupported value: {go_value(value)}: supported values: {options}")


def _labels(path: str, labels: dict[str, Any]) -> list[Cause]:
    causes = []
    for key, value in labels.items():
        name = key.rsplit("/", 1)[-1]
        if not name or len(name) > 63 or not re.fullmatch(_QUALIFIED_FMT, name):
            causes.append(invalid_value(path, key, _regex_error(
                "name part must consist of alphanumeric characters, '-', '_' or '.', and must "
                "start and end with an alphanumeric character", _QUALIFIED_FMT,
                "MyName", "my.name", "123-abc")))
        if not isinstance(value, str) or len(value) > 63 or not re.fullmatch(_VALUE_FMT, value):
            causes.append(invalid_value(path, value, _regex_error(
                "a valid label must be an empty string or consist of alphanumeric characters, "
                "'-', '_' or '.', and must start and end with an alphanumeric character",
                _VALUE_FMT, "MyValue", "my_value", "12345")))
    return causes


def _name_check(kind: Kind) -> Any:
    if kind.plural in ("namespaces",):
        return dns1123_label
    if kind.plural == "services":
        return dns1035_label
    return dns1123_subdomain


def _metadata(kind: Kind, obj: dict[str, Any]) -> list[Cause]:
    meta = obj.get("metadata") or {}
    name = meta.get("name") or ""
    causes: list[Cause] = []
    if not name:
        causes.append(required("metadata.name", "name or generateName is required"))
    elif kind.group != "rbac.authorization.k8s.io":
        causes += [invalid_value("metadata.name", name, e) for e in _name_check(kind)(name)]
    if kind.namespaced and not meta.get("namespace"):
        causes.append(required("metadata.namespace"))
    causes += _labels("metadata.labels", meta.get("labels") or {})
    return causes


def _containers(path: str, containers: list[dict[str, Any]]) -> list[Cause]:
    causes: list[Cause] = []
    if not containers:
        causes.append(required(path))
    seen: set[str] = set()
    for i, container in enumerate(containers):
        at, name = f"{path}[{i}]", container.get("name") or ""
        if not name:
            causes.append(required(f"{at}.name"))
        else:
            causes += [invalid_value(f"{at}.name", name, e) for e in dns1123_label(name)]
            if name in seen:
                causes.append((f"{at}.name", "FieldValueDuplicate",
                               f"Duplicate value: {json.dumps(name)}"))
            seen.add(name)
        if not container.get("image"):
            causes.append(required(f"{at}.image"))
        policy = container.get("imagePullPolicy")
        if policy is not None and policy not in ("Always", "IfNotPresent", "Never"):
            causes.append(not_supported(f"{at}.imagePullPolicy", policy,
                                        ["Always", "IfNotPresent", "Never"]))
        for j, port in enumerate(container.get("ports") or []):
            number = port.get("containerPort")
            if not isinstance(number, int) or not 0 < number < 65536:
                causes.append(invalid_value(f"{at}.ports[{j}].containerPort", number,
                                            "must be between 1 and 65535, inclusive"))
    return causes


def _pod_spec(path: str, spec: dict[str, Any]) -> list[Cause]:
    causes = _containers(f"{path}.containers", spec.get("containers") or [])
    policy = spec.get("restartPolicy")
    if policy not in (None, "Always", "OnFailure", "Never"):
        causes.append(not_supported(f"{path}.restartPolicy", policy,
                                    ["Always", "OnFailure", "Never"]))
    return causes


def _workload(obj: dict[str, Any], old: dict[str, Any] | None) -> list[Cause]:
    spec = obj.get("spec") or {}
    causes: list[Cause] = []
    selector = spec.get("selector")
    template = spec.get("template") or {}
    template_labels = (template.get("metadata") or {}).get("labels") or {}
    if not selector or not (selector.get("matchLabels") or selector.get("matchExpressions")):
        causes.append(required("spec.selector"))
    elif not labels_match(selector_from_match_labels(selector), template):
        causes.append(invalid_value("spec.template.metadata.labels", template_labels,
                                    "`selector` does not match template `labels`"))
    replicas = spec.get("replicas")
    if isinstance(replicas, int) and replicas < 0:
        causes.append(invalid_value("spec.replicas", replicas,
                                    "must be greater than or equal to 0"))
    causes += _pod_spec("spec.template.spec", template.get("spec") or {})
    if old is not None and selector != (old.get("spec") or {}).get("selector"):
        causes.append(("spec.selector", "FieldValueInvalid",
                       f"Invalid value: {_go_selector(selector)}: field is immutable"))
    return causes


def _go_selector(selector: dict[str, Any] | None) -> str:
    """A LabelSelector as Go's %#v prints it."""
    selector = selector or {}
    labels = selector.get("matchLabels")
    shown = (f"map[string]string{{{', '.join(f'{json.dumps(k)}:{json.dumps(v)}' for k, v in sorted(labels.items()))}}}"  # noqa: E501
             if labels else "map[string]string(nil)")
    return (f"v1.LabelSelector{{MatchLabels:{shown}, "
            "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}")


def _service(obj: dict[str, Any], old: dict[str, Any] | None) -> list[Cause]:
    spec = obj.get("spec") or {}
    causes: list[Cause] = []
    kind = spec.get("type", "ClusterIP")
    types = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]
    if kind not in types:
        causes.append(not_supported("spec.type", kind, types))
    ports = spec.get("ports") or []
    if not ports and kind != "ExternalName" and spec.get("clusterIP") != "None":
        causes.append(required("spec.ports"))
    for i, port in enumerate(ports):
        number = port.get("port")
        if not isinstance(number, int) or not 0 < number < 65536:
            causes.append(invalid_value(f"spec.ports[{i}].port", number,
                                        "must be between 1 and 65535, inclusive"))
        if len(ports) > 1 and not port.get("name"):
            causes.append(required(f"spec.ports[{i}].name"))
    if old is not None:
        before = (old.get("spec") or {}).get("clusterIP")
        if before and spec.get("clusterIP") not in (None, "", before):
            causes.append(invalid_value("spec.clusterIP", spec.get("clusterIP"),
                                        "field is immutable"))
    return causes


def validate(kind: Kind, obj: dict[str, Any], old: dict[str, Any] | None = None) -> None:
    """Raise 422 Invalid with every field error the real server would report."""
    causes = _metadata(kind, obj)
    if kind.qualified in ("deployments.apps", "replicasets.apps"):
        causes += _workload(obj, old)
    elif kind.plural == "pods":
        causes += _pod_spec("spec", obj.get("spec") or {})
        if old is not None:
            causes += _pod_update(obj, old)
    elif kind.plural == "services":
        causes += _service(obj, old)
    if causes:
        raise invalid(kind, (obj.get("metadata") or {}).get("name") or "", causes)


def _pod_update(obj: dict[str, Any], old: dict[str, Any]) -> list[Cause]:
    """Pods allow only image, activeDeadlineSeconds and tolerations additions to change."""
    def mutable_view(spec: dict[str, Any]) -> dict[str, Any]:
        view: dict[str, Any] = copy_object(spec)
        for container in view.get("containers") or []:
            container.pop("image", None)
        view.pop("activeDeadlineSeconds", None)
        view.pop("tolerations", None)
        return view
    if mutable_view(obj.get("spec") or {}) == mutable_view(old.get("spec") or {}):
        return []
    return [("spec", "FieldValueForbidden",
             "Forbidden: pod updates may not change fields other than `spec.containers[*].image`,"
             "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
             "`spec.tolerations` (only additions to existing tolerations),"
             "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously "
             "negative)")]
