"""Errors and one-line action results against the real kubectl 1.32, on the same cluster."""

from __future__ import annotations

from typing import Any

import yaml

from sandbox.printing import (
    deleted,
    done,
    failed_to_create,
    label_operation,
    no_resources_found,
    rollout_history,
    rollout_history_revision,
    rollout_status,
    server_error,
    skipped_rollback,
    with_source,
)
from tests.sandbox.printing.conftest import Side, needs_kubectl

pytestmark = needs_kubectl

NS = "/api/v1/namespaces/default"
APPS = "/apis/apps/v1/namespaces/default"
LEARNER = "system:serviceaccount:default:default"
BAD_DEPLOYMENT: dict[str, Any] = {
    "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "bad"},
    "spec": {"replicas": -1, "selector": {"matchLabels": {"app": "bad"}},
             "template": {"metadata": {"labels": {"app": "other"}},
                          "spec": {"containers": [{"name": "c", "image": "nginx"}]}}},
}


async def test_not_found_for_core_and_grouped_kinds(side: Side) -> None:
    for path, args in ((f"{NS}/pods/nope", ("get", "pod", "nope")),
                       (f"{APPS}/deployments/nope", ("get", "deploy", "nope")),
                       (f"{NS}/services/nope", ("delete", "svc", "nope")),
                       (f"{APPS}/deployments/nope", ("describe", "deployment", "nope"))):
        run = await side.kubectl(*args)
        assert (run.code, run.out) == (1, "")
        assert server_error(await side.get(path)) == run.err, args


async def test_forbidden_outside_the_learners_rights(side: Side) -> None:
    status = await side.get("/api/v1/namespaces/kube-system/pods", as_user=LEARNER)
    run = await side.kubectl("get", "pods", "-n", "kube-system", f"--as={LEARNER}")
    assert server_error(status) == run.err


async def test_already_exists_plain_wrapped_and_from_stdin(side: Side) -> None:
    await side.ok("run", "p", "--image=nginx")
    await side.ok("create", "deployment", "web", "--image=nginx")
    await side.ok("create", "configmap", "c", "--from-literal=a=b")
    pod = await side.send("POST", f"{NS}/pods", {
        "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
        "spec": {"containers": [{"name": "p", "image": "nginx"}]}})
    assert server_error(pod) == (await side.kubectl("run", "p", "--image=nginx")).err
    deployment = await side.send("POST", f"{APPS}/deployments", {
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
        "spec": {"selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}},
                              "spec": {"containers": [{"name": "nginx", "image": "nginx"}]}}}})
    assert failed_to_create("deployment", deployment) == (
        await side.kubectl("create", "deployment", "web", "--image=nginx")).err
    manifest = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"},
                "data": {"a": "b"}}
    configmap = await side.send("POST", f"{NS}/configmaps", manifest)
    run = await side.kubectl("create", "--validate=false", "-f", "-",
                             stdin=yaml.safe_dump(manifest))
    assert server_error(with_source(configmap, "creating")) == run.err


async def test_invalid_object_lists_every_cause(side: Side) -> None:
    status = await side.send("POST", f"{APPS}/deployments", BAD_DEPLOYMENT)
    run = await side.kubectl("create", "--validate=false", "-f", "-",
                             stdin=yaml.safe_dump(BAD_DEPLOYMENT))
    assert server_error(with_source(status, "creating")) == run.err
    assert run.err.startswith('The Deployment "bad" is invalid: \n* ')


async def test_invalid_object_with_one_cause(side: Side) -> None:
    one = {**BAD_DEPLOYMENT, "spec": {**BAD_DEPLOYMENT["spec"], "replicas": 1}}
    status = await side.send("POST", f"{APPS}/deployments", one)
    run = await side.kubectl("apply", "--validate=false", "-f", "-", stdin=yaml.safe_dump(one))
    assert server_error(status) == run.err


