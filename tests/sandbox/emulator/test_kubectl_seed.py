"""The real kubectl against the emulator: the seed post's sequence and RBAC refusals."""

from __future__ import annotations

import re
from pathlib import Path

from sandbox.emulator.server import Emulator
from tests.sandbox.emulator.kubectl_runner import SAFE, kubectl, needs_kubectl

pytestmark = needs_kubectl


async def test_seed_sequence_create_get_delete(tls_emulator: Emulator, tmp_path: Path) -> None:
    code, out = await kubectl(tls_emulator, tmp_path, "create", "deployment", "example-app",
                              "--image=bravecat81/playground")
    assert (code, out) == (0, "deployment.apps/example-app created\n")
    code, out = await kubectl(tls_emulator, tmp_path, "get", "pod")
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
    assert re.fullmatch(rf"example-app-{SAFE}{{8,10}}-{SAFE}{{5}}\s+1/1\s+Running\s+0\s+\d+s",
                        lines[1]), out
    code, out = await kubectl(tls_emulator, tmp_path, "delete", "deployment", "example-app")
    assert (code, out) == (0, 'deployment.apps "example-app" deleted\n')


async def test_get_nodes_shows_the_ready_minikube_node(tls_emulator: Emulator,
                                                       tmp_path: Path) -> None:
    code, out = await kubectl(tls_emulator, tmp_path, "get", "nodes")
    assert code == 0
    assert re.fullmatch(r"minikube\s+Ready\s+control-plane\s+\d+s\s+v1.32.0",
                        out.splitlines()[1]), out


async def test_service_account_is_refused_outside_its_namespace(tls_emulator: Emulator,
                                                                tmp_path: Path) -> None:
    code, out = await kubectl(tls_emulator, tmp_path, "get", "pods", "-n", "kube-system",
                              "--as=system:serviceaccount:default:default")
    assert code == 1
    assert out == (
        'Error from server (Forbidden): pods is forbidden: User '
        '"system:serviceaccount:default:default" cannot list resource "pods" in API group "" '
        'in the namespace "kube-system"\n')


async def test_missing_deployment_prints_not_found(tls_emulator: Emulator,
                                                   tmp_path: Path) -> None:
    code, out = await kubectl(tls_emulator, tmp_path, "get", "deploy", "nope")
    assert (code, out) == (1, 'Error from server (NotFound): deployments.apps "nope" not '
                              'found\n')
