"""Server-side tables: the columns and cells a real v1.32 API server returns for `as=Table`."""

from datetime import UTC, datetime, timedelta
from typing import Any

from sandbox.emulator.clock import format_time
from sandbox.emulator.kinds import kind_by_plural
from sandbox.emulator.tables import to_table

NOW = datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC)


def _ago(seconds: float) -> str:
    return format_time(NOW - timedelta(seconds=seconds))


def _table(plural: str, obj: dict[str, Any], group: str = "") -> dict[str, Any]:
    kind = kind_by_plural(group, plural)
    assert kind is not None
    return to_table(kind, [obj], NOW, resource_version="42")


def _header(table: dict[str, Any]) -> list[tuple[str, int]]:
    return [(c["name"], c["priority"]) for c in table["columnDefinitions"]]


def _running_pod(name: str = "example-app-5d9c7b8f6d-x7k2p") -> dict[str, Any]:
    return {
        "metadata": {
            "name": name,
            "namespace": "default",
            "creationTimestamp": _ago(125),
            "uid": "u1",
            "resourceVersion": "7",
            "labels": {"app": "example-app"},
        },
        "spec": {
            "nodeName": "minikube",
            "containers": [{"name": "playground", "image": "bravecat81/playground"}],
        },
        "status": {
            "phase": "Running",
            "podIP": "10.244.0.5",
            "podIPs": [{"ip": "10.244.0.5"}],
            "conditions": [{"type": "Ready", "status": "True"}],
            "containerStatuses": [
                {
                    "name": "playground",
                    "ready": True,
                    "restartCount": 0,
                    "started": True,
                    "state": {"running": {"startedAt": _ago(120)}},
                }
            ],
        },
    }


def test_running_pod_row_matches_kubectl_get_pods() -> None:
    table = _table("pods", _running_pod())
    assert table["kind"] == "Table"
    assert table["apiVersion"] == "meta.k8s.io/v1"
    assert table["metadata"] == {"resourceVersion": "42"}
    assert _header(table) == [
        ("Name", 0),
        ("Ready", 0),
        ("Status", 0),
        ("Restarts", 0),
        ("Age", 0),
        ("IP", 1),
        ("Node", 1),
        ("Nominated Node", 1),
        ("Readiness Gates", 1),
    ]
    assert table["columnDefinitions"][0]["format"] == "name"
    assert table["columnDefinitions"][3]["type"] == "string"
    row = table["rows"][0]
    assert row["cells"] == [
        "example-app-5d9c7b8f6d-x7k2p",
        "1/1",
        "Running",
        "0",
        "2m5s",
        "10.244.0.5",
        "minikube",
        "<none>",
        "<none>",
    ]
    assert row["object"]["kind"] == "PartialObjectMetadata"
    assert row["object"]["apiVersion"] == "meta.k8s.io/v1"
    assert row["object"]["metadata"]["uid"] == "u1"
    assert "conditions" not in row


def _with_container_state(state: dict[str, Any], *, ready: bool = False) -> dict[str, Any]:
    pod = _running_pod()
    pod["status"]["phase"] = "Pending"
    pod["status"]["containerStatuses"][0].update(state=state, ready=ready, started=False)
    return pod


def test_pod_status_shows_the_waiting_reason() -> None:
    for reason in ("ContainerCreating", "ErrImagePull", "ImagePullBackOff", "CrashLoopBackOff"):
        pod = _with_container_state({"waiting": {"reason": reason}})
        assert _table("pods", pod)["rows"][0]["cells"][1:3] == ["0/1", reason]


def test_unscheduled_pod_shows_pending_without_ip_or_node() -> None:
    pod = _running_pod()
    pod["spec"].pop("nodeName")
    pod["status"] = {"phase": "Pending"}
    cells = _table("pods", pod)["rows"][0]["cells"]
    assert cells[1:3] == ["0/1", "Pending"]
    assert cells[5:7] == ["<none>", "<none>"]


def test_deleted_pod_shows_terminating() -> None:
    pod = _running_pod()
    pod["metadata"]["deletionTimestamp"] = _ago(1)
    assert _table("pods", pod)["rows"][0]["cells"][2] == "Terminating"


def test_completed_pod_has_the_completed_row_condition() -> None:
    pod = _with_container_state({"terminated": {"reason": "Completed", "exitCode": 0}})
    pod["status"]["phase"] = "Succeeded"
    row = _table("pods", pod)["rows"][0]
    assert row["cells"][2] == "Completed"
    assert row["conditions"] == [
        {
            "type": "Completed",
            "status": "True",
            "reason": "Succeeded",
            "message": "The pod has completed successfully.",
        }
    ]


