"""Admission and cluster bookkeeping: quotas, LimitRanges, Services, garbage collection, logs."""

from __future__ import annotations

from datetime import timedelta
from ipaddress import IPv4Address, IPv4Network
from typing import Any

import pytest

from sandbox.emulator.admission import admit
from sandbox.emulator.controllers import Delays
from sandbox.emulator.errors import StatusError
from sandbox.emulator.podlogs import pod_log
from tests.sandbox.emulator.cluster_helpers import (
    DEPLOYMENTS,
    EVENTS,
    PODS,
    REPLICASETS,
    Cluster,
    kind,
)

QUOTAS = kind("", "resourcequotas")
LIMITS = kind("", "limitranges")
SERVICES = kind("", "services")
ENDPOINTS = kind("", "endpoints")
NAMESPACES = kind("", "namespaces")


def _pod(name: str, resources: dict[str, Any] | None = None) -> dict[str, Any]:
    container: dict[str, Any] = {"name": name, "image": "nginx"}
    if resources is not None:
        container["resources"] = resources
    return {"metadata": {"name": name, "namespace": "default"},
            "spec": {"containers": [container]}}


def _quota(cluster: Cluster, hard: dict[str, str]) -> None:
    cluster.create(QUOTAS, {"metadata": {"name": "kt-quota", "namespace": "default"},
                            "spec": {"hard": hard}})


def test_quota_refuses_a_pod_over_the_limit_with_the_real_message() -> None:
    cluster = Cluster()
    _quota(cluster, {"pods": "2"})
    for name in ("a", "b"):
        cluster.create(PODS, admit(cluster.store, PODS, _pod(name), None, cluster.clock.now()))
    with pytest.raises(StatusError) as refused:
        admit(cluster.store, PODS, _pod("c"), None, cluster.clock.now())
    assert refused.value.code == 403
    assert refused.value.reason == "Forbidden"
    assert refused.value.message == (
        'pods "c" is forbidden: exceeded quota: kt-quota, requested: pods=1, used: pods=2, '
        "limited: pods=2")
    quota = cluster.store.get(QUOTAS, "default", "kt-quota")
    assert quota is not None
    assert quota["status"] == {"hard": {"pods": "2"}, "used": {"pods": "2"}}


def test_quota_on_compute_needs_every_container_to_declare_it() -> None:
    cluster = Cluster()
    _quota(cluster, {"limits.cpu": "2", "requests.memory": "1Gi"})
    with pytest.raises(StatusError) as refused:
        admit(cluster.store, PODS, _pod("web"), None, cluster.clock.now())
    assert refused.value.message == (
        'pods "web" is forbidden: failed quota: kt-quota: must specify limits.cpu for: web; '
        "requests.memory for: web")
    ok = _pod("web", {"limits": {"cpu": "500m"}, "requests": {"memory": "256Mi"}})
    admit(cluster.store, PODS, ok, None, cluster.clock.now())


def test_replicaset_short_of_quota_records_failed_create() -> None:
    cluster = Cluster()
    _quota(cluster, {"pods": "2"})
    cluster.deploy("web", "nginx", replicas=3)
    assert len(cluster.store.list(PODS, "default")) == 2
    failures = [e for e in cluster.store.list(EVENTS, "default") if e["reason"] == "FailedCreate"]
    assert failures
    assert failures[0]["type"] == "Warning"
    assert failures[0]["message"].startswith('Error creating: pods "web-')
    assert failures[0]["message"].endswith(
        "is forbidden: exceeded quota: kt-quota, requested: pods=1, used: pods=2, "
        "limited: pods=2")
    rs = cluster.store.list(REPLICASETS, "default")[0]
    assert rs["status"]["conditions"][0]["reason"] == "FailedCreate"
    deployment = cluster.store.get(DEPLOYMENTS, "default", "web")
    assert deployment is not None
    assert deployment["status"]["availableReplicas"] == 2


def test_limit_range_fills_in_defaults_and_says_so() -> None:
    cluster = Cluster()
    cluster.create(LIMITS, {"metadata": {"name": "kt-limits", "namespace": "default"},
                            "spec": {"limits": [{"type": "Container",
                                                 "default": {"cpu": "500m", "memory": "256Mi"},
                                                 "defaultRequest": {"cpu": "100m"},
                                                 "max": {"cpu": "1"}}]}})
    pod = admit(cluster.store, PODS, _pod("web"), None, cluster.clock.now())
    assert pod["spec"]["containers"][0]["resources"] == {
        "requests": {"cpu": "100m", "memory": "256Mi"},
        "limits": {"cpu": "500m", "memory": "256Mi"}}
    assert pod["metadata"]["annotations"]["kubernetes.io/limit-ranger"] == (
        "LimitRanger plugin set: cpu, memory request for container web; "
        "cpu, memory limit for container web")
    with pytest.raises(StatusError) as refused:
        admit(cluster.store, PODS, _pod("big", {"limits": {"cpu": "2"}}), None,
              cluster.clock.now())
    assert refused.value.message == (
        'pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2')


def test_creating_in_a_missing_namespace_is_not_found() -> None:
    cluster = Cluster()
    pod = _pod("web")
    pod["metadata"]["namespace"] = "nowhere"
    with pytest.raises(StatusError) as refused:
        admit(cluster.store, PODS, pod, None, cluster.clock.now())
    assert (refused.value.code, refused.value.message) == (404, 'namespaces "nowhere" not found')


