"""Hands-on reviews: a practice step done again in the sandbox, graded by the cluster."""

from __future__ import annotations

from collections.abc import Sequence

from bot.bootstrap import App
from bot.core import Conversation
from bot.messages import Outgoing, Reply
from bot.practice import CheckOutcome
from bot.reviews import Reviews
from lessons.loader import load_catalog
from lessons.model import Language, ObjectCheck
from storage import CardKey, LearnerRecord, SandboxRecords
from tests.bot.helpers import Learner
from tests.conftest import FixedClock

LESSON = next(lesson for lesson in load_catalog() if any(s.checks for s in lesson.practice))
STEP = next(step for step in LESSON.practice if step.checks)


class ClusterState:
    """A sandbox at the edge of the machine: commands change what the checks see."""

    def __init__(self) -> None:
        self.done: set[str] = set()
        self.ran: list[str] = []

    def is_command(self, text: str) -> bool:
        return text.startswith("kubectl ")

    async def run(self, learner: LearnerRecord, text: str, language: Language) -> list[Outgoing]:
        self.ran.append(text)
        if text.strip() == STEP.command.splitlines()[0].strip():
            self.done.add(learner.key)
        return [Reply("", code="ok", simulated=True)]

    async def overview(self, learner: LearnerRecord, language: Language) -> list[Outgoing]:
        return []

    async def reset(self, learner: LearnerRecord, language: Language) -> list[Outgoing]:
        return []

    async def check(self, learner_key: str, checks: Sequence[ObjectCheck]) -> CheckOutcome:
        return CheckOutcome(learner_key in self.done)


def hands_on(app: App, clock: FixedClock, cluster: ClusterState) -> App:
    reviews = Reviews(
        app.catalog,
        app.learners,
        app.progress,
        app.reviews.deck,
        clock,
        pictures=app.settings.data_dir,
        sandbox=cluster,
        checker=cluster,
    )
    app.conversation = Conversation(
        app.catalog, app.learners, app.progress, clock, sandbox=cluster, reviews=reviews
    )
    app.reviews = reviews
    return app


async def test_a_practice_review_is_graded_by_the_cluster_not_the_words(
    app: App, clock: FixedClock
) -> None:
    cluster = ClusterState()
    app = hands_on(app, clock, cluster)
    ada = Learner(app)
    await ada.say("/start")
    learner = app.learners.by_key(ada.sender.key)
    assert learner is not None
    SandboxRecords(app.database).practice_try(learner.id, LESSON.id, STEP.id, done_at=clock())
    await ada.say("/help")  # the done step becomes a card
    clock.advance(days=4)

    _, task = await ada.say("/review")
    assert isinstance(task, Reply) and STEP.goal("en") in task.text
    assert "I check the cluster after each command" in task.text
    replies = await ada.say("kubectl get pods")
    assert "The cluster isn't in that state yet" in "\n".join(
        r.text for r in replies if isinstance(r, Reply)
    )
    replies = await ada.say(STEP.command.splitlines()[0])
    assert any(isinstance(r, Reply) and r.text.startswith("✅ Practice done") for r in replies)
    assert cluster.ran == ["kubectl get pods", STEP.command.splitlines()[0]]

    card = app.reviews.deck.cards.find(CardKey(learner.id, "practice", LESSON.id, STEP.id))
    assert card is not None and card.memory.due > clock()
    assert app.learners.get(learner.id).awaiting is None
