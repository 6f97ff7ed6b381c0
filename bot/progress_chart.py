"""The ``/progress`` picture: lessons done, quiz accuracy, reviews due ahead.

matplotlib is imported only when a picture is drawn (with the Agg backend,
no display needed), so starting the bot or the terminal chat never pays for
it. Drawing takes a moment: callers run it in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

DAYS_AHEAD = 14


@dataclass(frozen=True)
class ProgressData:
    lessons_done: int
    lessons_total: int
    correct: int
    answered: int
    due_per_day: tuple[int, ...]  # today first; overdue cards count as due today
    first_day: date


def due_per_day(dues: list[datetime], now: datetime, timezone: str) -> tuple[int, ...]:
    """How many cards fall due on each of the next ``DAYS_AHEAD`` local days."""
    zone = ZoneInfo(timezone)
    today = now.astimezone(zone).date()
    counts = [0] * DAYS_AHEAD
    for due in dues:
        offset = max(0, (due.astimezone(zone).date() - today).days)
        if offset < DAYS_AHEAD:
            counts[offset] += 1
    return tuple(counts)


def draw(data: ProgressData, path: Path) -> Path:
    """Draw ``data`` as a PNG at ``path``; returns the path.

    The labels are in English for every learner: the fonts matplotlib ships
    lack Hangul, and boxes instead of letters would read worse. The caption
    sent with the picture is in the learner's language.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, (lessons, accuracy, ahead) = pyplot.subplots(
        1, 3, figsize=(11, 3.4), gridspec_kw={"width_ratios": [1, 1, 2.4]}
    )
    try:
        lessons.bar([0], [data.lessons_total], color="#e5e7eb", width=0.6)
        lessons.bar([0], [data.lessons_done], color="#326ce5", width=0.6)
        lessons.set_title(f"Lessons done: {data.lessons_done}/{data.lessons_total}")
        lessons.set_xticks([])
        lessons.set_ylim(0, max(1, data.lessons_total))

        wrong_count = data.answered - data.correct
        if data.answered:
            accuracy.pie(
                [data.correct, wrong_count],
                labels=[f"right {data.correct}", f"wrong {wrong_count}"],
                colors=["#16a34a", "#dc2626"],
                startangle=90,
                wedgeprops={"width": 0.45},
            )
            accuracy.set_title(f"Quiz accuracy: {100 * data.correct // data.answered}%")
        else:
            accuracy.set_title("Quiz accuracy: -")
            accuracy.axis("off")

        days = [data.first_day + timedelta(days=offset) for offset in range(DAYS_AHEAD)]
        ahead.bar(range(DAYS_AHEAD), data.due_per_day, color="#f59e0b")
        ahead.set_xticks(range(DAYS_AHEAD), [f"{day:%m-%d}" for day in days], rotation=60)
        ahead.set_title(f"Reviews due, next {DAYS_AHEAD} days")
        ahead.yaxis.get_major_locator().set_params(integer=True)
        figure.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, dpi=100)
    finally:
        pyplot.close(figure)
    return path
