"""Operator commands, for the Telegram user ids in ``KUBETUTOR_ADMIN_IDS`` only.

To everyone else these commands do not exist: the core answers them as it
answers any unknown command, and they are not in their command menu.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from bot.telegram.formatting import shorten
from lessons.catalog import Catalog, LessonNotFound
from lessons.model import Language
from storage import CourseStats, Stats

_LABELS: dict[str, tuple[str, str]] = {
    "title": ("📈 kubetutor 통계", "📈 kubetutor statistics"),
    "learners": (
        "학습자 {count}명 (봇 차단 {blocked}명)",
        "Learners: {count} ({blocked} blocked the bot)",
    ),
    "active": (
        "활동: 1일 {d1} · 7일 {d7} · 30일 {d30}",
        "Active: 1 day {d1} · 7 days {d7} · 30 days {d30}",
    ),
    "funnel": ("레슨 (시작 → 완료)", "Lessons (started → completed)"),
    "hardest": ("가장 많이 틀리는 문제", "Most-missed questions"),
    "question": ("{accuracy:.0%} 정답 ({attempts}회)", "{accuracy:.0%} right ({attempts} answers)"),
    "no_answers": ("아직 답이 없어요.", "No answers yet."),
    "commands": ("샌드박스 명령", "Sandbox commands"),
    "no_commands": ("아직 없어요.", "none yet."),
}


def _label(key: str, language: Language, **values: object) -> str:
    korean, english = _LABELS[key]
    return (korean if language == "ko" else english).format(**values)


class Operators:
    def __init__(
        self,
        user_ids: frozenset[int],
        stats: Stats,
        catalog: Catalog,
        clock: Callable[[], datetime],
    ) -> None:
        self.user_ids = user_ids
        self._stats = stats
        self._catalog = catalog
        self._clock = clock

    def handles(self, user_id: int, text: str) -> bool:
        """Whether ``text`` is an operator command and ``user_id`` may run it."""
        word = text.split(maxsplit=1)[0] if text.strip() else ""
        return user_id in self.user_ids and word.split("@", 1)[0].lower() == "/stats"

    def stats_html(self, language: Language) -> str:
        """The /stats message: learners, activity, the lesson funnel, the hardest questions."""
        return stats_html(self._stats.summary(self._clock()), self._catalog, language)


def stats_html(stats: CourseStats, catalog: Catalog, language: Language) -> str:
    lines = [
        f"<b>{_label('title', language)}</b>",
        _label("learners", language, count=stats.learners, blocked=stats.blocked),
        _label("active", language, d1=stats.active[1], d7=stats.active[7], d30=stats.active[30]),
        "",
        f"<b>{_label('funnel', language)}</b>",
    ]
    for lesson in catalog:
        row = stats.funnel.get(lesson.id)
        started, completed = (row.started, row.completed) if row else (0, 0)
        title = html.escape(shorten(lesson.title(language), 40))
        lines.append(f"{catalog.number(lesson)}. {title}: {started} → {completed}")
    lines += ["", f"<b>{_label('hardest', language)}</b>"]
    for question in stats.hardest:
        try:
            lesson = catalog.lesson(question.lesson_id)
            prompt = catalog.question(question.lesson_id, question.question_id).prompt(language)
            name = f"{catalog.number(lesson)}. {shorten(prompt, 60)}"
        except LessonNotFound:
            name = f"{question.lesson_id}:{question.question_id}"
        figure = _label(
            "question", language, accuracy=question.accuracy, attempts=question.attempts
        )
        lines.append(f"• {html.escape(name)}: {figure}")
    if not stats.hardest:
        lines.append(_label("no_answers", language))
    counts = " · ".join(f"{html.escape(outcome)} {n}" for outcome, n in stats.commands.items())
    lines += [
        "",
        f"<b>{_label('commands', language)}</b>: {counts or _label('no_commands', language)}",
    ]
    return "\n".join(lines)
