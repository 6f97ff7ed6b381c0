"""Each learner's namespace of their own: created on first use, reset on request, reaped idle.

A namespace `kt-<8 hex>` derived from the learner key holds a ServiceAccount the bot
impersonates, a Role with exactly the verbs and resources the supported commands need, a
RoleBinding, a ResourceQuota so that nobody exhausts the cluster, and a LimitRange whose
defaults let pods without resources be admitted under that quota.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sandbox.cluster import LEARNER_ACCOUNT, Cluster
from sandbox.kubeapi import MERGE_PATCH, Api, ApiError, Obj, object_path

PREFIX = "kt-"
MANAGED_BY = {"app.kubernetes.io/managed-by": "kubetutor"}
ROLE = "kubetutor-learner"
_RBAC = "rbac.authorization.k8s.io"
_WRITE = ["get", "list", "watch", "create", "delete", "patch"]
_READ = ["get", "list", "watch"]

LEARNER_RULES: list[Obj] = [
    {"apiGroups": [""], "resources": ["pods", "services", "configmaps"], "verbs": _WRITE},
    {"apiGroups": [""], "resources": ["pods/log"], "verbs": ["get"]},
    {"apiGroups": [""], "resources": ["endpoints", "events", "resourcequotas", "limitranges"],
     "verbs": _READ},
    {"apiGroups": ["apps"], "resources": ["deployments", "replicasets"], "verbs": _WRITE},
    {"apiGroups": ["apps"], "resources": ["deployments/scale", "replicasets/scale"],
     "verbs": ["get", "patch"]},
    {"apiGroups": ["discovery.k8s.io"], "resources": ["endpointslices"], "verbs": _READ},
]
"""What the supported commands need: reads (get, describe, logs, -w), writes (create, run,
expose, apply, delete), and patches (scale, set image, label, annotate, rollout)."""

NODE_READER = "kubetutor-learner-nodes"
NODE_RULES: list[Obj] = [{"apiGroups": [""], "resources": ["nodes"], "verbs": _READ}]
"""Cluster-wide, read-only: the course has learners run `kubectl get nodes`."""

QUOTA: Mapping[str, str] = {
    "pods": "10", "requests.cpu": "1", "requests.memory": "1Gi", "limits.cpu": "2",
    "limits.memory": "2Gi", "services": "5", "configmaps": "10",
    "count/deployments.apps": "5", "count/replicasets.apps": "20",
}
DEFAULT_REQUESTS: Mapping[str, str] = {"cpu": "50m", "memory": "64Mi"}
DEFAULT_LIMITS: Mapping[str, str] = {"cpu": "250m", "memory": "256Mi"}


def namespace_for(learner_key: str) -> str:
    """The learner's namespace: stable, short, and revealing nothing of the key."""
    return PREFIX + hashlib.sha256(learner_key.encode()).hexdigest()[:8]


def _meta(name: str, namespace: str | None = None) -> Obj:
    meta: Obj = {"name": name, "labels": dict(MANAGED_BY)}
    if namespace is not None:
        meta["namespace"] = namespace
    return meta


def learner_objects(namespace: str) -> list[tuple[str, str, Obj]]:
    """(group, plural, object) for everything in a learner namespace, in creation order."""
    return [
        ("", "serviceaccounts", {"apiVersion": "v1", "kind": "ServiceAccount",
                                 "metadata": _meta(LEARNER_ACCOUNT, namespace),
                                 "automountServiceAccountToken": False}),
        (_RBAC, "roles", {"apiVersion": f"{_RBAC}/v1", "kind": "Role",
                          "metadata": _meta(ROLE, namespace), "rules": []}),
        (_RBAC, "rolebindings", {
            "apiVersion": f"{_RBAC}/v1", "kind": "RoleBinding", "metadata": _meta(ROLE, namespace),
            "roleRef": {"apiGroup": _RBAC, "kind": "Role", "name": ROLE},
            "subjects": [{"kind": "ServiceAccount", "name": LEARNER_ACCOUNT,
                          "namespace": namespace}]}),
        ("", "resourcequotas", {"apiVersion": "v1", "kind": "ResourceQuota",
                                "metadata": _meta("kubetutor-quota", namespace),
                                "spec": {"hard": dict(QUOTA)}}),
        ("", "limitranges", {"apiVersion": "v1", "kind": "LimitRange",
                             "metadata": _meta("kubetutor-limits", namespace),
                             "spec": {"limits": [{"type": "Container",
                                                  "defaultRequest": dict(DEFAULT_REQUESTS),
                                                  "default": dict(DEFAULT_LIMITS)}]}}),
    ]


