"""The clusters the contract runs against: the simulated one always, a real one on request.

Set KUBETUTOR_TEST_KUBECONFIG to a kubeconfig (its current context is used, or
KUBETUTOR_TEST_CONTEXT) whose identity may do what deploy/rbac.yaml grants, e.g. minikube's.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from sandbox.cluster import Cluster, ClusterConfig
from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator
from sandbox.kubeapi import Timeouts
from sandbox.limits import Limits
from sandbox.provisioning import Provisioner, namespace_for
from sandbox.service import Sandbox

REAL = os.environ.get("KUBETUTOR_TEST_KUBECONFIG")
LEARNERS = ("contract-a", "contract-b")


@pytest.fixture(params=[
    "simulated",
    pytest.param("real", marks=pytest.mark.skipif(
        not REAL, reason="no real cluster: set KUBETUTOR_TEST_KUBECONFIG to run the contract "
                         "against one")),
])
async def contract_cluster(request: pytest.FixtureRequest) -> AsyncIterator[Cluster]:
    """A connection to the cluster under test."""
    if request.param == "simulated":
        async with Emulator(delays=Delays.instant(), token="contract") as emulator:
            cluster = Cluster.for_emulator(emulator)
            yield cluster
            cluster.close()
        return
    assert REAL is not None
    config = ClusterConfig("kubeconfig", os.environ.get("KUBETUTOR_TEST_CONTEXT"), Path(REAL))
    cluster = Cluster.from_config(config, Timeouts(watch=30, watch_idle=10))
    yield cluster
    cluster.close()


@pytest.fixture
async def contract_sandbox(contract_cluster: Cluster) -> AsyncIterator[Sandbox]:
    """The sandbox on the cluster under test; learner namespaces are removed afterwards."""
    sandbox = Sandbox(contract_cluster, limits=Limits(commands_per_minute=10_000))
    yield sandbox
    provisioner = Provisioner(contract_cluster)
    for key in LEARNERS:
        await provisioner.delete(namespace_for(key))