async def test_bad_request_for_logs_of_a_container_that_never_started(side: Side) -> None:
    await side.ok("run", "broken", "--image=nginx:doesnotexist")
    side.tick(30)
    status = await side.get(f"{NS}/pods/broken/log")
    run = await side.kubectl("logs", "broken")
    assert run.err.startswith("Error from server (BadRequest): ")
    assert server_error(status) == run.err


async def test_action_lines(side: Side) -> None:
    assert done("Deployment", "apps", "web", "created") == await side.ok(
        "create", "deployment", "web", "--image=nginx:1.27")
    assert done("Pod", "", "p", "created") == await side.ok("run", "p", "--image=nginx")
    assert done("ConfigMap", "", "c", "created") == await side.ok(
        "create", "configmap", "c", "--from-literal=a=b")
    assert done("Deployment", "apps", "web", "scaled") == await side.ok(
        "scale", "deployment", "web", "--replicas=2")
    assert done("Service", "", "web", "exposed") == await side.ok(
        "expose", "deployment", "web", "--port=80")
    assert done("Deployment", "apps", "web", "image updated") == await side.ok(
        "set", "image", "deployment/web", "nginx=nginx:1.28")
    assert done("Deployment", "apps", "web", "annotated") == await side.ok(
        "annotate", "deployment", "web", "note=hi")
    assert done("Deployment", "apps", "web", "restarted") == await side.ok(
        "rollout", "restart", "deployment", "web")
    assert done("Deployment", "apps", "web", "rolled back") == await side.ok(
        "rollout", "undo", "deployment", "web")
    assert done("Deployment", "apps", "web", "created", dry_run="client") == await side.ok(
        "create", "deployment", "web", "--image=x", "--dry-run=client")
    assert deleted("Pod", "", "p") == await side.ok("delete", "pod", "p", "--wait=false")
    assert deleted("Service", "", "web") == await side.ok("delete", "service", "web")
    assert no_resources_found(None) == await side.ok("delete", "pods", "-l", "app=none")


async def test_label_results(side: Side) -> None:
    await side.ok("create", "deployment", "web", "--image=nginx")
    before = {"app": "web"}
    for args, after in ((("app=web",), before), (("tier=x",), {"app": "web", "tier": "x"}),
                        (("tier-",), before)):
        printed = done("Deployment", "apps", "web", label_operation(before, after))
        assert printed == await side.ok("label", "deployment", "web", *args)
        before = after


async def test_apply_says_created_configured_unchanged(side: Side) -> None:
    manifest = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"},
                "data": {"a": "b"}}
    for operation, data in (("created", {"a": "b"}), ("unchanged", {"a": "b"}),
                            ("configured", {"a": "c"})):
        text = yaml.safe_dump({**manifest, "data": data})
        assert done("ConfigMap", "", "c", operation) == await side.ok(
            "apply", "--validate=false", "-f", "-", stdin=text)


async def test_rollout_history_and_status(side: Side) -> None:
    await side.ok("create", "deployment", "web", "--image=nginx:1.27")
    await side.ok("set", "image", "deployment/web", "nginx=nginx:1.28")
    await side.ok("annotate", "replicaset", "-l", "app=web",
                  "kubernetes.io/change-cause=kubectl set image nginx")
    await side.ok("set", "image", "deployment/web", "nginx=nginx:1.29")
    deployment = await side.get(f"{APPS}/deployments/web")
    replicasets = (await side.get(f"{APPS}/replicasets"))["items"]
    assert rollout_history(deployment, replicasets) == await side.ok(
        "rollout", "history", "deployment", "web")
    assert rollout_status(deployment).message == await side.ok(
        "rollout", "status", "deployment", "web")
    for revision in (1, 2, 3, 9):
        run = await side.kubectl("rollout", "history", "deployment", "web",
                                 f"--revision={revision}")
        assert rollout_history_revision(deployment, replicasets, revision) == run.out + run.err
    run = await side.kubectl("rollout", "undo", "deployment", "web", "--to-revision=3")
    assert skipped_rollback("Deployment", "apps", "web", 3) == run.out
