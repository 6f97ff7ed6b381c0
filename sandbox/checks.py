"""Declarative practice checks evaluated against a learner's namespace.

A lesson's practice step says what should be true after the learner's command
("deployment/example-app exists", "its spec.replicas equals 3", "at least 1 replica is
ready", "it is gone"); `evaluate` reads the objects as the learner and reports the first
check that does not hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from sandbox.commandline import CommandSyntaxError, lookup_resource
from sandbox.kubeapi import Api, ApiError, Obj
from sandbox.verbs.context import path_of

CheckKind = Literal["exists", "absent", "field_equals", "ready_at_least"]
_INDEX = re.compile(r"^([^\[\]]*)\[(\d+)\]$")


class CheckSpec(Protocol):
    """What a check states; a lesson's own check model fits this shape."""

    @property
    def kind(self) -> str: ...

    @property
    def object(self) -> str: ...

    @property
    def path(self) -> str | None: ...

    @property
    def value(self) -> str | int | None: ...

    @property
    def count(self) -> int | None: ...


@dataclass(frozen=True)
class Check:
    """One condition: `object` as kubectl names it (`deployment/example-app`)."""

    kind: CheckKind
    object: str
    path: str | None = None
    value: str | int | None = None
    count: int | None = None


@dataclass(frozen=True)
class CheckResult:
    """Whether every check held; if not, the first that failed and what was found."""

    passed: bool
    failed: CheckSpec | None = None
    detail: str | None = None


async def evaluate(api: Api, namespace: str, checks: Sequence[CheckSpec]) -> CheckResult:
    """Evaluate `checks` in order against `namespace`, reading as `api`'s identity."""
    for check in checks:
        detail = await _failure(api, namespace, check)
        if detail is not None:
            return CheckResult(False, check, detail)
    return CheckResult(True)


async def _failure(api: Api, namespace: str, check: CheckSpec) -> str | None:
    """None when the check holds, else a short account of what was found instead."""
    typed, _, name = check.object.partition("/")
    try:
        resource = lookup_resource(typed)
    except CommandSyntaxError:
        return f"unknown kind {typed!r}"
    try:
        obj: Obj | None = await api.get(path_of(resource, namespace, name))
    except ApiError as error:
        if error.code != 404:
            raise
        obj = None
    if obj is not None and (obj.get("metadata") or {}).get("deletionTimestamp"):
        obj = None
    if check.kind == "absent":
        return None if obj is None else f"{check.object} still exists"
    if obj is None:
        return f"{check.object} not found"
    if check.kind == "exists":
        return None
    if check.kind == "field_equals":
        found = field_at(obj, check.path or "")
        return None if str(found) == str(check.value) else \
            f"{check.path} is {found!r}, not {check.value!r}"
    ready = _ready(obj)
    wanted = check.count or 0
    return None if ready >= wanted else f"{ready} ready, wanted at least {wanted}"


def field_at(obj: Obj, path: str) -> Any:
    """The value at a dotted path such as `spec.template.spec.containers[0].image`."""
    value: Any = obj
    for part in [p for p in path.split(".") if p]:
        match = _INDEX.match(part)
        key, index = (match.group(1), int(match.group(2))) if match else (part, None)
        if key:
            value = value.get(key) if isinstance(value, dict) else None
        if index is not None:
            value = value[index] if isinstance(value, list) and index < len(value) else None
    return value


def _ready(obj: Obj) -> int:
    status = obj.get("status") or {}
    if obj.get("kind") == "Pod" or ("readyReplicas" not in status and "phase" in status):
        return int(any(c.get("type") == "Ready" and c.get("status") == "True"
                       for c in status.get("conditions") or []))
    return int(status.get("readyReplicas") or 0)
