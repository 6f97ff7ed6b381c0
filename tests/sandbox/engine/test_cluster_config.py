"""Which cluster the settings select."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from kubernetes import config as kube_config
from kubernetes.client import Configuration

from sandbox.cluster import (
    ClusterConfig,
    ClusterConfigError,
    _Throttled,
    resolve_cluster_config,
)

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


def test_a_kubeconfig_token_is_reapplied_once_a_period_not_before_every_request(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config"
    path.write_text(KUBECONFIG)

    def loaded(every: float) -> Configuration:
        configuration = Configuration()
        kube_config.load_kube_config(  # type: ignore[no-untyped-call]
            config_file=str(path), context="minikube", client_configuration=configuration
        )
        hook: Callable[[Configuration], None] | None = configuration.refresh_api_key_hook
        assert hook is not None  # the client's own, run before every request
        _Throttled(hook, every).install(configuration)
        return configuration

    def request_reapplies(configuration: Configuration) -> bool:
        configuration.host = "https://moved.example:6443"
        assert configuration.get_api_key_with_prefix("BearerToken") == "Bearer x"
        assert isinstance(configuration.refresh_api_key_hook, _Throttled)
        return bool(configuration.host == "https://192.168.49.2:8443")

    throttled = loaded(every=3600)
    assert request_reapplies(throttled)
    assert not request_reapplies(throttled)
    assert not request_reapplies(throttled)

    unthrottled = loaded(every=0)
    assert all(request_reapplies(unthrottled) for _ in range(3))


def test_a_refresh_hook_that_stays_installed_is_still_run() -> None:
    runs: list[Configuration] = []
    configuration = Configuration()
    _Throttled(runs.append, every=0).install(configuration)  # as the in-cluster loader's
    for _ in range(3):
        configuration.get_api_key_with_prefix("BearerToken")
    assert runs == [configuration] * 3
