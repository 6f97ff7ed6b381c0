"""kubectl lines through the Telegram bot, run in each learner's namespace on the simulated cluster.

What the Telegram side does with command output: a monospace block, every
character escaped, long output shortened with a note, "typing" meanwhile.
"""

from __future__ import annotations

import re

from bot.settings import Settings
from tests.conftest import FixedClock
from tests.fakes import FakeTelegram, fake_telegram
from tests.fakes.telegram_extra import running_bot

__all__ = ["fake_telegram"]

POD = r"[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}"


async def test_command_output_is_an_escaped_monospace_block_per_learner(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    minji, ada = fake_telegram.user(801, "Minji", "ko"), fake_telegram.user(802, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(minji, "kubectl create deployment web --image=nginx")
        fake_telegram.send_text(ada, "kubectl create deployment api --image=httpd")
        await fake_telegram.wait_for(
            lambda: fake_telegram.messages_to(801) and fake_telegram.messages_to(802)
        )
        fake_telegram.send_text(minji, "kubectl get pods")
        fake_telegram.send_text(ada, "kubectl get pods")
        fake_telegram.send_text(
            ada, "kubectl create configmap markup --from-literal=html='<b>&amp;</b>'"
        )
        fake_telegram.send_text(ada, "kubectl get configmap markup -o yaml")
        await fake_telegram.wait_for(
            lambda: (
                len(fake_telegram.messages_to(801)) == 2
                and len(fake_telegram.messages_to(802)) == 4
            )
        )
    created, pods = fake_telegram.messages_to(801)
    assert created.text == "🧪 시뮬레이션 클러스터\n\ndeployment.apps/web created"
    assert re.search(rf"^web-{POD}   0/1     \w+", pods.text, re.MULTILINE), pods.text
    assert "api-" not in pods.text
    ada_pods = fake_telegram.messages_to(802)[1].text
    assert re.search(rf"^api-{POD}", ada_pods, re.MULTILINE) and "web-" not in ada_pods
    [pre] = [e for e in pods.raw["entities"] if e["type"] == "pre"]
    # Entity offsets count UTF-16 units, as Telegram does (the emoji counts twice).
    in_block = pods.text.encode("utf-16-le")[pre["offset"] * 2 :].decode("utf-16-le")
    assert in_block.startswith("NAME")
    assert "  html: <b>&amp;</b>" in fake_telegram.messages_to(802)[3].text

    methods = [call.method for call in fake_telegram.sent(801)]
    assert methods == ["sendChatAction", "sendMessage", "sendChatAction", "sendMessage"]
    assert fake_telegram.sent(801, "sendChatAction")[0].params["action"] == "typing"


async def test_long_output_is_cut_to_fit_with_a_note(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    ada = fake_telegram.user(803, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(ada, "kubectl create deployment web --image=nginx --replicas=5")
        await fake_telegram.wait_for(lambda: fake_telegram.messages_to(803))
        fake_telegram.send_text(ada, "kubectl get pods -o yaml")
        await fake_telegram.wait_for(lambda: len(fake_telegram.messages_to(803)) == 2)
    output = fake_telegram.messages_to(803)[1].text
    assert len(output) <= 4096
    assert output.splitlines()[2] == "apiVersion: v1"
    assert re.search(
        r"✂️ Output shortened: \d+ more line\(s\) \(\d+ characters\) not shown\.$", output
    )


async def test_plain_messages_show_no_typing(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(fake_telegram.user(804, "Ada", "en"), "/help")
        await fake_telegram.wait_for(lambda: fake_telegram.messages_to(804))
    assert [call.method for call in fake_telegram.sent(804)] == ["sendMessage"]


async def test_sandbox_shows_the_learners_namespace_and_is_in_the_menu(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    ada = fake_telegram.user(805, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(ada, "kubectl create deployment web --image=nginx")
        await fake_telegram.wait_for(lambda: fake_telegram.messages_to(805))
        fake_telegram.send_text(ada, "/sandbox")
        await fake_telegram.wait_for(lambda: len(fake_telegram.messages_to(805)) == 2)
    overview = fake_telegram.messages_to(805)[1].text
    assert overview.startswith("🧪 Your sandbox")
    assert re.search(r"namespace: kt-[0-9a-f]{8}", overview)
    assert "deployment.apps/web" in overview
    commands = fake_telegram.visible_commands(805, "en")
    assert "sandbox" in [command["command"] for command in commands]


async def test_a_refused_command_is_explained_in_the_learners_language(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    minji = fake_telegram.user(806, "Minji", "ko")
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(minji, "kubectl get secrets -n kube-system")
        [refusal] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(806))
    assert "kube-system" in refusal.text
    assert "네임스페이스" in refusal.text
