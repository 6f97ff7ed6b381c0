"""Learner data in SQL: SQLite by default, any SQLAlchemy URL by setting."""

from storage.database import (
    DatabaseTooNew,
    create_database_engine,
    migrate,
    open_database,
    sqlite_url,
)
from storage.learners import LearnerNotFound, Learners
from storage.progress import Progress
from storage.records import AttemptRecord, Awaiting, LearnerRecord, LessonState
from storage.session import Database

__all__ = [
    "AttemptRecord",
    "Awaiting",
    "Database",
    "DatabaseTooNew",
    "LearnerNotFound",
    "LearnerRecord",
    "Learners",
    "LessonState",
    "Progress",
    "create_database_engine",
    "migrate",
    "open_database",
    "sqlite_url",
]
