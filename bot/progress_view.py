"""The learner's progress in words, with a bar of blocks for the lessons."""

from __future__ import annotations

from datetime import date, timedelta

from bot.texts import say
from lessons.catalog import Catalog
from lessons.model import Language
from storage import LearnerRecord, Learners, Progress

BAR_WIDTH = 10


def bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    filled = round(width * done / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def streak(days: list[date], today: date) -> int:
    """Consecutive active days ending today, or yesterday while today is still empty."""
    active = set(days)
    cursor = today if today in active else today - timedelta(days=1)
    count = 0
    while cursor in active:
        count += 1
        cursor -= timedelta(days=1)
    return count


def progress_text(
    *,
    learner: LearnerRecord,
    language: Language,
    catalog: Catalog,
    progress: Progress,
    learners: Learners,
    today: date,
) -> str:
    states = progress.lesson_states(learner.id)
    done = sum(
        1
        for lesson in catalog
        if (state := states.get(lesson.id)) is not None and state.completed_at is not None
    )
    correct, total = progress.accuracy(learner.id)
    accuracy = (
        f"{100 * correct // total}% ({correct}/{total})"
        if total
        else say("no_answers_yet", language)
    )
    return say(
        "progress",
        language,
        name=learner.display_name,
        bar=bar(done, len(catalog)),
        done=done,
        total=len(catalog),
        accuracy=accuracy,
        streak=streak(learners.active_days(learner.id), today),
    )
