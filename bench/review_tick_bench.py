"""The reminder tick at scale: 100,000 learners x 40 review cards in one SQLite file.

One tick asks who may be prompted now and each one's first due card
(``Reminders.due_prompts``). Prompt times are spread over the 24 hours
either side of now, so half the learners are waiting (a day of downtime's
worth); card due dates are spread from 10 days ago to 30 days ahead, so
nearly every waiting learner has a card due. The database is built with
plain SQL (INSERT ... SELECT over a counter) in the exact formats
SQLAlchemy writes, then opened the way the bot opens it.

Run: .venv/bin/python bench/review_tick_bench.py [--learners N] [--cards N] [--keep PATH]
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import statistics
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

from storage import Reminders, open_database, sqlite_url

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
_BASE = "'2026-03-02 12:00:00'"  # NOW, as SQLite's datetime functions read it


def _stamp(seconds: str) -> str:
    """SQL for NOW + ``seconds`` in SQLAlchemy's SQLite DateTime format."""
    return f"strftime('%Y-%m-%d %H:%M:%S', {_BASE}, ({seconds}) || ' seconds') || '.000000'"


def build(path: Path, learners: int, cards: int) -> float:
    """Migrate a fresh database at ``path`` and fill it; returns the seconds it took."""
    started = time.perf_counter()
    open_database(sqlite_url(path)).close()
    connection = sqlite3.connect(path)
    connection.executescript(
        f"""
        PRAGMA journal_mode=OFF;
        PRAGMA synchronous=OFF;
        BEGIN;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {learners})
        INSERT INTO learners (id, key, display_name, language, created_at, last_seen_at, chat_id)
        SELECT i, 'telegram:' || i, 'learner ' || i, CASE i % 2 WHEN 0 THEN 'ko' ELSE 'en' END,
               {_stamp("-86400")}, {_stamp("-3600")}, i
        FROM n;
        INSERT INTO review_reminders (learner_id, remind_at, quiet_start, quiet_end, daily_cap,
                                      next_prompt_at, session_left)
        SELECT id, '20:00:00.000000', '22:00:00.000000', '08:00:00.000000', 20,
               {_stamp("(id * 7919) % 172800 - 86400")}, 0
        FROM learners;
        WITH RECURSIVE c(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM c WHERE j < {cards})
        INSERT INTO review_cards (learner_id, kind, lesson_id, item_id, state, step, stability,
                                  difficulty, due, last_review)
        SELECT l.id, 'question', 'lesson-' || (c.j / 3), 'q' || c.j, 2, NULL, 12.5, 5.0,
               {_stamp("(l.id * 7919 + c.j * 86413) % 3456000 - 864000")}, {_stamp("-864000")}
        FROM learners AS l, c
        ORDER BY l.id;
        COMMIT;
        """
    )
    connection.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100_000)
    parser.add_argument("--cards", type=int, default=40)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        path = args.keep or Path(scratch) / "reviews.db"
        if not path.exists():
            seconds = build(path, args.learners, args.cards)
            print(f"built {args.learners:,} learners x {args.cards} cards in {seconds:.1f} s")
        database = open_database(sqlite_url(path))
        reminders = Reminders(database)
        try:
            print("query plan:")
            for line in reminders.due_prompts_plan(NOW):
                print(f"  {line}")
            for limit in (1000, args.learners):
                timings = []
                for _ in range(5):
                    started = time.perf_counter()
                    due = reminders.due_prompts(NOW, key_prefix="telegram:", limit=limit)
                    timings.append(time.perf_counter() - started)
                # Memory in a run of its own: tracemalloc slows every allocation down.
                tracemalloc.start()
                reminders.due_prompts(NOW, key_prefix="telegram:", limit=limit)
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                with_card = sum(1 for prompt in due if prompt.card_id is not None)
                print(
                    f"tick, at most {limit:,} learners: {len(due):,} waiting, "
                    f"{with_card:,} with a due card; first run {timings[0] * 1000:.0f} ms, "
                    f"median {statistics.median(timings) * 1000:.0f} ms, "
                    f"peak Python memory {peak / 2**20:.1f} MiB"
                )
        finally:
            database.close()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"database file: {path.stat().st_size / 2**20:.0f} MiB; process peak RSS {rss:.0f} MiB"
        )


if __name__ == "__main__":
    main()
