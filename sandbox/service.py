"""The sandbox as the bot sees it: a chat message in, kubectl's output (or a refusal) out.

`Sandbox.run` is the whole path of a learner's command: rate limit, parsing and policy
(refused before any API call), the object limit for creating commands, the learner's
namespace made on first use, then the API calls as the learner's ServiceAccount. A
cluster that is down or slow yields a clear message within the timeouts and never an
exception, so lessons, quizzes and reviews carry on.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sandbox.checks import CheckResult, CheckSpec, evaluate
from sandbox.cluster import Cluster
from sandbox.commandline import Command, extract_command
from sandbox.executor import execute
from sandbox.kubeapi import ApiError, ClusterUnavailable, object_path
from sandbox.limits import DEFAULT_LIMITS, Limits
from sandbox.manifests import load_manifests
from sandbox.policy import screen
from sandbox.printing.errors import server_error
from sandbox.printing.table import TablePart, print_tables
from sandbox.provisioning import Provisioner, namespace_for
from sandbox.quota import check_room, count_objects
from sandbox.ratelimit import RateLimiter
from sandbox.refusals import CommandRefused, render
from sandbox.verbs.context import (
    CONFIGMAPS,
    DEPLOYMENTS,
    PODS,
    REPLICASETS,
    SERVICES,
    Context,
    kind_prefix,
    path_of,
)

logger = logging.getLogger(__name__)
_REAPED_WAIT = 30.0
"""Seconds a learner's command waits for their just-reaped namespace to be gone."""
Language = Literal["ko", "en"]

_COUNTED = (PODS, SERVICES, DEPLOYMENTS, REPLICASETS, CONFIGMAPS)
_CREATING = {("create", "deployment"), ("create", "service", "clusterip"),
             ("create", "service", "nodeport"), ("create", "service", "loadbalancer"),
             ("create", "configmap"), ("run",), ("expose",)}
_UNAVAILABLE = {
    "en": "The practice cluster is not answering right now ({detail}). Lessons, quizzes and "
          "reviews still work; try the command again in a minute.",
    "ko": "실습 클러스터가 지금 응답하지 않습니다({detail}). 레슨, 퀴즈, 복습은 그대로 "
          "할 수 있으니 잠시 후 명령을 다시 입력해 보세요.",
}


@dataclass(frozen=True)
class SandboxResult:
    """What a learner's command produced.

    Attributes:
        output: what kubectl (or minikube) would print, or the refusal in the learner's
            language.
        ok: the command ran and succeeded (kubectl would exit 0).
        refused_reason: the policy's reason code when the command was refused, for the
            command log; "cluster_unavailable" when the cluster did not answer.
        simulated: the answer came from the embedded simulated cluster.
        namespace: the learner's namespace.
    """

    output: str
    ok: bool
    refused_reason: str | None
    simulated: bool
    namespace: str


