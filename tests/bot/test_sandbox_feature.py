"""The sandbox as the conversation uses it, on the in-process simulated cluster."""

from __future__ import annotations

from datetime import timedelta

from bot.bootstrap import App, build
from bot.settings import Settings
from storage import SandboxRecords
from storage.models import CommandLog
from tests.bot.helpers import Learner
from tests.conftest import FixedClock


def outcomes(app: App) -> list[tuple[str, str | None]]:
    from sqlalchemy import select

    with app.database.transaction() as session:
        rows = session.execute(
            select(CommandLog.outcome, CommandLog.reason).order_by(CommandLog.id)
        )
        return [(outcome, reason) for outcome, reason in rows]


async def test_every_command_is_logged_with_its_outcome(app: App) -> None:
    ada = Learner(app)
    await ada.say("kubectl get pods")
    await ada.say("kubectl get pods -n kube-system")
    await ada.say("kubectl delete deployment nothing-here")
    assert [outcome for outcome, _ in outcomes(app)] == ["ok", "refused", "error"]
    assert outcomes(app)[1][1] is not None


async def test_idle_namespaces_are_deleted_and_forgotten(app: App, clock: FixedClock) -> None:
    ada, bob = Learner(app, key="test:ada"), Learner(app, key="test:bob", name="Bob")
    await ada.say("kubectl create deployment web --image=nginx")
    clock.advance(hours=20)
    await bob.say("kubectl get pods")
    clock.advance(hours=5)
    assert app.sandbox is not None
    deleted = await app.sandbox.cleanup_idle(timedelta(hours=24))
    records = SandboxRecords(app.database)
    assert len(deleted) == 1 and deleted[0].startswith("kt-")
    assert list(records.last_used_by_learner_key()) == ["test:bob"]
    await ada.say("kubectl get deployments")
    assert "No resources found" in (ada.last[0].code or "")  # type: ignore[union-attr]


async def test_sandbox_reset_asks_first_then_empties_the_namespace(app: App) -> None:
    ada = Learner(app)
    await ada.say("kubectl create deployment web --image=nginx")
    await ada.say("/sandbox reset")
    await ada.press("No")
    await ada.say("/sandbox")
    assert "deployment.apps/web" in ada.texts()
    await ada.say("/sandbox reset")
    await ada.press("Yes, start fresh")
    await ada.say("/sandbox")
    assert "deployment.apps/web" not in ada.texts()


async def test_a_cluster_that_cannot_be_configured_leaves_lessons_working(
    settings: Settings, clock: FixedClock
) -> None:
    broken = settings.model_copy(
        update={"cluster": "kubeconfig", "kubeconfig": settings.data_dir / "missing.kubeconfig"}
    )
    app = build(broken, clock=clock)
    ada = Learner(app)
    await ada.say("kubectl get pods")
    assert "cannot be used right now" in ada.texts()
    await ada.say("/next")
    assert "Lesson 1." in ada.texts()
    await app.aclose()
