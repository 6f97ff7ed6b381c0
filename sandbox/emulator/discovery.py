"""/version and the discovery documents kubectl reads to map kinds and short names to URLs."""

from __future__ import annotations

from typing import Any

from sandbox.emulator.kinds import KINDS, Kind, groups

VERSION = {
    "major": "1",
    "minor": "32",
    "gitVersion": "v1.32.0",
    "gitCommit": "70d3cc986aa8221cd1dfb1121852688902d3bf53",
    "gitTreeState": "clean",
    "buildDate": "2024-12-11T17:59:15Z",
    "goVersion": "go1.23.3",
    "compiler": "gc",
    "platform": "linux/amd64",
}

_SUBRESOURCE_VERBS = {"log": ["get"], "scale": ["get", "patch", "update"],
                      "status": ["get", "patch", "update"], "finalize": ["update"]}


def api_versions() -> dict[str, Any]:
    """GET /api."""
    return {
        "kind": "APIVersions",
        "versions": ["v1"],
        "serverAddressByClientCIDRs": [
            {"clientCIDR": "0.0.0.0/0", "serverAddress": "192.168.49.2:8443"}
        ],
    }


def _group(name: str) -> dict[str, Any]:
    version = {"groupVersion": f"{name}/v1", "version": "v1"}
    return {"name": name, "versions": [version], "preferredVersion": version}


def api_group_list() -> dict[str, Any]:
    """GET /apis."""
    return {"kind": "APIGroupList", "apiVersion": "v1",
            "groups": [_group(g) for g in groups() if g]}


def api_group(name: str) -> dict[str, Any] | None:
    """GET /apis/<group>."""
    return {"kind": "APIGroup", "apiVersion": "v1", **_group(name)} if name in groups() else None


def _resource(kind: Kind) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": kind.plural, "singularName": kind.singular, "namespaced": kind.namespaced,
        "kind": kind.kind, "verbs": list(kind.verbs),
    }
    if kind.short_names:
        entry["shortNames"] = list(kind.short_names)
    if kind.categories:
        entry["categories"] = list(kind.categories)
    return entry


def _subresource(kind: Kind, sub: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": f"{kind.plural}/{sub}", "singularName": "",
                             "namespaced": kind.namespaced, "kind": kind.kind}
    if sub == "scale":
        entry.update(group="autoscaling", version="v1", kind="Scale")
    entry["verbs"] = _SUBRESOURCE_VERBS[sub]
    return entry


def api_resource_list(group: str, version: str) -> dict[str, Any] | None:
    """GET /api/v1 or /apis/<group>/<version>; None when not served."""
    if version != "v1" or group not in groups():
        return None
    resources: list[dict[str, Any]] = []
    for kind in (k for k in KINDS if k.group == group):
        resources.append(_resource(kind))
        resources += [_subresource(kind, sub) for sub in kind.subresources]
    return {"kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": f"{group}/{version}" if group else version, "resources": resources}


def _aggregated_version(group: str) -> dict[str, Any]:
    resources = []
    for kind in (k for k in KINDS if k.group == group):
        entry: dict[str, Any] = {
            "resource": kind.plural,
            "responseKind": {"group": "", "version": "", "kind": kind.kind},
            "scope": "Namespaced" if kind.namespaced else "Cluster",
            "singularResource": kind.singular, "verbs": list(kind.verbs),
        }
        if kind.short_names:
            entry["shortNames"] = list(kind.short_names)
        if kind.categories:
            entry["categories"] = list(kind.categories)
        subs = []
        for sub in kind.subresources:
            response = ({"group": "autoscaling", "version": "v1", "kind": "Scale"}
                        if sub == "scale" else {"group": "", "version": "", "kind": kind.kind})
            subs.append({"subresource": sub, "responseKind": response,
                         "verbs": _SUBRESOURCE_VERBS[sub]})
        if subs:
            entry["subresources"] = subs
        resources.append(entry)
    return {"version": "v1", "resources": resources, "freshness": "Current"}


def aggregated(core: bool) -> dict[str, Any]:
    """The apidiscovery.k8s.io/v2 APIGroupDiscoveryList for /api (core) or /apis."""
    items = [
        {"metadata": {"name": g, "creationTimestamp": None}, "versions": [_aggregated_version(g)]}
        for g in groups() if (g == "") == core
    ]
    return {"kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2",
            "metadata": {}, "items": items}
