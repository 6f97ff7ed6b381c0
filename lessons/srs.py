"""Spaced repetition: when each review card comes back, by FSRS.

Pure, as ``fsrs`` itself is: every function takes ``now`` (UTC-aware) and the
learner's time zone as arguments and touches no clock, storage or network,
so the same answer at the same instant always gives the same schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from enum import IntEnum
from typing import Literal
from zoneinfo import ZoneInfo

from fsrs import Card, Rating, Scheduler, State

ItemKind = Literal["question", "practice"]
QuestionKind = Literal["choice", "command"]

# FSRS's own learning steps (1 and 10 minutes) suit a flashcard app the learner
# keeps open; in a chat every step is a message, so a new card would ping the
# learner twice within ten minutes of a lesson. Here a step is a day: a new
# card comes back tomorrow (after a wrong answer) or in three days (after a
# right one) before FSRS takes over with intervals of its own, and a forgotten
# card comes back the next day.
LEARNING_STEPS = (timedelta(days=1), timedelta(days=3))
RELEARNING_STEPS = (timedelta(days=1),)
DESIRED_RETENTION = 0.9

# An answer this fast is rated Easy. A quiz poll is read and tapped: ten
# seconds is a learner who knew it at once. A command is typed, kubectl and
# all, so it gets twenty. Hands-on tasks are never Easy: their time is mostly
# the cluster's, not the learner's recall.
EASY_WITHIN: dict[QuestionKind, timedelta] = {
    "choice": timedelta(seconds=10),
    "command": timedelta(seconds=20),
}

# Fuzzing draws from ``random``; scheduling stays a function of its inputs, and
# the spread it would give is already there, because learners answer at
# different moments and are reminded at their own local times.
SCHEDULER = Scheduler(
    desired_retention=DESIRED_RETENTION,
    learning_steps=LEARNING_STEPS,
    relearning_steps=RELEARNING_STEPS,
    enable_fuzzing=False,
)


class Grade(IntEnum):
    """FSRS's four ratings, under our names, so callers need not import ``fsrs``."""

    AGAIN = Rating.Again
    HARD = Rating.Hard
    GOOD = Rating.Good
    EASY = Rating.Easy


@dataclass(frozen=True)
class CardState:
    """One card's FSRS memory state; ``due`` is the start of the local day it is due on."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None


@dataclass(frozen=True)
class Review:
    """One review's outcome: the card's new state and what is logged."""

    card: CardState
    grade: Grade
    reviewed_at: datetime
    duration_ms: int | None
    scheduled_due: datetime  # FSRS's exact due instant, before rounding to the day


def grade_answer(
    *,
    correct: bool,
    kind: QuestionKind | None,
    duration: timedelta | None,
    helped: bool = False,
) -> Grade:
    """The rating an answer earns: wrong Again, right Good, fast Easy, helped Hard.

    Args:
        correct: Whether the answer was right.
        kind: The question's kind, which sets what "fast" means; None for a
            hands-on task, which is never Easy.
        duration: From asking to answering, when known.
        helped: The learner asked for a hint first, or got there after a
            failed try (a hands-on task).
    """
    if not correct:
        return Grade.AGAIN
    if helped:
        return Grade.HARD
    if kind is not None and duration is not None and duration <= EASY_WITHIN[kind]:
        return Grade.EASY
    return Grade.GOOD


def new_card(now: datetime) -> CardState:
    """A card never reviewed, due at once."""
    _require_utc(now)
    return CardState(int(State.Learning), 0, None, None, now, None)


def review(
    card: CardState,
    grade: Grade,
    now: datetime,
    timezone: str,
    duration_ms: int | None = None,
) -> Review:
    """Review ``card`` at ``now``; it comes back at the start of the day FSRS names.

    FSRS gives an instant; the card is due from the start of that day in the
    learner's ``timezone``, so a reminder at the learner's chosen hour that
    day finds it, whatever time of day it was last answered.
    """
    _require_utc(now)
    fsrs_card = Card(
        card_id=0,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )
    reviewed, _log = SCHEDULER.review_card(fsrs_card, Rating(int(grade)), now, duration_ms)
    state = CardState(
        state=int(reviewed.state),
        step=reviewed.step,
        stability=reviewed.stability,
        difficulty=reviewed.difficulty,
        due=start_of_day(reviewed.due, timezone),
        last_review=reviewed.last_review,
    )
    return Review(state, grade, now, duration_ms, reviewed.due)


def start_of_day(moment: datetime, timezone: str) -> datetime:
    """Midnight, in UTC, of the local day ``moment`` falls on in ``timezone``."""
    zone = ZoneInfo(timezone)
    local = moment.astimezone(zone)
    return datetime.combine(local.date(), time(0), zone).astimezone(UTC)


def is_due(card: CardState, now: datetime) -> bool:
    return card.due <= now


def _require_utc(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() != timedelta(0):
        raise ValueError("scheduling needs an aware UTC datetime")
