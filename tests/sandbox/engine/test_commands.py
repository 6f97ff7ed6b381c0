"""Learners' commands end to end through the Sandbox facade against the simulated cluster."""

from __future__ import annotations

import re

from sandbox.service import Sandbox

LEARNER = "telegram:1001"


async def run(sandbox: Sandbox, text: str) -> str:
    result = await sandbox.run(LEARNER, text, "en")
    assert result.simulated
    return result.output


def without_ages(text: str) -> str:
    return re.sub(r"\b\d+s\b", "AGE", text)


async def test_the_posts_sequence_creates_runs_and_deletes(sandbox: Sandbox) -> None:
    namespace = sandbox.namespace(LEARNER)
    assert await run(sandbox, "kubectl get pods") == \
        f"No resources found in {namespace} namespace.\n"
    assert await run(sandbox, "kubectl create deployment example-app "
                              "--image=bravecat81/playground") == \
        "deployment.apps/example-app created\n"
    pods = await run(sandbox, "kubectl get pod")
    header, row = pods.splitlines()
    assert header.split() == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
    assert re.match(r"example-app-[a-z0-9]+-[a-z0-9]{5}\s+1/1\s+Running\s+0\s+\d+s$", row)
    assert await run(sandbox, "kubectl delete deployment example-app") == \
        'deployment.apps "example-app" deleted\n'
    assert await run(sandbox, "k get deploy") == f"No resources found in {namespace} namespace.\n"


