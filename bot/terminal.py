"""The terminal chat: the same conversation core, typed at a prompt.

Buttons and quiz options become numbered choices. On a terminal it uses
colours; piped, it prints plain text and echoes each input line, so a script
such as ``printf '/start\\n1\\n' | kubetutor chat`` reads as a transcript.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from bot.core import Conversation
from bot.messages import Button, ChoiceAnswer, Incoming, Outgoing, Photo, Quiz, Reply, Sender
from bot.texts import say

_BOLD, _DIM, _CYAN, _GREEN, _RESET = "\033[1m", "\033[2m", "\033[36m", "\033[32m", "\033[0m"


@dataclass(frozen=True)
class _Choices:
    """What a typed number means right now: a button, or a quiz option."""

    buttons: tuple[Button, ...] = ()
    quiz: Quiz | None = None


def wants_colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


class TerminalChat:
    def __init__(
        self,
        conversation: Conversation,
        sender: Sender,
        *,
        read_line: Callable[[], str],
        out: TextIO,
        colour: bool,
        echo: bool,
    ) -> None:
        self._conversation = conversation
        self._sender = sender
        self._read_line = read_line
        self._out = out
        self._colour = colour
        self._echo = echo
        self._choices = _Choices()

    def greet(self) -> None:
        """The first line, before anything else the chat shows (a due reminder, say)."""
        self._print(self._style("kubetutor · /start · /help · Ctrl-D", _DIM))

    async def run(self) -> None:
        """Read lines until end of input or Ctrl-C; every answer is saved as it is handled."""
        while True:
            try:
                line = await asyncio.to_thread(self._read_line)
            except (EOFError, KeyboardInterrupt):
                break
            line = line.strip()
            if self._echo:
                self._print(self._style(f"> {line}", _GREEN))
            if not line:
                continue
            for item in await self._conversation.handle(self._event(line)):
                self._render(item)
        self._print("")

    def show(self, items: Sequence[Outgoing]) -> None:
        """Print messages nobody typed for, such as a review reminder."""
        for item in items:
            self._render(item)

    def _event(self, line: str) -> Incoming:
        if line.isdigit():
            number = int(line)
            if self._choices.quiz is not None and 1 <= number <= len(self._choices.quiz.options):
                return Incoming(
                    self._sender, choice=ChoiceAnswer(self._choices.quiz.question_ref, number - 1)
                )
            if 1 <= number <= len(self._choices.buttons):
                return Incoming(self._sender, button=self._choices.buttons[number - 1].payload)
        return Incoming(self._sender, text=line)

    def _render(self, item: Outgoing) -> None:
        if isinstance(item, Reply):
            self._render_reply(item)
        elif isinstance(item, Quiz):
            self._print("")
            self._print(self._style(item.question, _BOLD))
            for number, option in enumerate(item.options, start=1):
                self._print(f"  {self._style(f'{number})', _CYAN)} {option}")
            self._choices = _Choices(quiz=item)
        elif isinstance(item, Photo):
            self._print(f"🖼  {item.caption} {item.path}".strip())

    def _render_reply(self, reply: Reply) -> None:
        self._print("")
        if reply.title:
            self._print(self._style(reply.title, _BOLD))
        if reply.text:
            self._print(reply.text)
        if reply.code and not reply.text and not reply.title:
            # A command's output stands as kubectl prints it, unindented.
            self._print(reply.code)
        elif reply.code:
            self._print("")
            for code_line in reply.code.splitlines():
                self._print(
                    self._style(f"  {code_line}", _CYAN) if self._colour else f"    {code_line}"
                )
        if reply.simulated:
            self._print(
                self._style(
                    say("simulated_cluster", self._conversation.language_of(self._sender)), _DIM
                )
            )
        buttons = tuple(button for row in reply.buttons for button in row)
        if buttons:
            labels = "  ".join(
                f"{self._style(f'[{n}]', _CYAN)} {button.label}"
                for n, button in enumerate(buttons, start=1)
            )
            self._print(labels)
            self._choices = _Choices(buttons=buttons)

    def _style(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self._colour else text

    def _print(self, text: str) -> None:
        print(text, file=self._out, flush=True)


def stdin_reader(prompt: str) -> Callable[[], str]:
    """A line reader: ``input`` with a prompt on a terminal, plain lines when piped."""
    if sys.stdin.isatty():
        return lambda: input(prompt)

    def read() -> str:
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line

    return read
