"""Learner namespaces: what provisioning creates, and that the cluster keeps learners apart."""

from __future__ import annotations

import pytest

from sandbox.cluster import Cluster
from sandbox.kubeapi import ApiError, object_path
from sandbox.provisioning import QUOTA, ROLE, Provisioner, namespace_for


def test_namespace_is_short_stable_and_hides_the_key() -> None:
    assert namespace_for("telegram:12345") == namespace_for("telegram:12345")
    assert namespace_for("telegram:12345") != namespace_for("telegram:12346")
    name = namespace_for("telegram:12345")
    assert len(name) == 11 and name.startswith("kt-") and "12345" not in name


async def test_provisioning_creates_account_role_binding_quota_and_limits(
        cluster: Cluster) -> None:
    namespace = namespace_for("learner-a")
    await Provisioner(cluster).ensure(namespace)
    bot = cluster.bot
    ns = await bot.get(object_path("namespaces", "", None, namespace))
    assert ns["metadata"]["labels"]["app.kubernetes.io/managed-by"] == "kubetutor"
    await bot.get(object_path("serviceaccounts", "", namespace, "learner"))
    role = await bot.get(object_path("roles", "rbac.authorization.k8s.io", namespace, ROLE))
    assert {"apiGroups": ["apps"], "resources": ["deployments", "replicasets"],
            "verbs": ["get", "list", "watch", "create", "delete", "patch"]} in role["rules"]
    quota = await bot.get(object_path("resourcequotas", "", namespace, "kubetutor-quota"))
    assert quota["spec"]["hard"] == dict(QUOTA)
    limits = await bot.get(object_path("limitranges", "", namespace, "kubetutor-limits"))
    assert limits["spec"]["limits"][0]["defaultRequest"] == {"cpu": "50m", "memory": "64Mi"}


async def test_provisioning_twice_is_fine(cluster: Cluster) -> None:
    namespace = namespace_for("learner-a")
    await Provisioner(cluster).ensure(namespace)
    await Provisioner(cluster).ensure(namespace)
    assert namespace in [n["metadata"]["name"] for n in await Provisioner(cluster).managed()]


async def test_learner_cannot_list_pods_in_kube_system(cluster: Cluster) -> None:
    namespace = namespace_for("learner-a")
    await Provisioner(cluster).ensure(namespace)
    learner = cluster.learner(namespace)
    assert (await learner.get(object_path("pods", "", namespace)))["items"] == []
    with pytest.raises(ApiError) as caught:
        await learner.get(object_path("pods", "", "kube-system"))
    assert caught.value.code == 403
    assert caught.value.status["message"] == (
        f'pods is forbidden: User "system:serviceaccount:{namespace}:learner" cannot list '
        'resource "pods" in API group "" in the namespace "kube-system"')


async def test_learner_cannot_touch_another_learners_namespace(cluster: Cluster) -> None:
    mine, theirs = namespace_for("learner-a"), namespace_for("learner-b")
    provisioner = Provisioner(cluster)
    await provisioner.ensure(mine)
    await provisioner.ensure(theirs)
    with pytest.raises(ApiError) as caught:
        await cluster.learner(mine).delete(object_path("configmaps", "", theirs, "x"))
    assert caught.value.reason == "Forbidden"


async def test_reset_deletes_the_namespace_and_waits_until_it_is_gone(cluster: Cluster) -> None:
    namespace = namespace_for("learner-a")
    provisioner = Provisioner(cluster)
    await provisioner.ensure(namespace)
    await provisioner.delete(namespace)
    with pytest.raises(ApiError) as caught:
        await cluster.bot.get(object_path("namespaces", "", None, namespace))
    assert caught.value.code == 404
    await provisioner.ensure(namespace)
    await cluster.bot.get(object_path("roles", "rbac.authorization.k8s.io", namespace, ROLE))
