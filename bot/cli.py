"""The ``kubetutor`` command.

Each subcommand imports what it needs when it runs, so that starting the
terminal chat never pays for the Telegram or Kubernetes libraries.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
from collections.abc import Sequence
from pathlib import Path


def _chat(args: argparse.Namespace) -> int:
    from bot.bootstrap import build, offset_clock
    from bot.messages import Sender
    from bot.settings import Settings
    from bot.terminal import TerminalChat, stdin_reader, wants_colour
    from storage import DatabaseTooNew

    settings = Settings()
    if args.db is not None:
        settings = settings.model_copy(update={"database_url": f"sqlite:///{args.db.resolve()}"})
    try:
        app = build(settings, clock=offset_clock(settings.clock_offset))
    except DatabaseTooNew as error:
        print(f"kubetutor: {error}", file=sys.stderr)
        return 1
    sender = Sender(
        key=f"terminal:{args.learner}", display_name=args.learner, language_code=args.lang
    )
    if args.lang:
        app.conversation.prefer_language(sender, args.lang)
    chat = TerminalChat(
        app.conversation,
        sender,
        read_line=stdin_reader("> "),
        out=sys.stdout,
        colour=wants_colour(sys.stdout),
        echo=not sys.stdin.isatty(),
    )
    from bot.terminal_reviews import reminders_running

    async def converse() -> None:
        chat.greet()
        try:
            async with reminders_running(app, chat, sender.key):
                await chat.run()
        finally:
            await app.aclose()

    try:
        asyncio.run(converse())
    except KeyboardInterrupt:
        print()
    return 0


def _lessons_check(args: argparse.Namespace) -> int:
    from lessons.loader import CONTENT_DIR, ContentError, load_catalog

    directory: Path = args.dir or CONTENT_DIR
    try:
        catalog = load_catalog(directory)
    except ContentError as error:
        print(f"kubetutor: bad course content: {error}", file=sys.stderr)
        return 1
    cards = sum(len(lesson.cards) for lesson in catalog)
    questions = sum(len(lesson.questions) for lesson in catalog)
    practice = sum(len(lesson.practice) for lesson in catalog)
    print(
        f"ok: {len(catalog)} lessons, {cards} cards, {questions} questions, "
        f"{practice} practice steps in {directory}"
    )
    return 0


def _bot(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from storage import DatabaseTooNew

    settings = Settings()
    if settings.telegram_bot_token is None or not settings.telegram_bot_token.get_secret_value():
        print(
            "kubetutor: no Telegram bot token. Set TELEGRAM_BOT_TOKEN in the environment or in "
            '.env (BotFather gives you one with /newbot); see README, "Run it on Telegram".',
            file=sys.stderr,
        )
        return 2
    # Our progress at INFO; httpx logs every request URL, and the URL holds the token.
    logging.getLogger().setLevel(logging.INFO)
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    from bot.telegram.app import run

    try:
        run(settings)
    except DatabaseTooNew as error:
        print(f"kubetutor: {error}", file=sys.stderr)
        return 1
    return 0


def _health(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from storage import open_database

    try:
        open_database(Settings().resolved_database_url()).close()
    except Exception as error:  # any failure means unhealthy; say which
        print(f"kubetutor: unhealthy: {error}", file=sys.stderr)
        return 1
    print("ok")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from sandbox.cluster import ClusterConfigError, resolve_cluster_config
    from sandbox.doctor import diagnose, report

    settings = Settings()
    try:
        config = resolve_cluster_config(
            settings.cluster, settings.kube_context, settings.kubeconfig
        )
    except ClusterConfigError as error:
        print(f"kubetutor: {error}", file=sys.stderr)
        return 1
    print(
        f"Checking the sandbox cluster: {config.mode}"
        + (f", context {config.context}" if config.context else "")
    )
    findings = asyncio.run(diagnose(config))
    print(report(findings), end="")
    return 0 if all(finding.ok for finding in findings) else 1


def _emulator(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from sandbox.emulator.standalone import serve_forever

    data_dir = Settings().data_dir
    kubeconfig: Path = args.kubeconfig or data_dir / "emulator.kubeconfig"
    state: Path | None = None if args.no_state else (args.state or data_dir / "emulator-state.json")
    kubeconfig.parent.mkdir(parents=True, exist_ok=True)
    asyncio.run(serve_forever(args.port, kubeconfig, state))
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="kubetutor", description="Learn a first step into Kubernetes."
    )
    commands = top.add_subparsers(dest="command", required=True)

    chat = commands.add_parser("chat", help="take the course in this terminal")
    chat.add_argument(
        "--learner", default=_default_learner(), help="your name (progress is kept per name)"
    )
    chat.add_argument("--db", type=Path, help="SQLite file to keep progress in")
    chat.add_argument("--lang", choices=("ko", "en"), help="language of the course")
    chat.set_defaults(run=_chat)

    telegram = commands.add_parser(
        "bot", help="run the Telegram bot (TELEGRAM_BOT_TOKEN; a webhook if KUBETUTOR_WEBHOOK_URL)"
    )
    telegram.set_defaults(run=_bot)

    health = commands.add_parser("health", help="check that the database opens (health check)")
    health.set_defaults(run=_health)

    doctor = commands.add_parser(
        "doctor", help="check the sandbox cluster and print how to fix what is missing"
    )
    doctor.set_defaults(run=_doctor)

    emulator = commands.add_parser(
        "emulator", help="run the simulated Kubernetes cluster for your own kubectl"
    )
    emulator.add_argument(
        "--port", type=int, default=0, help="port on 127.0.0.1 (default: any free)"
    )
    emulator.add_argument("--kubeconfig", type=Path, help="where to write the kubeconfig")
    emulator.add_argument("--state", type=Path, help="file that keeps the cluster's objects")
    emulator.add_argument("--no-state", action="store_true", help="forget everything on exit")
    emulator.set_defaults(run=_emulator)

    lessons = commands.add_parser("lessons", help="course content tools")
    lesson_commands = lessons.add_subparsers(dest="lessons_command", required=True)
    check = lesson_commands.add_parser("check", help="validate the course content")
    check.add_argument("--dir", type=Path, help="content folder (default: the shipped course)")
    check.set_defaults(run=_lessons_check)
    return top


def _default_learner() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "learner"


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
