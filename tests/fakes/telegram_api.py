"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests.

The real bot (python-telegram-bot over HTTP) runs against it with a made-up
token; tests act as Telegram clients (`send_text`, `press_button`,
`answer_poll`) and assert on what the server received (`sent`,
`messages_to`, `wait_for`). Failures are injected on demand: 429 with
`retry_after`, 5xx, slow answers, users who blocked the bot.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest
from aiohttp import web
from multidict import MultiMapping

from .telegram_chats import ChatMessage, Chats
from .telegram_client import TelegramClient
from .telegram_commands import scope_key
from .telegram_methods import BotMethods
from .telegram_objects import JSON, ApiError, Upload, bot_user
from .telegram_updates import UpdateQueue

T = TypeVar("T")

# Fields whose values are text even when they look like JSON (a "42" answer stays "42").
_TEXT_FIELDS = {
    "text", "caption", "question", "explanation", "description", "callback_query_id", "url",
    "secret_token", "language_code", "action", "photo", "document", "title", "ip_address",
    "inline_message_id", "business_connection_id", "message_effect_id", "emoji",
}  # fmt: skip


@dataclass(frozen=True)
class Call:
    """One request the bot made, as the server saw it."""

    method: str
    params: JSON
    timestamp: float  # time.monotonic() when the request arrived
    chat_id: int | str | None
    token: str
    status: int
    files: dict[str, Upload]


@dataclass
class _Fault:
    status: int
    description: str
    parameters: JSON | None
    remaining: int


