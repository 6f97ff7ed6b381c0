"""When a learner may be reminded: local reminder time, quiet hours, time zones.

Pure functions of a rule and an instant. The tick stores the next instant a
learner may be prompted in UTC, so finding who is due is one indexed range
query however many time zones the learners live in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_REMIND_AT = time(20, 0)
DEFAULT_QUIET = (time(22, 0), time(8, 0))
DEFAULT_DAILY_CAP = 20
# Until /remind names a zone, the course language is the best guess: the
# course is written for Korean speakers; English speakers could be anywhere.
GUESSED_TIMEZONES = {"ko": "Asia/Seoul", "en": "UTC"}


@dataclass(frozen=True)
class ReminderRule:
    """A learner's reminder settings; ``remind_at`` None means reminders are off."""

    timezone: str
    remind_at: time | None = DEFAULT_REMIND_AT
    quiet_start: time | None = DEFAULT_QUIET[0]
    quiet_end: time | None = DEFAULT_QUIET[1]
    daily_cap: int = DEFAULT_DAILY_CAP


def guess_timezone(language: str) -> str:
    return GUESSED_TIMEZONES.get(language, "UTC")


def known_timezone(name: str) -> bool:
    """Whether ``name`` is an IANA zone such as ``Europe/Berlin``."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def local_day(moment: datetime, timezone: str) -> date:
    return moment.astimezone(ZoneInfo(timezone)).date()


def at_local(day: date, clock_time: time, timezone: str) -> datetime:
    """``clock_time`` on ``day`` in ``timezone``, as a UTC instant."""
    return datetime.combine(day, clock_time, ZoneInfo(timezone)).astimezone(UTC)


def in_quiet_hours(rule: ReminderRule, moment: datetime) -> bool:
    """Whether ``moment`` falls in the learner's quiet hours (which may span midnight)."""
    if rule.quiet_start is None or rule.quiet_end is None or rule.quiet_start == rule.quiet_end:
        return False
    now = moment.astimezone(ZoneInfo(rule.timezone)).time()
    start, end = rule.quiet_start, rule.quiet_end
    if start < end:
        return start <= now < end
    return now >= start or now < end


def quiet_over(rule: ReminderRule, moment: datetime) -> datetime:
    """The first instant at or after ``moment`` outside quiet hours."""
    if not in_quiet_hours(rule, moment) or rule.quiet_end is None:
        return moment
    day = local_day(moment, rule.timezone)
    end = at_local(day, rule.quiet_end, rule.timezone)
    return end if end > moment else at_local(day + timedelta(days=1), rule.quiet_end, rule.timezone)


def next_prompt_at(
    rule: ReminderRule,
    *,
    after: datetime,
    prompted_on: date | None = None,
    not_before_day: date | None = None,
) -> datetime | None:
    """The next instant the learner may be prompted, or None with reminders off.

    The reminder time on the first local day that is not before ``after``'s
    day, comes after ``prompted_on`` (one prompt a day) and is not before
    ``not_before_day`` (the day the first card falls due), moved past quiet
    hours when it falls in them.
    """
    if rule.remind_at is None:
        return None
    day = local_day(after, rule.timezone)
    if prompted_on is not None and day <= prompted_on:
        day = prompted_on + timedelta(days=1)
    if not_before_day is not None and day < not_before_day:
        day = not_before_day
    moment = at_local(day, rule.remind_at, rule.timezone)
    if moment < after:
        moment = at_local(day + timedelta(days=1), rule.remind_at, rule.timezone)
    return quiet_over(rule, moment)


def parse_clock(text: str) -> time | None:
    """``20:00`` or ``8:30`` as a time; None when it is not a time of day."""
    hours, colon, minutes = text.partition(":")
    if not colon or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        return None
    if not (0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59):
        return None
    return time(int(hours), int(minutes))
