"""Telegram bot throughput: 1,000 learners through the real application at once.

Run: .venv/bin/python bench/telegram_bench.py [--learners N] [--concurrency N] [--bare]
     [--returning]

Three processes, as in production: this one plays Telegram (the fake Bot API
server from tests/fakes) and the learners; a child process runs the real
application built by ``bot.telegram.app.build_application`` on a fresh
SQLite file, long polling the fake server; and the cluster the sandbox
commands run on is a third process (``kubetutor emulator``, the simulated
cluster, reached through its kubeconfig as a real minikube would be), so the
cluster's own work is not counted as the bot's. Pacing is switched off in the
child: the figure is how fast the bot handles updates, not Telegram's limits.

Each learner: /start, opens lesson 1, pages through its cards (edits in
place), opens the quiz and answers two quiz polls, types ``kubectl get
pods``: 9 updates. (/progress is left out: it draws a chart, a cost of its
own, not of the Telegram transport.) Latency is from an update entering
the server's queue to the bot's last request it causes; it includes getUpdates
batching and queueing behind other learners. Peak memory is the bot
process's maximum resident set size; CPU seconds are given per process, so a
figure limited by the fake server or the cluster rather than the bot shows,
and the bot's CPU per update says how many updates one core of it handles.

``--bare`` puts a bare python-telegram-bot application in the bot's place:
the same learners get the same kinds of requests (lesson 1's cards as HTML
with the same buttons, its quiz polls, a command's output), with no storage,
cluster or course logic behind them. Its CPU per update is what PTB and the
transport cost on this machine, the floor under the real bot's figure.

``--returning`` measures the learners' second session: a first, unmeasured
one has created their rows and sandbox namespaces, as for learners who come
back day after day, so the figure leaves out what only a first visit costs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import signal
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiohttp import web  # noqa: E402

from tests.fakes import FakeTelegram, FakeUser  # noqa: E402

TOKEN = "424242:BENCH"
_ANSWERS = {"sendMessage", "editMessageText", "sendPoll"}


class CountingTelegram(FakeTelegram):
    """The fake server, waking one learner's waiter when the bot answers in their chat."""

    def __init__(self) -> None:
        super().__init__(check_updates=False)
        self.answers: dict[int, int] = defaultdict(int)
        self.changed: dict[int, asyncio.Event] = defaultdict(asyncio.Event)

    async def _handle(self, request: web.Request) -> web.Response:
        response = await super()._handle(request)
        call = self.calls[-1]
        if call.method in _ANSWERS and isinstance(call.chat_id, int):
            self.answers[call.chat_id] += 1
            self.changed[call.chat_id].set()
        return response

    async def until(self, chat_id: int, count: int) -> None:
        while self.answers[chat_id] < count:
            event = self.changed[chat_id]
            event.clear()
            await event.wait()