class FakeTelegram(TelegramClient):
    """The Bot API server, the chats behind it, and the controls tests need."""

    def __init__(
        self, bot_username: str = "kubetutor_test_bot", *, check_updates: bool = True
    ) -> None:
        """Build the server; `start` (or `async with`) makes it listen.

        Args:
            bot_username: The bot's @username in getMe and in messages.
            check_updates: Parse every injected update with PTB first (about a
                millisecond each); benchmarks that inject thousands may turn it off.
        """
        chats = Chats()
        bot = bot_user(123, bot_username)
        queue = UpdateQueue(on_change=self._notify, check=check_updates)
        super().__init__(chats, queue, bot)
        self.methods = BotMethods(chats, bot)
        self.calls: list[Call] = []
        self._calls_by_chat: dict[int | str | None, list[Call]] = defaultdict(list)
        self.tokens: set[str] = set()
        self._faults: dict[str, list[_Fault]] = defaultdict(list)
        self._delays: dict[str, list[float]] = defaultdict(list)
        self._activity = asyncio.Event()
        self._stopped = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._port = 0
        handlers = self.methods.handlers | {
            "getUpdates": lambda params, files: queue.get_updates(params),
            "setWebhook": lambda params, files: queue.set_webhook(params),
            "deleteWebhook": lambda params, files: queue.delete_webhook(params),
            "getWebhookInfo": lambda params, files: queue.webhook_info(),
            "close": lambda params, files: True,
            "logOut": lambda params, files: True,
        }
        # Telegram method names are case-insensitive.
        self._handlers = {name.lower(): (name, handler) for name, handler in handlers.items()}

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.base_events.Server)
        self._port = server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Wake parked long polls and pending delays, then close the server."""
        self._stopped.set()
        await self.queue.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """The root PTB appends `<token>/<method>` to."""
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def polling(self) -> bool:
        """Whether a getUpdates request is parked, waiting for an update."""
        return self.queue.parked > 0

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        retry_after: int = 1,
        description: str | None = None,
        count: int = 1,
    ) -> None:
        """Answer the next `count` calls of `method` with an error instead of running it.

        429 carries `parameters.retry_after` as Telegram sends it; any other
        status uses `description` (default: the HTTP reason, as Telegram's
        front end gives for 5xx).
        """
        parameters = None
        if status == 429:
            description = description or f"Too Many Requests: retry after {retry_after}"
            parameters = {"retry_after": retry_after}
        elif description is None:
            description = {500: "Internal Server Error", 502: "Bad Gateway"}.get(
                status, f"Error {status}"
            )
        self._faults[method.lower()].append(_Fault(status, description, parameters, count))

    def delay_next(self, method: str, seconds: float, *, count: int = 1) -> None:
        """Hold the next `count` calls of `method` for `seconds` before answering."""
        self._delays[method.lower()].extend([seconds] * count)

    def sent(self, chat_id: int | None = None, method: str | None = None) -> list[Call]:
        """Requests received, oldest first; getUpdates only when asked for by name."""
        calls = self.calls if chat_id is None else self._calls_by_chat.get(chat_id, [])
        return [
            call
            for call in calls
            if (call.method == method if method else call.method != "getUpdates")
        ]

    def messages_to(self, chat_id: int) -> list[ChatMessage]:
        """The bot's messages in a chat as the user sees them now (edits applied)."""
        return self.chats.view(chat_id)

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """The commands set for exactly this scope and language (default scope if None)."""
        return self.methods.commands.menus.get((scope_key(scope), language_code), [])

    def visible_commands(self, user_id: int, language_code: str) -> list[JSON]:
        """The command menu a user sees in their private chat, after scope fallback."""
        return self.methods.commands.visible_commands(user_id, language_code)

    async def wait_for(
        self,
        predicate: Callable[[], T],
        timeout: float = 10,  # noqa: ASYNC109 - one deadline per awaited condition
    ) -> T:
        """Wait until `predicate()` is truthy (rechecked after every request); return it.

        Raises:
            TimeoutError: With the last requests, to show what the bot did instead.
        """
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                recent = [(c.method, c.chat_id, c.status) for c in self.sent()[-10:]]
                raise TimeoutError(
                    f"not true after {timeout}s; last requests: {recent}; "
                    f"updates: {self.queue.describe()}"
                )
            activity = self._activity
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(activity.wait(), remaining)

    def _notify(self) -> None:
        self._activity.set()
        self._activity = asyncio.Event()

    async def _handle(self, request: web.Request) -> web.Response:
        arrived = time.monotonic()
        token = request.match_info["token"]
        self._learn_token(token)
        params, files = await _read_params(request)
        name, handler = self._handlers.get(request.match_info["method"].lower(), ("", None))
        status, body = 200, {}
        if handler is None:
            name = request.match_info["method"]
            status, body = 404, ApiError(404, "Not Found: method not found").body()
        else:
            await self._apply_delay(name)
            try:
                self._raise_fault(name)
                result = handler(params, files)
                if inspect.isawaitable(result):
                    result = await result
                body = {"ok": True, "result": result}
            except ApiError as error:
                status, body = error.status, error.body()
        call = Call(name, params, arrived, params.get("chat_id"), token, status, files)
        self.calls.append(call)
        self._calls_by_chat[call.chat_id].append(call)
        self._notify()
        return web.json_response(body, status=status)

    def _learn_token(self, token: str) -> None:
        """The bot's user id is the number before the colon, as on Telegram."""
        bot_id = token.split(":", maxsplit=1)[0]
        if not self.tokens and bot_id.isdigit():
            self.bot["id"] = int(bot_id)
        self.tokens.add(token)

    async def _apply_delay(self, method: str) -> None:
        delays = self._delays.get(method.lower())
        if delays:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopped.wait(), delays.pop(0))

    def _raise_fault(self, method: str) -> None:
        faults = self._faults.get(method.lower())
        if not faults:
            return
        fault = faults[0]
        fault.remaining -= 1
        if fault.remaining <= 0:
            faults.pop(0)
        raise ApiError(fault.status, fault.description, fault.parameters)


async def _read_params(request: web.Request) -> tuple[JSON, dict[str, Upload]]:
    """Parameters from a JSON, form-encoded, multipart or query-string request."""
    if request.content_type == "application/json":
        body = await request.json()
        return (body if isinstance(body, dict) else {}), {}
    form: MultiMapping[Any] = request.query if request.method == "GET" else await request.post()
    params: JSON = {}
    files: dict[str, Upload] = {}
    for key, value in form.items():
        if isinstance(value, web.FileField):
            files[key] = Upload(value.filename, value.file.read(), value.content_type)
        elif key in _TEXT_FIELDS or key.endswith("parse_mode"):
            params[key] = value
        else:
            try:
                params[key] = json.loads(value)
            except ValueError:
                params[key] = value
    for key, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            files[key] = files[value.removeprefix("attach://")]
    return params, files


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A running fake Bot API server, stopped (and its long polls woken) after the test."""
    async with FakeTelegram() as fake:
        yield fake
