"""Every hostile message, run end to end by the sandbox against the simulated cluster.

Nothing may escape: no exception leaves `Sandbox.run`, every case is answered
with the refusal the policy gives (in the learner's language), and the objects
outside the learner's namespace are exactly what they were before, as the
operator's own connection lists them. One emulator serves the whole module;
it holds a learner's namespace, another learner's namespace and the default
namespace, each with objects an attack could try to change.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from sandbox.cluster import Cluster
from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator
from sandbox.kubeapi import Api, ApiError
from sandbox.limits import Limits
from sandbox.policy import screen
from sandbox.provisioning import namespace_for
from sandbox.refusals import CommandRefused, render
from sandbox.service import Sandbox
from tests.sandbox.hostile.cases import ALL
from tests.sandbox.hostile.test_hostile_ratelimit import FakeClock

pytestmark = pytest.mark.asyncio(loop_scope="module")

LEARNER = "hostile-learner"
OTHER = "bystander"
# Every list the operator reads to see what exists outside the learner's namespace.
EVERYTHING = (
    "/api/v1/namespaces", "/api/v1/nodes", "/api/v1/pods", "/api/v1/services",
    "/api/v1/configmaps", "/api/v1/secrets", "/api/v1/serviceaccounts",
    "/api/v1/resourcequotas", "/api/v1/limitranges", "/api/v1/persistentvolumes",
    "/apis/apps/v1/deployments", "/apis/apps/v1/replicasets", "/apis/apps/v1/daemonsets",
    "/apis/rbac.authorization.k8s.io/v1/roles", "/apis/rbac.authorization.k8s.io/v1/rolebindings",
    "/apis/rbac.authorization.k8s.io/v1/clusterroles",
    "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
)


class World:
    """The running sandbox, and the operator's view of everything outside the learner."""

    def __init__(self, sandbox: Sandbox, bot: Api) -> None:
        self.sandbox = sandbox
        self.bot = bot
        self.namespace = namespace_for(LEARNER)

    async def outside(self) -> set[tuple[str, ...]]:
        """Each object outside the learner's namespace, by identity and intent."""
        seen: set[tuple[str, ...]] = set()
        for path in EVERYTHING:
            try:
                listed = await self.bot.get(path)
            except ApiError as error:
                if error.code == 404:
                    continue  # a kind this cluster does not serve
                raise
            for item in listed["items"]:
                seen.add(_identity(path, item))
        return {entry for entry in seen if entry[1] != self.namespace}


def _identity(path: str, item: dict[str, Any]) -> tuple[str, ...]:
    meta = item["metadata"]
    return (
        path, meta.get("namespace", ""), meta["name"], meta.get("uid", ""),
        json.dumps(meta.get("labels"), sort_keys=True),
        json.dumps(meta.get("annotations"), sort_keys=True),
        json.dumps(item.get("spec"), sort_keys=True),
    )


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def world() -> AsyncIterator[World]:
    """A sandbox with a learner, a bystander learner and the default namespace populated."""
    async with Emulator(delays=Delays.instant(), token="test-token") as emulator:
        cluster = Cluster.for_emulator(emulator)
        sandbox = Sandbox(cluster, limits=Limits(commands_per_minute=1_000_000))
        for key in (LEARNER, OTHER):
            for text in ("kubectl create deployment web --image=nginx",
                         "kubectl create configmap settings --from-literal=a=b",
                         "kubectl expose deployment web --port=80"):
                result = await sandbox.run(key, text, "en")
                assert result.ok, result.output
        await cluster.bot.create("/apis/apps/v1/namespaces/default/deployments", {
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "victim"},
            "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "victim"}},
                     "template": {"metadata": {"labels": {"app": "victim"}},
                                  "spec": {"containers": [{"name": "v", "image": "nginx"}]}}},
        })
        yield World(sandbox, cluster.bot)
        cluster.close()


@pytest.mark.parametrize(("text", "reason"), [c[1:] for c in ALL], ids=[c[0] for c in ALL])
async def test_hostile_message_changes_nothing_outside_the_learners_namespace(
    world: World, text: str, reason: str
) -> None:
    before = await world.outside()
    for language in ("ko", "en"):
        result = await world.sandbox.run(LEARNER, text, language)
        assert not result.ok
        assert result.refused_reason == reason, result.output
        with pytest.raises(CommandRefused) as expected:
            screen(text, namespace=world.namespace)
        assert result.output.strip() == render(expected.value, language)
    assert await world.outside() == before


async def test_a_burst_of_21_commands_gets_the_21st_refused_then_allowed() -> None:
    clock = FakeClock()
    async with Emulator(delays=Delays.instant(), token="test-token") as emulator:
        cluster = Cluster.for_emulator(emulator)
        sandbox = Sandbox(cluster, clock=clock)
        for _ in range(20):
            assert (await sandbox.run("burst", "kubectl get pods", "en")).ok
        refused = await sandbox.run("burst", "kubectl get pods", "ko")
        assert refused.refused_reason == "rate_limited"
        assert "초 뒤에 다시 시도해 주세요" in refused.output
        clock.now += 60
        assert (await sandbox.run("burst", "kubectl get pods", "en")).ok
        cluster.close()
