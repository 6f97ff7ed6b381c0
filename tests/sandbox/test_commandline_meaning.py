"""Quiz answers are graded by what the command means, not how it is spelled."""

from __future__ import annotations

import pytest

from sandbox.commandline import same_meaning

SAME = [
    ("kubectl get pods", "k get pods"),
    ("kubectl get pods", "kubectl get po"),
    ("kubectl get pods", "kubectl get pod"),
    ("kubectl get pods", "kubectl   get   pods  "),
    ("kubectl get pods", "$ kubectl get pods"),
    ("kubectl get pods", "`kubectl get pods`"),
    ("kubectl get pods", "```bash\n$ kubectl get pods\n```"),
    ("kubectl get deploy", "kubectl get deployments.apps"),
    ("kubectl get deploy", "kubectl get deployment.apps"),
    ("kubectl get deployment", "kubectl get deployments.v1.apps"),
    ("kubectl get pod/x", "kubectl get pod x"),
    ("kubectl get pods -o wide", "kubectl get pods --output=wide"),
    ("kubectl get pods -o wide", "kubectl get pods -owide"),
    ("kubectl get pods -o wide", "kubectl get pods --output wide"),
    ("kubectl get pods -o wide", "kubectl get -o wide pods"),
    ("kubectl get pods -l app=x -w", "kubectl get pods --watch --selector app=x"),
    ("kubectl get pods -w", "kubectl get pods --watch=true"),
    ("kubectl get pods", "kubectl get pods --watch=false"),
    ("kubectl get pods -n x", "kubectl -n x get pods"),
    ("kubectl create deployment example-app --image=bravecat81/playground",
     "k create deploy example-app --image bravecat81/playground"),
    ("kubectl create deployment example-app --image=bravecat81/playground",
     "kubectl create deployment --image=bravecat81/playground example-app"),
    ("kubectl scale deployment example-app --replicas=3",
     "kubectl scale --replicas 3 deploy/example-app"),
    ("kubectl delete deployment example-app", "k delete deploy/example-app"),
    ("kubectl expose deployment x --port=80 --type=NodePort",
     "kubectl expose deploy/x --type NodePort --port 80"),
    ("kubectl set image deployment/x app=nginx:1.2", "kubectl set image deploy x app=nginx:1.2"),
    ("kubectl rollout status deployment/x", "k rollout status deploy x"),
    ("kubectl logs pod/x", "kubectl logs x"),
    ("kubectl describe svc web", "kubectl describe service/web"),
    ("minikube start --driver=docker --extra-config=apiserver.authorization-mode=RBAC",
     "minikube start --extra-config apiserver.authorization-mode=RBAC --driver docker"),
    ("minikube service web --url", "minikube service --url web"),
    ("docker build -t playground .", "docker build --tag playground ."),
    ("docker build -t playground .", "docker image build -t playground ."),
    ("docker build -t playground .", "docker build . -t playground"),
    ("docker push bravecat81/playground", "docker image push bravecat81/playground"),
    ("docker tag playground bravecat81/playground",
     "docker image tag playground bravecat81/playground"),
    ("docker run -d -p 8080:80 nginx", "docker run --detach --publish 8080:80 nginx"),
    ("docker images", "docker image ls"),
    ("$ docker build -t playground .", "`docker build -t playground .`"),
]

DIFFERENT = [
    ("kubectl get pods", "kubectl get deploy"),
    ("kubectl get pods", "kubectl describe pods"),
    ("kubectl get pods -o wide", "kubectl get pods -o yaml"),
    ("kubectl get pods", "kubectl get pods -w"),
    ("kubectl get pod x", "kubectl get pod y"),
    ("kubectl create deployment example-app --image=bravecat81/playground",
     "kubectl create deployment example-app --image=bravecat81/playground:v2"),
    ("kubectl create deployment example-app --image=bravecat81/playground",
     "kubectl create deployment other-app --image=bravecat81/playground"),
    ("kubectl scale deploy x --replicas=3", "kubectl scale deploy x --replicas=2"),
    ("kubectl get pods", "kubectl get pods -n kube-system"),
    ("kubectl get pods", "minikube kubectl -- get pods"),
    ("kubectl get pods", "kubectl gett pods"),
    ("kubectl get pods", ""),
    ("kubectl get pods", "hello"),
    ("minikube start", "minikube stop"),
    ("minikube start --driver=docker", "minikube start --driver=virtualbox"),
    ("docker build -t playground .", "docker build -t playground2 ."),
    ("docker build -t playground .", "docker build -t playground ./app"),
    ("docker push bravecat81/playground", "docker pull bravecat81/playground"),
    ("docker build -t playground .", "kubectl get pods"),
]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a} == {b}"[:70] for a, b in SAME])
def test_equivalent_spellings_have_the_same_meaning(a: str, b: str) -> None:
    assert same_meaning(a, b)
    assert same_meaning(b, a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a} != {b}"[:70] for a, b in DIFFERENT])
def test_different_commands_have_different_meanings(a: str, b: str) -> None:
    assert not same_meaning(a, b)


def test_unparsable_answers_match_only_themselves() -> None:
    assert same_meaning("kubectl gett pods", "kubectl  gett pods")
    assert not same_meaning("kubectl gett pods", "kubectl gett pod")
