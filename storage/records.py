"""Plain data handed out of storage, so callers never hold ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Awaiting:
    """What the learner's next typed message answers."""

    kind: str
    lesson_id: str
    item_id: str
    since: datetime


@dataclass(frozen=True)
class LearnerRecord:
    id: int
    key: str
    display_name: str
    language: str
    timezone: str | None
    created_at: datetime
    last_seen_at: datetime
    current_lesson_id: str | None
    awaiting: Awaiting | None
    chat_id: int | None = None
    blocked_at: datetime | None = None


@dataclass(frozen=True)
class LessonState:
    lesson_id: str
    started_at: datetime
    completed_at: datetime | None


@dataclass(frozen=True)
class AttemptRecord:
    lesson_id: str
    question_id: str
    answer: str
    correct: bool
    answered_at: datetime
    duration_ms: int | None


@dataclass(frozen=True)
class SentPollRecord:
    """Which learner and question a sent quiz poll belongs to."""

    poll_id: str
    learner_id: int
    learner_key: str
    question_ref: str
    chat_id: int
    message_id: int