def test_restarts_say_when_the_last_restart_was() -> None:
    pod = _running_pod()
    status = pod["status"]["containerStatuses"][0]
    status["restartCount"] = 3
    status["lastState"] = {"terminated": {"exitCode": 1, "finishedAt": _ago(300)}}
    assert _table("pods", pod)["rows"][0]["cells"][3] == "3 (5m ago)"


def test_init_containers_show_progress() -> None:
    pod = _running_pod()
    pod["spec"]["initContainers"] = [{"name": "setup", "image": "busybox"}]
    pod["status"] = {
        "phase": "Pending",
        "initContainerStatuses": [{"name": "setup", "restartCount": 0, "state": {"running": {}}}],
    }
    assert _table("pods", pod)["rows"][0]["cells"][2] == "Init:0/1"


def test_deployment_row() -> None:
    deployment = {
        "metadata": {"name": "example-app", "creationTimestamp": _ago(3 * 3600 + 240)},
        "spec": {
            "replicas": 3,
            "selector": {"matchLabels": {"app": "example-app"}},
            "template": {
                "spec": {"containers": [{"name": "playground", "image": "bravecat81/playground"}]}
            },
        },
        "status": {"readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2},
    }
    table = _table("deployments", deployment, "apps")
    assert [c["name"] for c in table["columnDefinitions"]] == [
        "Name",
        "Ready",
        "Up-to-date",
        "Available",
        "Age",
        "Containers",
        "Images",
        "Selector",
    ]
    assert table["rows"][0]["cells"] == [
        "example-app",
        "2/3",
        3,
        2,
        "3h4m",
        "playground",
        "bravecat81/playground",
        "app=example-app",
    ]


def test_replicaset_row() -> None:
    rs = {
        "metadata": {"name": "example-app-5d9c7b8f6d", "creationTimestamp": _ago(51 * 3600)},
        "spec": {
            "replicas": 1,
            "selector": {"matchLabels": {"app": "example-app", "pod-template-hash": "5d9c7b8f6d"}},
            "template": {"spec": {"containers": [{"name": "a", "image": "nginx"}]}},
        },
        "status": {"replicas": 1, "readyReplicas": 1},
    }
    table = _table("replicasets", rs, "apps")
    assert [c["type"] for c in table["columnDefinitions"][1:4]] == ["integer"] * 3
    assert table["rows"][0]["cells"] == [
        "example-app-5d9c7b8f6d",
        1,
        1,
        1,
        "2d3h",
        "a",
        "nginx",
        "app=example-app,pod-template-hash=5d9c7b8f6d",
    ]


def test_service_rows_for_each_type() -> None:
    def service(kind: str, node_port: int | None) -> dict[str, Any]:
        port: dict[str, Any] = {"port": 80, "targetPort": 3000, "protocol": "TCP"}
        if node_port:
            port["nodePort"] = node_port
        return {
            "metadata": {"name": "web", "creationTimestamp": _ago(45 * 86400)},
            "spec": {
                "type": kind,
                "clusterIP": "10.96.12.7",
                "clusterIPs": ["10.96.12.7"],
                "ports": [port],
                "selector": {"app": "web"},
            },
        }

    assert _table("services", service("ClusterIP", None))["rows"][0]["cells"] == [
        "web",
        "ClusterIP",
        "10.96.12.7",
        "<none>",
        "80/TCP",
        "45d",
        "app=web",
    ]
    assert _table("services", service("NodePort", 31234))["rows"][0]["cells"][3:5] == [
        "<none>",
        "80:31234/TCP",
    ]
    assert _table("services", service("LoadBalancer", 31234))["rows"][0]["cells"][3] == (
        "<pending>"
    )


def test_endpoints_list_at_most_three_addresses() -> None:
    endpoints = {
        "metadata": {"name": "web", "creationTimestamp": _ago(10)},
        "subsets": [
            {
                "addresses": [{"ip": f"10.244.0.{i}"} for i in range(1, 6)],
                "ports": [{"port": 3000, "protocol": "TCP"}],
            }
        ],
    }
    assert _table("endpoints", endpoints)["rows"][0]["cells"] == [
        "web",
        "10.244.0.1:3000,10.244.0.2:3000,10.244.0.3:3000 + 2 more...",
        "10s",
    ]
    empty = {"metadata": {"name": "web", "creationTimestamp": _ago(10)}}
    assert _table("endpoints", empty)["rows"][0]["cells"][1] == "<none>"


def test_namespace_and_node_rows() -> None:
    namespace = {
        "metadata": {"name": "default", "creationTimestamp": _ago(86400 * 3)},
        "status": {"phase": "Active"},
    }
    assert _table("namespaces", namespace)["rows"][0]["cells"] == ["default", "Active", "3d"]
    node = {
        "metadata": {
            "name": "minikube",
            "creationTimestamp": _ago(600),
            "labels": {"node-role.kubernetes.io/control-plane": ""},
        },
        "status": {
            "conditions": [{"type": "Ready", "status": "True"}],
            "addresses": [
                {"type": "InternalIP", "address": "192.168.49.2"},
                {"type": "Hostname", "address": "minikube"},
            ],
            "nodeInfo": {
                "kubeletVersion": "v1.32.0",
                "osImage": "Ubuntu 22.04.5 LTS",
                "kernelVersion": "6.8.0-45-generic",
                "containerRuntimeVersion": "docker://27.4.1",
            },
        },
    }
    table = _table("nodes", node)
    assert [c["name"] for c in table["columnDefinitions"]] == [
        "Name",
        "Status",
        "Roles",
        "Age",
        "Version",
        "Internal-IP",
        "External-IP",
        "OS-Image",
        "Kernel-Version",
        "Container-Runtime",
    ]
    assert table["rows"][0]["cells"] == [
        "minikube",
        "Ready",
        "control-plane",
        "10m",
        "v1.32.0",
        "192.168.49.2",
        "<none>",
        "Ubuntu 22.04.5 LTS",
        "6.8.0-45-generic",
        "docker://27.4.1",
    ]


def test_event_row() -> None:
    event = {
        "metadata": {"name": "example-app.17f1", "creationTimestamp": _ago(30)},
        "involvedObject": {
            "kind": "Pod",
            "name": "example-app-x",
            "fieldPath": "spec.containers{playground}",
        },
        "reason": "Pulled",
        "type": "Normal",
        "count": 1,
        "message": 'Successfully pulled image "bravecat81/playground" in 1.2s',
        "firstTimestamp": _ago(30),
        "lastTimestamp": _ago(30),
        "source": {"component": "kubelet", "host": "minikube"},
    }
    table = _table("events", event)
    assert _header(table) == [
        ("Last Seen", 0),
        ("Type", 0),
        ("Reason", 0),
        ("Object", 0),
        ("Subobject", 1),
        ("Source", 1),
        ("Message", 0),
        ("First Seen", 1),
        ("Count", 1),
        ("Name", 1),
    ]
    assert table["rows"][0]["cells"] == [
        "30s",
        "Normal",
        "Pulled",
        "pod/example-app-x",
        "spec.containers{playground}",
        "kubelet, minikube",
        'Successfully pulled image "bravecat81/playground" in 1.2s',
        "30s",
        1,
        "example-app.17f1",
    ]


def test_quota_configmap_serviceaccount_rows() -> None:
    quota = {
        "metadata": {"name": "kt-quota", "creationTimestamp": _ago(60)},
        "status": {
            "hard": {"pods": "10", "limits.cpu": "2", "requests.cpu": "1"},
            "used": {"pods": "3", "limits.cpu": "1500m", "requests.cpu": "300m"},
        },
    }
    assert _table("resourcequotas", quota)["rows"][0]["cells"] == [
        "kt-quota",
        "pods: 3/10, requests.cpu: 300m/1",
        "limits.cpu: 1500m/2",
        "60s",
    ]
    configmap = {
        "metadata": {"name": "settings", "creationTimestamp": _ago(5)},
        "data": {"a": "1", "b": "2"},
    }
    assert _table("configmaps", configmap)["rows"][0]["cells"] == ["settings", 2, "5s"]
    account = {"metadata": {"name": "default", "creationTimestamp": _ago(5)}}
    assert _table("serviceaccounts", account)["rows"][0]["cells"] == ["default", 0, "5s"]


def test_kinds_without_a_printer_get_name_and_created_at() -> None:
    role = {"metadata": {"name": "learner", "creationTimestamp": "2025-03-01T11:00:00Z"}}
    table = _table("roles", role, "rbac.authorization.k8s.io")
    assert [(c["name"], c["type"]) for c in table["columnDefinitions"]] == [
        ("Name", "string"),
        ("Created At", "date"),
    ]
    assert table["rows"][0]["cells"] == ["learner", "2025-03-01T11:00:00Z"]
    limits = _table(
        "limitranges", {"metadata": {"name": "kt-limits", "creationTimestamp": _ago(1)}}
    )
    assert [c["name"] for c in limits["columnDefinitions"]] == ["Name", "Created At"]


def test_rolebinding_row_lists_subjects() -> None:
    binding = {
        "metadata": {"name": "learner", "creationTimestamp": _ago(5)},
        "roleRef": {"kind": "Role", "name": "learner", "apiGroup": "rbac.authorization.k8s.io"},
        "subjects": [{"kind": "ServiceAccount", "name": "learner", "namespace": "kt-1"}],
    }
    assert _table("rolebindings", binding, "rbac.authorization.k8s.io")["rows"][0]["cells"] == [
        "learner",
        "Role/learner",
        "5s",
        "",
        "",
        "kt-1/learner",
    ]
