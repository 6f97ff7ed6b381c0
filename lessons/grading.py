"""Grading answers: pure functions of the question and the answer."""

from __future__ import annotations

from dataclasses import dataclass

from lessons.model import ChoiceQuestion, CommandQuestion, Language
from sandbox.commandline import same_meaning


@dataclass(frozen=True)
class Grade:
    correct: bool
    expected: str


def grade_choice(question: ChoiceQuestion, option: int, language: Language) -> Grade:
    """Right when ``option`` is the correct option's index; an out-of-range one is wrong."""
    expected = question.options[question.answer](language)
    return Grade(option == question.answer, expected)


def grade_command(question: CommandQuestion, typed: str) -> Grade:
    """Right when the typed command means what one of the answers means.

    Meaning, not spelling: ``kubectl get po`` and ``k get pods`` are the same
    command, and so are flags given in another order.
    """
    correct = any(same_meaning(typed, answer) for answer in question.answers)
    return Grade(correct, question.answers[0])
