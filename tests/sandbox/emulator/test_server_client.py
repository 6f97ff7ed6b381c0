"""The official Python client against the emulator over HTTP: verbs, selectors, watches and
the Status errors a real API server returns."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from kubernetes import client, watch
from kubernetes.client.exceptions import ApiException

from sandbox.emulator.server import Emulator
from tests.sandbox.emulator.conftest import ApiClients

T = TypeVar("T")


async def call(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a blocking client call off the loop that serves the emulator."""
    return await asyncio.to_thread(function, *args, **kwargs)


def deployment(name: str, image: str = "nginx:1.25", replicas: int = 1) -> dict[str, Any]:
    labels = {"app": name}
    return {
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name},
        "spec": {"replicas": replicas, "selector": {"matchLabels": labels},
                 "template": {"metadata": {"labels": labels},
                              "spec": {"containers": [{"name": "web", "image": image}]}}},
    }


def status_of(error: ApiException) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(error.body)
    return body


async def test_fresh_cluster_has_minikubes_namespaces_and_ready_node(
        emulator: Emulator, api_client: ApiClients) -> None:
    core = client.CoreV1Api(api_client(emulator))
    namespaces = await call(core.list_namespace)
    assert [n.metadata.name for n in namespaces.items] == [
        "default", "kube-node-lease", "kube-public", "kube-system"]
    node = await call(core.read_node, "minikube")
    ready = next(c for c in node.status.conditions if c.type == "Ready")
    assert ready.status == "True"
    assert node.status.node_info.kubelet_version == "v1.32.0"
    version = await call(client.VersionApi(api_client(emulator)).get_code)
    assert version.git_version == "v1.32.0"


async def test_deployment_is_defaulted_like_the_real_server(emulator: Emulator,
                                                            api_client: ApiClients) -> None:
    apps = client.AppsV1Api(api_client(emulator))
    created = await call(apps.create_namespaced_deployment, "default", deployment("web"))
    assert created.metadata.generation == 1
    assert created.spec.strategy.rolling_update.max_surge == "25%"
    assert created.spec.revision_history_limit == 10
    assert created.spec.progress_deadline_seconds == 600
    container = created.spec.template.spec.containers[0]
    assert container.image_pull_policy == "IfNotPresent"
    assert container.termination_message_path == "/dev/termination-log"


async def test_missing_deployment_is_404_with_the_real_message(emulator: Emulator,
                                                               api_client: ApiClients) -> None:
    apps = client.AppsV1Api(api_client(emulator))
    with pytest.raises(ApiException) as caught:
        await call(apps.read_namespaced_deployment, "x", "default")
    assert caught.value.status == 404
    assert status_of(caught.value) == {
        "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
        "message": 'deployments.apps "x" not found', "reason": "NotFound",
        "details": {"name": "x", "group": "apps", "kind": "deployments"}, "code": 404}


async def test_creating_twice_is_409_already_exists(emulator: Emulator,
                                                    api_client: ApiClients) -> None:
    apps = client.AppsV1Api(api_client(emulator))
    await call(apps.create_namespaced_deployment, "default", deployment("web"))
    with pytest.raises(ApiException) as caught:
        await call(apps.create_namespaced_deployment, "default", deployment("web"))
    assert caught.value.status == 409
    assert status_of(caught.value)["message"] == 'deployments.apps "web" already exists'
    assert status_of(caught.value)["reason"] == "AlreadyExists"


async def test_uppercase_name_is_422_invalid_with_the_dns_message(emulator: Emulator,
                                                                  api_client: ApiClients) -> None:
    apps = client.AppsV1Api(api_client(emulator))
    with pytest.raises(ApiException) as caught:
        await call(apps.create_namespaced_deployment, "default", deployment("X"))
    status = status_of(caught.value)
    assert caught.value.status == 422
    assert status["message"] == (
        'Deployment.apps "X" is invalid: metadata.name: Invalid value: "X": a lowercase RFC '
        "1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and "
        "must start and end with an alphanumeric character (e.g. 'example.com', regex used "
        "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
    assert status["details"]["causes"][0]["field"] == "metadata.name"


async def test_changing_a_deployments_selector_is_refused_as_immutable(
        emulator: Emulator, api_client: ApiClients) -> None:
    apps = client.AppsV1Api(api_client(emulator))
    await call(apps.create_namespaced_deployment, "default", deployment("web"))
    changed = deployment("web")
    changed["spec"]["selector"]["matchLabels"] = {"app": "other"}
    changed["spec"]["template"]["metadata"]["labels"] = {"app": "other"}
    with pytest.raises(ApiException) as caught:
        await call(apps.replace_namespaced_deployment, "web", "default", changed)
    assert caught.value.status == 422
    assert "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string" \
        '{"app":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is ' \
        "immutable" in status_of(caught.value)["message"]


async def test_wrong_token_is_401(emulator: Emulator, api_client: ApiClients) -> None:
    core = client.CoreV1Api(api_client(emulator, token="wrong"))
    with pytest.raises(ApiException) as caught:
        await call(core.list_namespaced_pod, "default")
    assert caught.value.status == 401
    assert status_of(caught.value)["reason"] == "Unauthorized"


async def test_service_account_is_forbidden_outside_its_role(emulator: Emulator,
                                                             api_client: ApiClients) -> None:
    admin = api_client(emulator)
    core, rbac = client.CoreV1Api(admin), client.RbacAuthorizationV1Api(admin)
    await call(core.create_namespace, {"metadata": {"name": "learner"}})
    await call(rbac.create_namespaced_role, "learner", {
        "metadata": {"name": "edit-pods"},
        "rules": [{"apiGroups": [""], "resources": ["pods", "pods/log"],
                   "verbs": ["get", "list", "create", "delete"]}]})
    await call(rbac.create_namespaced_role_binding, "learner", {
        "metadata": {"name": "edit-pods"},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                    "name": "edit-pods"},
        "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": "learner"}]})
    learner = client.CoreV1Api(api_client(
        emulator, impersonate="system:serviceaccount:learner:default"))
    assert (await call(learner.list_namespaced_pod, "learner")).items == []
    with pytest.raises(ApiException) as caught:
        await call(learner.list_namespaced_pod, "kube-system")
    assert caught.value.status == 403
    assert status_of(caught.value)["message"] == (
        'pods is forbidden: User "system:serviceaccount:learner:default" cannot list '
        'resource "pods" in API group "" in the namespace "kube-system"')
    with pytest.raises(ApiException) as caught:
        await call(learner.list_namespaced_service, "learner")
    assert caught.value.status == 403