def node_binding(namespace: str) -> Obj:
    """The ClusterRoleBinding that lets the learner read nodes (and nothing else cluster-wide)."""
    return {"apiVersion": f"{_RBAC}/v1", "kind": "ClusterRoleBinding",
            "metadata": _meta(f"{namespace}-nodes"),
            "roleRef": {"apiGroup": _RBAC, "kind": "ClusterRole", "name": NODE_READER},
            "subjects": [{"kind": "ServiceAccount", "name": LEARNER_ACCOUNT,
                          "namespace": namespace}]}


class Provisioner:
    """Creates, resets and reaps learner namespaces, as the bot's own identity."""

    def __init__(self, cluster: Cluster) -> None:
        self._api: Api = cluster.bot
        self._ready: set[str] = set()
        self._node_reader = False

    async def ensure(self, namespace: str) -> None:
        """Make sure `namespace` and its objects exist (idempotent; quick once done)."""
        if namespace in self._ready:
            return
        # One worker thread for the whole sequence: a thread hop costs about a quarter
        # of a request's CPU again.
        await asyncio.to_thread(self._ensure_blocking, namespace)
        self._ready.add(namespace)

    def _ensure_blocking(self, namespace: str) -> None:
        api = self._api
        _create_or_keep(api, object_path("namespaces", "", None), {
            "apiVersion": "v1", "kind": "Namespace", "metadata": _meta(namespace)})
        for group, plural, body in learner_objects(namespace):
            path = object_path(plural, group, namespace)
            created = _create_or_keep(api, path, body)
            if plural == "roles":
                # Created empty, then given its rules by name: the API server checks the
                # bot's `escalate` permission against the Role's name only on a patch.
                api.call_blocking("PATCH", f"{path}/{ROLE}", body={"rules": LEARNER_RULES},
                                  content_type=MERGE_PATCH)
            elif not created and plural != "serviceaccounts":
                api.call_blocking("PATCH", f"{path}/{body['metadata']['name']}",
                                  body=_converge(body), content_type=MERGE_PATCH)
        self._ensure_node_reader()
        _create_or_keep(api, object_path("clusterrolebindings", _RBAC, None),
                        node_binding(namespace))

    def _ensure_node_reader(self) -> None:
        """The shared ClusterRole (deploy/rbac.yaml installs it; the emulator gets it here).

        Looked up once per process: every learner's namespace binds to it.
        """
        if self._node_reader:
            return
        path = object_path("clusterroles", _RBAC, None)
        try:
            self._api.call_blocking("GET", f"{path}/{NODE_READER}")
        except ApiError as error:
            if error.code != 404:
                raise
            _create_or_keep(self._api, path, {
                "apiVersion": f"{_RBAC}/v1", "kind": "ClusterRole",
                "metadata": _meta(NODE_READER), "rules": NODE_RULES})
        self._node_reader = True

    async def delete(self, namespace: str, *, wait: float = 30.0) -> None:
        """Delete the namespace and wait (up to `wait` seconds) until it is gone."""
        self._ready.discard(namespace)
        try:
            await self._api.delete(object_path("clusterrolebindings", _RBAC, None,
                                               f"{namespace}-nodes"))
        except ApiError as error:
            if error.code != 404:
                raise
        path = object_path("namespaces", "", None, namespace)
        try:
            await self._api.delete(path)
        except ApiError as error:
            if error.code != 404:
                raise
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while loop.time() < deadline:
            try:
                await self._api.get(path)
            except ApiError as error:
                if error.code == 404:
                    return
                raise
            await asyncio.sleep(0.2)

    async def managed(self) -> list[Obj]:
        """Every learner namespace on the cluster."""
        found = await self._api.get(object_path("namespaces", "", None), {
            "labelSelector": "app.kubernetes.io/managed-by=kubetutor"})
        items: list[Obj] = found.get("items") or []
        return [n for n in items if n["metadata"]["name"].startswith(PREFIX)]

    async def list_idle(self, last_used: Mapping[str, datetime], now: datetime,
                        max_idle: timedelta) -> list[str]:
        """Learner namespaces unused for longer than `max_idle` (by namespace name).

        A namespace nobody has a record of counts from its creation time.
        """
        idle: list[str] = []
        for namespace in await self.managed():
            name = namespace["metadata"]["name"]
            used = last_used.get(name) or _created(namespace)
            if used is not None and now - used > max_idle:
                idle.append(name)
        return idle


def _created(namespace: Obj) -> datetime | None:
    stamp = namespace["metadata"].get("creationTimestamp")
    if not stamp:
        return None
    return datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))


def _converge(body: Obj) -> Obj:
    """The part of a provisioned object that a newer bot version may have changed."""
    return {key: value for key, value in body.items() if key in ("rules", "spec")}


def _create_or_keep(api: Api, path: str, body: dict[str, Any]) -> bool:
    """Create `body` (on the calling thread); False if it already existed."""
    try:
        api.call_blocking("POST", path, body=body)
    except ApiError as error:
        if error.code != 409:
            raise
        return False
    return True
