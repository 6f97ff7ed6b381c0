"""FSRS scheduling as the chat uses it: day-long steps, ratings from answers, due days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card, Rating, Scheduler, State

from lessons import srs
from lessons.srs import Grade, grade_answer, new_card, review, start_of_day

NOW = datetime(2026, 3, 2, 8, 26, tzinfo=UTC)
SEOUL = "Asia/Seoul"


def fsrs_due(rating: Rating, now: datetime) -> datetime:
    """What the fsrs library itself says, with our steps and no fuzz."""
    scheduler = Scheduler(
        learning_steps=srs.LEARNING_STEPS,
        relearning_steps=srs.RELEARNING_STEPS,
        desired_retention=srs.DESIRED_RETENTION,
        enable_fuzzing=False,
    )
    card, _ = scheduler.review_card(Card(card_id=1, due=now), rating, now)
    return card.due


@pytest.mark.parametrize("grade", list(Grade))
def test_a_card_comes_back_at_the_start_of_the_local_day_fsrs_names(grade: Grade) -> None:
    reviewed = review(new_card(NOW), grade, NOW, SEOUL)
    expected_day = fsrs_due(Rating(int(grade)), NOW).astimezone(ZoneInfo(SEOUL)).date()
    local_due = reviewed.card.due.astimezone(ZoneInfo(SEOUL))
    assert local_due.date() == expected_day
    assert (local_due.hour, local_due.minute) == (0, 0)


def test_a_wrong_answer_comes_back_sooner_than_a_right_one() -> None:
    wrong = review(new_card(NOW), Grade.AGAIN, NOW, "UTC").card.due
    hard = review(new_card(NOW), Grade.HARD, NOW, "UTC").card.due
    right = review(new_card(NOW), Grade.GOOD, NOW, "UTC").card.due
    fast = review(new_card(NOW), Grade.EASY, NOW, "UTC").card.due
    assert wrong < hard < right < fast
    assert wrong == start_of_day(NOW + timedelta(days=1), "UTC")


def test_learning_steps_are_days_so_a_new_card_never_pings_within_minutes() -> None:
    for grade in Grade:
        assert review(new_card(NOW), grade, NOW, "UTC").scheduled_due - NOW >= timedelta(days=1)


def test_a_forgotten_card_relearns_from_tomorrow() -> None:
    card = review(new_card(NOW), Grade.EASY, NOW, "UTC")
    later = card.scheduled_due
    lapsed = review(card.card, Grade.AGAIN, later, "UTC")
    assert lapsed.card.state == State.Relearning
    assert lapsed.scheduled_due == later + timedelta(days=1)


def test_intervals_grow_with_each_right_answer() -> None:
    card, now, gaps = new_card(NOW), NOW, []
    for _ in range(4):
        reviewed = review(card, Grade.GOOD, now, "UTC")
        gaps.append(reviewed.scheduled_due - now)
        card, now = reviewed.card, reviewed.scheduled_due
    assert gaps == sorted(gaps) and gaps[-1] > timedelta(days=14)


@pytest.mark.parametrize(
    ("correct", "kind", "seconds", "helped", "grade"),
    [
        (False, "choice", 3, False, Grade.AGAIN),
        (True, "choice", 9, False, Grade.EASY),
        (True, "choice", 11, False, Grade.GOOD),
        (True, "command", 19, False, Grade.EASY),
        (True, "command", 25, False, Grade.GOOD),
        (True, "command", 5, True, Grade.HARD),
        (True, None, 5, False, Grade.GOOD),
        (True, "choice", None, False, Grade.GOOD),
    ],
)
def test_the_rating_comes_from_the_answer(
    correct: bool, kind: srs.QuestionKind | None, seconds: int | None, helped: bool, grade: Grade
) -> None:
    duration = timedelta(seconds=seconds) if seconds is not None else None
    assert grade_answer(correct=correct, kind=kind, duration=duration, helped=helped) == grade


def test_scheduling_refuses_a_naive_or_local_time() -> None:
    with pytest.raises(ValueError, match="UTC"):
        review(new_card(NOW), Grade.GOOD, NOW.replace(tzinfo=None), "UTC")
    with pytest.raises(ValueError, match="UTC"):
        new_card(NOW.astimezone(ZoneInfo(SEOUL)))
