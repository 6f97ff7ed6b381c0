"""Read commands print what the real kubectl prints for the same cluster state.

Both run as the same learner against one emulator over HTTPS; ages are masked, since the
two ask at slightly different moments. Skipped where /usr/bin/kubectl is absent.
"""

from __future__ import annotations

import asyncio
import re
import shlex
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from sandbox.cluster import Cluster, ClusterConfig
from sandbox.commandline import parse
from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator
from sandbox.executor import execute
from sandbox.provisioning import Provisioner, namespace_for
from sandbox.verbs.context import Context

KUBECTL = Path("/usr/bin/kubectl")
pytestmark = pytest.mark.skipif(not KUBECTL.exists(), reason="no /usr/bin/kubectl here")

READS = (
    "kubectl get pods",
    "kubectl get po -o wide",
    "kubectl get deploy,rs",
    "kubectl get deployments --show-labels",
    "kubectl get deploy web",
    "kubectl get deploy web nope",
    "kubectl get svc",
    "kubectl get pods -l app=web -o name",
    "kubectl get deploy web -o yaml",
    "kubectl get svc -o json",
    "kubectl get cm",
    "kubectl describe deployment web",
    "kubectl describe svc web",
    "kubectl describe rs",
    "kubectl rollout history deployment/web",
    "kubectl rollout history deployment/web --revision=1",
    "kubectl rollout history deploy web --revision=2",
    "kubectl rollout history deployment/web --revision=9",
    "kubectl api-resources",
    "kubectl get nodes",
    "kubectl get nodes -o wide",
    "kubectl get all",
    "kubectl get all -o wide",
    "kubectl get all -o name",
    "kubectl get all,cm --show-labels",
    "kubectl get all -l app=web",
    "kubectl get pods,svc",
    "kubectl get cm,svc",
    "kubectl get deploy/web pod/x",
    "kubectl get deploy/web svc/web",
    "kubectl describe all",
)


@pytest.fixture
async def both(tmp_path: Path) -> AsyncIterator[tuple[Context, Path]]:
    async with Emulator(delays=Delays.instant(), tls=True) as emulator:
        kubeconfig = tmp_path / "kubeconfig"
        emulator.write_kubeconfig(kubeconfig)
        cluster = Cluster.from_config(ClusterConfig("kubeconfig", None, kubeconfig))
        try:
            namespace = namespace_for("parity")
            await Provisioner(cluster).ensure(namespace)
            ctx = Context(cluster.learner(namespace), namespace, cluster)
            for text in ("kubectl create deployment web --image=nginx:1.25 --replicas=2",
                         "kubectl expose deployment web --port=80 --type=NodePort",
                         "kubectl set image deploy/web nginx=nginx:1.26"):
                assert (await execute(parse(text), ctx)).ok
            yield ctx, kubeconfig
        finally:
            cluster.close()


async def kubectl(kubeconfig: Path, namespace: str, text: str) -> str:
    process = await asyncio.create_subprocess_exec(
        str(KUBECTL), f"--kubeconfig={kubeconfig}", "-n", namespace,
        f"--as=system:serviceaccount:{namespace}:learner", *shlex.split(text)[1:],
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await process.communicate()
    return out.decode()


def masked(text: str) -> str:
    text = re.sub(r"\b\d+(\.\d+)?(s|m|h|d)(\d+s)?\b", "<age>", text)
    return re.sub(r'"?resourceVersion"?: "\d+"', "resourceVersion", text)


@pytest.mark.parametrize("text", READS)
async def test_output_matches_kubectl(both: tuple[Context, Path], text: str) -> None:
    ctx, kubeconfig = both
    ours = (await execute(parse(text), ctx)).text
    theirs = await kubectl(kubeconfig, ctx.namespace, text)
    assert masked(ours) == masked(theirs)
