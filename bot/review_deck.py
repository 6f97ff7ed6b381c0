"""A learner's review cards and reminder settings, kept in step with each other.

Every review goes through ``record``: FSRS (``lessons.srs``) works out the
card's next state, storage keeps it with its log, and the learner's next
prompt time is pulled earlier if the card now falls due sooner than it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from bot.reminder_rules import (
    DEFAULT_DAILY_CAP,
    DEFAULT_QUIET,
    DEFAULT_REMIND_AT,
    ReminderRule,
    at_local,
    guess_timezone,
    local_day,
    next_prompt_at,
)
from lessons import srs
from storage import (
    CardKey,
    LearnerRecord,
    ReminderRecord,
    Reminders,
    ReviewCardRecord,
    ReviewCards,
    ReviewLogRecord,
)
from storage import CardState as StoredCard


def timezone_of(learner: LearnerRecord) -> str:
    """The learner's zone from ``/remind``, or the guess from their language."""
    return learner.timezone or guess_timezone(learner.language)


def rule_of(timezone: str, reminder: ReminderRecord) -> ReminderRule:
    return ReminderRule(
        timezone=timezone,
        remind_at=reminder.remind_at,
        quiet_start=reminder.quiet_start,
        quiet_end=reminder.quiet_end,
        daily_cap=reminder.daily_cap,
    )


def _memory(card: ReviewCardRecord | None, now: datetime) -> srs.CardState:
    if card is None:
        return srs.new_card(now)
    stored = card.memory
    return srs.CardState(
        stored.state,
        stored.step,
        stored.stability,
        stored.difficulty,
        stored.due,
        stored.last_review,
    )


class Deck:
    def __init__(self, cards: ReviewCards, reminders: Reminders) -> None:
        self.cards = cards
        self.reminders = reminders

    def reminder(self, learner: LearnerRecord, now: datetime) -> ReminderRecord:
        """The learner's reminder settings, created with the defaults on first use."""
        found = self.reminders.get(learner.id)
        if found is not None:
            return found
        record = ReminderRecord(
            learner_id=learner.id,
            remind_at=DEFAULT_REMIND_AT,
            quiet_start=DEFAULT_QUIET[0],
            quiet_end=DEFAULT_QUIET[1],
            daily_cap=DEFAULT_DAILY_CAP,
            last_prompted_on=None,
            next_prompt_at=None,
            session_left=0,
        )
        record = replace(record, next_prompt_at=self.plan(learner, record, now))
        self.reminders.save(record)
        return record

    def record(
        self,
        learner: LearnerRecord,
        key: CardKey,
        grade: srs.Grade,
        now: datetime,
        duration_ms: int | None = None,
    ) -> srs.Review:
        """Review the card ``key`` at ``now`` and store the outcome."""
        timezone = timezone_of(learner)
        reviewed = srs.review(_memory(self.cards.find(key), now), grade, now, timezone, duration_ms)
        memory = reviewed.card
        self.cards.save_review(
            key,
            StoredCard(
                memory.state,
                memory.step,
                memory.stability,
                memory.difficulty,
                memory.due,
                memory.last_review,
            ),
            ReviewLogRecord(0, int(grade), now, duration_ms),
        )
        reminder = self.reminder(learner, now)
        prompt = next_prompt_at(
            rule_of(timezone, reminder),
            after=now,
            prompted_on=reminder.last_prompted_on,
            not_before_day=local_day(memory.due, timezone),
        )
        # The reminder was just read, with no await since: only a later prompt needs the write.
        planned = reminder.next_prompt_at
        if prompt is not None and (planned is None or planned > prompt):
            self.reminders.pull_earlier(learner.id, prompt)
        return reviewed

    def plan(
        self, learner: LearnerRecord, reminder: ReminderRecord, now: datetime
    ) -> datetime | None:
        """The next prompt time: the reminder time on the day the first card falls due."""
        first_due = self.cards.first_due(learner.id)
        if first_due is None:
            return None
        timezone = timezone_of(learner)
        return next_prompt_at(
            rule_of(timezone, reminder),
            after=now,
            prompted_on=reminder.last_prompted_on,
            not_before_day=local_day(first_due, timezone),
        )

    def replan(
        self, learner: LearnerRecord, reminder: ReminderRecord, now: datetime
    ) -> ReminderRecord:
        """Save changed settings with the next prompt time they give."""
        updated = replace(reminder, next_prompt_at=self.plan(learner, reminder, now))
        self.reminders.save(updated)
        return updated

    def reviews_today(self, learner: LearnerRecord, now: datetime) -> int:
        timezone = timezone_of(learner)
        midnight = at_local(local_day(now, timezone), time(0), timezone)
        return self.cards.reviews_since(learner.id, midnight)
