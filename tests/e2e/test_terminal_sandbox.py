"""The post's whole sequence typed into the terminal chat, on the simulated cluster."""

from __future__ import annotations

import re
from pathlib import Path

from lessons.loader import load_catalog
from lessons.model import ChoiceQuestion
from tests.e2e.test_terminal_chat import chat

POD_ROW = re.compile(
    r"^example-app-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}"
    r"\s+1/1\s+Running\s+0\s+\d+s$",
    re.MULTILINE,
)


def first_deployment_lesson() -> tuple[int, list[str]]:
    """The lesson with the post's sequence, and keystrokes that read it and pass its quiz."""
    catalog = load_catalog()
    lesson = catalog.lesson("first-deployment")
    keys = ["1"] * len(lesson.cards)
    for question in lesson.questions:
        if isinstance(question, ChoiceQuestion):
            keys.append(str(question.answer + 1))
        else:
            keys.append(question.answers[0])
    return catalog.number(lesson), keys


def test_a_new_learner_runs_the_posts_sequence_and_each_step_is_acknowledged(
    tmp_path: Path,
) -> None:
    number, keys = first_deployment_lesson()
    transcript = chat(
        tmp_path / "progress.db",
        [
            f"/start lesson-{number}",
            *keys,
            "kubectl create deployment example-app --image=bravecat81/playground",
            "kubectl rollout status deployment/example-app",
            "kubectl get pod",
            "kubectl delete deployment example-app",
            "/sandbox",
        ],
        "--lang",
        "en",
    )
    assert "deployment.apps/example-app created" in transcript
    assert 'deployment "example-app" successfully rolled out' in transcript
    assert "NAME                          READY   STATUS    RESTARTS   AGE" in transcript
    assert POD_ROW.search(transcript), transcript
    assert 'deployment.apps "example-app" deleted' in transcript
    assert transcript.count("✅ Practice done") == 3
    assert "simulated cluster" in transcript
    assert "Traceback" not in transcript


def test_refusals_are_explained_and_the_chat_carries_on(tmp_path: Path) -> None:
    transcript = chat(
        tmp_path / "progress.db",
        [
            "/start",
            "kubectl get pods -n kube-system",
            "kubectl exec -it web -- sh",
            "kubectl get pods; rm -rf /",
            "kubectl gett pods",
            "/next",
        ],
        "--lang",
        "en",
    )
    assert "-n kube-system is outside it" in transcript
    assert "`kubectl exec` is not allowed" in transcript
    assert 'unknown command "gett" for "kubectl"' in transcript
    assert "Lesson 1." in transcript
    assert "Traceback" not in transcript
