"""Review dates and reminder settings in words, in the learner's time zone."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.reminder_rules import ReminderRule
from bot.texts import say
from lessons.model import Language

_WEEKDAYS = {
    "ko": ("월", "화", "수", "목", "금", "토", "일"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(moment: datetime, timezone: str, language: Language) -> str:
    """``Thu, Mar 5`` or ``3월 5일 (목)``, the local day of ``moment``."""
    local = moment.astimezone(ZoneInfo(timezone))
    weekday = _WEEKDAYS[language][local.weekday()]
    if language == "ko":
        return f"{local.month}월 {local.day}일 ({weekday})"
    return f"{weekday}, {_MONTHS[local.month - 1]} {local.day}"


def clock_text(moment: time) -> str:
    return moment.strftime("%H:%M")


def when_text(moment: datetime, timezone: str, language: Language) -> str:
    """The local day and time of ``moment``, e.g. ``Thu, Mar 5 20:00``."""
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{day_text(moment, timezone, language)} {local:%H:%M}"


def next_reviews_text(
    language: Language,
    timezone: str,
    *,
    due_now: int,
    first_due: datetime | None,
    next_prompt: datetime | None,
) -> str:
    """What follows a session: cards still due now, or the day the next ones are due."""
    if first_due is None:
        return say("review_none_yet", language)
    if due_now:
        return say("review_more_due", language, count=due_now)
    text = say("review_next_day", language, day=day_text(first_due, timezone, language))
    if next_prompt is not None:
        reminder = say(
            "review_reminder_at",
            language,
            when=when_text(next_prompt, timezone, language),
            zone=timezone,
        )
        text = f"{text}\n{reminder}"
    return text


def settings_text(rule: ReminderRule, language: Language) -> str:
    """The learner's reminder settings, as ``/remind`` shows them."""
    if rule.remind_at is None:
        return say("remind_off", language, zone=rule.timezone)
    quiet = (
        f"{clock_text(rule.quiet_start)}–{clock_text(rule.quiet_end)}"
        if rule.quiet_start is not None and rule.quiet_end is not None
        else say("remind_no_quiet", language)
    )
    return say(
        "remind_settings",
        language,
        time=clock_text(rule.remind_at),
        zone=rule.timezone,
        quiet=quiet,
        cap=rule.daily_cap,
    )
