"""Which cluster the settings select."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.cluster import ClusterConfig, ClusterConfigError, resolve_cluster_config

KUBECONFIG = """apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://192.168.49.2:8443"}}]
users: [{name: u, user: {token: x}}]
contexts:
- {name: minikube, context: {cluster: c, user: u}}
- {name: other, context: {cluster: c, user: u}}
current-context: other
"""


def test_nothing_configured_is_the_simulated_cluster(tmp_path: Path) -> None:
    assert resolve_cluster_config(None, None, None) == ClusterConfig("emulator")
    assert resolve_cluster_config("", " ", tmp_path / "absent") == ClusterConfig("emulator")


def test_kubeconfig_mode_prefers_the_minikube_context(tmp_path: Path) -> None:
    path = tmp_path / "config"
    path.write_text(KUBECONFIG)
    assert resolve_cluster_config("kubeconfig", None, path) == \
        ClusterConfig("kubeconfig", "minikube", path)
    assert resolve_cluster_config(None, "other", path) == \
        ClusterConfig("kubeconfig", "other", path)


def test_kubeconfig_without_minikube_uses_its_current_context(tmp_path: Path) -> None:
    path = tmp_path / "config"
    path.write_text(KUBECONFIG.replace("name: minikube", "name: kind"))
    assert resolve_cluster_config("kubeconfig", None, path) == \
        ClusterConfig("kubeconfig", None, path)


def test_in_cluster_and_unknown_modes() -> None:
    assert resolve_cluster_config("In-Cluster", None, None) == ClusterConfig("in-cluster")
    with pytest.raises(ClusterConfigError):
        resolve_cluster_config("docker", None, None)
