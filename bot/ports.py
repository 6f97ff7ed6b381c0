"""The seams the conversation core calls through: the sandbox and the reviews.

Each is a protocol so that the core depends on what it needs, not on how the
sandbox reaches a cluster or how reviews are scheduled.
"""

from __future__ import annotations

from typing import Protocol

from bot.messages import CommandRun, Incoming, Outgoing
from lessons.model import Language
from storage import LearnerRecord


class SandboxPort(Protocol):
    """Runs a learner's kubectl/minikube command; provided by the sandbox wiring."""

    def is_command(self, text: str) -> bool: ...

    async def run(self, learner: LearnerRecord, text: str, language: Language) -> CommandRun: ...

    async def overview(self, learner: LearnerRecord, language: Language) -> list[Outgoing]:
        """What ``/sandbox`` shows: the learner's namespace and objects."""
        ...

    async def reset(self, learner: LearnerRecord, language: Language) -> list[Outgoing]:
        """Delete and recreate the learner's namespace."""
        ...


class ReviewPort(Protocol):
    """Spaced-repetition reviews; provided by ``bot.reviews.Reviews``."""

    async def handle(self, learner: LearnerRecord, event: Incoming) -> list[Outgoing] | None:
        """The replies when ``event`` is about reviews; None leaves it to the core."""
        ...

    def answered(
        self,
        learner: LearnerRecord,
        lesson_id: str,
        question_id: str,
        correct: bool,
        duration_ms: int | None,
    ) -> None:
        """A lesson question was graded: make or reschedule its review card."""
        ...

    def adopt_practice(self, learner: LearnerRecord) -> None:
        """Practice steps the learner has done become review cards."""
        ...
