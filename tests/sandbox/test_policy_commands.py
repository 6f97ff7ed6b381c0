"""The policy lets the course's commands through, and nothing else slips past with them."""

from __future__ import annotations

import pytest

from sandbox.commandline import parse
from sandbox.limits import Limits
from sandbox.policy import check_command, screen
from sandbox.refusals import CommandRefused
from tests.sandbox.hostile.clarity import assert_clear

NAMESPACE = "kt-1a2b3c4d"
DEPLOYMENT_YAML = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: example-app
  labels: {app: example-app}
spec:
  replicas: 5
  selector:
    matchLabels: {app: example-app}
  template:
    metadata:
      labels: {app: example-app}
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
      - name: app
        image: bravecat81/playground:latest
        securityContext:
          allowPrivilegeEscalation: false
          privileged: false
          capabilities: {drop: [ALL]}
        ports: [{containerPort: 3000}]
        resources: {limits: {cpu: 100m, memory: 128Mi}}
"""

ALLOWED = [
    "kubectl create deployment example-app --image=bravecat81/playground",
    "k get pod",
    "kubectl get pods -o wide",
    "kubectl get pod -w",
    "kubectl get deploy,rs,po --show-labels",
    f"kubectl get pods -n {NAMESPACE}",
    f"kubectl get pods --namespace={NAMESPACE}",
    "kubectl get events",
    "kubectl get nodes",
    f"kubectl get namespace {NAMESPACE}",
    "kubectl get resourcequota",
    "kubectl describe deployment example-app",
    "kubectl describe pod/example-app-7d9c4-xk2p9",
    "kubectl logs deploy/example-app",
    "kubectl logs -l app=example-app --tail=20",
    "kubectl delete deployment example-app",
    "kubectl delete pods -l app=web",
    "kubectl delete pods --all",
    "kubectl scale deployment example-app --replicas=5",
    "kubectl scale deployment example-app --replicas=0",
    "kubectl expose deployment example-app --port=80 --target-port=3000 --name=web",
    "kubectl create service nodeport web --tcp=80:3000",
    "kubectl create configmap settings --from-literal=color=blue",
    "kubectl run web --image=nginx:1.27 --labels=app=web,tier=front --port=80",
    "kubectl run once --image=busybox --restart=Never --command -- echo hi",
    "kubectl set image deployment/example-app playground=bravecat81/playground:v2",
    "kubectl label pod web tier=front --overwrite",
    "kubectl label pod web tier-",
    "kubectl annotate deployment example-app kubernetes.io/change-cause='웹 서버 v2'",
    "kubectl rollout status deployment/example-app",
    "kubectl rollout history deployment/example-app",
    "kubectl rollout undo deployment/example-app --to-revision=1",
    "kubectl rollout restart deployment/example-app",
    "kubectl explain pod.spec.containers",
    "kubectl explain secrets",
    "kubectl version",
    "kubectl cluster-info",
    "kubectl api-resources",
    "kubectl config current-context",
    "kubectl get pods -o jsonpath='{.items[*].metadata.name}'",
    "kubectl get pods -o name",
    "kubectl run web --image=nginx --privileged=false",
    "minikube status",
    "minikube ip",
    "minikube version",
    "minikube dashboard --url",
    "minikube start",
    "minikube stop",
    "minikube service web --url",
    f"kubectl apply -f -\n{DEPLOYMENT_YAML}",
    f"kubectl create -f -\n```yaml\n{DEPLOYMENT_YAML}```",
    f"kubectl delete -f -\n{DEPLOYMENT_YAML}",
    f"```\nkubectl apply -f -\n{DEPLOYMENT_YAML}---\n"
    "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: " + NAMESPACE + "}\n"
    "spec: {selector: {app: example-app}, ports: [{port: 80}]}\n```",
]


@pytest.mark.parametrize("text", ALLOWED, ids=[t.splitlines()[0][:60] for t in ALLOWED])
def test_course_command_is_allowed(text: str) -> None:
    command = screen(text, namespace=NAMESPACE)
    assert command.raw


def test_limits_are_configurable() -> None:
    command = parse("kubectl scale deploy web --replicas=8")
    check_command(command, namespace=NAMESPACE, limits=Limits(max_replicas=10))
    with pytest.raises(CommandRefused) as refused:
        check_command(command, namespace=NAMESPACE)
    assert dict(refused.value.details) == {"requested": "8", "limit": "5"}


def test_image_deny_list_is_configurable() -> None:
    limits = Limits(image_denylist=("nginx:1.14", "registry.example.com/*"))
    screen("kubectl run a --image=nginx:1.27", namespace=NAMESPACE, limits=limits)
    for image in ("nginx:1.14", "docker.io/library/nginx:1.14", "registry.example.com/a/b"):
        with pytest.raises(CommandRefused) as refused:
            screen(f"kubectl run a --image={image}", namespace=NAMESPACE, limits=limits)
        assert refused.value.reason == "image_denied"


def test_other_namespace_refusal_names_both_namespaces() -> None:
    with pytest.raises(CommandRefused) as refused:
        screen("kubectl get pods -n kube-system", namespace=NAMESPACE)
    assert str(refused.value).startswith(
        f"You can only work in your own namespace {NAMESPACE}; -n kube-system is outside it."
    )
    assert_clear(refused.value)


def test_unsupported_verb_lists_the_supported_commands() -> None:
    with pytest.raises(CommandRefused) as refused:
        screen("kubectl top pods", namespace=NAMESPACE)
    assert "kubectl rollout status | history | undo | restart" in str(refused.value)
    assert "minikube status | ip | version | dashboard | start | stop | service" in str(
        refused.value
    )
