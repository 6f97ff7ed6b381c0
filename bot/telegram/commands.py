"""The command menus Telegram shows: per language, and a longer one for operators.

A command appears only once the feature behind it is wired: a command that
needs one names it in ``needs``, and ``menu`` leaves it out unless that
feature is in the set the application was built with. Adding the review or
sandbox commands is then one line in ``LEARNER_COMMANDS`` each.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from telegram import Bot, BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat
from telegram.error import BadRequest

from lessons.model import Language

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Command:
    name: str
    ko: str
    en: str
    needs: str | None = None  # the feature that must be wired for the command to show

    def description(self, language: Language) -> str:
        return self.ko if language == "ko" else self.en


LEARNER_COMMANDS: tuple[Command, ...] = (
    Command("next", "멈춘 곳에서 이어서 하기", "Continue where you left off"),
    Command("lessons", "전체 레슨 지도", "The course map"),
    Command("quiz", "지금 레슨의 퀴즈", "The current lesson's quiz"),
    Command("progress", "나의 진도와 정답률", "Your progress and quiz accuracy"),
    Command("sandbox", "내 실습 클러스터 보기", "Your practice cluster", needs="sandbox"),
    Command("lang", "언어 바꾸기 (ko / en)", "Change language (ko / en)"),
    Command("reset", "진도를 처음부터 다시", "Start the course over"),
    Command("review", "복습할 카드 풀기", "Review the cards that are due", needs="reviews"),
    Command(
        "remind",
        "복습 알림 시간 (예: /remind 20:00)",
        "Review reminder time (/remind 20:00)",
        needs="reviews",
    ),
    Command("help", "할 수 있는 것들", "What I can do"),
    Command("start", "처음 화면", "The welcome screen"),
)
OPERATOR_COMMANDS: tuple[Command, ...] = (
    Command("stats", "운영 통계 (운영자 전용)", "Course statistics (operators only)"),
)
# Telegram's language_code for each menu; "" is the fallback for every other
# language, Korean like the course itself.
MENU_LANGUAGES: tuple[tuple[str, Language], ...] = (("", "ko"), ("ko", "ko"), ("en", "en"))


def menu(language: Language, features: Iterable[str], *, operator: bool = False) -> list[Command]:
    """The commands to show, in order, for the wired ``features``."""
    wired = set(features)
    commands = [*LEARNER_COMMANDS, *(OPERATOR_COMMANDS if operator else ())]
    return [command for command in commands if command.needs is None or command.needs in wired]


def _bot_commands(commands: list[Command], language: Language) -> list[BotCommand]:
    return [BotCommand(command.name, command.description(language)) for command in commands]


async def publish_commands(bot: Bot, features: Iterable[str], operators: Iterable[int]) -> None:
    """Set the learners' menu for private chats, and each operator's own menu."""
    wired = frozenset(features)
    for code, language in MENU_LANGUAGES:
        await bot.set_my_commands(
            _bot_commands(menu(language, wired), language),
            scope=BotCommandScopeAllPrivateChats(),
            language_code=code or None,
        )
    for user_id in operators:
        await publish_operator_menu(bot, user_id, wired)


async def publish_operator_menu(bot: Bot, user_id: int, features: Iterable[str]) -> bool:
    """Add the operator commands to one operator's private chat; False if Telegram refuses.

    Telegram refuses a chat scope for a user who never opened the bot; the
    menu is published again when that operator first writes.
    """
    wired = frozenset(features)
    try:
        for code, language in MENU_LANGUAGES:
            await bot.set_my_commands(
                _bot_commands(menu(language, wired, operator=True), language),
                scope=BotCommandScopeChat(user_id),
                language_code=code or None,
            )
    except BadRequest as error:
        logger.info("operator menu for %s not set yet: %s", user_id, error.message)
        return False
    return True
