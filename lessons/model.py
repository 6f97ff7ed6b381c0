"""The course as typed data.

Content lives in YAML files under ``lessons/content``; these models are the
contract those files must meet. Every lesson, card, question and practice step
carries a stable ``id`` so that learner progress, stored by id, survives edits
to the text and reordering of the files.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

Language = Literal["ko", "en"]
LANGUAGES: tuple[Language, ...] = ("ko", "en")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Telegram's own limits for quiz polls, so that every question can be sent
# as a native poll without being cut.
POLL_QUESTION_MAX = 300
POLL_OPTION_MAX = 100
POLL_EXPLANATION_MAX = 200
CARD_TEXT_MAX = 700


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A piece of learner-facing text in every language the course speaks."""

    ko: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, language: Language) -> str:
        return self.ko if language == "ko" else self.en


def _at_most(limit: int) -> AfterValidator:
    def fits(text: Text) -> Text:
        for language in LANGUAGES:
            length = len(text(language))
            if length > limit:
                raise ValueError(
                    f"the {language} text is {length} characters long; at most {limit} fit"
                )
        return text

    return AfterValidator(fits)


PollQuestionText = Annotated[Text, _at_most(POLL_QUESTION_MAX)]
PollOptionText = Annotated[Text, _at_most(POLL_OPTION_MAX)]
ExplanationText = Annotated[Text, _at_most(POLL_EXPLANATION_MAX)]
CardText = Annotated[Text, _at_most(CARD_TEXT_MAX)]


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"{value!r} is not a lowercase-hyphenated id")
    return value


class _Identified(_Strict):
    id: str

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        return _check_id(value)


class CodeBlock(_Strict):
    """Code shown verbatim under a card; never translated."""

    language: str = "bash"
    text: str = Field(min_length=1)


class Card(_Identified):
    """One screenful of a lesson."""

    text: CardText
    code: CodeBlock | None = None


class ChoiceQuestion(_Identified):
    """A multiple-choice question, sent in Telegram as a native quiz poll."""

    kind: Literal["choice"] = "choice"
    prompt: PollQuestionText
    options: list[PollOptionText] = Field(min_length=2, max_length=10)
    answer: int = Field(ge=0, description="index of the correct option, counting from 0")
    explanation: ExplanationText

    @model_validator(mode="after")
    def _answer_in_range(self) -> ChoiceQuestion:
        if self.answer >= len(self.options):
            raise ValueError(
                f"answer {self.answer} points past the last of {len(self.options)} options"
            )
        return self


class CommandQuestion(_Identified):
    """A question answered by typing a command, graded by what it means."""

    kind: Literal["command"] = "command"
    prompt: PollQuestionText
    answers: list[str] = Field(min_length=1)
    explanation: ExplanationText


Question = Annotated[ChoiceQuestion | CommandQuestion, Field(discriminator="kind")]


class ObjectCheck(_Strict):
    """A declarative condition on the learner's namespace.

    ``object`` is written the way kubectl names things: ``deployment/example-app``.
    """

    kind: Literal["exists", "absent", "field_equals", "ready_at_least"]
    object: str = Field(pattern=r"^[a-z]+(\.[a-z]+)*/[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    path: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]+(\[\d+\])?(\.[A-Za-z0-9_-]+(\[\d+\])?)*$",
        description="a field such as spec.template.spec.containers[0].image",
    )
    value: str | int | None = None
    count: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _fields_for_kind(self) -> ObjectCheck:
        if self.kind == "field_equals" and (self.path is None or self.value is None):
            raise ValueError("a field_equals check needs both 'path' and 'value'")
        if self.kind == "ready_at_least" and self.count is None:
            raise ValueError("a ready_at_least check needs 'count'")
        return self


class PracticeStep(_Identified):
    """A hands-on task in the learner's sandbox, verified by checks."""

    goal: Text
    command: str = Field(min_length=1, description="a command that achieves the goal")
    hint: Text
    checks: list[ObjectCheck] = Field(default_factory=list)


class Lesson(_Identified):
    """A bite-sized lesson: cards to read, questions to answer, tasks to try."""

    order: int = Field(ge=1)
    title: Text
    summary: Text
    cards: list[Card] = Field(min_length=2, max_length=6)
    questions: list[Question] = Field(min_length=2)
    practice: list[PracticeStep] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ids_unique(self) -> Lesson:
        for label, ids in (
            ("cards", [c.id for c in self.cards]),
            ("questions", [q.id for q in self.questions]),
            ("practice", [p.id for p in self.practice]),
        ):
            seen: set[str] = set()
            for item_id in ids:
                if item_id in seen:
                    raise ValueError(f"{label} id {item_id!r} appears twice")
                seen.add(item_id)
        return self