class Sandbox:
    """Runs learners' kubectl and minikube commands on the connected cluster."""

    def __init__(self, cluster: Cluster, *, limits: Limits = DEFAULT_LIMITS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._cluster = cluster
        self._limits = limits
        self._rate = RateLimiter(limits, clock=clock)
        self._provisioner = Provisioner(cluster)
        self._reaped: set[str] = set()

    @property
    def simulated(self) -> bool:
        """Whether the connected cluster is the embedded simulated one."""
        return self._cluster.simulated

    def namespace(self, learner_key: str) -> str:
        """The learner's namespace name."""
        return namespace_for(learner_key)

    def is_command(self, text: str) -> bool:
        """Whether the message is a kubectl, k or minikube command (perhaps in a code block)."""
        return extract_command(text) is not None

    async def run(self, learner_key: str, text: str, language: Language) -> SandboxResult:
        """Run the command in `text` for the learner and return what to show them."""
        namespace = namespace_for(learner_key)
        try:
            self._rate.enforce(learner_key)
            command = screen(text, namespace=namespace, limits=self._limits)
            await self._ensure(namespace)
            ctx = Context(self._cluster.learner(namespace), namespace, self._cluster, language)
            await self._check_room(command, ctx)
            out = await execute(command, ctx)
        except CommandRefused as refusal:
            return self._result(render(refusal, language), False, refusal.reason, namespace)
        except ClusterUnavailable as error:
            logger.warning("sandbox cluster unavailable: %s", error.detail)
            return self._result(_UNAVAILABLE[language].format(detail=error.detail), False,
                                "cluster_unavailable", namespace)
        except ApiError as error:
            return self._result(server_error(error.status), False, None, namespace)
        return self._result(out.text, out.ok, None, namespace)

    async def objects(self, learner_key: str) -> str:
        """The learner's namespace and what is in it, as `kubectl get all,cm` shows it."""
        namespace = namespace_for(learner_key)
        try:
            await self._ensure(namespace)
            api = self._cluster.learner(namespace)
            parts = [TablePart(await api.table(path_of(r, namespace)), kind_prefix(r))
                     for r in _COUNTED]
        except ClusterUnavailable as error:
            return _UNAVAILABLE["en"].format(detail=error.detail)
        listing = print_tables(parts)
        return f"namespace: {namespace}\n\n" + (listing or "(empty)\n")

    async def reset(self, learner_key: str) -> None:
        """Delete the learner's namespace (waiting until it is gone) and make it afresh."""
        namespace = namespace_for(learner_key)
        await self._provisioner.delete(namespace)
        self._reaped.discard(namespace)
        await self._provisioner.ensure(namespace)

    async def cleanup_idle(self, last_used: Mapping[str, datetime], now: datetime,
                           max_idle: timedelta) -> list[str]:
        """Delete learner namespaces idle for longer than `max_idle`; return their names.

        Args:
            last_used: when each learner (by learner key) last ran a command.
            now: the current time (UTC-aware).
            max_idle: how long a namespace may sit unused.
        """
        by_namespace = {namespace_for(key): used for key, used in last_used.items()}
        idle = await self._provisioner.list_idle(by_namespace, now, max_idle)
        for namespace in idle:
            await self._provisioner.delete(namespace, wait=0)
            self._reaped.add(namespace)
        return idle

    async def check(self, learner_key: str, checks: Sequence[CheckSpec]) -> CheckResult:
        """Evaluate a practice step's checks against the learner's namespace."""
        namespace = namespace_for(learner_key)
        await self._ensure(namespace)
        return await evaluate(self._cluster.learner(namespace), namespace, checks)

    async def _ensure(self, namespace: str) -> None:
        """Provision the learner's namespace, first waiting out the deletion of one that
        `cleanup_idle` reaped without waiting: until it is gone, the API server refuses
        anything created in it ("being terminated")."""
        if namespace in self._reaped:
            path = object_path("namespaces", "", None, namespace)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + _REAPED_WAIT
            while loop.time() < deadline:
                try:
                    await self._cluster.bot.get(path)
                except ApiError as error:
                    if error.code != 404:
                        raise
                    break
                await asyncio.sleep(0.2)
            self._reaped.discard(namespace)
        await self._provisioner.ensure(namespace)

    async def _check_room(self, command: Command, ctx: Context) -> None:
        """Refuse a creating command that would take the learner past the object limit."""
        if command.program != "kubectl":
            return
        if command.verb in _CREATING:
            adding = 1
        elif command.verb in (("apply",), ("create",)) and command.stdin:
            adding = len(load_manifests(command.stdin, limits=self._limits))
        else:
            return
        lists = [await ctx.api.get(path_of(r, ctx.namespace)) for r in _COUNTED]
        check_room(count_objects(lists), adding, limits=self._limits)

    def _result(self, output: str, ok: bool, reason: str | None,
                namespace: str) -> SandboxResult:
        text = output if output.endswith("\n") or not output else output + "\n"
        return SandboxResult(text, ok, reason, self._cluster.simulated, namespace)
