"""Command menus per language, and /stats for operators only."""

from __future__ import annotations

from bot.settings import Settings
from tests.conftest import FixedClock
from tests.fakes import FakeTelegram, fake_telegram
from tests.fakes.telegram_extra import running_bot

__all__ = ["fake_telegram"]

PRIVATE = {"type": "all_private_chats"}
OPERATOR = 700


def names(commands: list[dict[str, str]]) -> list[str]:
    return [command["command"] for command in commands]


async def test_the_menu_is_published_in_korean_and_english(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    async with running_bot(fake_telegram, settings, clock):
        pass  # starting up is what publishes the menus
    korean, english = fake_telegram.commands(PRIVATE, "ko"), fake_telegram.commands(PRIVATE, "en")
    expected = ["next", "lessons", "quiz", "progress", "sandbox", "lang", "reset"]
    expected += ["review", "remind"]
    expected += ["help", "start"]
    assert names(korean) == names(english) == expected
    assert korean[0]["description"] == "멈춘 곳에서 이어서 하기"
    assert english[0]["description"] == "Continue where you left off"
    assert fake_telegram.commands(PRIVATE, "") == korean
    assert fake_telegram.visible_commands(42, "de") == korean


async def test_only_operators_see_and_run_stats(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    settings = settings.model_copy(update={"admin_ids": frozenset({OPERATOR})})
    learner = fake_telegram.user(701, "Ada", "en")
    async with running_bot(fake_telegram, settings, clock):
        fake_telegram.send_text(learner, "/start lesson-1")
        fake_telegram.send_text(learner, "/stats")
        await fake_telegram.wait_for(lambda: len(fake_telegram.messages_to(701)) == 2)
        fake_telegram.send_text(fake_telegram.user(OPERATOR, "Op", "en"), "/stats")
        [stats] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(OPERATOR))

    refused = fake_telegram.messages_to(701)[1]
    assert refused.text.startswith("I don't know that command: /stats")
    assert "stats" not in names(fake_telegram.visible_commands(701, "en"))
    assert "stats" in names(fake_telegram.visible_commands(OPERATOR, "en"))
    assert "stats" in names(fake_telegram.visible_commands(OPERATOR, "ko"))

    lines = stats.text.splitlines()
    assert lines[0] == "📈 kubetutor statistics"
    assert "Learners: 1 (0 blocked the bot)" in lines
    assert "Active: 1 day 1 · 7 days 1 · 30 days 1" in lines
    assert "1. What is Kubernetes?: 1 → 0" in lines
    assert "No answers yet." in lines
    assert lines[-1] == "Sandbox commands: none yet."
    assert stats.raw["entities"][0]["type"] == "bold"
