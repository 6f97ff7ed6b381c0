"""The tables behind `sandbox.policy`: commands run, commands refused, flags refused.

Commands are named by their command path as the parser gives it
(`("rollout", "status")`). A refused command or flag carries the category
whose words (`sandbox.refusal_texts.WHY`) explain the refusal.
"""

from __future__ import annotations

SUPPORTED_KUBECTL: frozenset[tuple[str, ...]] = frozenset(
    {
        ("get",), ("describe",), ("logs",), ("explain",),
        ("create", "deployment"), ("create", "configmap"), ("create",),
        ("create", "service", "clusterip"), ("create", "service", "nodeport"),
        ("create", "service", "loadbalancer"),
        ("run",), ("expose",), ("apply",), ("delete",), ("scale",), ("set", "image"),
        ("label",), ("annotate",),
        ("rollout", "status"), ("rollout", "history"), ("rollout", "undo"),
        ("rollout", "restart"),
        ("version",), ("cluster-info",), ("api-resources",), ("config", "current-context"),
    }
)
SUPPORTED_MINIKUBE: frozenset[tuple[str, ...]] = frozenset(
    {("status",), ("ip",), ("version",), ("dashboard",), ("start",), ("stop",), ("service",)}
)

# kubectl commands refused outright, with the category that explains why.
FORBIDDEN_COMMANDS: dict[str, str] = {
    "exec": "exec", "attach": "attach", "cp": "cp", "debug": "debug",
    "port-forward": "port-forward", "proxy": "proxy",
    "auth": "auth", "certificate": "certificate",
    "drain": "drain", "cordon": "drain", "uncordon": "drain", "taint": "drain",
    "edit": "edit", "patch": "patch", "replace": "patch",
}

# `kubectl create <what>` for kinds the sandbox refuses: the kind it would create.
CREATED_KINDS: dict[str, str] = {
    "secret": "Secret", "role": "Role", "rolebinding": "RoleBinding",
    "clusterrole": "ClusterRole", "clusterrolebinding": "ClusterRoleBinding",
    "namespace": "Namespace", "serviceaccount": "ServiceAccount", "token": "ServiceAccount",
    "quota": "ResourceQuota", "priorityclass": "PriorityClass", "cronjob": "CronJob",
    "job": "Job", "ingress": "Ingress", "poddisruptionbudget": "PodDisruptionBudget",
}

# Flags that would change which cluster, which identity or which credentials are used.
CONNECTION_FLAGS = frozenset(
    {
        "as", "as-group", "as-uid", "token", "kubeconfig", "server", "context", "cluster",
        "user", "username", "password", "client-certificate", "client-key",
        "certificate-authority", "insecure-skip-tls-verify", "tls-server-name",
        "insecure-skip-tls-verify-backend",
    }
)
# Flags that read or write files on the bot's machine (`--filename` other than `-` too).
LOCAL_FILE_FLAGS = frozenset(
    {"kustomize", "from-file", "from-env-file", "cache-dir", "profile-output", "recursive"}
)
# Flags refused when set, with the category that explains why.
FORBIDDEN_FLAGS: dict[str, str] = {
    "privileged": "privileged", "overrides": "overrides", "raw": "raw",
    "attach": "attach", "stdin": "attach", "tty": "attach", "leave-stdin-open": "attach",
}
# Verbs that only read, and may therefore look at a few more kinds.
READ_VERBS = frozenset({("get",), ("describe",), ("logs",)})
