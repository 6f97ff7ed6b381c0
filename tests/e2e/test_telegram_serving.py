"""Serving modes: the webhook with its secret token, and `kubetutor bot` as a process."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp

from bot.bootstrap import build
from bot.settings import Settings
from bot.telegram.app import ALLOWED_UPDATES, build_application
from bot.telegram.pacing import Pacing
from tests.conftest import FixedClock
from tests.fakes import FakeTelegram, fake_telegram
from tests.fakes.telegram_extra import TOKEN, bot_settings

__all__ = ["fake_telegram"]

SECRET = "a-secret-only-telegram-knows"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def test_the_webhook_serves_learners_and_refuses_requests_without_the_secret(
    fake_telegram: FakeTelegram, settings: Settings, clock: FixedClock
) -> None:
    core = build(bot_settings(settings, fake_telegram), clock=clock)
    application = build_application(core, pacing=Pacing.unlimited())
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    try:
        async with application:
            await application.start()
            await application.updater.start_webhook(
                listen="127.0.0.1",
                port=port,
                url_path="telegram",
                webhook_url=url,
                secret_token=SECRET,
                allowed_updates=ALLOWED_UPDATES,
            )
            fake_telegram.send_text(fake_telegram.user(901, "Ada", "en"), "/start")
            [welcome] = await fake_telegram.wait_for(lambda: fake_telegram.messages_to(901))

            forged = fake_telegram.send_text(fake_telegram.user(902, "Eve", "en"), "/start")
            fake_telegram.queue.pending.remove(forged)  # only the forger sends this one
            async with aiohttp.ClientSession() as session:
                for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "guessed"}):
                    async with session.post(url, json=forged, headers=headers) as response:
                        assert response.status == 403
            await application.updater.stop()
            await application.stop()
    finally:
        core.close()
    assert welcome.text.startswith("Hi Ada")
    assert fake_telegram.queue.webhook["secret_token"] == SECRET
    assert fake_telegram.messages_to(902) == []


def bot_environment(tmp_path: Path, fake: FakeTelegram | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("KUBETUTOR_", "TELEGRAM_"))
    }
    env["KUBETUTOR_DATA_DIR"] = str(tmp_path)
    if fake is not None:
        env |= {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": fake.base_url}
    return env


async def test_kubetutor_bot_finishes_in_flight_updates_on_sigterm_and_never_logs_the_token(
    fake_telegram: FakeTelegram, tmp_path: Path
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "bot",
        cwd=tmp_path,
        env=bot_environment(tmp_path, fake_telegram),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    learner = fake_telegram.user(903, "Ada", "en")
    fake_telegram.send_text(learner, "/start")
    await fake_telegram.wait_for(lambda: fake_telegram.messages_to(903), timeout=60)

    fake_telegram.delay_next("sendMessage", 1.0)
    fake_telegram.send_text(learner, "/help")
    # Fetched and confirmed to Telegram, the reply still on its way: stop now.
    await fake_telegram.wait_for(lambda: not fake_telegram.queue.pending)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = await process.communicate()

    log = (stdout + stderr).decode()
    assert process.returncode == 0, log
    assert fake_telegram.messages_to(903)[-1].text.startswith("What you can do")
    assert "kubetutor is on Telegram as @kubetutor_test_bot" in log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log


async def test_kubetutor_bot_without_a_token_says_how_to_get_one(tmp_path: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "bot",
        cwd=tmp_path,
        env=bot_environment(tmp_path, None),
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await process.communicate()
    assert process.returncode == 2
    assert "no Telegram bot token" in stderr.decode()
    assert "TELEGRAM_BOT_TOKEN" in stderr.decode()
