"""Manifests: read safely, refused with the line at fault, and judged wherever a pod spec is."""

from __future__ import annotations

import pytest

from sandbox.limits import Limits
from sandbox.manifests import check_manifest, load_manifests
from sandbox.refusals import CommandRefused

NAMESPACE = "kt-1a2b3c4d"


def test_documents_become_plain_json_objects() -> None:
    objects = load_manifests(
        "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n"
        "data: {started: 2024-01-01, enabled: 'yes', count: '3'}\n---\n---\n"
        "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n"
        "spec: {containers: [{name: web, image: nginx}]}\n"
    )
    assert [o["kind"] for o in objects] == ["ConfigMap", "Pod"]
    assert objects[0]["data"] == {"started": "2024-01-01", "enabled": "yes", "count": "3"}


@pytest.mark.parametrize(
    ("text", "reason", "line"),
    [
        ("kind: Pod\nmetadata:\n  name: a\n  name: b\n", "yaml_duplicate_key", "4"),
        ("kind: Pod\nmetadata:\n  name: &n a\n", "yaml_alias", "3"),
        ("kind: Pod\nmetadata:\n  name: a\n   labels: x\n", "yaml_error", "4"),
        ("a:\n" + "".join(f"{'  ' * i}b{i}:\n" for i in range(1, 25)), "yaml_too_deep", "21"),
    ],
)
def test_yaml_refusals_name_the_line(text: str, reason: str, line: str) -> None:
    with pytest.raises(CommandRefused) as refused:
        load_manifests(text)
    assert refused.value.reason == reason
    assert refused.value.details["line"] == line


def test_size_is_checked_in_bytes_before_parsing() -> None:
    # 6,000 characters but 18 KB in UTF-8: the limit is on bytes.
    text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"
    text += "data: {a: '" + "가" * 6_000 + "'}\n"
    with pytest.raises(CommandRefused) as refused:
        load_manifests(text)
    assert refused.value.reason == "yaml_too_large"
    assert len(load_manifests(text, limits=Limits(max_yaml_bytes=32 * 1024))) == 1


def test_namespace_may_be_the_learners_own_or_absent() -> None:
    pod = {"apiVersion": "v1", "kind": "Pod",
           "metadata": {"name": "web", "namespace": NAMESPACE},
           "spec": {"containers": [{"name": "web", "image": "nginx"}]}}
    check_manifest(pod, namespace=NAMESPACE)
    check_manifest({**pod, "metadata": {"name": "web"}}, namespace=NAMESPACE)


def test_pod_field_refusal_gives_the_full_path() -> None:
    deployment = load_manifests(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n"
        "    spec:\n      containers:\n      - {name: a, image: nginx}\n"
        "      - name: b\n        image: nginx\n        securityContext: {privileged: true}\n"
    )[0]
    with pytest.raises(CommandRefused) as refused:
        check_manifest(deployment, namespace=NAMESPACE)
    field = "spec.template.spec.containers[1].securityContext.privileged"
    assert refused.value.details["field"] == field
    assert str(refused.value) == (
        "spec.template.spec.containers[1].securityContext.privileged is not allowed in "
        "Deployment web: a privileged container has full control of the node. "
        "Remove it and try again."
    )


def test_explicit_deny_list_overrides_the_limits() -> None:
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
           "spec": {"containers": [{"name": "web", "image": "nginx:1.14"}]}}
    check_manifest(pod, namespace=NAMESPACE)
    with pytest.raises(CommandRefused):
        check_manifest(pod, namespace=NAMESPACE, image_denylist=["nginx:1.14"])
