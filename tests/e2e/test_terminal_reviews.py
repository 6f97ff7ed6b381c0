"""The terminal chat with the clock moved forward: due reviews come back in FSRS order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from lessons.loader import load_catalog
from lessons.model import ChoiceQuestion

LESSON = load_catalog().by_number(1)


def chat(db: Path, lines: list[str], offset: str = "P0D") -> str:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "KUBETUTOR_DATA_DIR": str(db.parent),
        "KUBETUTOR_CLOCK_OFFSET": offset,
    }
    env.pop("KUBETUTOR_DATABASE_URL", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "chat",
            "--db",
            str(db),
            "--learner",
            "ada",
            "--lang",
            "en",
        ],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_with_the_clock_moved_forward_due_reviews_come_back_in_fsrs_order(
    tmp_path: Path,
) -> None:
    db = tmp_path / "progress.db"
    questions = [q for q in LESSON.questions if isinstance(q, ChoiceQuestion)]
    # Piped answers are instant: right ones are Easy (8 days), the wrong one Again (1 day).
    wrong = 1
    answers = [
        str((q.answer + 1) % len(q.options) + 1 if i == wrong else q.answer + 1)
        for i, q in enumerate(questions)
    ]
    chat(db, ["/start lesson-1", *["1"] * len(LESSON.cards), *answers])

    answers_again = [
        str(q.answer + 1) for q in (questions[wrong], *questions[:wrong], *questions[wrong + 1 :])
    ]
    transcript = chat(db, ["/review", *answers_again], offset="P30D")
    review = transcript[transcript.index("> /review") :]
    asked = [line for line in review.splitlines() if line.startswith("🔁 Review.")]
    expected = [questions[wrong], *questions[:wrong], *questions[wrong + 1 :]]
    assert asked == [f"🔁 Review. {q.prompt('en')}" for q in expected]
    assert review.count("Correct! ✅") == len(questions)
    assert "Next reviews due:" in review
