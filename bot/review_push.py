"""The reminder tick: one unsolicited review prompt per learner per day, at most.

The database is the only schedule: each tick asks it who may be prompted now
(``Reminders.due_prompts``), so nothing is lost when the process restarts,
and a learner whose reminder time passed during downtime is still due, once:
the catch-up prompt is that day's prompt, never one per missed day.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, time

from bot.messages import Outgoing, Reply
from bot.reminder_rules import (
    at_local,
    in_quiet_hours,
    local_day,
    next_prompt_at,
    quiet_over,
)
from bot.review_deck import rule_of, timezone_of
from bot.review_session import SESSION_SIZE
from bot.reviews import Reviews
from bot.texts import learner_language, say
from storage import DuePrompt, LearnerRecord, Learners

logger = logging.getLogger(__name__)

TICK_SECONDS = 60

Send = Callable[[LearnerRecord, list[Outgoing]], Awaitable[bool]]


class ReviewPush:
    """Runs ticks for one transport: its learners, and how to reach them."""

    def __init__(
        self,
        reviews: Reviews,
        learners: Learners,
        send: Send,
        *,
        key_prefix: str = "",
        learner_key: str | None = None,
    ) -> None:
        """
        Args:
            send: Delivers a prompt; False when the learner could not be reached.
            key_prefix: Only learners of this transport, e.g. ``telegram:``.
            learner_key: Only this learner (the terminal chat's).
        """
        self._reviews = reviews
        self._learners = learners
        self._send = send
        self._key_prefix = key_prefix
        self._learner_key = learner_key

    async def tick(self, now: datetime) -> int:
        """Prompt every learner who is due at ``now``; returns how many were sent."""
        deck = self._reviews.deck
        sent = 0
        for due in deck.reminders.due_prompts(
            now, key_prefix=self._key_prefix, learner_key=self._learner_key
        ):
            items = self._claim(due, now)
            if not items:
                continue
            try:
                delivered = await self._send(self._learners.get(due.learner_id), items)
            except Exception:  # one learner's failed send must not stop the others' prompts
                logger.exception("review prompt to learner %s failed", due.learner_id)
                continue
            sent += int(delivered)
        return sent

    def _claim(self, due: DuePrompt, now: datetime) -> list[Outgoing]:
        """The prompt, if this tick wins the learner's day; else [] and when to look again."""
        deck = self._reviews.deck
        learner = self._learners.get(due.learner_id)
        timezone = timezone_of(learner)
        rule = rule_of(timezone, due.reminder)
        today = local_day(now, timezone)
        if due.card_id is None:
            deck.reminders.postpone(
                learner.id, now=now, until=deck.plan(learner, due.reminder, now)
            )
            return []
        if in_quiet_hours(rule, now):
            deck.reminders.postpone(learner.id, now=now, until=quiet_over(rule, now))
            return []
        done_today = deck.cards.reviews_since(learner.id, at_local(today, time(0), timezone))
        if done_today >= rule.daily_cap:
            later = next_prompt_at(rule, after=now, prompted_on=today)
            deck.reminders.postpone(learner.id, now=now, until=later)
            return []
        # Recorded BEFORE sending. For a message the learner did not ask for,
        # at most once a day beats at least once a day: if the process dies
        # between this commit and the send, that day's prompt is lost, but it
        # is never sent twice. The claim is a conditional UPDATE, so of two
        # ticks racing for the same learner-day only one gets here.
        following = next_prompt_at(rule, after=now, prompted_on=today)
        size = min(SESSION_SIZE, rule.daily_cap - done_today)
        if not deck.reminders.claim(
            learner.id, day=today, now=now, next_at=following, session_size=size
        ):
            return []
        count = deck.cards.count_due(learner.id, now)
        header = Reply(say("review_prompt", learner_language(learner), count=count))
        card = deck.cards.get(due.card_id)
        asked = self._reviews.session.ask(learner, card) if card is not None else []
        return [header, *(asked or self._reviews.session.next_or_finish(learner))]
