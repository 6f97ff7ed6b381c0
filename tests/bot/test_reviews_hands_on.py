"""Hands-on reviews: a practice step done again in the sandbox, graded by the cluster."""

from __future__ import annotations

from bot.bootstrap import App
from bot.messages import Reply
from lessons.loader import load_catalog
from storage import CardKey, SandboxRecords
from tests.bot.helpers import Learner
from tests.conftest import FixedClock

LESSON = next(lesson for lesson in load_catalog() if any(s.checks for s in lesson.practice))
STEP = next(step for step in LESSON.practice if step.checks)


def texts(replies: list[object]) -> str:
    return "\n".join(
        "\n".join(filter(None, (r.text, r.code))) for r in replies if isinstance(r, Reply)
    )


async def test_a_practice_review_is_graded_by_the_cluster_not_the_words(
    app: App, clock: FixedClock
) -> None:
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
    assert "No resources found in kt-" in texts(replies)
    assert "The cluster isn't in that state yet" in texts(replies)
    replies = await ada.say("kubectl get pods -n kube-system")
    assert "outside it" in texts(replies)
    replies = await ada.say(STEP.command)
    assert "✅ Practice done" in texts(replies)

    card = app.reviews.deck.cards.find(CardKey(learner.id, "practice", LESSON.id, STEP.id))
    assert card is not None and card.memory.due > clock()
    assert app.learners.get(learner.id).awaiting is None
