"""`kubectl get -w` prints what kubectl prints while the same pods start.

kubectl and the sandbox watch the same namespace at once while a Deployment with a
long name starts; the rows must line up as kubectl's do (columns as wide as the
first table, widened for longer cells and kept wide). Skipped where
/usr/bin/kubectl is absent.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from sandbox.cluster import Cluster, ClusterConfig
from sandbox.commandline import parse
from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator
from sandbox.executor import execute
from sandbox.printing.tabwriter import tabwrite
from sandbox.provisioning import Provisioner, namespace_for
from sandbox.verbs.context import Context

KUBECTL = Path("/usr/bin/kubectl")
LONG = "a-much-longer-deployment-name"


@pytest.fixture
async def watched(tmp_path: Path) -> AsyncIterator[tuple[Context, Path]]:
    async with Emulator(delays=Delays(), tls=True) as emulator:
        kubeconfig = tmp_path / "kubeconfig"
        emulator.write_kubeconfig(kubeconfig)
        cluster = Cluster.from_config(ClusterConfig("kubeconfig", None, kubeconfig))
        try:
            namespace = namespace_for("watch")
            await Provisioner(cluster).ensure(namespace)
            yield Context(cluster.learner(namespace), namespace, cluster), kubeconfig
        finally:
            cluster.close()


async def _both_watch(ctx: Context, kubeconfig: Path) -> tuple[str, str]:
    """kubectl's and the sandbox's `get pods -w` while a long-named Deployment starts."""
    process = await asyncio.create_subprocess_exec(
        str(KUBECTL), f"--kubeconfig={kubeconfig}", "-n", ctx.namespace,
        f"--as=system:serviceaccount:{ctx.namespace}:learner", "get", "pods", "-w",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    ours = asyncio.create_task(execute(parse("kubectl get pods -w"), ctx))
    await asyncio.sleep(1)
    assert (await execute(parse(f"kubectl create deployment {LONG} --image=nginx"), ctx)).ok
    text = (await ours).text
    process.terminate()
    theirs, _ = await process.communicate()
    return text, theirs.decode()


def _aged(text: str) -> str:
    """The rows with their ages (the last column) masked: the two watchers read the clock
    at slightly different moments, so one may say 3s where the other says 4s."""
    return re.sub(r"\b\d+[smhd](\d+[smh])?$", "<age>", text, flags=re.MULTILINE)


@pytest.mark.skipif(not KUBECTL.exists(), reason="no /usr/bin/kubectl here")
@pytest.mark.parametrize("first", [None, "web"])
async def test_watch_rows_line_up_as_kubectls(watched: tuple[Context, Path],
                                              first: str | None) -> None:
    ctx, kubeconfig = watched
    if first is not None:
        assert (await execute(parse(f"kubectl create deployment {first} --image=nginx"),
                              ctx)).ok
        await asyncio.sleep(3)
    ours, theirs = await _both_watch(ctx, kubeconfig)
    assert _aged(ours) == _aged(theirs)
    assert f"{LONG}-" in ours and "Running" in ours.splitlines()[-1]


def test_remembered_widths_keep_columns_wide_and_grow_them() -> None:
    widths: list[int] = []
    assert tabwrite("NAME\tSTATUS\tAGE\nweb-1\tRunning\t3s\n", minwidth=6, padding=3,
                    remembered=widths) == "NAME    STATUS    AGE\nweb-1   Running   3s\n"
    assert tabwrite("x\tPending\t0s\n", minwidth=6, padding=3, remembered=widths) == \
        "x       Pending   0s\n"
    assert tabwrite("long-name-here\tContainerCreating\t0s\n", minwidth=6, padding=3,
                    remembered=widths) == "long-name-here   ContainerCreating   0s\n"
    assert tabwrite("y\tRunning\t1s\n", minwidth=6, padding=3, remembered=widths) == \
        "y                Running             1s\n"