async def test_get_wide_yaml_json_and_name(sandbox: Sandbox) -> None:
    await run(sandbox, "kubectl create deployment web --image=nginx:1.25")
    wide = await run(sandbox, "kubectl get deploy -o wide")
    assert wide.splitlines()[0].split() == [
        "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"]
    assert "nginx:1.25" in wide
    assert (await run(sandbox, "kubectl get deploy web -o yaml")).startswith(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n")
    assert (await run(sandbox, "kubectl get deploy -o json")).startswith(
        '{\n    "apiVersion": "v1",\n    "items": [\n')
    assert await run(sandbox, "kubectl get deployments.apps -o name") == "deployment.apps/web\n"
    labels = await run(sandbox, "kubectl get deploy --show-labels")
    assert labels.splitlines()[1].endswith("app=web")


async def test_several_kinds_get_kind_prefixes_and_missing_names_get_errors(
        sandbox: Sandbox) -> None:
    await run(sandbox, "kubectl create deployment web --image=nginx")
    both = await run(sandbox, "kubectl get deploy,po")
    assert "deployment.apps/web" in both and "\n\nNAME" in both and "pod/web-" in both
    result = await sandbox.run(LEARNER, "kubectl get deploy web nope", "en")
    assert not result.ok
    assert result.output.endswith(
        'Error from server (NotFound): deployments.apps "nope" not found\n')


async def test_scale_set_image_history_and_undo(sandbox: Sandbox) -> None:
    await run(sandbox, "kubectl create deployment web --image=nginx:1.25")
    assert await run(sandbox, "kubectl scale deploy web --replicas=2") == \
        "deployment.apps/web scaled\n"
    assert await run(sandbox, "kubectl set image deployment/web nginx=nginx:1.26") == \
        "deployment.apps/web image updated\n"
    assert (await run(sandbox, "kubectl rollout status deploy/web")).endswith(
        'deployment "web" successfully rolled out\n')
    history = await run(sandbox, "kubectl rollout history deployment web")
    assert history.splitlines()[1:4] == ["REVISION  CHANGE-CAUSE", "1         <none>",
                                         "2         <none>"]
    assert await run(sandbox, "kubectl rollout undo deployment/web") == \
        "deployment.apps/web rolled back\n"
    assert "nginx:1.25" in await run(sandbox, "kubectl get deploy web -o wide")
    assert await run(sandbox, "kubectl rollout undo deploy/web --to-revision=9") == \
        "error: unable to find specified revision 9 in history\n"
    assert await run(sandbox, "kubectl rollout restart deploy/web") == \
        "deployment.apps/web restarted\n"


async def test_label_annotate_and_their_refusals(sandbox: Sandbox) -> None:
    await run(sandbox, "kubectl create deployment web --image=nginx")
    assert await run(sandbox, "kubectl label deploy web tier=fe") == \
        "deployment.apps/web labeled\n"
    assert await run(sandbox, "kubectl label deploy web tier=be") == \
        "error: 'tier' already has a value (fe), and --overwrite is false\n"
    assert await run(sandbox, "kubectl label deploy web tier-") == \
        "deployment.apps/web unlabeled\n"
    assert await run(sandbox, "kubectl annotate deploy web note=hello") == \
        "deployment.apps/web annotated\n"


async def test_apply_creates_then_leaves_unchanged_then_configures(sandbox: Sandbox) -> None:
    manifest = ("kubectl apply -f -\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                "  name: settings\ndata:\n  color: {color}\n```")
    assert await run(sandbox, manifest.format(color="blue")) == "configmap/settings created\n"
    assert await run(sandbox, manifest.format(color="blue")) == "configmap/settings unchanged\n"
    assert await run(sandbox, manifest.format(color="red")) == "configmap/settings configured\n"
    assert "color: red" in await run(sandbox, "kubectl get cm settings -o yaml")
    again = manifest.format(color="red").replace("apply", "create")
    assert await run(sandbox, again) == (
        'Error from server (AlreadyExists): error when creating "STDIN": configmaps '
        '"settings" already exists\n')


async def test_apply_of_a_deployment_twice_is_unchanged(sandbox: Sandbox) -> None:
    manifest = (
        "kubectl apply -f -\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
        "spec:\n  replicas: 1\n  selector:\n    matchLabels: {app: web}\n  template:\n"
        "    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n"
        "      - name: web\n        image: nginx\n")
    assert await run(sandbox, manifest) == "deployment.apps/web created\n"
    assert await run(sandbox, manifest) == "deployment.apps/web unchanged\n"
    assert await run(sandbox, manifest.replace("replicas: 1", "replicas: 2")) == \
        "deployment.apps/web configured\n"


async def test_run_expose_describe_and_logs(sandbox: Sandbox) -> None:
    assert await run(sandbox, "kubectl run hello --image=bravecat81/playground --port=3000") == \
        "pod/hello created\n"
    assert await run(sandbox, "kubectl expose pod hello --port=80 --target-port=3000") == \
        "service/hello exposed\n"
    described = await run(sandbox, "kubectl describe pod hello")
    assert described.startswith("Name:             hello\n")
    assert "Events:" in described
    assert "Endpoints:" in await run(sandbox, "kubectl describe svc hello")
    assert "Server listening" in await run(sandbox, "kubectl logs hello")


async def test_create_service_and_configmap(sandbox: Sandbox) -> None:
    assert await run(sandbox, "kubectl create service nodeport web --tcp=80:8080") == \
        "service/web created\n"
    assert "80:" in await run(sandbox, "kubectl get svc web")
    assert await run(sandbox, "kubectl create configmap cfg --from-literal=a=b") == \
        "configmap/cfg created\n"
    assert await run(sandbox, "kubectl create configmap cfg --from-literal=a=b") == \
        'error: failed to create configmap: configmaps "cfg" already exists\n'
    assert await run(sandbox, "kubectl delete cm,svc --all") == \
        'configmap "cfg" deleted\nservice "web" deleted\n'


async def test_information_commands(sandbox: Sandbox) -> None:
    assert (await run(sandbox, "kubectl version")).endswith("Server Version: v1.32.0\n")
    assert await run(sandbox, "kubectl config current-context") == "simulated\n"
    assert (await run(sandbox, "kubectl cluster-info")).startswith(
        "Kubernetes control plane is running at http://127.0.0.1:")
    assert "deployments                deploy       apps/v1" in await run(
        sandbox, "kubectl api-resources")
    explained = await run(sandbox, "kubectl explain deployment.spec.replicas")
    assert explained.startswith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n")
    assert "FIELD: replicas <integer>" in explained
    nodes = await run(sandbox, "kubectl get nodes")
    assert nodes.splitlines()[1].split()[:2] == ["minikube", "Ready"]


async def test_minikube_commands_answer_from_the_cluster(sandbox: Sandbox) -> None:
    assert "apiserver: Running" in await run(sandbox, "minikube status")
    assert await run(sandbox, "minikube ip") == "192.168.49.2\n"
    assert "already running" in await run(sandbox, "minikube start")
    stop = await sandbox.run(LEARNER, "minikube stop", "en")
    assert not stop.ok and "every learner shares" in stop.output
    assert "no browser" in await run(sandbox, "minikube dashboard")
    await run(sandbox, "kubectl create service nodeport web --tcp=80:8080")
    assert re.fullmatch(r"http://192\.168\.49\.2:3\d{4}\n",
                        await run(sandbox, "minikube service web --url"))


async def test_watch_shows_the_pod_reaching_running(sandbox: Sandbox) -> None:
    await run(sandbox, "kubectl create deployment web --image=nginx")
    watched = await run(sandbox, "kubectl get pods -w")
    assert "Running" in watched


async def test_other_namespaces_are_refused_before_the_cluster_is_asked(
        sandbox: Sandbox) -> None:
    result = await sandbox.run(LEARNER, "kubectl get pods -n kube-system", "en")
    assert not result.ok
    assert result.refused_reason == "other_namespace"
    korean = await sandbox.run(LEARNER, "kubectl delete ns default", "ko")
    assert korean.refused_reason is not None and not korean.ok


async def test_syntax_errors_read_like_kubectl(sandbox: Sandbox) -> None:
    result = await sandbox.run(LEARNER, "kubectl get podz", "en")
    assert not result.ok
    assert 'the server doesn\'t have a resource type "podz"' in result.output
