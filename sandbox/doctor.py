"""`kubetutor doctor`: is the configured cluster ready for the sandbox, and if not, what to fix.

Each check is one `Finding`: reachable, version, RBAC enforced, the bot's own permissions
(by SelfSubjectAccessReview), whether the bot runs as an all-powerful identity,
impersonation of a learner, and a test namespace provisioned and deleted.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sandbox.cluster import Cluster, ClusterConfig, ClusterConfigError, connect
from sandbox.kubeapi import ApiError, ClusterUnavailable, Obj, object_path
from sandbox.provisioning import PREFIX, Provisioner

_RBAC = "rbac.authorization.k8s.io"
_README = "see deploy/README.md"
_NEEDED: tuple[tuple[str, str, str, str], ...] = (
    ("create", "", "namespaces", ""), ("delete", "", "namespaces", ""),
    ("list", "", "namespaces", ""), ("create", "", "serviceaccounts", ""),
    ("create", _RBAC, "roles", ""), ("escalate", _RBAC, "roles", "kubetutor-learner"),
    ("create", _RBAC, "rolebindings", ""), ("create", _RBAC, "clusterrolebindings", ""),
    ("create", "", "resourcequotas", ""), ("create", "", "limitranges", ""),
    ("impersonate", "", "serviceaccounts", "learner"), ("get", "", "nodes", ""),
)


@dataclass(frozen=True)
class Finding:
    """One check's outcome: its name, whether it passed, what was seen, and how to fix it."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


async def diagnose(config: ClusterConfig) -> list[Finding]:
    """Check the cluster `config` names (starting the simulated one in emulator mode)."""
    try:
        async with connect(config) as cluster:
            return await diagnose_cluster(cluster)
    except ClusterConfigError as error:
        return [Finding("configuration", False, str(error),
                        "set KUBETUTOR_CLUSTER=kubeconfig|in-cluster|emulator and, for a "
                        "kubeconfig, KUBETUTOR_KUBE_CONTEXT to an existing context")]


async def diagnose_cluster(cluster: Cluster) -> list[Finding]:
    """Run every check against a connected cluster; stop early if it cannot be reached."""
    where = f"{cluster.server} (context {cluster.context})"
    try:
        version = await cluster.bot.get("/version")
    except (ClusterUnavailable, ApiError) as error:
        return [Finding("reachable", False, f"{where}: {error}",
                        "start the cluster (minikube start) or fix the kubeconfig context")]
    findings = [Finding("reachable", True, where + (" (simulated)" if cluster.simulated else ""))]
    findings.append(_version(version))
    findings.append(await _permissions(cluster))
    findings.append(await _identity(cluster))
    findings += await _sandbox_round_trip(cluster)
    return findings


def _version(version: Obj) -> Finding:
    text = str(version.get("gitVersion", "?"))
    minor = int("".join(ch for ch in str(version.get("minor", "0")) if ch.isdigit()) or 0)
    if minor < 25:
        return Finding("version", False, f"Kubernetes {text}",
                       "use Kubernetes 1.25 or newer (minikube start --kubernetes-version=stable)")
    return Finding("version", True, f"Kubernetes {text}")


async def _permissions(cluster: Cluster) -> Finding:
    missing: list[str] = []
    for verb, group, resource, name in _NEEDED:
        attributes = {"verb": verb, "group": group, "resource": resource}
        if name:
            attributes["name"] = name
        review = {"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                  "spec": {"resourceAttributes": attributes}}
        try:
            answer = await cluster.bot.create(
                object_path("selfsubjectaccessreviews", "authorization.k8s.io", None), review)
        except ApiError as error:
            return Finding("own permissions", False, str(error), _README)
        if not (answer.get("status") or {}).get("allowed"):
            missing.append(f"{verb} {resource}" + (f".{group}" if group else ""))
    if missing:
        return Finding("own permissions", False, "missing: " + ", ".join(missing),
                       "kubectl apply -f deploy/rbac.yaml and run the bot with its token; "
                       + _README)
    return Finding("own permissions", True, f"all {len(_NEEDED)} needed permissions granted")


async def _identity(cluster: Cluster) -> Finding:
    """Warn when the bot itself runs as system:masters (minikube's default certificate)."""
    try:
        review = await cluster.bot.create(
            object_path("selfsubjectreviews", "authentication.k8s.io", None),
            {"apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"})
    except ApiError:
        return Finding("bot identity", True, "not reported by this cluster")
    info = (review.get("status") or {}).get("userInfo") or {}
    if "system:masters" in (info.get("groups") or []):
        return Finding("bot identity", False,
                       f"{info.get('username', '?')} is in system:masters, which bypasses "
                       "RBAC; learner commands still impersonate their ServiceAccount",
                       "run the bot as the kubetutor ServiceAccount: " + _README)
    return Finding("bot identity", True, str(info.get("username", "?")))


async def _sandbox_round_trip(cluster: Cluster) -> list[Finding]:
    namespace = f"{PREFIX}doctor-{secrets.token_hex(3)}"
    provisioner = Provisioner(cluster)
    try:
        await provisioner.ensure(namespace)
    except ApiError as error:
        return [Finding("test namespace", False, f"could not provision {namespace}: {error}",
                        "grant the permissions above; " + _README)]
    findings = [await _impersonation(cluster, namespace)]
    try:
        await provisioner.delete(namespace)
    except ApiError as error:
        findings.append(Finding("test namespace", False,
                                f"created {namespace} but could not delete it: {error}",
                                f"delete it by hand (kubectl delete ns {namespace}); "
                                + _README))
        return findings
    findings.append(Finding("test namespace", True, f"{namespace} created and deleted"))
    return findings


async def _impersonation(cluster: Cluster, namespace: str) -> Finding:
    learner = cluster.learner(namespace)
    try:
        await learner.get(object_path("pods", "", namespace))
    except ApiError as error:
        return Finding("impersonation and RBAC", False, f"as the learner: {error}",
                       "allow the bot to impersonate serviceaccounts; " + _README)
    try:
        await learner.get(object_path("pods", "", "kube-system"))
    except ApiError as error:
        if error.code == 403:
            return Finding("impersonation and RBAC", True,
                           "a learner reads its own namespace and is refused kube-system")
        return Finding("impersonation and RBAC", False, str(error), _README)
    return Finding("impersonation and RBAC", False,
                   "a learner could read kube-system: RBAC is not enforced",
                   "start minikube with --extra-config=apiserver.authorization-mode=RBAC "
                   "(Node,RBAC on recent versions)")


def report(findings: list[Finding]) -> str:
    """The findings as `kubetutor doctor` prints them: one line each, fixes indented below."""
    lines: list[str] = []
    for finding in findings:
        lines.append(f"[{'ok' if finding.ok else 'FAIL'}] {finding.name}: {finding.detail}")
        if not finding.ok and finding.fix:
            lines.append(f"       fix: {finding.fix}")
    return "\n".join(lines) + "\n"
