"""`kubectl create <kind>`, which sends protobuf bodies, for every served kind it can make."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sandbox.emulator.server import Emulator
from tests.sandbox.emulator.kubectl_runner import kubectl, needs_kubectl, ok

pytestmark = needs_kubectl


async def _json(emulator: Emulator, home: Path, *args: str) -> dict[str, object]:
    out = await ok(emulator, home, "get", *args, "-o", "json")
    loaded: dict[str, object] = json.loads(out)
    return loaded


@pytest.mark.parametrize(("args", "printed"), [
    (("quota", "kt-quota", "--hard=pods=1,cpu=2", "--scopes=NotTerminating"),
     "resourcequota/kt-quota created"),
    (("configmap", "settings", "--from-literal=mode=fast"), "configmap/settings created"),
    (("secret", "generic", "token", "--from-literal=key=s3cret"), "secret/token created"),
    (("serviceaccount", "robot"), "serviceaccount/robot created"),
    (("namespace", "team-a"), "namespace/team-a created"),
    (("role", "reader", "--verb=get,list", "--resource=pods"),
     "role.rbac.authorization.k8s.io/reader created"),
    (("rolebinding", "reader", "--role=reader", "--serviceaccount=default:robot"),
     "rolebinding.rbac.authorization.k8s.io/reader created"),
    (("service", "nodeport", "web", "--tcp=80:8080"), "service/web created"),
    (("service", "externalname", "ext", "--external-name=example.com"), "service/ext created"),
])
async def test_create_prints_what_it_made(tls_emulator: Emulator, tmp_path: Path,
                                          args: tuple[str, ...], printed: str) -> None:
    assert await ok(tls_emulator, tmp_path, "create", *args) == printed + "\n"


async def test_created_quota_keeps_its_hard_limits_and_scopes(tls_emulator: Emulator,
                                                              tmp_path: Path) -> None:
    await ok(tls_emulator, tmp_path, "create", "quota", "kt-quota", "--hard=pods=1,cpu=2",
             "--scopes=NotTerminating")
    quota = await _json(tls_emulator, tmp_path, "quota", "kt-quota")
    assert quota["spec"] == {"hard": {"cpu": "2", "pods": "1"}, "scopes": ["NotTerminating"]}


async def test_quota_of_one_pod_refuses_the_second(tls_emulator: Emulator,
                                                   tmp_path: Path) -> None:
    await ok(tls_emulator, tmp_path, "create", "quota", "kt-quota", "--hard=pods=1")
    await ok(tls_emulator, tmp_path, "run", "first", "--image=nginx")
    code, out = await kubectl(tls_emulator, tmp_path, "run", "second", "--image=nginx")
    assert code == 1
    assert out == ('Error from server (Forbidden): pods "second" is forbidden: exceeded quota: '
                   'kt-quota, requested: pods=1, used: pods=1, limited: pods=1\n')


async def test_created_services_keep_ports_and_names(tls_emulator: Emulator,
                                                     tmp_path: Path) -> None:
    await ok(tls_emulator, tmp_path, "create", "service", "nodeport", "web", "--tcp=80:8080",
             "--node-port=30080")
    await ok(tls_emulator, tmp_path, "create", "service", "externalname", "ext",
             "--external-name=example.com")
    web = await _json(tls_emulator, tmp_path, "svc", "web")
    spec = web["spec"]
    assert isinstance(spec, dict)
    assert spec["ports"] == [{"name": "80-8080", "nodePort": 30080, "port": 80,
                              "protocol": "TCP", "targetPort": 8080}]
    assert spec["type"] == "NodePort" and spec["selector"] == {"app": "web"}
    ext = await _json(tls_emulator, tmp_path, "svc", "ext")
    assert ext["spec"] == {"externalName": "example.com", "selector": {"app": "ext"},
                           "sessionAffinity": "None", "type": "ExternalName"}


async def test_created_configmap_holds_its_data(tls_emulator: Emulator, tmp_path: Path) -> None:
    await ok(tls_emulator, tmp_path, "create", "configmap", "settings", "--from-literal=a=1",
             "--from-literal=b=two")
    assert (await _json(tls_emulator, tmp_path, "cm", "settings"))["data"] == {"a": "1",
                                                                               "b": "two"}


async def test_create_deployment_with_replicas_and_port(tls_emulator: Emulator,
                                                        tmp_path: Path) -> None:
    out = await ok(tls_emulator, tmp_path, "create", "deployment", "web", "--image=nginx:1.27",
                   "--replicas=3", "--port=80")
    assert out == "deployment.apps/web created\n"
    deployment = await _json(tls_emulator, tmp_path, "deploy", "web")
    spec = deployment["spec"]
    assert isinstance(spec, dict)
    assert spec["replicas"] == 3
    container = spec["template"]["spec"]["containers"][0]
    assert container["ports"] == [{"containerPort": 80, "protocol": "TCP"}]
    pods = await ok(tls_emulator, tmp_path, "get", "pods", "-l", "app=web", "-o", "name")
    assert len(pods.splitlines()) == 3
