"""kubectl lines through the Telegram bot, with a stand-in for the sandbox.

The sandbox wiring arrives in its own issue; `ScriptedSandbox` implements the
core's `SandboxPort` seam with kubectl-like answers, so these tests pin down
what the Telegram side does with command output: a monospace block, every
character escaped, long output shortened with a note, "typing" meanwhile.
"""

from __future__ import annotations

from collections import defaultdict

from bot.messages import Outgoing, Reply
from bot.settings import Settings
from lessons.model import Language
from storage import LearnerRecord
from tests.conftest import FixedClock
from tests.fakes import FakeTelegram, fake_telegram
from tests.fakes.telegram_extra import running_bot

__all__ = ["fake_telegram"]


class ScriptedSandbox:
    """Deployments per learner, and kubectl-shaped output that is full of markup."""

    def __init__(self) -> None:
        self.deployments: dict[int, list[str]] = defaultdict(list)

    def is_command(self, text: str) -> bool:
        return text.split(maxsplit=1)[:1] in (["kubectl"], ["k"], ["minikube"])

    async def run(self, learner: LearnerRecord, text: str, language: Language) -> list[Outgoing]:
        words = text.split()
        if words[1:3] == ["create", "deployment"]:
            self.deployments[learner.id].append(words[3])
            return [Reply("", code=f"deployment.apps/{words[3]} created", simulated=True)]
        if words[1:3] == ["get", "pods"]:
            rows = ["NAME                     READY   STATUS    NOMINATED NODE"]
            rows += [
                f"{name}-7d4b9c6f5-x2x5q   0/1     Pending   <none> & <b>"
                for name in self.deployments[learner.id]
            ]
            return [Reply("", code="\n".join(rows), simulated=True)]
        lines = [f"{n:05d} GET /healthz <200> & ok" for n in range(3000)]
        return [Reply("", code="\n".join(lines), simulated=True)]

    async def overview(self, learner: LearnerRecord, language: Language) -> list[Outgoing]:
        return [Reply(", ".join(self.deployments[learner.id]) or "empty", title="<sandbox>")]

    async def reset(self, learner: LearnerRecord, language: Language) -> list[Outgoing]:
        self.deployments.pop(learner.id, None)
        return [Reply("reset")]


async def test_command_output_is_an_escaped_monospace_block_per_learner(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    minji, ada = fake_telegram.user(801, "Minji", "ko"), fake_telegram.user(802, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock, sandbox=ScriptedSandbox()):
        fake_telegram.send_text(minji, "kubectl create deployment web --image=nginx")
        fake_telegram.send_text(ada, "kubectl create deployment api --image=httpd")
        await fake_telegram.wait_for(
            lambda: fake_telegram.messages_to(801) and fake_telegram.messages_to(802)
        )
        fake_telegram.send_text(minji, "kubectl get pods")
        fake_telegram.send_text(ada, "kubectl get pods")
        await fake_telegram.wait_for(
            lambda: (
                len(fake_telegram.messages_to(801)) == 2
                and len(fake_telegram.messages_to(802)) == 2
            )
        )
    created, pods = fake_telegram.messages_to(801)
    assert created.text == "🧪 시뮬레이션 클러스터\n\ndeployment.apps/web created"
    assert "web-7d4b9c6f5-x2x5q   0/1     Pending   <none> & <b>" in pods.text
    assert "api-" not in pods.text
    assert "api-7d4b9c6f5" in fake_telegram.messages_to(802)[1].text
    assert "web-" not in fake_telegram.messages_to(802)[1].text
    [pre] = [e for e in pods.raw["entities"] if e["type"] == "pre"]
    # Entity offsets count UTF-16 units, as Telegram does (the emoji counts twice).
    in_block = pods.text.encode("utf-16-le")[pre["offset"] * 2 :].decode("utf-16-le")
    assert in_block.startswith("NAME")

    methods = [call.method for call in fake_telegram.sent(801)]
    assert methods == ["sendChatAction", "sendMessage", "sendChatAction", "sendMessage"]
    assert fake_telegram.sent(801, "sendChatAction")[0].params["action"] == "typing"


async def test_long_output_is_cut_to_fit_with_a_note(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock, sandbox=ScriptedSandbox()):
        fake_telegram.send_text(fake_telegram.user(803, "Ada", "en"), "kubectl logs web")
        [output] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(803))
    assert len(output.text) <= 4096
    assert output.text.splitlines()[2] == "00000 GET /healthz <200> & ok"
    kept = sum(1 for line in output.text.splitlines() if "/healthz" in line)
    assert output.text.endswith(
        f"✂️ Output shortened: {3000 - kept} more line(s) "
        f"({len(chr(10).join(f'{n:05d} GET /healthz <200> & ok' for n in range(kept, 3000))) + 1}"
        " characters) not shown."
    )


async def test_plain_messages_show_no_typing(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock, sandbox=ScriptedSandbox()):
        fake_telegram.send_text(fake_telegram.user(804, "Ada", "en"), "/help")
        await fake_telegram.wait_for(lambda: fake_telegram.messages_to(804))
    assert [call.method for call in fake_telegram.sent(804)] == ["sendMessage"]


async def test_the_sandbox_command_is_in_the_menu_once_a_sandbox_is_wired(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock, sandbox=ScriptedSandbox()):
        fake_telegram.send_text(fake_telegram.user(805, "Ada", "en"), "/sandbox")
        [overview] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(805))
    assert overview.text == "<sandbox>\nempty"
    commands = fake_telegram.visible_commands(805, "en")
    assert "sandbox" in [command["command"] for command in commands]
