"""Driving the conversation core the way a transport does."""

from __future__ import annotations

from bot.bootstrap import App
from bot.messages import Button, ChoiceAnswer, Incoming, Outgoing, Quiz, Reply, Sender


class Learner:
    """One learner talking to the core; remembers the last buttons and quiz."""

    def __init__(
        self, app: App, key: str = "test:ada", name: str = "Ada", lang: str = "en"
    ) -> None:
        self.app = app
        self.sender = Sender(key=key, display_name=name, language_code=lang)
        self.last: list[Outgoing] = []

    async def say(self, text: str) -> list[Outgoing]:
        return await self._send(Incoming(self.sender, text=text))

    async def press(self, label: str) -> list[Outgoing]:
        return await self._send(Incoming(self.sender, button=self.button(label).payload))

    async def choose(self, option: int) -> list[Outgoing]:
        return await self._send(
            Incoming(self.sender, choice=ChoiceAnswer(self.quiz().question_ref, option))
        )

    async def _send(self, event: Incoming) -> list[Outgoing]:
        self.last = await self.app.conversation.handle(event)
        return self.last

    def button(self, label: str) -> Button:
        for item in reversed(self.last):
            if isinstance(item, Reply):
                for row in item.buttons:
                    for button in row:
                        if label in button.label:
                            return button
        raise AssertionError(f"no button {label!r} in {self.texts()}")

    def quiz(self) -> Quiz:
        for item in reversed(self.last):
            if isinstance(item, Quiz):
                return item
        raise AssertionError(f"no quiz in {self.texts()}")

    def texts(self) -> str:
        parts = []
        for item in self.last:
            if isinstance(item, Reply):
                parts.append("\n".join(filter(None, (item.title, item.text, item.code))))
            elif isinstance(item, Quiz):
                parts.append(item.question)
        return "\n---\n".join(parts)
