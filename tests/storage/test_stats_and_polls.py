"""The operator figures and the sent-poll map, on a migrated SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage import AttemptRecord, Learners, Progress, SentPolls, Stats, open_database

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)


def test_stats_count_activity_the_funnel_and_put_the_most_missed_question_first(
    tmp_path: Path,
) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'stats.db'}")
    learners, progress = Learners(database), Progress(database)
    for key, days_ago in (("a", 0), ("b", 3), ("c", 20), ("d", 40)):
        seen = NOW - timedelta(days=days_ago)
        learner, _ = learners.arrive(f"telegram:{key}", display_name=key, language="en", now=seen)
        progress.start_lesson(learner.id, "l1", seen)
        if key in "ab":
            progress.complete_lesson(learner.id, "l1", seen)
        for question, correct in (("easy", True), ("hard", key == "a")):
            progress.record_attempt(
                learner.id, AttemptRecord("l1", question, "1", correct, seen, None)
            )
    learners.mark_blocked("telegram:d", NOW)

    stats = Stats(database).summary(NOW)
    database.close()

    assert (stats.learners, stats.blocked) == (4, 1)
    assert stats.active == {1: 1, 7: 2, 30: 3}
    assert (stats.funnel["l1"].started, stats.funnel["l1"].completed) == (4, 2)
    hardest = stats.hardest[0]
    assert (hardest.question_id, hardest.attempts, hardest.correct) == ("hard", 4, 1)
    assert [q.question_id for q in stats.hardest] == ["hard", "easy"]
    assert stats.commands == {}


def test_a_sent_poll_maps_back_to_its_learner_and_question(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'polls.db'}"
    database = open_database(url)
    learner, _ = Learners(database).arrive("telegram:7", display_name="Ada", language="en", now=NOW)
    SentPolls(database).remember(
        poll_id="5000", learner_id=learner.id, question_ref="l1:q1", chat_id=7, message_id=3,
        now=NOW,
    )  # fmt: skip
    database.close()

    reopened = open_database(url)
    found = SentPolls(reopened).find("5000")
    assert SentPolls(reopened).find("5001") is None
    reopened.close()
    assert found is not None
    assert (found.learner_key, found.question_ref, found.chat_id) == ("telegram:7", "l1:q1", 7)
