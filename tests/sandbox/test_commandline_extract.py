"""Chat messages that are commands are recognised, however the learner wrapped them."""

from __future__ import annotations

import pytest

from sandbox.commandline import extract_command

COMMANDS = [
    ("kubectl get pods", "kubectl get pods"),
    ("  kubectl get pods  ", "kubectl get pods"),
    ("k get po", "k get po"),
    ("k gt pods", "k gt pods"),
    ("k -n x get pods", "k -n x get pods"),
    ("minikube status", "minikube status"),
    ("$ kubectl get pods", "kubectl get pods"),
    ("`kubectl get pods`", "kubectl get pods"),
    ("`$ kubectl get pods`", "kubectl get pods"),
    ("`kubectl get pods` please", "kubectl get pods"),
    ("```\nkubectl get pods\n```", "kubectl get pods"),
    ("```bash\nkubectl get pods\n```", "kubectl get pods"),
    ("```sh\n$ kubectl get pods\n```", "kubectl get pods"),
    ("```shell\n$ minikube ip\n```", "minikube ip"),
    ("```kubectl get pods```", "kubectl get pods"),
    ("kubectl apply -f -\napiVersion: v1\nkind: Pod",
     "kubectl apply -f -\napiVersion: v1\nkind: Pod"),
    ("```\nkubectl apply -f -\nkind: Pod\n```", "kubectl apply -f -\nkind: Pod"),
    ("`kubectl apply -f -`\n```yaml\nkind: Pod\n```",
     "kubectl apply -f -\n```yaml\nkind: Pod\n```"),
    ("kubectl apply -f -\n```yaml\nkind: Pod\n```", "kubectl apply -f -\n```yaml\nkind: Pod\n```"),
    ("kubectl", "kubectl"),
]

NOT_COMMANDS = [
    "",
    "   ",
    "hello",
    "how do I use kubectl?",
    "k",
    "k thanks",
    "K, thanks",
    "ok",
    "Kubectl get pods",
    "kubеctl get pods",  # Cyrillic е
    "ｋｕｂｅｃｔｌ get pods",  # full-width
    "kubectl\u200b get pods",  # zero-width space glued to the word
    "kubectlget pods",
    "docker build -t x .",
    "`docker ps`",
    "```yaml\nkind: Pod\n```",
    "please run `kubectl get pods`",
    "/start",
]


@pytest.mark.parametrize(("message", "expected"), COMMANDS, ids=[c[0][:40] for c in COMMANDS])
def test_command_is_recognised_in_any_wrapping(message: str, expected: str) -> None:
    assert extract_command(message) == expected


@pytest.mark.parametrize("message", NOT_COMMANDS)
def test_conversation_is_not_taken_for_a_command(message: str) -> None:
    assert extract_command(message) is None
