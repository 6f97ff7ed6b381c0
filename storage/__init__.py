"""Learner data in SQL: SQLite by default, any SQLAlchemy URL by setting."""

from storage.database import (
    DatabaseTooNew,
    create_database_engine,
    migrate,
    open_database,
    sqlite_url,
)
from storage.learners import LearnerNotFound, Learners
from storage.polls import SentPolls
from storage.progress import Progress
from storage.records import (
    AttemptRecord,
    Awaiting,
    LearnerRecord,
    LessonState,
    SentPollRecord,
)
from storage.reminders import DuePrompt, ReminderRecord, Reminders
from storage.reviews import (
    CardKey,
    CardState,
    DonePractice,
    ReviewCardRecord,
    ReviewCards,
    ReviewLogRecord,
)
from storage.sandbox import PracticeState, SandboxRecords
from storage.session import Database
from storage.stats import CourseStats, LessonFunnel, QuestionAccuracy, Stats

__all__ = [
    "AttemptRecord",
    "Awaiting",
    "CardKey",
    "CardState",
    "CourseStats",
    "Database",
    "DatabaseTooNew",
    "DonePractice",
    "DuePrompt",
    "LearnerNotFound",
    "LearnerRecord",
    "Learners",
    "LessonFunnel",
    "LessonState",
    "PracticeState",
    "Progress",
    "QuestionAccuracy",
    "ReminderRecord",
    "Reminders",
    "ReviewCardRecord",
    "ReviewCards",
    "ReviewLogRecord",
    "SandboxRecords",
    "SentPollRecord",
    "SentPolls",
    "Stats",
    "create_database_engine",
    "migrate",
    "open_database",
    "sqlite_url",
]
