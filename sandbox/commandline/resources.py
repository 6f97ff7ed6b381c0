"""The resource types kubectl finds on a fresh minikube cluster, and their names.

kubectl resolves `po`, `pod`, `pods`, `Pod`, `pods.v1.` and `deployment.apps`
through the server's discovery documents. A learner's command is checked here
before any cluster is asked, against the built-in types a default minikube
(Kubernetes 1.32) serves, so a typo gets kubectl's own error and a suggestion
without a round trip.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.commandline.errors import CommandSyntaxError
from sandbox.commandline.suggest import closest_word


@dataclass(frozen=True)
class ResourceType:
    """One API resource: what kubectl calls it and where it lives."""

    plural: str
    group: str
    kind: str
    namespaced: bool
    version: str = "v1"
    short_names: tuple[str, ...] = ()

    @property
    def singular(self) -> str:
        """The singular name, which discovery derives from the kind."""
        return self.kind.lower()

    @property
    def qualified(self) -> str:
        """`pods` for the core group, `deployments.apps` elsewhere, as kubectl prints."""
        return self.plural if not self.group else f"{self.plural}.{self.group}"


def _r(
    plural: str, group: str, kind: str, namespaced: bool, *shorts: str, version: str = "v1"
) -> ResourceType:
    return ResourceType(plural, group, kind, namespaced, version, shorts)


# Core types first: where two groups share a name (events), kubectl picks core.
RESOURCE_TYPES: tuple[ResourceType, ...] = (
    _r("bindings", "", "Binding", True),
    _r("componentstatuses", "", "ComponentStatus", False, "cs"),
    _r("configmaps", "", "ConfigMap", True, "cm"),
    _r("endpoints", "", "Endpoints", True, "ep"),
    _r("events", "", "Event", True, "ev"),
    _r("limitranges", "", "LimitRange", True, "limits"),
    _r("namespaces", "", "Namespace", False, "ns"),
    _r("nodes", "", "Node", False, "no"),
    _r("persistentvolumeclaims", "", "PersistentVolumeClaim", True, "pvc"),
    _r("persistentvolumes", "", "PersistentVolume", False, "pv"),
    _r("pods", "", "Pod", True, "po"),
    _r("podtemplates", "", "PodTemplate", True),
    _r("replicationcontrollers", "", "ReplicationController", True, "rc"),
    _r("resourcequotas", "", "ResourceQuota", True, "quota"),
    _r("secrets", "", "Secret", True),
    _r("serviceaccounts", "", "ServiceAccount", True, "sa"),
    _r("services", "", "Service", True, "svc"),
    _r("mutatingwebhookconfigurations", "admissionregistration.k8s.io",
       "MutatingWebhookConfiguration", False),
    _r("validatingadmissionpolicies", "admissionregistration.k8s.io",
       "ValidatingAdmissionPolicy", False),
    _r("validatingadmissionpolicybindings", "admissionregistration.k8s.io",
       "ValidatingAdmissionPolicyBinding", False),
    _r("validatingwebhookconfigurations", "admissionregistration.k8s.io",
       "ValidatingWebhookConfiguration", False),
    _r("customresourcedefinitions", "apiextensions.k8s.io", "CustomResourceDefinition", False,
       "crd", "crds"),
    _r("apiservices", "apiregistration.k8s.io", "APIService", False),
    _r("controllerrevisions", "apps", "ControllerRevision", True),
    _r("daemonsets", "apps", "DaemonSet", True, "ds"),
    _r("deployments", "apps", "Deployment", True, "deploy"),
    _r("replicasets", "apps", "ReplicaSet", True, "rs"),
    _r("statefulsets", "apps", "StatefulSet", True, "sts"),
    _r("selfsubjectreviews", "authentication.k8s.io", "SelfSubjectReview", False),
    _r("tokenreviews", "authentication.k8s.io", "TokenReview", False),
    _r("localsubjectaccessreviews", "authorization.k8s.io", "LocalSubjectAccessReview", True),
    _r("selfsubjectaccessreviews", "authorization.k8s.io", "SelfSubjectAccessReview", False),
    _r("selfsubjectrulesreviews", "authorization.k8s.io", "SelfSubjectRulesReview", False),
    _r("subjectaccessreviews", "authorization.k8s.io", "SubjectAccessReview", False),
    _r("horizontalpodautoscalers", "autoscaling", "HorizontalPodAutoscaler", True, "hpa",
       version="v2"),
    _r("cronjobs", "batch", "CronJob", True, "cj"),
    _r("jobs", "batch", "Job", True),
    _r("certificatesigningrequests", "certificates.k8s.io", "CertificateSigningRequest", False,
       "csr"),
    _r("leases", "coordination.k8s.io", "Lease", True),
    _r("endpointslices", "discovery.k8s.io", "EndpointSlice", True),
    _r("events", "events.k8s.io", "Event", True, "ev"),
    _r("flowschemas", "flowcontrol.apiserver.k8s.io", "FlowSchema", False),
    _r("prioritylevelconfigurations", "flowcontrol.apiserver.k8s.io",
       "PriorityLevelConfiguration", False),
    _r("ingressclasses", "networking.k8s.io", "IngressClass", False),
    _r("ingresses", "networking.k8s.io", "Ingress", True, "ing"),
    _r("networkpolicies", "networking.k8s.io", "NetworkPolicy", True, "netpol"),
    _r("runtimeclasses", "node.k8s.io", "RuntimeClass", False),
    _r("poddisruptionbudgets", "policy", "PodDisruptionBudget", True, "pdb"),
    _r("clusterrolebindings", "rbac.authorization.k8s.io", "ClusterRoleBinding", False),
    _r("clusterroles", "rbac.authorization.k8s.io", "ClusterRole", False),
    _r("rolebindings", "rbac.authorization.k8s.io", "RoleBinding", True),
    _r("roles", "rbac.authorization.k8s.io", "Role", True),
    _r("priorityclasses", "scheduling.k8s.io", "PriorityClass", False, "pc"),
    _r("csidrivers", "storage.k8s.io", "CSIDriver", False),
    _r("csinodes", "storage.k8s.io", "CSINode", False),
    _r("csistoragecapacities", "storage.k8s.io", "CSIStorageCapacity", True),
    _r("storageclasses", "storage.k8s.io", "StorageClass", False, "sc"),
    _r("volumeattachments", "storage.k8s.io", "VolumeAttachment", False),
)


def _types(*qualified: str) -> tuple[ResourceType, ...]:
    by_qualified = {resource.qualified: resource for resource in reversed(RESOURCE_TYPES)}
    return tuple(by_qualified[name] for name in qualified)


# Categories as a Kubernetes 1.32 API server publishes them in discovery, in the order
# kubectl's category expander walks discovery (groups in preference order, then resources).
CATEGORIES: dict[str, tuple[ResourceType, ...]] = {
    "all": _types("pods", "replicationcontrollers", "services", "daemonsets.apps",
                  "deployments.apps", "replicasets.apps", "statefulsets.apps",
                  "horizontalpodautoscalers.autoscaling", "cronjobs.batch", "jobs.batch"),
}


def _names(resource: ResourceType) -> tuple[str, ...]:
    return (resource.plural, resource.singular, *resource.short_names)


def _index() -> dict[str, ResourceType]:
    index: dict[str, ResourceType] = {}
    for resource in RESOURCE_TYPES:
        for name in _names(resource):
            index.setdefault(name, resource)
            if resource.group:
                index.setdefault(f"{name}.{resource.group}", resource)
            index.setdefault(f"{name}.{resource.version}.{resource.group}", resource)
    return index


_BY_NAME = _index()
_SUGGESTIBLE = tuple(name for resource in RESOURCE_TYPES for name in _names(resource))


def lookup_resource(typed: str) -> ResourceType:
    """Resolve what a learner typed (`po`, `Deployment`, `deployments.v1.apps`) to a type.

    Raises:
        CommandSyntaxError: kubectl's "doesn't have a resource type" error, with a
            suggestion when a known name is within two edits.
    """
    found = _BY_NAME.get(typed.lower()) if typed.isascii() else None
    if found is not None:
        return found
    message = f'error: the server doesn\'t have a resource type "{typed}"'
    near = closest_word(typed, _SUGGESTIBLE)
    hint = None if near is None else f'did you mean "{_BY_NAME[near].plural}"?'
    raise CommandSyntaxError(message, hint)