async def learner_script(
    fake: CountingTelegram, user: FakeUser, latencies: list[float], *, returning: bool = False
) -> int:
    """One learner's session; returns how many updates it sent.

    A returning learner is welcomed back and opens lesson 1 by its deep link.
    """
    expected = fake.answers[user.id]
    updates = 0

    async def exchange(act: Any, replies: int = 1) -> None:
        nonlocal expected, updates
        started = time.perf_counter()
        act()
        updates += 1
        expected += replies
        await fake.until(user.id, expected)
        latencies.append(time.perf_counter() - started)

    def last() -> Any:
        return fake.messages_to(user.id)[-1]

    def press(label: str) -> Any:
        message = last()
        data = next(b.callback_data for row in message.buttons for b in row if label in b.text)
        return lambda: fake.press_button(user, message, data)

    def answer(correct: bool) -> Any:
        poll = last()
        right = poll.raw["poll"]["correct_option_ids"][0]
        option = right if correct else (right + 1) % len(poll.raw["poll"]["options"])
        return lambda: fake.answer_poll(user, poll.poll_id, [option])

    await exchange(lambda: fake.send_text(user, "/start"))
    if returning:
        await exchange(lambda: fake.send_text(user, "/start lesson-1"))
    else:
        await exchange(press("Start lesson 1"))
    for _ in range(3):
        await exchange(press("Next"))
    await exchange(press("Take the quiz"))
    await exchange(answer(correct=True), replies=2)
    await exchange(answer(correct=False), replies=2)
    await exchange(lambda: fake.send_text(user, "kubectl get pods"))
    return updates


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_seconds(pid: int) -> float | None:
    """User and system CPU seconds of a running process, from /proc (Linux only)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def start_cluster(folder: Path) -> tuple[asyncio.subprocess.Process, Path]:
    """``kubetutor emulator`` in its own process; returns it and its kubeconfig."""
    kubeconfig = folder / "cluster.kubeconfig"
    cluster = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "emulator", "--port", "0",
        "--kubeconfig", str(kubeconfig), "--no-state",
        cwd=ROOT, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert cluster.stdout is not None
    while b"Kubeconfig written" not in await cluster.stdout.readline():
        if cluster.returncode is not None:
            raise RuntimeError("the simulated cluster did not start")
    return cluster, kubeconfig


async def drive(
    learners: int, concurrency: int, folder: Path, *, bare: bool, returning: bool
) -> None:
    cluster, kubeconfig = await start_cluster(folder)
    async with CountingTelegram() as fake:
        bot = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--serve", fake.base_url, str(folder / "bench.db"),
            str(kubeconfig), str(concurrency), *(["--bare"] if bare else []),
            stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        await fake.wait_for(lambda: fake.polling, timeout=60)
        users = [fake.user(10_000 + n, f"L{n}", "en") for n in range(learners)]
        if returning:  # a first session, not measured
            await asyncio.gather(*(learner_script(fake, u, []) for u in users))
            bot.send_signal(signal.SIGUSR1)
        sent_before = sum(fake.answers.values())
        latencies: list[float] = []
        started = time.perf_counter()
        counts = await asyncio.gather(
            *(learner_script(fake, u, latencies, returning=returning) for u in users)
        )
        elapsed = time.perf_counter() - started
        messages = sum(fake.answers.values()) - sent_before
        bot.send_signal(signal.SIGTERM)
        stdout, _ = await bot.communicate()
    cluster_cpu = cpu_seconds(cluster.pid)
    cluster.send_signal(signal.SIGTERM)
    await cluster.communicate()
    figures = json.loads(stdout.decode().strip().splitlines()[-1])
    updates = sum(counts)
    ordered = sorted(latencies)
    served_by = "a bare PTB application" if bare else "kubetutor"
    session = "second session" if returning else "first session"
    print(f"learners            {learners}, {session} (concurrent_updates={concurrency}; "
          f"{served_by})")
    print(f"updates handled     {updates} in {elapsed:.2f} s")
    print(f"throughput          {updates / elapsed:.0f} updates/s, "
          f"{messages / elapsed:.0f} messages sent or edited/s")
    print(f"latency p50         {statistics.median(ordered) * 1000:.1f} ms")
    print(f"latency p99         {ordered[int(len(ordered) * 0.99) - 1] * 1000:.1f} ms")
    print(f"bot peak RSS        {figures['peak_rss_mb']:.0f} MB")
    per_update = figures["serving_cpu_s"] / updates
    print(f"bot CPU per update  {per_update * 1000:.1f} ms (one core's worth: "
          f"{1 / per_update:.0f} updates/s; this machine has {os.cpu_count()} cores)")
    print(f"CPU seconds         bot {figures['cpu_s']:.1f}, fake Telegram and learners "
          f"{_own_cpu():.1f}, simulated cluster "
          + ("?" if cluster_cpu is None else f"{cluster_cpu:.1f}"))


async def serve(base_url: str, database: Path, kubeconfig: Path, concurrency: int) -> None:
    """The child process: the real application, unpaced, until SIGTERM."""
    from pydantic import SecretStr

    from bot.bootstrap import build
    from bot.settings import Settings
    from bot.telegram.app import build_application
    from bot.telegram.pacing import Pacing

    settings = Settings(
        data_dir=database.parent,
        database_url=f"sqlite:///{database}",
        telegram_bot_token=SecretStr(TOKEN),
        telegram_api_base_url=base_url,
        cluster="kubeconfig",
        kubeconfig=kubeconfig,
        kube_context="kubetutor",
    )
    core = build(settings)
    application = build_application(core, pacing=Pacing.unlimited(), concurrent_updates=concurrency)
    serving = await serve_until_stopped(application)
    core.close()
    report(serving)


async def serve_bare(base_url: str, concurrency: int) -> None:
    """The child process with ``--bare``: the same requests from a bare PTB application."""
    from bench.bare_telegram import build_bare_application

    report(await serve_until_stopped(build_bare_application(base_url, TOKEN, concurrency)))


async def serve_until_stopped(application: Any) -> float:
    """Poll the fake server until SIGTERM; returns the CPU seconds spent serving."""
    from bot.telegram.app import ALLOWED_UPDATES

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    async with application:
        await application.start()
        await application.updater.start_polling(
            poll_interval=0, timeout=10, allowed_updates=ALLOWED_UPDATES
        )
        serving_from = [_own_cpu()]
        # The driver signals when the measured part begins (after a first session).
        loop.add_signal_handler(signal.SIGUSR1, lambda: serving_from.append(_own_cpu()))
        await stop.wait()
        serving = _own_cpu() - serving_from[-1]
        await application.updater.stop()
        await application.stop()
    return serving


def report(serving: float) -> None:
    """The child's figures, as the last line of its output."""
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"peak_rss_mb": peak_rss_mb, "cpu_s": _own_cpu(), "serving_cpu_s": serving}
    print(json.dumps(figures), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--bare", action="store_true",
                        help="serve with a bare PTB application: the Telegram stack's floor")
    parser.add_argument("--returning", action="store_true",
                        help="measure the learners' second session (rows and namespaces exist)")
    parser.add_argument(
        "--serve",
        nargs=4,
        metavar=("BASE_URL", "DB", "KUBECONFIG", "CONCURRENCY"),
        help=argparse.SUPPRESS,
    )
    args = parser.parse_args()
    if args.serve:
        base_url, database, kubeconfig, concurrency = args.serve
        if args.bare:
            asyncio.run(serve_bare(base_url, int(concurrency)))
        else:
            asyncio.run(serve(base_url, Path(database), Path(kubeconfig), int(concurrency)))
        return
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(drive(args.learners, args.concurrency, Path(folder),
                          bare=args.bare, returning=args.returning))


if __name__ == "__main__":
    main()
