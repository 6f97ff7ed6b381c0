"""`kubetutor doctor` against the simulated cluster, and against one that is not there."""

from __future__ import annotations

import socket
from pathlib import Path

from kubernetes.client import Configuration

from sandbox.cluster import Cluster, ClusterConfig
from sandbox.doctor import diagnose, diagnose_cluster, report
from sandbox.provisioning import Provisioner

KUBECONFIG = """apiVersion: v1
kind: Config
clusters: [{name: minikube, cluster: {server: "https://192.168.49.2:8443"}}]
users: [{name: minikube, user: {token: x}}]
contexts: [{name: minikube, context: {cluster: minikube, user: minikube}}]
current-context: minikube
"""


async def test_the_simulated_cluster_is_all_green(cluster: Cluster) -> None:
    findings = await diagnose_cluster(cluster)
    assert [f.name for f in findings] == [
        "reachable", "version", "own permissions", "bot identity", "impersonation and RBAC",
        "test namespace"]
    assert all(f.ok for f in findings), findings
    assert not [n for n in await Provisioner(cluster).managed() if "doctor" in
                n["metadata"]["name"] and not n["metadata"].get("deletionTimestamp")]


async def test_emulator_mode_starts_its_own_cluster() -> None:
    findings = await diagnose(ClusterConfig("emulator"))
    assert all(f.ok for f in findings)
    assert findings[0].detail.endswith("(simulated)")


async def test_an_unreachable_cluster_is_one_red_line_with_a_fix() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cluster = Cluster(Configuration(host=f"http://127.0.0.1:{port}"), simulated=False,
                      context="minikube")
    findings = await diagnose_cluster(cluster)
    assert len(findings) == 1 and not findings[0].ok
    assert "minikube start" in findings[0].fix
    assert report(findings).startswith("[FAIL] reachable: http://127.0.0.1:")
    assert "\n       fix: start the cluster (minikube start)" in report(findings)


async def test_a_missing_context_is_a_configuration_finding(tmp_path: Path) -> None:
    kubeconfig = tmp_path / "config"
    kubeconfig.write_text(KUBECONFIG)
    findings = await diagnose(ClusterConfig("kubeconfig", "nope", kubeconfig))
    assert findings[0].name == "configuration" and not findings[0].ok
