"""`describe` pages against the real kubectl 1.32, byte for byte, on the same cluster.

kubectl ages events against the wall clock, so the pages are printed with the
wall clock's `now` too; the emulator's own clock starts long before, which keeps
those ages in whole days on both sides.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import yaml

from sandbox.printing.describe import join_pages
from sandbox.printing.describe_pod import describe_pod
from sandbox.printing.describe_service import describe_service
from sandbox.printing.describe_workloads import describe_deployment, describe_replicaset
from tests.sandbox.printing.conftest import Side, needs_kubectl

pytestmark = needs_kubectl

NS = "/api/v1/namespaces/default"
APPS = "/apis/apps/v1/namespaces/default"


async def _items(side: Side, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = (await side.get(path))["items"]
    return items


async def _rolled_out(side: Side) -> None:
    await side.ok("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2",
                  "--port=8080")
    await side.ok("expose", "deployment", "web", "--port=80", "--target-port=8080")
    side.tick(130)
    await side.ok("set", "image", "deployment/web", "nginx=nginx:1.28")
    side.tick(30)


async def test_describe_deployment(side: Side) -> None:
    await _rolled_out(side)
    await side.ok("annotate", "deployment", "web", "team=blue", "kubernetes.io/description=" +
                  "a long note " * 20)
    deployment = await side.get(f"{APPS}/deployments/web")
    printed = describe_deployment(deployment, await _items(side, f"{APPS}/replicasets"),
                                  await _items(side, f"{NS}/events"), now=datetime.now(UTC))
    assert printed == await side.ok("describe", "deployment", "web")


async def test_describe_every_replicaset(side: Side) -> None:
    await _rolled_out(side)
    pods, events = await _items(side, f"{NS}/pods"), await _items(side, f"{NS}/events")
    pages = [describe_replicaset(rs, pods, events, now=datetime.now(UTC))
             for rs in await _items(side, f"{APPS}/replicasets")]
    assert join_pages(pages) == await side.ok("describe", "replicasets")


async def test_describe_pods_running_and_failing(side: Side) -> None:
    await _rolled_out(side)
    await side.ok("run", "broken", "--image=nginx:doesnotexist", "--labels=app=broken",
                  "--env=MODE=fast", "--", "nginx", "-g", "daemon off;")
    side.tick(40)
    events = await _items(side, f"{NS}/events")
    pages = [describe_pod(pod, events, now=datetime.now(UTC))
             for pod in await _items(side, f"{NS}/pods")]
    assert join_pages(pages) == await side.ok("describe", "pods")


async def test_describe_pod_with_resources_probes_and_volumes(side: Side) -> None:
    manifest = {
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "rich", "labels": {"app": "rich"},
                     "annotations": {"note": "multi\nline"}},
        "spec": {"containers": [{
            "name": "app", "image": "nginx:1.27",
            "ports": [{"containerPort": 80}, {"containerPort": 443, "name": "https"}],
            "resources": {"requests": {"cpu": "100m", "memory": "64Mi"},
                          "limits": {"cpu": "200m", "memory": "128Mi"}},
            "livenessProbe": {"httpGet": {"path": "/healthz", "port": 80}},
            "readinessProbe": {"tcpSocket": {"port": 80}, "periodSeconds": 5},
            "env": [{"name": "POD", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}},
                    {"name": "LEVEL", "valueFrom": {"configMapKeyRef": {"name": "cfg",
                                                                        "key": "level"}}}],
            "volumeMounts": [{"name": "scratch", "mountPath": "/tmp"},
                             {"name": "cfg", "mountPath": "/etc/cfg", "readOnly": True}]}],
            "volumes": [{"name": "scratch", "emptyDir": {}},
                        {"name": "cfg", "configMap": {"name": "cfg"}}]},
    }
    await side.ok("create", "--validate=false", "-f", "-", stdin=yaml.safe_dump(manifest))
    side.tick(10)
    pod = await side.get(f"{NS}/pods/rich")
    printed = describe_pod(pod, await _items(side, f"{NS}/events"), now=datetime.now(UTC))
    assert printed == await side.ok("describe", "pod", "rich")


async def test_describe_services(side: Side) -> None:
    await _rolled_out(side)
    await side.ok("create", "service", "nodeport", "edge", "--tcp=8080:80")
    events = await _items(side, f"{NS}/events")
    slices = "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices"
    pages = [
        describe_service(
            service,
            await _items(side, f"{slices}?labelSelector=kubernetes.io/service-name="
                               + service["metadata"]["name"]),
            events,
            now=datetime.now(UTC),
        )
        for service in await _items(side, f"{NS}/services")
    ]
    assert join_pages(pages) == await side.ok("describe", "services")
