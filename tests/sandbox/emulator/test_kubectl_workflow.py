"""The rest of the course's kubectl verbs against the emulator: run, delete (by name, label,
all), scale, expose, set image, rollout status|history|undo, label, logs, and impersonation
refused outside the ServiceAccount's namespace."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sandbox.emulator.server import Emulator
from tests.sandbox.emulator.kubectl_runner import SAFE, kubectl, needs_kubectl, ok

pytestmark = needs_kubectl


@pytest.fixture
async def web(tls_emulator: Emulator, tmp_path: Path) -> Emulator:
    """A two-replica Deployment `web`."""
    await ok(tls_emulator, tmp_path, "create", "deployment", "web", "--image=nginx:1.27",
             "--replicas=2")
    return tls_emulator


async def _pods(emulator: Emulator, home: Path, *args: str) -> list[str]:
    out = await ok(emulator, home, "get", "pods", "-o", "name", *args)
    return out.splitlines()


async def test_run_creates_a_running_pod(tls_emulator: Emulator, tmp_path: Path) -> None:
    assert await ok(tls_emulator, tmp_path, "run", "solo", "--image=nginx") == \
        "pod/solo created\n"
    out = await ok(tls_emulator, tmp_path, "get", "pod", "solo")
    assert re.fullmatch(r"solo   1/1     Running   0          \d+s", out.splitlines()[1]), out


async def test_delete_by_name_label_and_all(web: Emulator, tmp_path: Path) -> None:
    await ok(web, tmp_path, "run", "a", "--image=nginx", "--labels=tier=x")
    await ok(web, tmp_path, "run", "b", "--image=nginx", "--labels=tier=x")
    await ok(web, tmp_path, "run", "c", "--image=nginx")
    assert await ok(web, tmp_path, "delete", "pod", "c") == 'pod "c" deleted\n'
    assert await ok(web, tmp_path, "delete", "pods", "-l", "tier=x") == \
        'pod "a" deleted\npod "b" deleted\n'
    assert await ok(web, tmp_path, "delete", "deploy", "--all") == \
        'deployment.apps "web" deleted\n'
    assert await ok(web, tmp_path, "get", "deploy") == \
        "No resources found in default namespace.\n"


async def test_scale(web: Emulator, tmp_path: Path) -> None:
    assert await ok(web, tmp_path, "scale", "deployment", "web", "--replicas=4") == \
        "deployment.apps/web scaled\n"
    assert len(await _pods(web, tmp_path, "-l", "app=web")) == 4
    out = await ok(web, tmp_path, "get", "deploy", "web")
    assert re.fullmatch(r"web    4/4     4            4           \d+s", out.splitlines()[1])


async def test_expose_with_target_port_and_node_port(web: Emulator, tmp_path: Path) -> None:
    out = await ok(web, tmp_path, "expose", "deployment", "web", "--port=80",
                   "--target-port=8080", "--type=NodePort")
    assert out == "service/web exposed\n"
    row = (await ok(web, tmp_path, "get", "svc", "web")).splitlines()[1]
    assert re.fullmatch(r"web    NodePort   10\.\d+\.\d+\.\d+ +<none>        80:3\d{4}/TCP   "
                        r"\d+s", row), row
    endpoints = (await ok(web, tmp_path, "get", "endpoints", "web")).splitlines()[1]
    assert re.fullmatch(r"web    10\.244\.0\.\d+:8080,10\.244\.0\.\d+:8080   \d+s", endpoints)


async def test_set_image_then_rollout_status_history_and_undo(web: Emulator,
                                                              tmp_path: Path) -> None:
    assert await ok(web, tmp_path, "set", "image", "deployment/web", "nginx=nginx:1.28") == \
        "deployment.apps/web image updated\n"
    assert await ok(web, tmp_path, "rollout", "status", "deployment/web") == \
        'deployment "web" successfully rolled out\n'
    assert await ok(web, tmp_path, "rollout", "history", "deployment/web") == (
        "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n")
    assert await ok(web, tmp_path, "rollout", "undo", "deployment/web") == \
        "deployment.apps/web rolled back\n"
    image = await ok(web, tmp_path, "get", "deploy", "web", "-o",
                     "jsonpath={.spec.template.spec.containers[0].image}")
    assert image == "nginx:1.27"
    history = await ok(web, tmp_path, "rollout", "history", "deployment/web")
    assert history.splitlines()[2:4] == ["2         <none>", "3         <none>"]


async def test_a_failing_image_leaves_the_old_pods_serving(web: Emulator,
                                                           tmp_path: Path) -> None:
    await ok(web, tmp_path, "set", "image", "deployment/web", "nginx=nginx:doesnotexist")
    code, out = await kubectl(web, tmp_path, "rollout", "status", "deployment/web",
                              "--timeout=1s")
    assert code == 1
    assert out.startswith('Waiting for deployment "web" rollout to finish: 1 out of 2 new '
                          "replicas have been updated...\n")
    statuses = [line.split()[2] for line in
                (await ok(web, tmp_path, "get", "pods")).splitlines()[1:]]
    assert sorted(statuses) in (["ErrImagePull", "Running", "Running"],
                                ["ImagePullBackOff", "Running", "Running"])


async def test_label(web: Emulator, tmp_path: Path) -> None:
    assert await ok(web, tmp_path, "label", "deployment", "web", "tier=frontend") == \
        "deployment.apps/web labeled\n"
    row = (await ok(web, tmp_path, "get", "deploy", "--show-labels")).splitlines()[1]
    assert row.endswith("app=web,tier=frontend")
    code, out = await kubectl(web, tmp_path, "label", "deployment", "web", "tier=backend")
    assert (code, out) == (1, "error: 'tier' already has a value (frontend), and --overwrite "
                              "is false\n")


async def test_logs(web: Emulator, tmp_path: Path) -> None:
    pod = (await _pods(web, tmp_path))[0]
    out = await ok(web, tmp_path, "logs", pod)
    assert out.strip()
    code, out = await kubectl(web, tmp_path, "logs", "nope")
    assert (code, out) == (1, 'error: error from server (NotFound): pods "nope" not found in '
                              'namespace "default"\n')


async def test_service_account_is_confined_to_its_namespace(tls_emulator: Emulator,
                                                            tmp_path: Path) -> None:
    for args in (("namespace", "team"), ("serviceaccount", "learner", "-n", "team"),
                 ("role", "pods", "-n", "team", "--verb=get,list,create,delete",
                  "--resource=pods"),
                 ("rolebinding", "pods", "-n", "team", "--role=pods",
                  "--serviceaccount=team:learner")):
        await ok(tls_emulator, tmp_path, "create", *args)
    learner = "--as=system:serviceaccount:team:learner"
    assert await ok(tls_emulator, tmp_path, "run", "mine", "--image=nginx", "-n", "team",
                    learner) == "pod/mine created\n"
    assert len(await _pods(tls_emulator, tmp_path, "-n", "team", learner)) == 1
    code, out = await kubectl(tls_emulator, tmp_path, "get", "pods", "-n", "default", learner)
    assert (code, out) == (1, 'Error from server (Forbidden): pods is forbidden: User '
                              '"system:serviceaccount:team:learner" cannot list resource "pods" '
                              'in API group "" in the namespace "default"\n')
    code, out = await kubectl(tls_emulator, tmp_path, "create", "deployment", "x",
                              "--image=nginx", "-n", "team", learner)
    assert (code, out) == (1, 'error: failed to create deployment: deployments.apps is '
                              'forbidden: User "system:serviceaccount:team:learner" cannot '
                              'create resource "deployments" in API group "apps" in the '
                              'namespace "team"\n')


async def test_pod_names_follow_the_replicaset(web: Emulator, tmp_path: Path) -> None:
    for name in await _pods(web, tmp_path):
        assert re.fullmatch(rf"pod/web-{SAFE}{{8,10}}-{SAFE}{{5}}", name), name
