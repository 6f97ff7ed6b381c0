"""The terminal chat as a script drives it: piped input, a transcript out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.loader import load_catalog
from lessons.model import ChoiceQuestion, Language


def chat(db: Path, lines: list[str], *extra: str) -> str:
    env = {**os.environ, "NO_COLOR": "1", "KUBETUTOR_DATA_DIR": str(db.parent)}
    env.pop("KUBETUTOR_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "chat", "--db", str(db), "--learner", "ada", *extra],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def lesson_script(number: int) -> list[str]:
    """Keystrokes that read every card of lesson ``number`` and answer its quiz right."""
    lesson = load_catalog().by_number(number)
    keys = ["1"] * len(lesson.cards)  # "Next" on every card, then "Take the quiz"
    for question in lesson.questions:
        if isinstance(question, ChoiceQuestion):
            keys.append(str(question.answer + 1))
        else:
            keys.append(question.answers[0])
    return keys


@pytest.mark.parametrize(
    ("language", "done"), [("en", "Lesson {n} done!"), ("ko", "{n}강을 마쳤어요")]
)
def test_a_piped_session_takes_a_learner_through_two_lessons(
    tmp_path: Path, language: Language, done: str
) -> None:
    db = tmp_path / "progress.db"
    # "1" starts lesson 1; after it ends, "1" presses "Next lesson".
    keys = ["/start", "1", *lesson_script(1), "1", *lesson_script(2), "/progress"]
    transcript = chat(db, keys, "--lang", language)
    catalog = load_catalog()
    for number in (1, 2):
        assert done.format(n=number) in transcript
        lesson = catalog.by_number(number)
        assert lesson.cards[-1].text(language).strip().splitlines()[0] in transcript
        total = len(lesson.questions)
        assert f"{total}/{total}" in transcript
    assert f"2/{len(catalog)}" in transcript
    assert "Traceback" not in transcript


def test_quitting_mid_lesson_and_restarting_continues_where_the_learner_was(
    tmp_path: Path,
) -> None:
    db = tmp_path / "progress.db"
    lesson = load_catalog().by_number(1)
    chat(db, ["/start", "1", "1"], "--lang", "en")  # first card, then the second
    transcript = chat(db, ["/next"], "--lang", "en")
    assert lesson.cards[2].text.en.strip().splitlines()[0] in transcript
    assert "(3/" in transcript


def test_end_of_input_mid_question_loses_nothing_already_answered(tmp_path: Path) -> None:
    db = tmp_path / "progress.db"
    lesson = load_catalog().by_number(1)
    keys = ["/start", "1", *["1"] * len(lesson.cards)]
    first = lesson.questions[0]
    assert isinstance(first, ChoiceQuestion)
    chat(db, [*keys, str(first.answer + 1)], "--lang", "en")
    transcript = chat(db, ["/progress"], "--lang", "en")
    assert "100% (1/1)" in transcript
