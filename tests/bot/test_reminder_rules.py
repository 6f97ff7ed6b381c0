"""When a learner may be reminded: local time, quiet hours, one prompt a day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.reminder_rules import (
    ReminderRule,
    guess_timezone,
    in_quiet_hours,
    next_prompt_at,
    parse_clock,
    quiet_over,
)

SEOUL = ReminderRule("Asia/Seoul", remind_at=time(20, 0))


def test_the_reminder_time_is_local_to_the_learner() -> None:
    morning = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
    assert next_prompt_at(SEOUL, after=morning) == datetime(2026, 3, 2, 11, 0, tzinfo=UTC)
    berlin = ReminderRule("Europe/Berlin", remind_at=time(20, 0))
    assert next_prompt_at(berlin, after=morning) == datetime(2026, 3, 2, 19, 0, tzinfo=UTC)


def test_a_day_already_prompted_moves_the_prompt_to_the_next_day() -> None:
    morning = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    at = next_prompt_at(SEOUL, after=morning, prompted_on=date(2026, 3, 2))
    assert at == datetime(2026, 3, 3, 11, 0, tzinfo=UTC)


def test_the_prompt_waits_for_the_day_the_first_card_is_due() -> None:
    morning = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    at = next_prompt_at(SEOUL, after=morning, not_before_day=date(2026, 3, 9))
    assert at == datetime(2026, 3, 9, 11, 0, tzinfo=UTC)


def test_quiet_hours_span_midnight_and_push_the_prompt_to_their_end() -> None:
    late = ReminderRule(
        "Asia/Seoul", remind_at=time(23, 30), quiet_start=time(22), quiet_end=time(8)
    )
    evening = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # 19:00 in Seoul
    assert not in_quiet_hours(late, evening)
    at = next_prompt_at(late, after=evening)
    assert at == datetime(2026, 3, 2, 23, 0, tzinfo=UTC)  # 08:00 on the 3rd in Seoul
    assert in_quiet_hours(late, datetime(2026, 3, 2, 14, 30, tzinfo=UTC))  # 23:30 in Seoul
    assert quiet_over(late, datetime(2026, 3, 2, 14, 30, tzinfo=UTC)) == at


def test_reminders_off_means_no_prompt_time() -> None:
    off = ReminderRule("UTC", remind_at=None)
    assert next_prompt_at(off, after=datetime(2026, 3, 2, tzinfo=UTC)) is None


def test_the_time_zone_is_guessed_from_the_language() -> None:
    assert guess_timezone("ko") == "Asia/Seoul"
    assert guess_timezone("en") == "UTC"


def test_clock_times_are_parsed_strictly() -> None:
    assert parse_clock("20:00") == time(20, 0)
    assert parse_clock("8:05") == time(8, 5)
    for bad in ("24:00", "20", "20:5", "ab:cd", "20:60"):
        assert parse_clock(bad) is None
