"""Deployments turn into ReplicaSets and Pods the way a real cluster's controllers do it."""

from __future__ import annotations

import re
from datetime import timedelta

from sandbox.emulator.controllers import Delays
from sandbox.emulator.names import SAFE_ALPHABET
from tests.sandbox.emulator.cluster_helpers import EVENTS, PODS, Cluster

HASH = f"[{SAFE_ALPHABET}]{{1,10}}"


def test_deployment_creates_a_hashed_replicaset_and_running_pods() -> None:
    cluster = Cluster()
    cluster.deploy("example-app", "bravecat81/playground", replicas=2)
    (rs_name, rs), = cluster.sets().items()
    assert re.fullmatch(f"example-app-{HASH}", rs_name)
    template_hash = rs_name.removeprefix("example-app-")
    assert rs["metadata"]["labels"]["pod-template-hash"] == template_hash
    assert rs["spec"]["selector"]["matchLabels"]["pod-template-hash"] == template_hash
    assert rs["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "1"
    assert rs["metadata"]["annotations"]["deployment.kubernetes.io/desired-replicas"] == "2"
    assert rs["metadata"]["annotations"]["deployment.kubernetes.io/max-replicas"] == "3"
    pods = cluster.store.list(PODS, "default")
    assert len(pods) == 2
    for pod in pods:
        assert re.fullmatch(f"{rs_name}-[{SAFE_ALPHABET}]{{5}}", pod["metadata"]["name"])
        assert pod["metadata"]["labels"]["pod-template-hash"] == template_hash
        owner, = pod["metadata"]["ownerReferences"]
        assert owner == {"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": rs_name,
                         "uid": rs["metadata"]["uid"], "controller": True,
                         "blockOwnerDeletion": True}
        assert pod["spec"]["nodeName"] == "minikube"
        assert pod["status"]["hostIP"] == "192.168.49.2"
        assert pod["status"]["podIP"].startswith("10.244.")
        running = pod["status"]["containerStatuses"][0]
        assert running["containerID"].startswith("docker://")
        assert running["ready"] and running["started"] and running["restartCount"] == 0
        assert running["image"] == "bravecat81/playground:latest"
    assert [cells[1:] for cells in cluster.pods()] == [["1/1", "Running"]] * 2
    status = cluster.deployment("example-app")["status"]
    assert {k: status.get(k) for k in ("replicas", "updatedReplicas", "readyReplicas",
                                       "availableReplicas")} == dict.fromkeys(
        ("replicas", "updatedReplicas", "readyReplicas", "availableReplicas"), 2)
    progressing = status["conditions"][1]
    assert (progressing["reason"], progressing["message"]) == (
        "NewReplicaSetAvailable", f'ReplicaSet "{rs_name}" has successfully progressed.')
    assert status["conditions"][0]["reason"] == "MinimumReplicasAvailable"


def test_same_template_gives_the_same_hash() -> None:
    first, second = Cluster(), Cluster()
    first.deploy("web", "nginx")
    second.deploy("web", "nginx")
    assert list(first.sets()) == list(second.sets())


def test_pod_goes_pending_creating_running_with_kubelet_events() -> None:
    cluster = Cluster(Delays(schedule=0.2, pull=1.0, start=0.5, terminate=1.0))
    cluster.deploy("example-app", "bravecat81/playground")
    assert [c[1:] for c in cluster.pods()] == [["0/1", "Pending"]]
    cluster.tick(0.2)
    assert [c[1:] for c in cluster.pods()] == [["0/1", "ContainerCreating"]]
    cluster.tick(1.0)
    assert [c[1:] for c in cluster.pods()] == [["0/1", "ContainerCreating"]]
    assert cluster.controllers.next_due() is not None
    cluster.tick(0.5)
    assert [c[1:] for c in cluster.pods()] == [["1/1", "Running"]]
    pod = cluster.store.list(PODS, "default")[0]
    assert cluster.reasons(pod["metadata"]["name"]) == [
        "Scheduled", "Pulling", "Pulled", "Created", "Started"]
    events = {e["reason"]: e for e in cluster.store.list(EVENTS, "default")}
    assert events["Scheduled"]["message"] == (
        f"Successfully assigned default/{pod['metadata']['name']} to minikube")
    assert events["Scheduled"]["source"] == {"component": "default-scheduler"}
    assert events["Pulled"]["message"].startswith(
        'Successfully pulled image "bravecat81/playground" in 1s (1s including waiting).')
    assert events["Pulled"]["involvedObject"]["fieldPath"] == "spec.containers{app}"
    assert events["Started"]["source"] == {"component": "kubelet", "host": "minikube"}
    scaled = events["ScalingReplicaSet"]
    assert re.fullmatch(f"Scaled up replica set example-app-{HASH} from 0 to 1",
                        scaled["message"])
    assert events["SuccessfulCreate"]["message"] == f"Created pod: {pod['metadata']['name']}"


def test_unpullable_new_version_leaves_the_old_pods_serving() -> None:
    cluster = Cluster(Delays(schedule=0, pull=1.0, start=0, terminate=1.0))
    cluster.deploy("example-app", "bravecat81/playground", replicas=2)
    cluster.tick(1.0)
    assert [c[1:] for c in cluster.pods()] == [["1/1", "Running"]] * 2
    cluster.set_image("example-app", "bravecat81/doesnotexist")
    cluster.tick(1.0)
    statuses = sorted(c[2] for c in cluster.pods())
    assert statuses == ["ErrImagePull", "Running", "Running"]
    cluster.tick(1.0)
    assert sorted(c[2] for c in cluster.pods()) == ["ImagePullBackOff", "Running", "Running"]
    cluster.tick(60)
    assert sorted(c[2] for c in cluster.pods()) == ["ImagePullBackOff", "Running", "Running"]
    status = cluster.deployment("example-app")["status"]
    assert (status["updatedReplicas"], status["availableReplicas"]) == (1, 2)
    assert status["unavailableReplicas"] == 1
    messages = [e["message"] for e in cluster.store.list(EVENTS, "default")]
    assert ('Failed to pull image "bravecat81/doesnotexist": Error response from daemon: pull '
            "access denied for bravecat81/doesnotexist, repository does not exist or may "
            "require 'docker login': denied: requested access to the resource is denied"
            ) in messages
    assert "Error: ImagePullBackOff" in messages


def test_rolling_update_replaces_pods_and_keeps_revisions() -> None:
    cluster = Cluster()
    cluster.deploy("web", "nginx:1.26", replicas=3)
    first = next(iter(cluster.sets()))
    cluster.change("web", lambda d: d["metadata"].setdefault("annotations", {}).update(
        {"kubernetes.io/change-cause": "upgrade to 1.27"}))
    cluster.set_image("web", "nginx:1.27")
    cluster.tick(5)
    sets = cluster.sets()
    assert len(sets) == 2
    second = next(name for name in sets if name != first)
    assert sets[first]["spec"]["replicas"] == 0
    assert sets[second]["spec"]["replicas"] == 3
    assert sets[second]["metadata"]["annotations"]["deployment.kubernetes.io/revision"] == "2"
    assert sets[second]["metadata"]["annotations"]["kubernetes.io/change-cause"] == (
        "upgrade to 1.27")
    images = {p["spec"]["containers"][0]["image"] for p in cluster.store.list(PODS, "default")}
    assert images == {"nginx:1.27"}
    deployment = cluster.deployment("web")
    assert deployment["status"]["updatedReplicas"] == 3
    assert deployment["status"]["conditions"][1]["reason"] == "NewReplicaSetAvailable"
    assert deployment["status"]["observedGeneration"] == deployment["metadata"]["generation"]


def test_undo_reuses_the_old_replicaset_with_the_next_revision() -> None:
    cluster = Cluster()
    cluster.deploy("web", "nginx:1.26")
    first = next(iter(cluster.sets()))
    cluster.set_image("web", "nginx:1.27")
    cluster.tick(5)
    old_template = cluster.sets()[first]["spec"]["template"]
    old_template["metadata"]["labels"].pop("pod-template-hash")
    cluster.change("web", lambda d: d["spec"].update(template=old_template))
    cluster.tick(5)
    sets = cluster.sets()
    assert len(sets) == 2
    annotations = sets[first]["metadata"]["annotations"]
    assert annotations["deployment.kubernetes.io/revision"] == "3"
    assert annotations["deployment.kubernetes.io/revision-history"] == "1"
    assert sets[first]["spec"]["replicas"] == 1


def test_recreate_stops_old_pods_before_starting_new_ones() -> None:
    cluster = Cluster(Delays(schedule=0, pull=0, start=0, terminate=2.0))
    cluster.deploy("web", "nginx:1.26", replicas=2, strategy={"type": "Recreate"})
    cluster.set_image("web", "nginx:1.27")
    assert sorted(c[2] for c in cluster.pods()) == ["Terminating", "Terminating"]
    cluster.tick(2.0)
    assert [c[1:] for c in cluster.pods()] == [["1/1", "Running"]] * 2
    images = {p["spec"]["containers"][0]["image"] for p in cluster.store.list(PODS, "default")}
    assert images == {"nginx:1.27"}


def test_scaling_down_terminates_the_extra_pods() -> None:
    cluster = Cluster(Delays(schedule=0, pull=0, start=0, terminate=1.0))
    cluster.deploy("web", "nginx", replicas=3)
    cluster.tick(30)
    cluster.change("web", lambda d: d["spec"].update(replicas=1))
    assert sorted(c[2] for c in cluster.pods()) == ["Running", "Terminating", "Terminating"]
    cluster.tick(0.5)
    assert sorted(c[2] for c in cluster.pods()) == ["Running", "Terminating", "Terminating"]
    assert cluster.controllers.next_due() == cluster.clock.now() + timedelta(seconds=0.5)
    assert "Killing" in [e["reason"] for e in cluster.store.list(EVENTS, "default")]
    cluster.tick(0.5)
    assert [c[2] for c in cluster.pods()] == ["Running"]
    assert "Scaled down replica set" in " ".join(
        e["message"] for e in cluster.store.list(EVENTS, "default"))


def test_undo_matches_a_template_that_differs_only_by_null_fields() -> None:
    cluster = Cluster()
    cluster.deploy("web", "nginx:1.26")
    first = next(iter(cluster.sets()))
    cluster.set_image("web", "nginx:1.27")
    old_template = cluster.sets()[first]["spec"]["template"]
    old_template["metadata"]["labels"].pop("pod-template-hash")
    old_template["metadata"]["creationTimestamp"] = None  # as kubectl sends it back
    cluster.change("web", lambda d: d["spec"].update(template=old_template))
    assert len(cluster.sets()) == 2
    assert cluster.sets()[first]["spec"]["replicas"] == 1


def test_deployment_carries_its_current_revision() -> None:
    cluster = Cluster()
    cluster.deploy("web", "nginx:1.26")
    annotations = cluster.deployment("web")["metadata"]["annotations"]
    assert annotations["deployment.kubernetes.io/revision"] == "1"
    cluster.set_image("web", "nginx:1.27")
    annotations = cluster.deployment("web")["metadata"]["annotations"]
    assert annotations["deployment.kubernetes.io/revision"] == "2"
