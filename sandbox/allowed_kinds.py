"""Which kinds of object a learner may read and change, and why the others are refused.

The course works with five kinds (`WRITABLE_KINDS`); a few more may be read
because kubectl shows them alongside (`READABLE_PLURALS`: events, endpoints,
the namespace's quota). Everything else is refused, and the refusal's
category says why: credentials, permissions, the cluster itself, API
extensions, or simply outside the course.
"""

from __future__ import annotations

from sandbox.commandline import RESOURCE_TYPES

WRITABLE_KINDS = frozenset({"Pod", "Deployment", "ReplicaSet", "Service", "ConfigMap"})
WRITABLE_PLURALS = frozenset({"pods", "deployments", "replicasets", "services", "configmaps"})
READABLE_PLURALS = WRITABLE_PLURALS | {"events", "endpoints", "resourcequotas", "limitranges"}

_SECRET = frozenset({"Secret"})
_RBAC = frozenset(
    {"Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "ServiceAccount",
     "TokenReview", "SubjectAccessReview", "LocalSubjectAccessReview",
     "SelfSubjectAccessReview", "SelfSubjectRulesReview", "SelfSubjectReview",
     "CertificateSigningRequest"}
)
_EXTENSION = frozenset(
    {"CustomResourceDefinition", "ValidatingWebhookConfiguration",
     "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
     "ValidatingAdmissionPolicyBinding", "APIService", "FlowSchema",
     "PriorityLevelConfiguration", "RuntimeClass"}
)
_CLUSTER_SCOPED = frozenset(r.kind for r in RESOURCE_TYPES if not r.namespaced)


def kind_category(kind: str) -> str:
    """Why `kind` is refused: "secret", "rbac", "extension", "cluster" or "course"."""
    if kind in _SECRET:
        return "secret"
    if kind in _RBAC:
        return "rbac"
    if kind in _EXTENSION:
        return "extension"
    if kind in _CLUSTER_SCOPED:
        return "cluster"
    return "course"


def is_cluster_scoped(kind: str) -> bool:
    """True for the built-in kinds that live outside any namespace (Node, Namespace, ...)."""
    return kind in _CLUSTER_SCOPED
