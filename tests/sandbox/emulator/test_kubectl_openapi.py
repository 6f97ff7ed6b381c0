"""The real kubectl reading the emulator's OpenAPI documents: server-side field validation
for `apply`, and `explain` in kubectl's own layout (OpenAPI v3, and v2 in protobuf)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.emulator.server import Emulator
from tests.sandbox.emulator.kubectl_runner import kubectl, needs_kubectl, ok

pytestmark = needs_kubectl

MANIFEST = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  {replicas}
  selector:
    matchLabels: {{app: web}}
  template:
    metadata:
      labels: {{app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
"""


async def test_apply_creates_then_configures(tls_emulator: Emulator, tmp_path: Path) -> None:
    created = await ok(tls_emulator, tmp_path, "apply", "-f", "-",
                       stdin=MANIFEST.format(replicas="replicas: 2"))
    assert created == "deployment.apps/web created\n"
    configured = await ok(tls_emulator, tmp_path, "apply", "-f", "-",
                          stdin=MANIFEST.format(replicas="replicas: 3"))
    assert configured == "deployment.apps/web configured\n"
    unchanged = await ok(tls_emulator, tmp_path, "apply", "-f", "-",
                         stdin=MANIFEST.format(replicas="replicas: 3"))
    assert unchanged == "deployment.apps/web unchanged\n"
    replicas = await ok(tls_emulator, tmp_path, "get", "deploy", "web", "-o",
                        "jsonpath={.spec.replicas}")
    assert replicas == "3"


async def test_apply_refuses_an_unknown_field(tls_emulator: Emulator, tmp_path: Path) -> None:
    code, out = await kubectl(tls_emulator, tmp_path, "apply", "-f", "-",
                              stdin=MANIFEST.format(replicas="replica: 2"))
    assert code == 1
    assert out == (
        'Error from server (BadRequest): error when creating "STDIN": Deployment in version '
        '"v1" cannot be handled as a Deployment: strict decoding error: unknown field '
        '"spec.replica"\n')


async def test_apply_without_validation_drops_the_unknown_field(tls_emulator: Emulator,
                                                                tmp_path: Path) -> None:
    await ok(tls_emulator, tmp_path, "apply", "--validate=false", "-f", "-",
             stdin=MANIFEST.format(replicas="replica: 2"))
    spec = await ok(tls_emulator, tmp_path, "get", "deploy", "web", "-o", "jsonpath={.spec}")
    assert '"replica"' not in spec and '"replicas":1' in spec


async def test_apply_warns_about_an_unknown_field(tls_emulator: Emulator,
                                                  tmp_path: Path) -> None:
    out = await ok(tls_emulator, tmp_path, "apply", "--validate=warn", "-f", "-",
                   stdin=MANIFEST.format(replicas="replica: 2"))
    assert 'Warning: unknown field "spec.replica"\n' in out


async def test_explain_a_field(tls_emulator: Emulator, tmp_path: Path) -> None:
    out = await ok(tls_emulator, tmp_path, "explain", "deployment.spec.replicas")
    assert out.startswith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n"
                          "FIELD: replicas <integer>\n\n\nDESCRIPTION:\n"
                          "    Number of desired pods.")


async def test_explain_a_kind_lists_its_fields(tls_emulator: Emulator, tmp_path: Path) -> None:
    out = await ok(tls_emulator, tmp_path, "explain", "pods")
    assert out.startswith("KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a "
                          "collection of containers")
    fields = [line.split("\t") for line in out.splitlines() if line.startswith("  ")
              and "\t" in line]
    assert fields == [["  apiVersion", "<string>"], ["  kind", "<string>"],
                      ["  metadata", "<ObjectMeta>"], ["  spec", "<PodSpec>"],
                      ["  status", "<PodStatus>"]]


@pytest.mark.parametrize(("path", "expected"), [
    ("pod.spec.containers.resources", "  limits\t<map[string]Quantity>"),
    ("deploy.spec.strategy.rollingUpdate", "  maxSurge\t<IntOrString>"),
    ("svc.spec", "  ports\t<[]ServicePort>"),
])
async def test_explain_names_field_types(tls_emulator: Emulator, tmp_path: Path, path: str,
                                         expected: str) -> None:
    out = await ok(tls_emulator, tmp_path, "explain", path)
    assert expected in out.splitlines()


async def test_explain_from_openapi_v2_protobuf(tls_emulator: Emulator,
                                                tmp_path: Path) -> None:
    out = await ok(tls_emulator, tmp_path, "explain", "deployment.spec.strategy",
                   "--output=plaintext-openapiv2")
    assert out.startswith("KIND:     Deployment\nVERSION:  apps/v1\n\n"
                          "RESOURCE: strategy <Object>\n")
    assert "   rollingUpdate\t<Object>" in out.splitlines()
