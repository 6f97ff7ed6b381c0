"""`kubectl get all` and several kinds at once, end to end through the Sandbox facade."""

from __future__ import annotations

from sandbox.commandline import parse
from sandbox.service import Sandbox

LEARNER = "telegram:2002"


async def run(sandbox: Sandbox, text: str) -> tuple[str, bool]:
    result = await sandbox.run(LEARNER, text, "en")
    return result.output, result.ok


async def test_get_all_in_an_empty_namespace_finds_nothing(sandbox: Sandbox) -> None:
    namespace = sandbox.namespace(LEARNER)
    assert await run(sandbox, "kubectl get all") == (
        f"No resources found in {namespace} namespace.\n", True)


async def test_get_all_lists_each_kind_with_its_prefix_in_kubectls_order(
        sandbox: Sandbox) -> None:
    await run(sandbox, "kubectl create deployment example-app --image=bravecat81/playground")
    await run(sandbox, "kubectl expose deployment example-app --port=80")
    await run(sandbox, "kubectl create configmap settings --from-literal=a=b")
    output, ok = await run(sandbox, "kubectl get all")
    assert ok
    headers = [block.splitlines()[0].split()[:2] for block in output.split("\n\n")]
    assert headers == [["NAME", "READY"], ["NAME", "TYPE"], ["NAME", "READY"],
                       ["NAME", "DESIRED"]]
    names = [line.split()[0] for line in output.splitlines()
             if line and not line.startswith("NAME")]
    assert [name.split("/")[0] for name in names] == [
        "pod", "service", "deployment.apps", "replicaset.apps"]
    assert "configmap/" not in output


async def test_one_kind_among_several_answering_keeps_its_prefix(sandbox: Sandbox) -> None:
    await run(sandbox, "kubectl create deployment web --image=nginx")
    output, ok = await run(sandbox, "kubectl get pods,svc")
    assert ok and output.startswith("NAME ") and "\npod/web-" in output
    assert "service/" not in output


async def test_a_missing_name_among_mixed_kinds_drops_the_prefix(sandbox: Sandbox) -> None:
    await run(sandbox, "kubectl create deployment web --image=nginx")
    output, ok = await run(sandbox, "kubectl get deploy/web pod/x")
    assert not ok
    assert output.splitlines()[1].startswith("web ")
    assert output.endswith('Error from server (NotFound): pods "x" not found\n')


async def test_delete_all_removes_every_kind_without_errors(sandbox: Sandbox) -> None:
    namespace = sandbox.namespace(LEARNER)
    await run(sandbox, "kubectl create deployment web --image=nginx")
    await run(sandbox, "kubectl expose deployment web --port=80")
    output, ok = await run(sandbox, "kubectl delete all --all")
    assert ok and "Error" not in output
    assert output.endswith('service "web" deleted\ndeployment.apps "web" deleted\n')
    assert await run(sandbox, "kubectl get all") == (
        f"No resources found in {namespace} namespace.\n", True)


async def test_all_with_a_name_gets_kubectls_error(sandbox: Sandbox) -> None:
    output, ok = await run(sandbox, "kubectl get all web")
    assert not ok and "error: you must specify only one resource" in output


def test_all_parses_as_a_category_and_mixes_with_kinds() -> None:
    command = parse("kubectl get all,cm")
    assert [t.category for t in command.targets] == ["all", None]
    assert command.targets[1].resource is not None
    assert command.targets[1].resource.plural == "configmaps"
