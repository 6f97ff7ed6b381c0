"""Quiz polls the bot sent, so that an answer is credited even after a restart.

Telegram's poll answers name only the poll and the voter, never the chat or
the question; the bot records each poll as it is sent and looks it up here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select

from storage.models import Learner, SentPoll
from storage.records import SentPollRecord
from storage.session import Database
from storage.statements import InsertMissing

_REMEMBER = InsertMissing(SentPoll)
_FIND = (
    select(
        SentPoll.poll_id,
        SentPoll.learner_id,
        Learner.key,
        SentPoll.question_ref,
        SentPoll.chat_id,
        SentPoll.message_id,
    )
    .join(Learner, Learner.id == SentPoll.learner_id)
    .where(SentPoll.poll_id == bindparam("poll"))
)


class SentPolls:
    def __init__(self, database: Database) -> None:
        self._db = database

    def remember(
        self,
        *,
        poll_id: str,
        learner_id: int,
        question_ref: str,
        chat_id: int,
        message_id: int,
        now: datetime,
    ) -> None:
        """Record a sent poll; sending the same poll id twice keeps the first record."""
        with self._db.begin() as connection:
            _REMEMBER(
                connection,
                {
                    "poll_id": poll_id,
                    "learner_id": learner_id,
                    "question_ref": question_ref,
                    "chat_id": chat_id,
                    "message_id": message_id,
                    "sent_at": now,
                },
            )

    def find(self, poll_id: str) -> SentPollRecord | None:
        """The learner and question a poll was sent for, or None for a poll we never sent."""
        with self._db.begin() as connection:
            found = connection.execute(_FIND, {"poll": poll_id}).one_or_none()
            return None if found is None else SentPollRecord(*found)
