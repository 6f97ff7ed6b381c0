"""The course's kinds and fields, for `kubectl explain` where a cluster serves no OpenAPI.

The embedded simulated cluster publishes no schemas, so the fields the course teaches
are described here in the API reference's own words, shortened.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One kind or field: its type as explain prints it, a description, and its fields."""

    type: str
    description: str
    fields: tuple[tuple[str, str, str], ...] = ()


_API_VERSION = ("apiVersion", "<string>", "APIVersion defines the versioned schema of this "
                "representation of an object.")
_KIND = ("kind", "<string>", "Kind is a string value representing the REST resource this "
         "object represents.")
_METADATA = ("metadata", "<ObjectMeta>", "Standard object's metadata: name, namespace, labels, "
             "annotations.")
_STATUS = "Most recently observed status. Populated by the system. Read-only."
_TEMPLATE = ("template", "<PodTemplateSpec> -required-", "Template describes the pods that "
             "will be created.")
_SELECTOR = ("selector", "<LabelSelector> -required-", "Label selector for pods. Existing "
             "ReplicaSets whose pods are selected by this will be the ones affected.")
_REPLICAS = ("replicas", "<integer>", "Number of desired pods. Defaults to 1.")

GLOSSARY: dict[tuple[str, ...], Entry] = {
    ("Pod",): Entry("<Object>", "Pod is a collection of containers that can run on a host. "
                    "This resource is created by clients and scheduled onto hosts.",
                    (_API_VERSION, _KIND, _METADATA,
                     ("spec", "<PodSpec>", "Specification of the desired behavior of the pod."),
                     ("status", "<PodStatus>", _STATUS))),
    ("Pod", "spec"): Entry("<PodSpec>", "Specification of the desired behavior of the pod.", (
        ("containers", "<[]Container> -required-", "List of containers belonging to the pod. "
         "There must be at least one container in a Pod."),
        ("nodeName", "<string>", "The node the pod is scheduled onto."),
        ("restartPolicy", "<string>", "Restart policy for all containers within the pod: "
         "Always, OnFailure or Never. Default to Always."),
        ("volumes", "<[]Volume>", "List of volumes that can be mounted by containers."))),
    ("Pod", "spec", "containers"): Entry(
        "<[]Container>", "List of containers belonging to the pod.", (
            ("args", "<[]string>", "Arguments to the entrypoint."),
            ("command", "<[]string>", "Entrypoint array. Not executed within a shell."),
            ("env", "<[]EnvVar>", "List of environment variables to set in the container."),
            ("image", "<string>", "Container image name."),
            ("name", "<string> -required-", "Name of the container specified as a DNS_LABEL."),
            ("ports", "<[]ContainerPort>", "List of ports to expose from the container."),
            ("resources", "<ResourceRequirements>", "Compute resources (requests and limits) "
             "required by this container."))),
    ("Deployment",): Entry("<Object>", "Deployment enables declarative updates for Pods and "
                           "ReplicaSets.", (
                               _API_VERSION, _KIND, _METADATA,
                               ("spec", "<DeploymentSpec>", "Specification of the desired "
                                "behavior of the Deployment."),
                               ("status", "<DeploymentStatus>", _STATUS))),
    ("Deployment", "spec"): Entry("<DeploymentSpec>", "Specification of the desired behavior "
                                  "of the Deployment.", (
                                      ("minReadySeconds", "<integer>", "Minimum number of "
                                       "seconds a new pod should be ready to count as "
                                       "available."),
                                      _REPLICAS,
                                      ("revisionHistoryLimit", "<integer>", "The number of old "
                                       "ReplicaSets to retain to allow rollback. Defaults to "
                                       "10."),
                                      _SELECTOR,
                                      ("strategy", "<DeploymentStrategy>", "The deployment "
                                       "strategy to use to replace existing pods with new "
                                       "ones."),
                                      _TEMPLATE)),
    ("Deployment", "spec", "replicas"): Entry("<integer>", "Number of desired pods. This is a "
                                              "pointer to distinguish between explicit zero "
                                              "and not specified. Defaults to 1."),
    ("ReplicaSet",): Entry("<Object>", "ReplicaSet ensures that a specified number of pod "
                           "replicas are running at any given time.", (
                               _API_VERSION, _KIND, _METADATA,
                               ("spec", "<ReplicaSetSpec>", "Spec defines the specification of "
                                "the desired behavior of the ReplicaSet."),
                               ("status", "<ReplicaSetStatus>", _STATUS))),
    ("ReplicaSet", "spec"): Entry("<ReplicaSetSpec>", "The desired behavior of the ReplicaSet.",
                                  (_REPLICAS, _SELECTOR, _TEMPLATE)),
    ("Service",): Entry("<Object>", "Service is a named abstraction of software service (for "
                        "example, mysql) consisting of local port (for example 3306) that the "
                        "proxy listens on, and the selector that determines which pods will "
                        "answer requests sent through the proxy.", (
                            _API_VERSION, _KIND, _METADATA,
                            ("spec", "<ServiceSpec>", "Spec defines the behavior of a service."),
                            ("status", "<ServiceStatus>", _STATUS))),
    ("Service", "spec"): Entry("<ServiceSpec>", "Spec defines the behavior of a service.", (
        ("clusterIP", "<string>", "The IP address of the service, usually assigned randomly."),
        ("ports", "<[]ServicePort>", "The list of ports that are exposed by this service."),
        ("selector", "<map[string]string>", "Route service traffic to pods with label keys and "
         "values matching this selector."),
        ("type", "<string>", "How the Service is exposed: ClusterIP (the default), NodePort, "
         "LoadBalancer or ExternalName."))),
    ("ConfigMap",): Entry("<Object>", "ConfigMap holds configuration data for pods to "
                          "consume.", (
                              _API_VERSION, _KIND, _METADATA,
                              ("data", "<map[string]string>", "Data contains the configuration "
                               "data."))),
    ("Namespace",): Entry("<Object>", "Namespace provides a scope for Names. Use of multiple "
                          "namespaces is optional.", (
                              _API_VERSION, _KIND, _METADATA,
                              ("spec", "<NamespaceSpec>", "Spec defines the behavior of the "
                               "Namespace."),
                              ("status", "<NamespaceStatus>", _STATUS))),
    ("Node",): Entry("<Object>", "Node is a worker node in Kubernetes. Each node will have a "
                     "unique identifier in the cache (i.e. in etcd).", (
                         _API_VERSION, _KIND, _METADATA,
                         ("spec", "<NodeSpec>", "Spec defines the behavior of a node."),
                         ("status", "<NodeStatus>", _STATUS))),
}
"""Entries by kind and field path."""
