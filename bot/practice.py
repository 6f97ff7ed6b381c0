"""Practice steps as verified tasks: a goal, the learner's own commands, a check.

A step is done when the learner's namespace is in the state the lesson asks
for (its checks), or, for a step that only reads, when the learner ran the
command it asks for. Tries are stored, so the hint after two misses and the
answer after three survive a restart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.messages import Button, Outgoing, Reply
from bot.payloads import payload
from bot.texts import learner_language, say
from lessons.model import Lesson, ObjectCheck, PracticeStep
from sandbox.commandline import extract_command, same_meaning
from storage import Awaiting, LearnerRecord, Learners, SandboxRecords

HINT_AFTER = 2
ANSWER_AFTER = 3


@dataclass(frozen=True)
class CheckOutcome:
    passed: bool
    detail: str | None = None


class PracticeChecker(Protocol):
    """Evaluates a step's checks against the learner's namespace."""

    async def check(self, learner_key: str, checks: Sequence[ObjectCheck]) -> CheckOutcome: ...


class Practice:
    def __init__(
        self,
        learners: Learners,
        records: SandboxRecords,
        checker: PracticeChecker,
        clock: Callable[[], datetime],
        wrap_up: Callable[[LearnerRecord, Lesson], list[Outgoing]],
    ) -> None:
        self._learners = learners
        self._records = records
        self._checker = checker
        self._clock = clock
        self._wrap_up = wrap_up

    def offer(self, learner: LearnerRecord, lesson: Lesson, start: int = 0) -> list[Outgoing]:
        """The first step from ``start`` on that is not done yet, or the lesson's wrap-up."""
        language = learner_language(learner)
        done = {
            step_id
            for step_id, state in self._records.practice(learner.id, lesson.id).items()
            if state.done_at is not None
        }
        for index in range(start, len(lesson.practice)):
            step = lesson.practice[index]
            if step.id in done:
                continue
            self._learners.set_awaiting(
                learner.id, Awaiting("practice", lesson.id, step.id, self._clock())
            )
            title = say("practice_title", language, index=index + 1, total=len(lesson.practice))
            skip = Button(say("button_skip", language), payload("skip", lesson.id, step.id))
            return [
                Reply(
                    f"{step.goal(language)}\n\n{say('practice_type_it', language)}",
                    title=title,
                    buttons=((skip,),),
                )
            ]
        self._learners.set_awaiting(learner.id, None)
        return self._wrap_up(learner, lesson)

    def skip(self, learner: LearnerRecord, lesson: Lesson, step_id: str) -> list[Outgoing]:
        ids = [step.id for step in lesson.practice]
        return self.offer(learner, lesson, ids.index(step_id) + 1)

    async def attempt(
        self, learner: LearnerRecord, lesson: Lesson, step: PracticeStep, text: str
    ) -> list[Outgoing]:
        """Judge the command the learner just ran against the open step."""
        language = learner_language(learner)
        if step.checks:
            outcome = await self._checker.check(learner.key, step.checks)
        else:
            outcome = CheckOutcome(_same_command(text, step.command))
        now = self._clock()
        state = self._records.practice_try(
            learner.id, lesson.id, step.id, done_at=now if outcome.passed else None
        )
        if outcome.passed:
            ids = [s.id for s in lesson.practice]
            done = Reply(say("practice_done", language, goal=step.goal(language)))
            return [done, *self.offer(learner, lesson, ids.index(step.id) + 1)]
        replies: list[Outgoing] = []
        if state.tries >= ANSWER_AFTER:
            replies.append(Reply(say("practice_answer", language), code=step.command.rstrip()))
        elif state.tries >= HINT_AFTER:
            replies.append(Reply(say("practice_hint", language, hint=step.hint(language))))
        elif outcome.detail:
            replies.append(Reply(say("practice_not_yet", language, detail=outcome.detail)))
        else:
            replies.append(Reply(say("practice_not_yet_plain", language)))
        return replies


def _same_command(typed: str, expected: str) -> bool:
    command = extract_command(typed) or typed
    return same_meaning(command.splitlines()[0], expected.splitlines()[0])
