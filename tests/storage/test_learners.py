"""Arrival: every learner message passes here, so it writes only what changed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import event

from storage import Awaiting, LearnerRecord, Learners, open_database
from storage.learners import SEEN_GRAIN

MORNING = datetime(2026, 3, 2, 8, tzinfo=UTC)


def test_arrival_marks_each_day_once_and_last_seen_to_its_grain(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'arrive.db'}")
    learners = Learners(database)

    def arrive(at: datetime, name: str = "Ada") -> datetime:
        learner, _ = learners.arrive("telegram:1", display_name=name, language="en", now=at)
        stored = learners.by_key("telegram:1")
        assert stored is not None and stored.last_seen_at == learner.last_seen_at
        return learner.last_seen_at

    first, created = learners.arrive("telegram:1", display_name="Ada", language="en", now=MORNING)
    assert created
    assert arrive(MORNING + SEEN_GRAIN / 2) == MORNING
    assert arrive(MORNING + SEEN_GRAIN) == MORNING + SEEN_GRAIN
    renamed = MORNING + SEEN_GRAIN + timedelta(seconds=1)
    assert arrive(renamed, name="Ada L.") == renamed
    late = datetime(2026, 3, 2, 23, 59, 50, tzinfo=UTC)
    assert arrive(late) == late
    assert arrive(late + timedelta(seconds=20)) == late  # a new UTC day, within the grain
    assert arrive(MORNING + timedelta(days=2)) == MORNING + timedelta(days=2)

    days = learners.active_days(first.id)
    database.close()
    assert days == [date(2026, 3, 4), date(2026, 3, 3), date(2026, 3, 2)]


def test_arrival_remembers_the_chat_and_writing_again_lifts_a_block(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'chat.db'}")
    learners = Learners(database)

    def arrive(at: datetime, chat_id: int | None) -> None:
        learner, _ = learners.arrive(
            "telegram:7", display_name="Lin", language="ko", now=at, chat_id=chat_id
        )
        assert learners.by_key("telegram:7") == learner

    arrive(MORNING, chat_id=7)
    stored = learners.by_key("telegram:7")
    assert stored is not None and stored.chat_id == 7
    learners.mark_blocked("telegram:7", MORNING + SEEN_GRAIN / 4)
    arrive(MORNING + SEEN_GRAIN / 2, chat_id=None)  # a terminal event knows no chat
    blocked = learners.by_key("telegram:7")
    assert blocked is not None and blocked.blocked_at is not None

    arrive(MORNING + SEEN_GRAIN / 2, chat_id=7)
    back = learners.by_key("telegram:7")
    database.close()
    assert back is not None and back.blocked_at is None and back.chat_id == 7
    assert back.last_seen_at == MORNING + SEEN_GRAIN / 2


def test_a_returning_learner_is_known_without_a_query_and_changes_show_at_once(
    tmp_path: Path,
) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'kept.db'}")
    learners = Learners(database, kept=2)
    statements: list[str] = []
    event.listen(
        database.engine, "before_cursor_execute", lambda *args: statements.append(args[2])
    )

    def arrive(key: str, at: datetime = MORNING) -> LearnerRecord:
        return learners.arrive(key, display_name="Kim", language="ko", now=at, chat_id=5)[0]

    ada = arrive("telegram:5")
    statements.clear()
    assert arrive("telegram:5", MORNING + SEEN_GRAIN / 2) == ada
    assert statements == []

    since = MORNING + SEEN_GRAIN / 2
    learners.place(ada.id, "pods", Awaiting("question", "pods", "q1", since))
    learners.set_language(ada.id, "en")
    learners.set_timezone(ada.id, "Asia/Seoul")
    learners.mark_blocked("telegram:5", since)
    statements.clear()
    placed = arrive("telegram:5", since)
    assert len(statements) == 2  # the block is lifted: read the row, write it
    assert placed == learners.get(ada.id)
    assert placed.awaiting == Awaiting("question", "pods", "q1", since)
    assert (placed.language, placed.timezone, placed.blocked_at) == ("en", "Asia/Seoul", None)

    arrive("telegram:6")
    arrive("telegram:7")  # only two are kept: the first is read again
    statements.clear()
    assert arrive("telegram:5", since) == placed
    database.close()
    assert len(statements) == 1
