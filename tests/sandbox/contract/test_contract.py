"""The sandbox's contract with a cluster, run unchanged on the simulated one and a real one:
provisioning, the post's sequence, and isolation enforced by the cluster itself."""

from __future__ import annotations

import asyncio
import re

from sandbox.cluster import Cluster
from sandbox.commandline import parse
from sandbox.executor import execute
from sandbox.kubeapi import object_path
from sandbox.provisioning import QUOTA, ROLE, namespace_for
from sandbox.service import Sandbox
from sandbox.verbs.context import Context
from tests.sandbox.contract.conftest import LEARNERS

A, B = LEARNERS
RUNNING = re.compile(r"^example-app-\S+\s+1/1\s+Running\s+0\s+\S+$", re.MULTILINE)


async def test_first_command_provisions_the_learner_namespace(
        contract_sandbox: Sandbox, contract_cluster: Cluster) -> None:
    result = await contract_sandbox.run(A, "kubectl get pods", "en")
    namespace = namespace_for(A)
    assert result.output == f"No resources found in {namespace} namespace.\n"
    bot = contract_cluster.bot
    found = await bot.get(object_path("namespaces", "", None, namespace))
    assert found["metadata"]["labels"]["app.kubernetes.io/managed-by"] == "kubetutor"
    role = await bot.get(object_path("roles", "rbac.authorization.k8s.io", namespace, ROLE))
    assert role["rules"]
    quota = await bot.get(object_path("resourcequotas", "", namespace, "kubetutor-quota"))
    assert quota["spec"]["hard"] == dict(QUOTA)


async def test_the_posts_sequence(contract_sandbox: Sandbox) -> None:
    created = await contract_sandbox.run(
        A, "kubectl create deployment example-app --image=bravecat81/playground", "en")
    assert created.output == "deployment.apps/example-app created\n"
    pods = ""
    for _ in range(240):
        pods = (await contract_sandbox.run(A, "kubectl get pod", "en")).output
        if RUNNING.search(pods):
            break
        await asyncio.sleep(0.5)
    assert RUNNING.search(pods), pods
    deleted = await contract_sandbox.run(A, "kubectl delete deployment example-app", "en")
    assert deleted.output == 'deployment.apps "example-app" deleted\n'


async def test_the_cluster_refuses_other_namespaces_even_without_the_policy(
        contract_sandbox: Sandbox, contract_cluster: Cluster) -> None:
    await contract_sandbox.run(A, "kubectl get pods", "en")
    await contract_sandbox.run(B, "kubectl create configmap mine --from-literal=a=b", "en")
    mine = namespace_for(A)
    for namespace in ("kube-system", "default", namespace_for(B)):
        ctx = Context(contract_cluster.learner(mine), namespace, contract_cluster)
        for text in ("kubectl get pods", "kubectl get configmaps",
                     "kubectl delete configmap mine"):
            output = (await execute(parse(text), ctx)).text
            assert output.startswith("Error from server (Forbidden): "), (namespace, output)
            assert f"system:serviceaccount:{mine}:learner" in output
    still = await contract_sandbox.run(B, "kubectl get cm mine -o name", "en")
    assert still.output == "configmap/mine\n"
