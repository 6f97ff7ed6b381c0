"""``/remind``: when and how review reminders come.

``/remind`` shows the settings; ``/remind 20:00 [Europe/Berlin]`` sets the
time (and zone), ``/remind off`` stops reminders, ``/remind quiet
22:00-08:00`` (or ``quiet off``) sets quiet hours, ``/remind cap 10`` the
most reviews a reminder asks for in a day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.messages import Outgoing, Reply
from bot.reminder_rules import DEFAULT_REMIND_AT, known_timezone, parse_clock
from bot.review_deck import Deck, rule_of, timezone_of
from bot.review_texts import settings_text, when_text
from bot.texts import say
from lessons.model import Language
from storage import LearnerRecord, Learners, ReminderRecord

MAX_DAILY_CAP = 200


def remind(
    deck: Deck, learners: Learners, learner: LearnerRecord, argument: str, now: datetime
) -> list[Outgoing]:
    """Apply ``/remind <argument>`` and say what the settings are now."""
    language: Language = "en" if learner.language == "en" else "ko"
    reminder = deck.reminder(learner, now)
    timezone = timezone_of(learner)
    words = argument.split()
    changed = _changed(reminder, words)
    if isinstance(changed, str):
        return [Reply(say(changed, language))]
    if len(words) == 2 and parse_clock(words[0]) is not None:
        if not known_timezone(words[1]):
            return [Reply(say("remind_bad_zone", language, zone=words[1][:64]))]
        timezone = words[1]
        learners.set_timezone(learner.id, timezone)
        learner = replace(learner, timezone=timezone)
    if changed is not None:
        reminder = deck.replan(learner, changed, now)
    text = settings_text(rule_of(timezone, reminder), language)
    if reminder.next_prompt_at is not None:
        when = when_text(reminder.next_prompt_at, timezone, language)
        text = f"{text}\n{say('remind_next', language, when=when)}"
    return [Reply(text)]


def _changed(reminder: ReminderRecord, words: list[str]) -> ReminderRecord | str | None:
    """The new settings, None for no change, or the text key of what was wrong."""
    if not words:
        return None
    first = words[0].lower()
    if first == "off" and len(words) == 1:
        return replace(reminder, remind_at=None)
    if first == "on" and len(words) == 1:
        return replace(reminder, remind_at=reminder.remind_at or DEFAULT_REMIND_AT)
    if first == "quiet" and len(words) == 2:
        if words[1].lower() == "off":
            return replace(reminder, quiet_start=None, quiet_end=None)
        start_text, _, end_text = words[1].partition("-")
        start, end = parse_clock(start_text), parse_clock(end_text)
        if start is None or end is None:
            return "remind_usage"
        return replace(reminder, quiet_start=start, quiet_end=end)
    if first == "cap" and len(words) == 2:
        if not words[1].isdigit() or not 1 <= int(words[1]) <= MAX_DAILY_CAP:
            return "remind_bad_cap"
        return replace(reminder, daily_cap=int(words[1]))
    at = parse_clock(words[0])
    if at is not None and len(words) <= 2:
        return replace(reminder, remind_at=at)
    return "remind_usage"