def _service(cluster: Cluster, name: str, kind: str = "ClusterIP") -> dict[str, Any]:
    service = {"metadata": {"name": name, "namespace": "default"},
               "spec": {"type": kind, "selector": {"app": "web"},
                        "ports": [{"port": 80, "targetPort": 80, "protocol": "TCP"}]}}
    return cluster.create(SERVICES, admit(cluster.store, SERVICES, service, None,
                                          cluster.clock.now()))


def test_services_get_unique_cluster_ips_and_node_ports() -> None:
    cluster = Cluster()
    services = [_service(cluster, f"s{i}", "NodePort") for i in range(20)]
    ips = [s["spec"]["clusterIP"] for s in services]
    assert len(set(ips)) == 20
    assert all(IPv4Address(ip) in IPv4Network("10.96.0.0/12") for ip in ips)
    assert all(s["spec"]["clusterIPs"] == [s["spec"]["clusterIP"]] for s in services)
    ports = [s["spec"]["ports"][0]["nodePort"] for s in services]
    assert len(set(ports)) == 20
    assert all(30000 <= p <= 32767 for p in ports)


def test_endpoints_follow_ready_pods() -> None:
    cluster = Cluster(Delays(schedule=0, pull=1.0, start=0, terminate=1.0))
    _service(cluster, "web")
    endpoints = cluster.store.get(ENDPOINTS, "default", "web")
    assert endpoints is not None
    assert "subsets" not in endpoints
    cluster.deploy("web", "nginx", replicas=2)
    cluster.tick(1.0)
    endpoints = cluster.store.get(ENDPOINTS, "default", "web")
    assert endpoints is not None
    addresses = endpoints["subsets"][0]["addresses"]
    assert len(addresses) == 2
    assert endpoints["subsets"][0]["ports"] == [{"port": 80, "protocol": "TCP"}]
    assert addresses[0]["targetRef"]["kind"] == "Pod"


def test_deleting_a_deployment_collects_its_replicasets_and_pods() -> None:
    cluster = Cluster(Delays(schedule=0, pull=0, start=0, terminate=1.0))
    cluster.deploy("web", "nginx", replicas=2)
    cluster.store.delete(DEPLOYMENTS, "default", "web")
    cluster.controllers.reconcile()
    assert cluster.store.list(REPLICASETS, "default") == []
    assert [c[2] for c in cluster.pods()] == ["Terminating", "Terminating"]
    cluster.tick(1.0)
    assert cluster.store.list(PODS, "default") == []


def test_orphan_deletion_keeps_the_replicaset() -> None:
    cluster = Cluster()
    cluster.deploy("web", "nginx")
    deployment = cluster.store.get(DEPLOYMENTS, "default", "web")
    assert deployment is not None
    deployment["metadata"]["finalizers"] = ["orphan"]
    cluster.store.update(DEPLOYMENTS, deployment)
    cluster.store.mark_deleting(DEPLOYMENTS, "default", "web")
    cluster.controllers.reconcile()
    assert cluster.store.get(DEPLOYMENTS, "default", "web") is None
    rs, = cluster.store.list(REPLICASETS, "default")
    assert "ownerReferences" not in rs["metadata"]
    assert len(cluster.store.list(PODS, "default")) == 1


def test_deleting_a_namespace_empties_it_then_removes_it() -> None:
    cluster = Cluster(Delays(schedule=0, pull=0, start=0, terminate=1.0))
    cluster.create(NAMESPACES, {"metadata": {"name": "kt-1"}})
    pod = _pod("web")
    pod["metadata"]["namespace"] = "kt-1"
    cluster.create(PODS, pod)
    cluster.store.mark_deleting(NAMESPACES, None, "kt-1")
    cluster.controllers.reconcile()
    namespace = cluster.store.get(NAMESPACES, None, "kt-1")
    assert namespace is not None
    assert namespace["status"]["phase"] == "Terminating"
    cluster.tick(1.0)
    cluster.tick(0)
    assert cluster.store.get(NAMESPACES, None, "kt-1") is None


def test_logs_of_a_running_container_and_of_one_still_starting() -> None:
    cluster = Cluster(Delays(schedule=0, pull=1.0, start=0, terminate=1.0))
    cluster.deploy("web", "bravecat81/playground")
    pod = cluster.store.list(PODS, "default")[0]
    with pytest.raises(StatusError) as refused:
        pod_log(pod, None, cluster.clock.now(), tail_lines=None, timestamps=False)
    assert refused.value.code == 400
    assert refused.value.message == (
        f'container "app" in pod "{pod["metadata"]["name"]}" is waiting to start: '
        "ContainerCreating")
    cluster.tick(1.0)
    pod = cluster.store.list(PODS, "default")[0]
    later = cluster.clock.now() + timedelta(minutes=2)
    text = pod_log(pod, "app", later, tail_lines=None, timestamps=False)
    assert "Server listening on http://0.0.0.0:3000" in text
    assert text == pod_log(pod, "app", later, tail_lines=None, timestamps=False)
    tail = pod_log(pod, "app", later, tail_lines=2, timestamps=True)
    assert len(tail.splitlines()) == 2
    assert tail.splitlines()[0].split(" ", 1)[0].endswith("Z")
