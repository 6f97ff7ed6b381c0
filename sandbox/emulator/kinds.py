"""The resource kinds the emulator serves, described once for routing, discovery and errors.

Every other module looks kinds up here, so that a kind's plural, group, verbs and
subresources are spelled the same way in URLs, discovery documents and Status messages.
"""

from __future__ import annotations

from dataclasses import dataclass

_RW = ("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch")


@dataclass(frozen=True)
class Kind:
    """One REST resource as the API server publishes it in discovery."""

    group: str
    version: str
    kind: str
    plural: str
    singular: str
    namespaced: bool
    short_names: tuple[str, ...]
    verbs: tuple[str, ...]
    subresources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    @property
    def api_version(self) -> str:
        """The apiVersion objects of this kind carry, e.g. "apps/v1" or "v1"."""
        return f"{self.group}/{self.version}" if self.group else self.version

    @property
    def qualified(self) -> str:
        """The group-qualified resource used in Status messages, e.g. "deployments.apps"."""
        return f"{self.plural}.{self.group}" if self.group else self.plural

    @property
    def qualified_kind(self) -> str:
        """The group-qualified kind used in Invalid messages, e.g. "Deployment.apps"."""
        return f"{self.kind}.{self.group}" if self.group else self.kind


KINDS: tuple[Kind, ...] = (
    Kind("", "v1", "Namespace", "namespaces", "namespace", False, ("ns",),
         ("create", "delete", "get", "list", "patch", "update", "watch"), ("status", "finalize")),
    Kind("", "v1", "Pod", "pods", "pod", True, ("po",), _RW, ("status", "log"), ("all",)),
    Kind("", "v1", "Service", "services", "service", True, ("svc",), _RW, ("status",), ("all",)),
    Kind("", "v1", "Endpoints", "endpoints", "endpoints", True, ("ep",), _RW),
    Kind("", "v1", "Event", "events", "event", True, ("ev",), _RW),
    Kind("", "v1", "ConfigMap", "configmaps", "configmap", True, ("cm",), _RW),
    Kind("", "v1", "Secret", "secrets", "secret", True, (), _RW),
    Kind("", "v1", "Node", "nodes", "node", False, ("no",), _RW, ("status",)),
    Kind("", "v1", "ServiceAccount", "serviceaccounts", "serviceaccount", True, ("sa",), _RW),
    Kind("", "v1", "ResourceQuota", "resourcequotas", "resourcequota", True, ("quota",), _RW,
         ("status",)),
    Kind("", "v1", "LimitRange", "limitranges", "limitrange", True, ("limits",), _RW),
    Kind("apps", "v1", "Deployment", "deployments", "deployment", True, ("deploy",), _RW,
         ("status", "scale"), ("all",)),
    Kind("apps", "v1", "ReplicaSet", "replicasets", "replicaset", True, ("rs",), _RW,
         ("status", "scale"), ("all",)),
    Kind("rbac.authorization.k8s.io", "v1", "Role", "roles", "role", True, (), _RW),
    Kind("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", "rolebinding", True,
         (), _RW),
    Kind("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", "clusterrole", False,
         (), _RW),
    Kind("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings",
         "clusterrolebinding", False, (), _RW),
    Kind("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", "endpointslice", True, (),
         _RW),
    Kind("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews",
         "selfsubjectaccessreview", False, (), ("create",)),
)

_BY_PLURAL = {(k.group, k.plural): k for k in KINDS}
_BY_KIND = {(k.api_version, k.kind): k for k in KINDS}


def kind_by_plural(group: str, plural: str) -> Kind | None:
    """The kind served at /api(s)/<group>/v1/<plural>, or None if the emulator has none."""
    return _BY_PLURAL.get((group, plural))


def kind_by_name(api_version: str, kind: str) -> Kind | None:
    """The kind an object's apiVersion and kind fields name, or None."""
    return _BY_KIND.get((api_version, kind))


def groups() -> list[str]:
    """The API groups served, core ("") first, in the order discovery lists them."""
    seen: list[str] = []
    for k in KINDS:
        if k.group not in seen:
            seen.append(k.group)
    return seen
