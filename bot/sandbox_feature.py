"""The sandbox as the conversation uses it: commands, /sandbox, practice checks.

The cluster connection (and, offline, the embedded simulated cluster) starts
on the first command a learner sends, not at start-up, so the chat opens
without loading the Kubernetes client. Every command is written to the command
log with its outcome, and the learner's namespace is marked as used, which is
what the idle clean-up reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot.messages import CommandRun, Outgoing, Reply
from bot.practice import CheckOutcome
from bot.texts import say
from lessons.model import Language, ObjectCheck
from sandbox.commandline import extract_command
from storage import LearnerRecord, SandboxRecords

if TYPE_CHECKING:
    from sandbox.limits import Limits
    from sandbox.service import Sandbox, SandboxResult

logger = logging.getLogger(__name__)

UNAVAILABLE = "cluster_unavailable"


class SandboxUnavailable(Exception):
    """The configured cluster cannot be used at all (bad kubeconfig, missing context)."""


@dataclass(frozen=True)
class ClusterChoice:
    """The cluster settings as given; resolved only when the first command arrives."""

    mode: str | None
    context: str | None
    kubeconfig: Path | None
    state_file: Path | None


class SandboxFeature:
    """Implements the core's ``SandboxPort`` and the practice ``PracticeChecker``."""

    def __init__(
        self,
        choice: ClusterChoice,
        records: SandboxRecords,
        clock: Callable[[], datetime],
        *,
        limits: Limits | None = None,
    ) -> None:
        self._choice = choice
        self.records = records
        self._clock = clock
        self._limits = limits
        self._stack = contextlib.AsyncExitStack()
        self._sandbox: Sandbox | None = None
        self._starting = asyncio.Lock()

    async def sandbox(self) -> Sandbox:
        """The connected sandbox, connecting (or starting the simulated cluster) once."""
        async with self._starting:
            if self._sandbox is None:
                from sandbox.cluster import ClusterConfigError, connect, resolve_cluster_config
                from sandbox.limits import DEFAULT_LIMITS
                from sandbox.service import Sandbox

                choice = self._choice
                try:
                    config = resolve_cluster_config(choice.mode, choice.context, choice.kubeconfig)
                    cluster = await self._stack.enter_async_context(
                        connect(config, state_file=choice.state_file)
                    )
                except (ClusterConfigError, OSError) as error:
                    logger.error("sandbox cluster cannot be used: %s", error)
                    raise SandboxUnavailable(str(error)) from error
                self._sandbox = Sandbox(cluster, limits=self._limits or DEFAULT_LIMITS)
            return self._sandbox

    async def aclose(self) -> None:
        """Disconnect; the simulated cluster saves its objects for next time."""
        await self._stack.aclose()
        self._sandbox = None

    def is_command(self, text: str) -> bool:
        return extract_command(text) is not None

    async def run(self, learner: LearnerRecord, text: str, language: Language) -> CommandRun:
        try:
            sandbox = await self.sandbox()
        except SandboxUnavailable:
            self.records.log_command(learner.id, self._clock(), text, "unavailable", UNAVAILABLE)
            return CommandRun([Reply(say("sandbox_unavailable", language))], refused=True)
        result = await sandbox.run(learner.key, text, language)
        now = self._clock()
        self.records.log_command(learner.id, now, text, _outcome(result), result.refused_reason)
        if result.refused_reason != UNAVAILABLE:
            self.records.use_namespace(learner.id, result.namespace, now)
        if result.refused_reason is not None:
            return CommandRun(
                [Reply(result.output.strip(), simulated=result.simulated)], refused=True
            )
        output = result.output.rstrip("\n") or say("sandbox_no_output", language)
        return CommandRun([Reply("", code=output, simulated=result.simulated)])

    async def overview(self, learner: LearnerRecord, language: Language) -> list[Outgoing]:
        try:
            sandbox = await self.sandbox()
        except SandboxUnavailable:
            return [Reply(say("sandbox_unavailable", language))]
        listing = await sandbox.objects(learner.key)
        self.records.use_namespace(learner.id, sandbox.namespace(learner.key), self._clock())
        return [
            Reply(
                say("sandbox_overview", language),
                title=say("sandbox_title", language),
                code=listing.rstrip("\n"),
                simulated=sandbox.simulated,
            )
        ]

    async def reset(self, learner: LearnerRecord, language: Language) -> list[Outgoing]:
        try:
            sandbox = await self.sandbox()
        except SandboxUnavailable:
            return [Reply(say("sandbox_unavailable", language))]
        await sandbox.reset(learner.key)
        self.records.use_namespace(learner.id, sandbox.namespace(learner.key), self._clock())
        return [Reply(say("sandbox_reset_done", language), replaces=True)]

    async def check(self, learner_key: str, checks: Sequence[ObjectCheck]) -> CheckOutcome:
        from sandbox.kubeapi import ApiError, ClusterUnavailable

        try:
            result = await (await self.sandbox()).check(learner_key, checks)
        except (SandboxUnavailable, ClusterUnavailable, ApiError) as error:
            return CheckOutcome(False, str(error))
        return CheckOutcome(result.passed, result.detail)

    async def cleanup_idle(self, max_idle: timedelta) -> list[str]:
        """Delete namespaces unused for ``max_idle``; the scheduled job calls this."""
        sandbox = await self.sandbox()
        deleted = await sandbox.cleanup_idle(
            self.records.last_used_by_learner_key(), self._clock(), max_idle
        )
        self.records.forget_namespaces(deleted)
        logger.info("deleted %d idle sandbox namespaces", len(deleted))
        return deleted


def _outcome(result: SandboxResult) -> str:
    if result.ok:
        return "ok"
    if result.refused_reason == UNAVAILABLE:
        return "unavailable"
    return "refused" if result.refused_reason else "error"
