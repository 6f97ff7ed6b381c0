"""The official Python client doing what the course's kubectl commands do: run, expose, set
image and roll back, label, logs, delete by label, quotas, and reading the OpenAPI v3
documents the sandbox's own `explain` uses."""

from __future__ import annotations

import json
from typing import Any

import pytest
from kubernetes import client
from kubernetes.client.exceptions import ApiException

from sandbox.emulator.server import Emulator
from tests.sandbox.emulator.conftest import ApiClients
from tests.sandbox.emulator.test_server_client import call, deployment, status_of


def _pod(name: str, **labels: str) -> dict[str, Any]:
    return {"metadata": {"name": name, "labels": labels or {"run": name}},
            "spec": {"containers": [{"name": name, "image": "nginx"}]}}


async def test_run_expose_and_endpoints(emulator: Emulator, api_client: ApiClients) -> None:
    core = client.CoreV1Api(api_client(emulator))
    await call(core.create_namespaced_pod, "default", _pod("web", app="web"))
    service = await call(core.create_namespaced_service, "default", {
        "metadata": {"name": "web"},
        "spec": {"type": "NodePort", "selector": {"app": "web"},
                 "ports": [{"port": 80, "targetPort": 8080}]}})
    assert service.spec.cluster_ip.startswith("10.")
    assert 30000 <= service.spec.ports[0].node_port <= 32767
    endpoints = await call(core.read_namespaced_endpoints, "web", "default")
    pod = await call(core.read_namespaced_pod, "web", "default")
    assert pod.status.phase == "Running"
    assert [a.ip for a in endpoints.subsets[0].addresses] == [pod.status.pod_ip]
    assert endpoints.subsets[0].ports[0].port == 8080


async def test_set_image_rolls_out_a_new_replicaset_and_back(emulator: Emulator,
                                                             api_client: ApiClients) -> None:
    apps = client.AppsV1Api(api_client(emulator))
    await call(apps.create_namespaced_deployment, "default", deployment("web", replicas=2))
    await call(apps.patch_namespaced_deployment, "web", "default", {"spec": {"template": {
        "spec": {"containers": [{"name": "web", "image": "nginx:1.27"}]}}}})
    sets = (await call(apps.list_namespaced_replica_set, "default")).items
    revisions = {rs.metadata.annotations["deployment.kubernetes.io/revision"]:
                 (rs.spec.replicas, rs.spec.template.spec.containers[0].image) for rs in sets}
    assert revisions == {"1": (0, "nginx:1.25"), "2": (2, "nginx:1.27")}
    await call(apps.patch_namespaced_deployment, "web", "default", {"spec": {"template": {
        "spec": {"containers": [{"name": "web", "image": "nginx:1.25"}]}}}})
    sets = (await call(apps.list_namespaced_replica_set, "default")).items
    assert sorted(rs.metadata.annotations["deployment.kubernetes.io/revision"]
                  for rs in sets) == ["2", "3"]


async def test_label_then_delete_collection_by_label(emulator: Emulator,
                                                     api_client: ApiClients) -> None:
    core = client.CoreV1Api(api_client(emulator))
    for name in ("a", "b", "c"):
        await call(core.create_namespaced_pod, "default", _pod(name))
    for name in ("a", "b"):
        await call(core.patch_namespaced_pod, name, "default",
                   {"metadata": {"labels": {"tier": "x"}}})
    await call(core.delete_collection_namespaced_pod, "default", label_selector="tier=x",
               grace_period_seconds=0)
    left = (await call(core.list_namespaced_pod, "default")).items
    assert [p.metadata.name for p in left] == ["c"]


async def test_pod_logs(emulator: Emulator, api_client: ApiClients) -> None:
    core = client.CoreV1Api(api_client(emulator))
    await call(core.create_namespaced_pod, "default", _pod("web"))
    log = await call(core.read_namespaced_pod_log, "web", "default", tail_lines=1)
    assert log.strip() and len(log.strip().splitlines()) == 1
    with pytest.raises(ApiException) as caught:
        await call(core.read_namespaced_pod_log, "nope", "default")
    assert status_of(caught.value)["message"] == 'pods "nope" not found'


async def test_quota_created_by_the_client_refuses_the_second_pod(emulator: Emulator,
                                                                  api_client: ApiClients) -> None:
    core = client.CoreV1Api(api_client(emulator))
    await call(core.create_namespaced_resource_quota, "default",
               {"metadata": {"name": "kt-quota"}, "spec": {"hard": {"pods": "1"}}})
    await call(core.create_namespaced_pod, "default", _pod("first"))
    with pytest.raises(ApiException) as caught:
        await call(core.create_namespaced_pod, "default", _pod("second"))
    assert caught.value.status == 403
    assert status_of(caught.value)["message"] == (
        'pods "second" is forbidden: exceeded quota: kt-quota, requested: pods=1, used: '
        'pods=1, limited: pods=1')


def _raw(api: client.ApiClient, method: str, path: str, *, body: Any = None,
         query: list[tuple[str, str]] | None = None) -> tuple[int, Any]:
    """A request through the client's own transport and authentication, decoded as JSON."""
    _, url, headers, serialized, _ = api.param_serialize(
        method, path, query_params=query or [], body=body,
        header_params={"Content-Type": "application/json"} if body is not None else {},
        auth_settings=["BearerToken"])
    response = api.call_api(method, url, headers, serialized)
    response.read()
    return response.status, json.loads(response.data)


async def test_strict_field_validation_refuses_unknown_fields(emulator: Emulator,
                                                              api_client: ApiClients) -> None:
    body = deployment("web")
    body["spec"]["replica"] = 2
    code, status = await call(_raw, api_client(emulator), "POST",
                              "/apis/apps/v1/namespaces/default/deployments", body=body,
                              query=[("fieldValidation", "Strict")])
    assert (code, status["reason"]) == (400, "BadRequest")
    assert status["message"] == (
        'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: '
        'unknown field "spec.replica"')


async def test_openapi_v3_describes_the_served_kinds(emulator: Emulator,
                                                     api_client: ApiClients) -> None:
    api = api_client(emulator)
    _, index = await call(_raw, api, "GET", "/openapi/v3")
    url = index["paths"]["apis/apps/v1"]["serverRelativeURL"]
    _, document = await call(_raw, api, "GET", url.split("?")[0])
    schemas = document["components"]["schemas"]
    spec = schemas["io.k8s.api.apps.v1.DeploymentSpec"]
    assert spec["properties"]["replicas"]["type"] == "integer"
    assert spec["required"] == ["selector", "template"]
    containers = schemas["io.k8s.api.core.v1.PodSpec"]["properties"]["containers"]
    assert (containers["x-kubernetes-patch-merge-key"],
            containers["x-kubernetes-patch-strategy"]) == ("name", "merge")
    assert schemas["io.k8s.api.apps.v1.Deployment"]["x-kubernetes-group-version-kind"] == [
        {"group": "apps", "kind": "Deployment", "version": "v1"}]
