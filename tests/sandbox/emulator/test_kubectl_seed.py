"""The real kubectl against the emulator: the seed post's sequence and RBAC refusals."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from pathlib import Path

import pytest

from sandbox.emulator.server import Emulator

KUBECTL = "/usr/bin/kubectl"
pytestmark = [
    pytest.mark.skipif(not Path(KUBECTL).exists(), reason="kubectl is not installed at "
                       "/usr/bin/kubectl"),
    pytest.mark.skipif(shutil.which("openssl") is None,
                       reason="openssl is needed to serve kubectl over HTTPS"),
]
SAFE = "[bcdfghjklmnpqrstvwxz2456789]"


async def kubectl(emulator: Emulator, tmp_path: Path, *args: str) -> tuple[int, str]:
    """Run kubectl with a kubeconfig for the emulator; returns (exit code, stdout+stderr)."""
    config = tmp_path / "kubeconfig"
    if not config.exists():
        emulator.write_kubeconfig(config)
    process = await asyncio.create_subprocess_exec(
        KUBECTL, *args, env={**os.environ, "KUBECONFIG": str(config),
                             "HOME": str(tmp_path)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await process.communicate()
    return process.returncode or 0, out.decode()


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
