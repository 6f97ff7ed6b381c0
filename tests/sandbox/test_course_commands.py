"""Every command the course shows runs in the sandbox, or is refused with a clear reason.

The commands come from the lesson files themselves: practice steps, the answers of
"type the command" questions, and the kubectl and minikube lines of cards' code
blocks (only the `$ ` lines where a block shows a terminal session). Each runs as its
own learner, in a namespace prepared with what the command acts on, through
`Sandbox.run` against the simulated cluster.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator

import pytest

from lessons.loader import load_catalog
from lessons.model import CommandQuestion
from sandbox.cluster import Cluster
from sandbox.emulator.controllers import Delays
from sandbox.emulator.server import Emulator
from sandbox.limits import Limits
from sandbox.service import Sandbox

_PROGRAMS = ("kubectl", "k", "minikube")
# Commands the sandbox declines on purpose: the reason, and words the explanation holds.
DECLINED = {
    "minikube addons enable metrics-server": (
        "unsupported_command", "not available in the sandbox"),
    # A question's answer names the command; running it needs YAML after it.
    "kubectl apply -f -": ("missing_manifest", "needs the YAML in the same message"),
}
_UNCLEAR = ("unknown command", "unknown flag", "doesn't have a resource type", "Traceback")


def _code_commands(text: str) -> Iterator[str]:
    lines = [line.strip() for line in text.splitlines()]
    if any(line.startswith("$ ") for line in lines):
        lines = [line[2:].strip() for line in lines if line.startswith("$ ")]
    for line in lines:
        if line.split()[:1] and line.split()[0] in ("kubectl", "minikube"):
            yield line


def course_commands() -> list[str]:
    """Every distinct command the course asks a learner to type, in course order."""
    found: dict[str, None] = {}
    for lesson in load_catalog():
        for card in lesson.cards:
            if card.code is not None:
                found.update(dict.fromkeys(_code_commands(card.code.text)))
        for question in lesson.questions:
            if isinstance(question, CommandQuestion):
                found.update(dict.fromkeys(
                    answer for answer in question.answers if answer.split()[0] in _PROGRAMS))
        found.update(dict.fromkeys(step.command for step in lesson.practice))
    return list(found)


def _existing_deployment(text: str) -> str | None:
    """The Deployment a command acts on without creating it (delete, rollout undo ...)."""
    if text.startswith("kubectl create deployment"):
        return None
    match = re.search(r"deployment[/ ]([a-z0-9-]+)", text)
    return match.group(1) if match else None


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Emulator(delays=Delays.instant(), token="course-token") as emulator:
        cluster = Cluster.for_emulator(emulator)
        yield Sandbox(cluster, limits=Limits(commands_per_minute=10_000))
        cluster.close()


def test_the_course_has_commands_of_every_kind() -> None:
    commands = course_commands()
    assert "kubectl get nodes -o wide" in commands
    assert "kubectl rollout undo deployment/example-app" in commands
    assert any(text.startswith("kubectl apply -f -\n") for text in commands)
    assert "minikube dashboard" in commands
    assert not [text for text in commands if text.split()[:1] == ["minikube"]
                and len(text.split()) == 1]


@pytest.mark.parametrize("text", course_commands())
async def test_course_command_runs_or_is_clearly_declined(sandbox: Sandbox, text: str) -> None:
    learner = f"course:{text}"
    deployment = _existing_deployment(text)
    if deployment is not None:
        for setup in (f"kubectl create deployment {deployment} --image=bravecat81/playground",
                      f"kubectl set image deployment/{deployment} playground=nginx"):
            assert (await sandbox.run(learner, setup, "en")).ok
    result = await sandbox.run(learner, text, "en")
    assert not any(word in result.output for word in _UNCLEAR), result.output
    if text in DECLINED:
        reason, explanation = DECLINED[text]
        assert (result.ok, result.refused_reason) == (False, reason)
        assert explanation in result.output
    else:
        assert result.ok, result.output
        assert result.refused_reason is None
