"""The field descriptions of the core/v1 kinds other than Pod."""

from __future__ import annotations

from sandbox.emulator.api_schema import CORE, DISCOVERY, Definition, F, top_level

_SPEC = "Spec defines the behavior of the {}."
_STATUS = "Status describes the current status of the {}. Read-only."


def _status(name: str, doc: str, *fields: F) -> Definition:
    return Definition(CORE, name, doc, fields, closed=False)


DEFINITIONS: tuple[Definition, ...] = (
    top_level(CORE, "Service", "", "Service is a named abstraction of software service (for "
              "example, mysql) consisting of local port (for example 3306) that the proxy "
              "listens on, and the selector that determines which pods will answer requests "
              "sent through the proxy.",
              F("spec", "ServiceSpec", "Spec defines the behavior of a service."),
              F("status", "ServiceStatus", "Most recently observed status of the service.")),
    Definition(CORE, "ServiceSpec", "ServiceSpec describes the attributes that a user creates "
               "on a service.", (
        F("clusterIP", "string", "clusterIP is the IP address of the service and is usually "
          "assigned randomly."),
        F("clusterIPs", "[string]", "ClusterIPs is a list of IP addresses assigned to this "
          "service."),
        F("externalIPs", "[string]", "externalIPs is a list of IP addresses for which nodes in "
          "the cluster will also accept traffic for this service."),
        F("externalName", "string", "externalName is the external reference that discovery "
          "mechanisms will return as an alias for this service (e.g. a DNS CNAME record)."),
        F("externalTrafficPolicy", "string", "externalTrafficPolicy describes how nodes "
          "distribute service traffic they receive on one of the Service's "
          "\"externally-facing\" addresses."),
        F("internalTrafficPolicy", "string", "InternalTrafficPolicy describes how nodes "
          "distribute service traffic they receive on the ClusterIP."),
        F("ipFamilies", "[string]", "IPFamilies is a list of IP families (e.g. IPv4, IPv6) "
          "assigned to this service."),
        F("ipFamilyPolicy", "string", "IPFamilyPolicy represents the dual-stack-ness requested "
          "or required by this Service."),
        F("loadBalancerIP", "string", "Only applies to Service Type: LoadBalancer."),
        F("ports", "[ServicePort]", "The list of ports that are exposed by this service.",
          merge_key="port"),
        F("selector", "{string}", "Route service traffic to pods with label keys and values "
          "matching this selector."),
        F("sessionAffinity", "string", "Supports \"ClientIP\" and \"None\". Used to maintain "
          "session affinity. Defaults to None."),
        F("type", "string", "type determines how the Service is exposed. Defaults to "
          "ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer."),
    )),
    Definition(CORE, "ServicePort", "ServicePort contains information on service's port.", (
        F("appProtocol", "string", "The application protocol for this port."),
        F("name", "string", "The name of this port within the service. This must be a "
          "DNS_LABEL."),
        F("nodePort", "integer", "The port on each node on which this service is exposed when "
          "type is NodePort or LoadBalancer."),
        F("port", "integer", "The port that will be exposed by this service.", required=True),
        F("protocol", "string", "The IP protocol for this port. Supports \"TCP\", \"UDP\", and "
          "\"SCTP\". Default is TCP."),
        F("targetPort", "IntOrString", "Number or name of the port to access on the pods "
          "targeted by the service."),
    )),
    _status("ServiceStatus", "ServiceStatus represents the current status of a service.",
            F("loadBalancer", "object", "LoadBalancer contains the current status of the "
              "load-balancer, if one is present.")),
    top_level(CORE, "ConfigMap", "", "ConfigMap holds configuration data for pods to consume.",
              F("binaryData", "{bytes}", "BinaryData contains the binary data."),
              F("data", "{string}", "Data contains the configuration data. Each key must "
                "consist of alphanumeric characters, '-', '_' or '.'."),
              F("immutable", "boolean", "Immutable, if set to true, ensures that data stored "
                "in the ConfigMap cannot be updated (only object metadata can be modified).")),
    top_level(CORE, "Secret", "", "Secret holds secret data of a certain type.",
              F("data", "{bytes}", "Data contains the secret data."),
              F("immutable", "boolean", "Immutable, if set to true, ensures that data stored "
                "in the Secret cannot be updated."),
              F("stringData", "{string}", "stringData allows specifying non-binary secret data "
                "in string form."),
              F("type", "string", "Used to facilitate programmatic handling of secret data.")),
    top_level(CORE, "Namespace", "", "Namespace provides a scope for Names. Use of multiple "
              "namespaces is optional.",
              F("spec", "NamespaceSpec", "Spec defines the behavior of the Namespace."),
              F("status", "NamespaceStatus", "Status describes the current status of a "
                "Namespace.")),
    Definition(CORE, "NamespaceSpec", "NamespaceSpec describes the attributes on a Namespace.",
               (F("finalizers", "[string]", "Finalizers is an opaque list of values that must "
                  "be empty to permanently remove object from storage."),)),
    _status("NamespaceStatus", "NamespaceStatus is information about the current status of a "
            "Namespace.", F("phase", "string", "Phase is the current lifecycle phase of the "
                            "namespace.")),
    top_level(CORE, "Node", "", "Node is a worker node in Kubernetes. Each node will have a "
              "unique identifier in the cache (i.e. in etcd).",
              F("spec", "object", "Spec defines the behavior of a node."),
              F("status", "object", "Most recently observed status of the node.")),
    top_level(CORE, "Event", "", "Event is a report of an event somewhere in the cluster.",
              F("action", "string", "What action was taken/failed regarding to the Regarding "
                "object."),
              F("count", "integer", "The number of times this event has occurred."),
              F("eventTime", "object", "Time when this Event was first observed."),
              F("firstTimestamp", "Time", "The time at which the event was first recorded."),
              F("involvedObject", "ObjectReference", "The object that this event is about."),
              F("lastTimestamp", "Time", "The time at which the most recent occurrence of "
                "this event was recorded."),
              F("message", "string", "A human-readable description of the status of this "
                "operation."),
              F("reason", "string", "This should be a short, machine understandable string "
                "that gives the reason for the transition into the object's current status."),
              F("reportingComponent", "string", "Name of the controller that emitted this "
                "Event."),
              F("reportingInstance", "string", "ID of the controller instance."),
              F("source", "object", "The component reporting this event."),
              F("type", "string", "Type of this event (Normal, Warning), new types could be "
                "added in the future"), closed=False),
    Definition(CORE, "ObjectReference", "ObjectReference contains enough information to let "
               "you inspect or modify the referred object.", (
        F("apiVersion", "string", "API version of the referent."),
        F("fieldPath", "string", "If referring to a piece of an object instead of an entire "
          "object, this string should contain a valid JSON/Go field access statement."),
        F("kind", "string", "Kind of the referent."),
        F("name", "string", "Name of the referent."),
        F("namespace", "string", "Namespace of the referent."),
        F("resourceVersion", "string", "Specific resourceVersion to which this reference is "
          "made, if any."),
        F("uid", "string", "UID of the referent."),
    )),
    top_level(CORE, "Endpoints", "", "Endpoints is a collection of endpoints that implement "
              "the actual service.",
              F("subsets", "[object]", "The set of all endpoints is the union of all subsets.")),
    top_level(DISCOVERY, "EndpointSlice", "discovery.k8s.io", "EndpointSlice represents a "
              "subset of the endpoints that implement a service.",
              F("addressType", "string", "addressType specifies the type of address carried "
                "by this EndpointSlice.", required=True),
              F("endpoints", "[object]", "endpoints is a list of unique endpoints in this "
                "slice.", required=True),
              F("ports", "[object]", "ports specifies the list of network ports exposed by "
                "each endpoint in this slice.")),
    top_level(CORE, "ServiceAccount", "", "ServiceAccount binds together: * a name, "
              "understood by users, and perhaps by peripheral systems, for an identity * a "
              "principal that can be authenticated and authorized * a set of secrets",
              F("automountServiceAccountToken", "boolean", "AutomountServiceAccountToken "
                "indicates whether pods running as this service account should have an API "
                "token automatically mounted."),
              F("imagePullSecrets", "[object]", "ImagePullSecrets is a list of references to "
                "secrets in the same namespace to use for pulling any images in pods that "
                "reference this ServiceAccount."),
              F("secrets", "[ObjectReference]", "Secrets is a list of the secrets in the same "
                "namespace that pods running using this ServiceAccount are allowed to use.",
                merge_key="name")),
    top_level(CORE, "ResourceQuota", "", "ResourceQuota sets aggregate quota restrictions "
              "enforced per namespace",
              F("spec", "ResourceQuotaSpec", "Spec defines the desired quota."),
              F("status", "ResourceQuotaStatus", "Status defines the actual enforced quota and "
                "its current usage.")),
    Definition(CORE, "ResourceQuotaSpec", "ResourceQuotaSpec defines the desired hard limits "
               "to enforce for Quota.", (
        F("hard", "{Quantity}", "hard is the set of desired hard limits for each named "
          "resource."),
        F("scopeSelector", "object", "scopeSelector is also a collection of filters like "
          "scopes that must match each object tracked by a quota."),
        F("scopes", "[string]", "A collection of filters that must match each object tracked "
          "by a quota."),
    )),
    _status("ResourceQuotaStatus", "ResourceQuotaStatus defines the enforced hard limits and "
            "observed use.",
            F("hard", "{Quantity}", "Hard is the set of enforced hard limits for each named "
              "resource."),
            F("used", "{Quantity}", "Used is the current observed total usage of the resource "
              "in the namespace.")),
    top_level(CORE, "LimitRange", "", "LimitRange sets resource usage limits for each kind of "
              "resource in a Namespace.",
              F("spec", "LimitRangeSpec", "Spec defines the limits enforced.")),
    Definition(CORE, "LimitRangeSpec", "LimitRangeSpec defines a min/max usage limit for "
               "resources that match on kind.", (
        F("limits", "[LimitRangeItem]", "Limits is the list of LimitRangeItem objects that are "
          "enforced.", required=True),
    )),
    Definition(CORE, "LimitRangeItem", "LimitRangeItem defines a min/max usage limit for any "
               "resource that matches on kind.", (
        F("default", "{Quantity}", "Default resource requirement limit value by resource "
          "name if resource limit is omitted."),
        F("defaultRequest", "{Quantity}", "DefaultRequest is the default resource requirement "
          "request value by resource name if resource request is omitted."),
        F("max", "{Quantity}", "Max usage constraints on this kind by resource name."),
        F("maxLimitRequestRatio", "{Quantity}", "MaxLimitRequestRatio if specified, the named "
          "resource must have a request and limit that are both non-zero where limit divided "
          "by request is less than or equal to the enumerated value."),
        F("min", "{Quantity}", "Min usage constraints on this kind by resource name."),
        F("type", "string", "Type of resource that this limit applies to.", required=True),
    )),
)
