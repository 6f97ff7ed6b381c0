"""Defence in depth and failure: the cluster refuses what the policy would, and a cluster that
is down or silent gives a clear message instead of an exception."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from kubernetes.client import Configuration

from sandbox.checks import Check
from sandbox.cluster import Cluster
from sandbox.commandline import parse
from sandbox.executor import execute
from sandbox.kubeapi import ClusterUnavailable, Timeouts, object_path
from sandbox.limits import Limits
from sandbox.provisioning import Provisioner, namespace_for
from sandbox.service import Sandbox
from sandbox.verbs.context import Context

FAST = Timeouts(connect=0.5, request=0.5, watch=1, watch_idle=0.5)


async def bypassing_policy(cluster: Cluster, learner: str, namespace: str,
                           text: str) -> str:
    """Run a command as `learner` but aimed at `namespace`, with no policy check at all."""
    mine = namespace_for(learner)
    await Provisioner(cluster).ensure(mine)
    ctx = Context(cluster.learner(mine), namespace, cluster)
    return (await execute(parse(text), ctx)).text


async def test_learner_cannot_list_pods_in_kube_system_even_without_the_policy(
        cluster: Cluster) -> None:
    mine = namespace_for("a")
    output = await bypassing_policy(cluster, "a", "kube-system", "kubectl get pods")
    assert output == (
        f'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:{mine}'
        ':learner" cannot list resource "pods" in API group "" in the namespace "kube-system"\n')


async def test_learner_cannot_touch_another_learners_objects_without_the_policy(
        cluster: Cluster, sandbox: Sandbox) -> None:
    await sandbox.run("b", "kubectl create deployment web --image=nginx", "en")
    theirs = namespace_for("b")
    for text in ("kubectl get deploy", "kubectl delete deploy web",
                 "kubectl scale deploy web --replicas=5", "kubectl logs deploy/web"):
        output = await bypassing_policy(cluster, "a", theirs, text)
        assert output.startswith("Error from server (Forbidden): "), output
    assert "web" in (await sandbox.run("b", "kubectl get deploy", "en")).output


def unreachable(port: int) -> Cluster:
    """A connection to 127.0.0.1:`port`, with short timeouts."""
    return Cluster(Configuration(host=f"http://127.0.0.1:{port}"), simulated=False,
                   context="test", timeouts=FAST)


async def test_a_closed_port_is_cluster_unavailable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cluster = unreachable(port)
    with pytest.raises(ClusterUnavailable) as caught:
        await cluster.bot.get("/version")
    assert caught.value.detail == "connection refused"


@pytest.fixture
async def silent_server() -> AsyncIterator[int]:
    """A server on loopback that accepts connections and never answers."""
    writers: list[asyncio.StreamWriter] = []
    stop = asyncio.Event()

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writers.append(writer)
        await stop.wait()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    stop.set()
    for writer in writers:
        writer.close()
        await writer.wait_closed()
    server.close()
    await server.wait_closed()


async def test_a_silent_cluster_gives_the_learner_a_clear_message(silent_server: int) -> None:
    cluster = unreachable(silent_server)
    sandbox = Sandbox(cluster, limits=Limits(commands_per_minute=100))
    result = await sandbox.run("a", "kubectl get pods", "en")
    assert not result.ok
    assert result.refused_reason == "cluster_unavailable"
    assert result.output.startswith("The practice cluster is not answering right now "
                                    "(no answer in time).")


async def test_checks_follow_the_learners_steps(sandbox: Sandbox) -> None:
    exists = Check("exists", "deployment/example-app")
    ready = Check("ready_at_least", "deployment/example-app", count=1)
    image = Check("field_equals", "deployment/example-app",
                  path="spec.template.spec.containers[0].image", value="bravecat81/playground")
    gone = Check("absent", "deployment/example-app")
    failed = await sandbox.check("a", [exists])
    assert not failed.passed and failed.detail == "deployment/example-app not found"
    await sandbox.run("a", "kubectl create deployment example-app "
                           "--image=bravecat81/playground", "en")
    assert (await sandbox.check("a", [exists, ready, image])).passed
    assert not (await sandbox.check("a", [gone])).passed
    await sandbox.run("a", "kubectl delete deploy example-app", "en")
    assert (await sandbox.check("a", [gone])).passed


async def test_reset_empties_the_namespace(sandbox: Sandbox) -> None:
    await sandbox.run("a", "kubectl create configmap cfg --from-literal=a=b", "en")
    assert "cfg" in (await sandbox.run("a", "kubectl get cm", "en")).output
    await sandbox.reset("a")
    assert "cfg" not in (await sandbox.run("a", "kubectl get cm", "en")).output


async def test_idle_namespaces_are_deleted(cluster: Cluster, sandbox: Sandbox) -> None:
    await sandbox.run("old", "kubectl get pods", "en")
    await sandbox.run("new", "kubectl get pods", "en")
    now = datetime.now(UTC)
    deleted = await sandbox.cleanup_idle({"old": now - timedelta(days=2), "new": now}, now,
                                         timedelta(hours=24))
    assert deleted == [namespace_for("old")]
    remaining = [n["metadata"]["name"] for n in await Provisioner(cluster).managed()
                 if not n["metadata"].get("deletionTimestamp")]
    assert namespace_for("new") in remaining
    assert namespace_for("old") not in remaining or (await cluster.bot.get(object_path(
        "namespaces", "", None, namespace_for("old"))))["status"]["phase"] == "Terminating"


async def test_the_object_limit_refuses_the_twenty_first_object(cluster: Cluster) -> None:
    sandbox = Sandbox(cluster, limits=Limits(commands_per_minute=1000, max_objects=2))
    for name in ("a", "b"):
        assert (await sandbox.run("a", f"kubectl create cm {name}", "en")).ok
    refused = await sandbox.run("a", "kubectl create cm c", "en")
    assert refused.refused_reason == "object_limit"
