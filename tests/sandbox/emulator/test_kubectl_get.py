"""`kubectl get` and `kubectl describe` against the emulator print what a real cluster prints:
the same headers, the same row shapes, three spaces between columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from sandbox.emulator.server import Emulator
from tests.sandbox.emulator.kubectl_runner import SAFE, needs_kubectl, ok

pytestmark = needs_kubectl
POD = rf"web-{SAFE}{{8,10}}-{SAFE}{{5}}"
AGE = r"\d+s"


@pytest.fixture
async def web(tls_emulator: Emulator, tmp_path: Path) -> Emulator:
    """A two-replica Deployment `web` exposed as a NodePort Service."""
    await ok(tls_emulator, tmp_path, "create", "deployment", "web", "--image=nginx:1.27",
             "--replicas=2", "--port=80")
    await ok(tls_emulator, tmp_path, "expose", "deployment", "web", "--port=80",
             "--target-port=8080", "--type=NodePort")
    return tls_emulator


def _match(out: str, *patterns: str) -> None:
    lines = out.splitlines()
    assert len(lines) == len(patterns), out
    for line, pattern in zip(lines, patterns, strict=True):
        assert re.fullmatch(pattern, line), f"{line!r} !~ {pattern!r}\n{out}"


async def test_get_pods(web: Emulator, tmp_path: Path) -> None:
    _match(await ok(web, tmp_path, "get", "pods"),
           r"NAME {19}READY   STATUS    RESTARTS   AGE",
           rf"{POD}   1/1     Running   0          {AGE}",
           rf"{POD}   1/1     Running   0          {AGE}")


async def test_get_pods_wide(web: Emulator, tmp_path: Path) -> None:
    _match(await ok(web, tmp_path, "get", "pods", "-o", "wide"),
           r"NAME {19}READY   STATUS    RESTARTS   AGE   IP {11}NODE {7}NOMINATED NODE   "
           r"READINESS GATES",
           *[rf"{POD}   1/1     Running   0          {AGE} +10\.244\.0\.\d+ +minikube   "
             r"<none>           <none>"] * 2)


async def test_get_pods_by_label_with_labels_shown(web: Emulator, tmp_path: Path) -> None:
    await ok(web, tmp_path, "run", "solo", "--image=nginx", "--labels=app=solo")
    _match(await ok(web, tmp_path, "get", "pods", "-l", "app=web", "--show-labels"),
           r"NAME {19}READY   STATUS    RESTARTS   AGE   LABELS",
           *[rf"{POD}   1/1     Running   0          {AGE} +app=web,pod-template-hash="
             rf"{SAFE}+"] * 2)


async def test_get_services_after_expose(web: Emulator, tmp_path: Path) -> None:
    _match(await ok(web, tmp_path, "get", "svc"),
           r"NAME {9}TYPE        CLUSTER-IP +EXTERNAL-IP   PORT\(S\) +AGE",
           rf"kubernetes   ClusterIP   10\.96\.0\.1 +<none>        443/TCP +{AGE}",
           rf"web          NodePort    10\.\d+\.\d+\.\d+ +<none>        80:3\d{{4}}/TCP   {AGE}")


async def test_get_deployments_and_replicasets_wide(web: Emulator, tmp_path: Path) -> None:
    _match(await ok(web, tmp_path, "get", "deploy", "-o", "wide"),
           r"NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR",
           rf"web    2/2     2            2           {AGE} +nginx        nginx:1\.27   app=web")
    _match(await ok(web, tmp_path, "get", "rs"),
           r"NAME +DESIRED   CURRENT   READY   AGE",
           rf"web-{SAFE}+   2         2         2       {AGE}")


async def test_get_all(web: Emulator, tmp_path: Path) -> None:
    out = await ok(web, tmp_path, "get", "all")
    blocks = [block.splitlines() for block in out.split("\n\n")]
    assert [block[0].split() for block in blocks] == [
        ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
        ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
        ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
        ["NAME", "DESIRED", "CURRENT", "READY", "AGE"]]
    assert [len(block) for block in blocks] == [3, 3, 2, 2]
    assert blocks[2][1].startswith("deployment.apps/web   2/2")


async def test_get_namespaces_nodes_and_events(web: Emulator, tmp_path: Path) -> None:
    _match(await ok(web, tmp_path, "get", "ns"),
           r"NAME {14}STATUS   AGE", *[rf"{name} +Active   {AGE}" for name in (
               "default", "kube-node-lease", "kube-public", "kube-system")])
    _match(await ok(web, tmp_path, "get", "nodes"),
           r"NAME       STATUS   ROLES           AGE   VERSION",
           rf"minikube   Ready    control-plane   {AGE} +v1\.32\.0")
    events = (await ok(web, tmp_path, "get", "events")).splitlines()
    assert events[0].split() == ["LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
    assert any(re.fullmatch(rf"{AGE} +Normal   ScalingReplicaSet   deployment/web +Scaled up "
                            rf"replica set web-{SAFE}+ from 0 to 2", e) for e in events), events


async def test_get_output_formats(web: Emulator, tmp_path: Path) -> None:
    names = await ok(web, tmp_path, "get", "deploy,svc", "-o", "name")
    assert names == "deployment.apps/web\nservice/kubernetes\nservice/web\n"
    listed = json.loads(await ok(web, tmp_path, "get", "pods", "-o", "json"))
    assert (listed["kind"], len(listed["items"])) == ("List", 2)
    one = yaml.safe_load(await ok(web, tmp_path, "get", "deploy", "web", "-o", "yaml"))
    assert one["spec"]["strategy"] == {"type": "RollingUpdate", "rollingUpdate": {
        "maxSurge": "25%", "maxUnavailable": "25%"}}
    assert one["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "1"


async def test_describe_deployment(web: Emulator, tmp_path: Path) -> None:
    out = await ok(web, tmp_path, "describe", "deployment", "web")
    for line in ("Name:                   web", "Selector:               app=web",
                 "Replicas:               2 desired | 2 updated | 2 total | 2 available | "
                 "0 unavailable", "StrategyType:           RollingUpdate",
                 "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
                 "    Image:         nginx:1.27", "    Port:          80/TCP"):
        assert line in out.splitlines(), out
    assert re.search(r"NewReplicaSet:   web-\w+ \(2/2 replicas created\)", out)
    assert re.search(r"Normal  ScalingReplicaSet  \d+s +deployment-controller  Scaled up "
                     r"replica set web-\w+ from 0 to 2", out)


async def test_describe_service_lists_its_endpoints(web: Emulator, tmp_path: Path) -> None:
    out = await ok(web, tmp_path, "describe", "service", "web")
    lines = out.splitlines()
    assert "Type:                     NodePort" in lines
    assert "TargetPort:               8080/TCP" in lines
    assert re.search(r"^Endpoints: +10\.244\.0\.\d+:8080,10\.244\.0\.\d+:8080$", out, re.M), out


async def test_describe_pod(web: Emulator, tmp_path: Path) -> None:
    await ok(web, tmp_path, "run", "solo", "--image=nginx", "--port=80")
    out = await ok(web, tmp_path, "describe", "pod", "solo")
    lines = out.splitlines()
    for line in ("Name:             solo", "Node:             minikube/192.168.49.2",
                 "Status:           Running", "    State:          Running",
                 "    Ready:          True"):
        assert line in lines, out
    assert re.search(r"Normal  Started    \d+s +kubelet +Started container solo", out), out
