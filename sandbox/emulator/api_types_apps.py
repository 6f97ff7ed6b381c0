"""The field descriptions of the apps/v1, rbac.authorization.k8s.io/v1 and
authorization.k8s.io/v1 kinds."""

from __future__ import annotations

from sandbox.emulator.api_schema import APPS, AUTHZ, AUTOSCALING, RBAC, Definition, F, top_level

_RBAC_GROUP = "rbac.authorization.k8s.io"


def _rules() -> F:
    return F("rules", "[PolicyRule]", "Rules holds all the PolicyRules for this Role")


def _binding_fields() -> tuple[F, F]:
    return (F("roleRef", "RoleRef", "RoleRef can reference a Role in the current namespace or a "
              "ClusterRole in the global namespace. If the RoleRef cannot be resolved, the "
              "Authorizer must return an error. This field is immutable.", required=True),
            F("subjects", "[Subject]", "Subjects holds references to the objects the role "
              "applies to."))


DEFINITIONS: tuple[Definition, ...] = (
    top_level(APPS, "Deployment", "apps", "Deployment enables declarative updates for Pods and "
              "ReplicaSets.",
              F("spec", "DeploymentSpec", "Specification of the desired behavior of the "
                "Deployment."),
              F("status", "DeploymentStatus", "Most recently observed status of the "
                "Deployment.")),
    Definition(APPS, "DeploymentSpec", "DeploymentSpec is the specification of the desired "
               "behavior of the Deployment.", (
        F("minReadySeconds", "integer", "Minimum number of seconds for which a newly created "
          "pod should be ready without any of its container crashing, for it to be considered "
          "available. Defaults to 0 (pod will be considered available as soon as it is ready)"),
        F("paused", "boolean", "Indicates that the deployment is paused."),
        F("progressDeadlineSeconds", "integer", "The maximum time in seconds for a deployment "
          "to make progress before it is considered to be failed. Defaults to 600s."),
        F("replicas", "integer", "Number of desired pods. This is a pointer to distinguish "
          "between explicit zero and not specified. Defaults to 1."),
        F("revisionHistoryLimit", "integer", "The number of old ReplicaSets to retain to allow "
          "rollback. This is a pointer to distinguish between explicit zero and not specified. "
          "Defaults to 10."),
        F("selector", "LabelSelector", "Label selector for pods. Existing ReplicaSets whose "
          "pods are selected by this will be the ones affected by this deployment. It must "
          "match the pod template's labels.", required=True),
        F("strategy", "DeploymentStrategy", "The deployment strategy to use to replace "
          "existing pods with new ones.", strategy="retainKeys"),
        F("template", "PodTemplateSpec", "Template describes the pods that will be created. "
          "The only allowed template.spec.restartPolicy value is \"Always\".", required=True),
    )),
    Definition(APPS, "DeploymentStrategy", "DeploymentStrategy describes how to replace "
               "existing pods with new ones.", (
        F("rollingUpdate", "RollingUpdateDeployment", "Rolling update config params. Present "
          "only if DeploymentStrategyType = RollingUpdate."),
        F("type", "string", "Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". "
          "Default is RollingUpdate."),
    )),
    Definition(APPS, "RollingUpdateDeployment", "Spec to control the desired behavior of "
               "rolling update.", (
        F("maxSurge", "IntOrString", "The maximum number of pods that can be scheduled above "
          "the desired number of pods. Value can be an absolute number (ex: 5) or a percentage "
          "of desired pods (ex: 10%). Defaults to 25%."),
        F("maxUnavailable", "IntOrString", "The maximum number of pods that can be unavailable "
          "during the update. Value can be an absolute number (ex: 5) or a percentage of "
          "desired pods (ex: 10%). Defaults to 25%."),
    )),
    Definition(APPS, "DeploymentStatus", "DeploymentStatus is the most recently observed "
               "status of the Deployment.", (
        F("availableReplicas", "integer", "Total number of available pods (ready for at least "
          "minReadySeconds) targeted by this deployment."),
        F("conditions", "[object]", "Represents the latest available observations of a "
          "deployment's current state.", merge_key="type"),
        F("observedGeneration", "int64", "The generation observed by the deployment "
          "controller."),
        F("readyReplicas", "integer", "readyReplicas is the number of pods targeted by this "
          "Deployment with a Ready Condition."),
        F("replicas", "integer", "Total number of non-terminated pods targeted by this "
          "deployment (their labels match the selector)."),
        F("unavailableReplicas", "integer", "Total number of unavailable pods targeted by this "
          "deployment."),
        F("updatedReplicas", "integer", "Total number of non-terminated pods targeted by this "
          "deployment that have the desired template spec."),
    ), closed=False),
    top_level(APPS, "ReplicaSet", "apps", "ReplicaSet ensures that a specified number of pod "
              "replicas are running at any given time.",
              F("spec", "ReplicaSetSpec", "Spec defines the specification of the desired "
                "behavior of the ReplicaSet."),
              F("status", "ReplicaSetStatus", "Status is the most recently observed status of "
                "the ReplicaSet.")),
    Definition(APPS, "ReplicaSetSpec", "ReplicaSetSpec is the specification of a ReplicaSet.", (
        F("minReadySeconds", "integer", "Minimum number of seconds for which a newly created "
          "pod should be ready without any of its container crashing, for it to be considered "
          "available."),
        F("replicas", "integer", "Replicas is the number of desired pods. This is a pointer to "
          "distinguish between explicit zero and unspecified. Defaults to 1."),
        F("selector", "LabelSelector", "Selector is a label query over pods that should match "
          "the replica count.", required=True),
        F("template", "PodTemplateSpec", "Template is the object that describes the pod that "
          "will be created if insufficient replicas are detected."),
    )),
    Definition(APPS, "ReplicaSetStatus", "ReplicaSetStatus represents the current status of a "
               "ReplicaSet.", (
        F("availableReplicas", "integer", "The number of available pods (ready for at least "
          "minReadySeconds) for this replica set."),
        F("fullyLabeledReplicas", "integer", "The number of pods that have labels matching the "
          "labels of the pod template of the replicaset."),
        F("observedGeneration", "int64", "ObservedGeneration reflects the generation of the "
          "most recently observed ReplicaSet."),
        F("readyReplicas", "integer", "readyReplicas is the number of pods targeted by this "
          "ReplicaSet with a Ready Condition."),
        F("replicas", "integer", "Replicas is the most recently observed number of "
          "non-terminating pods.", required=True),
    ), closed=False),
    top_level(RBAC, "Role", _RBAC_GROUP, "Role is a namespaced, logical grouping of "
              "PolicyRules that can be referenced as a unit by a RoleBinding.", _rules()),
    top_level(RBAC, "ClusterRole", _RBAC_GROUP, "ClusterRole is a cluster level, logical "
              "grouping of PolicyRules that can be referenced as a unit by a RoleBinding or "
              "ClusterRoleBinding.",
              F("aggregationRule", "object", "AggregationRule is an optional field that "
                "describes how to build the Rules for this ClusterRole."), _rules()),
    Definition(RBAC, "PolicyRule", "PolicyRule holds information that describes a policy rule, "
               "but does not contain information about who the rule applies to or which "
               "namespace the rule applies to.", (
        F("apiGroups", "[string]", "APIGroups is the name of the APIGroup that contains the "
          "resources. If multiple API groups are specified, any action requested against one "
          "of the enumerated resources in any API group will be allowed. \"\" represents the "
          "core API group and \"*\" represents all API groups."),
        F("nonResourceURLs", "[string]", "NonResourceURLs is a set of partial urls that a user "
          "should have access to."),
        F("resourceNames", "[string]", "ResourceNames is an optional white list of names that "
          "the rule applies to.  An empty set means that everything is allowed."),
        F("resources", "[string]", "Resources is a list of resources this rule applies to. "
          "'*' represents all resources."),
        F("verbs", "[string]", "Verbs is a list of Verbs that apply to ALL the ResourceKinds "
          "contained in this rule. '*' represents all verbs.", required=True),
    )),
    top_level(RBAC, "RoleBinding", _RBAC_GROUP, "RoleBinding references a role, but does not "
              "contain it.  It can reference a Role in the same namespace or a ClusterRole in "
              "the global namespace.", *_binding_fields()),
    top_level(RBAC, "ClusterRoleBinding", _RBAC_GROUP, "ClusterRoleBinding references a "
              "ClusterRole, but not contain it.", *_binding_fields()),
    Definition(RBAC, "RoleRef", "RoleRef contains information that points to the role being "
               "used", (
        F("apiGroup", "string", "APIGroup is the group for the resource being referenced",
          required=True),
        F("kind", "string", "Kind is the type of resource being referenced", required=True),
        F("name", "string", "Name is the name of resource being referenced", required=True),
    )),
    Definition(RBAC, "Subject", "Subject contains a reference to the object or user identities "
               "a role binding applies to.", (
        F("apiGroup", "string", "APIGroup holds the API group of the referenced subject."),
        F("kind", "string", "Kind of object being referenced. Values defined by this API group "
          "are \"User\", \"Group\", and \"ServiceAccount\".", required=True),
        F("name", "string", "Name of the object being referenced.", required=True),
        F("namespace", "string", "Namespace of the referenced object."),
    )),
    top_level(AUTHZ, "SelfSubjectAccessReview", "authorization.k8s.io",
              "SelfSubjectAccessReview checks whether or the current user can perform an "
              "action.",
              F("spec", "object", "Spec holds information about the request being evaluated.",
                required=True),
              F("status", "object", "Status is filled in by the server and indicates whether "
                "the request is allowed or not"), closed=False),
    Definition(AUTOSCALING, "Scale", "Scale represents a scaling request for a resource.", (
        F("apiVersion", "string", "APIVersion defines the versioned schema of this "
          "representation of an object."),
        F("kind", "string", "Kind is a string value representing the REST resource this object "
          "represents."),
        F("metadata", "ObjectMeta", "Standard object metadata."),
        F("spec", "object", "spec defines the behavior of the scale."),
        F("status", "object", "status is the current status of the scale."),
    ), gvk=("autoscaling", "v1", "Scale"), closed=False),
)
