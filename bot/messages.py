"""What flows in and out of the conversation core, free of any transport.

The Telegram adapter and the terminal chat translate to and from these; the
core never learns which one it is talking to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Sender:
    """Who sent an event. ``key`` is stable per transport and user, e.g. ``telegram:42``."""

    key: str
    display_name: str
    language_code: str | None = None
    chat_id: int | None = None  # where the transport reaches them unprompted (Telegram's chat)


@dataclass(frozen=True)
class ChoiceAnswer:
    """An answer to a multiple-choice question, e.g. a vote in a Telegram quiz poll."""

    question_ref: str
    option: int


@dataclass(frozen=True)
class Incoming:
    """One event from a learner: a typed text, a pressed button, or a quiz answer."""

    sender: Sender
    text: str | None = None
    button: str | None = None
    choice: ChoiceAnswer | None = None


@dataclass(frozen=True)
class Button:
    label: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """A message. ``replaces`` asks the transport to edit the message whose button was pressed."""

    text: str
    title: str | None = None
    code: str | None = None
    buttons: tuple[tuple[Button, ...], ...] = ()
    replaces: bool = False
    simulated: bool = False


@dataclass(frozen=True)
class Quiz:
    """A multiple-choice question; Telegram shows it as a native quiz poll."""

    question_ref: str
    question: str
    options: tuple[str, ...]
    correct: int
    explanation: str


@dataclass(frozen=True)
class Photo:
    path: Path
    caption: str = ""


Outgoing = Reply | Quiz | Photo


@dataclass(frozen=True)
class CommandRun:
    """What a sandbox command produced; ``refused`` when nothing ran (policy, cluster down)."""

    replies: list[Outgoing]
    refused: bool = False


@dataclass
class Outbox:
    """Replies gathered while one event is handled."""

    items: list[Outgoing] = field(default_factory=list)

    def add(self, item: Outgoing) -> None:
        self.items.append(item)