async def test_self_subject_access_review_answers_for_the_impersonated_user(
        emulator: Emulator, api_client: ApiClients) -> None:
    auth = client.AuthorizationV1Api(api_client(
        emulator, impersonate="system:serviceaccount:default:default"))
    review = await call(auth.create_self_subject_access_review, {
        "spec": {"resourceAttributes": {"namespace": "default", "verb": "list",
                                        "resource": "pods"}}})
    assert review.status.allowed is False


async def test_patches_merge_containers_by_name_and_labels_as_maps(emulator: Emulator,
                                                                   api_client: ApiClients) -> None:
    apps = client.AppsV1Api(api_client(emulator))
    await call(apps.create_namespaced_deployment, "default", deployment("web"))
    patched = await call(apps.patch_namespaced_deployment, "web", "default", {
        "metadata": {"labels": {"tier": "front"}},
        "spec": {"template": {"spec": {"containers": [{"name": "web", "image": "nginx:1.26"}]}}}})
    assert patched.metadata.labels == {"tier": "front"}
    assert patched.spec.template.spec.containers[0].image == "nginx:1.26"
    assert patched.spec.template.spec.containers[0].name == "web"
    assert patched.metadata.generation == 2


async def test_scale_subresource_sets_replicas(emulator: Emulator, api_client: ApiClients) -> None:
    apps = client.AppsV1Api(api_client(emulator))
    await call(apps.create_namespaced_deployment, "default", deployment("web"))
    scale = await call(apps.patch_namespaced_deployment_scale, "web", "default",
                       {"spec": {"replicas": 3}})
    assert scale.spec.replicas == 3
    assert (await call(apps.read_namespaced_deployment, "web", "default")).spec.replicas == 3


async def test_label_and_field_selectors_filter_lists(emulator: Emulator,
                                                      api_client: ApiClients) -> None:
    core = client.CoreV1Api(api_client(emulator))
    for name, tier in (("a", "web"), ("b", "db"), ("c", "web")):
        await call(core.create_namespaced_config_map, "default",
                   {"metadata": {"name": name, "labels": {"tier": tier}}})
    names = [m.metadata.name for m in (await call(
        core.list_namespaced_config_map, "default", label_selector="tier in (web)")).items]
    assert names == ["a", "c"]
    names = [m.metadata.name for m in (await call(
        core.list_namespaced_config_map, "default", label_selector="tier!=web")).items]
    assert "b" in names and "a" not in names
    names = [m.metadata.name for m in (await call(
        core.list_namespaced_config_map, "default", field_selector="metadata.name=c")).items]
    assert names == ["c"]


async def test_delete_of_a_deployment_returns_success_status(emulator: Emulator,
                                                             api_client: ApiClients) -> None:
    apps = client.AppsV1Api(api_client(emulator))
    await call(apps.create_namespaced_deployment, "default", deployment("web"))
    status: Any = await call(apps.delete_namespaced_deployment, "web", "default")
    if not isinstance(status, dict):
        status = api_client(emulator).sanitize_for_serialization(status)
    assert status["status"] == "Success"
    assert status["details"]["name"] == "web"


async def test_watch_streams_changes_and_ends_at_its_timeout(emulator: Emulator,
                                                             api_client: ApiClients) -> None:
    core = client.CoreV1Api(api_client(emulator))
    listed = await call(core.list_namespaced_config_map, "default")

    def collect() -> list[tuple[str, str]]:
        stream = watch.Watch().stream(core.list_namespaced_config_map, "default",
                                      resource_version=listed.metadata.resource_version,
                                      timeout_seconds=1)
        return [(e["type"], e["object"].metadata.name) for e in stream]

    watching = asyncio.create_task(asyncio.to_thread(collect))
    await asyncio.sleep(0.2)
    await call(core.create_namespaced_config_map, "default", {"metadata": {"name": "seen"}})
    assert ("ADDED", "seen") in await watching
